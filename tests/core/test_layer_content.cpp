// Layers as real GIS deliveries name them (issue 15, items 8 to 10): the utility inferred from
// the layer or field names and said in the notes, roads/parcels/streams drawn as ground cover
// instead of pipes and 10 m buildings, and the fields nothing reads listed.
#include <catch2/catch.hpp>

#include "fixtures.h"
#include "vector_importer.h"

using namespace subterra;
using Catch::Contains;
using Kind = fixtures::FieldFixture::Kind;

namespace {
LayerImport importFixture(const std::string& dir, const fixtures::LayerFixture& fixture, LayerSpec spec = {}) {
    spec.source = fixtures::writeVector(dir + "/" + fixture.name + ".geojson", "GeoJSON", {fixture});
    return importVectorLayer(spec, ImportContext{fixtures::wktOf("EPSG:32651"), [](double, double) { return 4.0; }});
}

std::string notesOf(const LayerImport& layer) {
    std::string notes;
    for (const auto& note : layer.report.notes) notes += note + "\n";
    return notes;
}

fixtures::LayerFixture lines(const std::string& name, std::vector<fixtures::FieldFixture> fields = {}) {
    fixtures::LayerFixture layer{name, "EPSG:32651", "LineString", std::move(fields), {}};
    layer.features.push_back({"LINESTRING (352000 3451300,352100 3451300)", {}});
    layer.features.push_back({"LINESTRING (352100 3451300,352100 3451400)", {}});
    return layer;
}
}  // namespace

TEST_CASE("layer content: gullies are storm drainage, said in a note", "[layer-content][issue15]") {
    const std::string dir = fixtures::freshDir("content_gullies");
    fixtures::LayerFixture gullies{"gullies", "EPSG:32651", "Point", {}, {}};
    gullies.features.push_back({"POINT (352000 3451300)", {}});
    const LayerImport layer = importFixture(dir, gullies);
    INFO(fixtures::problemLines(layer.problems));
    REQUIRE(layer.nodes.size() == 1);
    CHECK(layer.nodes[0].utility == UtilityKind::Storm);
    CHECK(layer.report.utility == UtilityKind::Storm);
    CHECK_THAT(notesOf(layer), Contains("utility 'storm' inferred from the name 'gullies' (word 'gully')"));
}

TEST_CASE("layer content: a layer with no telling name takes its utility from a field name",
          "[layer-content][issue15]") {
    const std::string dir = fixtures::freshDir("content_field");
    fixtures::LayerFixture layer1{"layer1", "EPSG:32651", "Point", {{"HYDRANT_NO", Kind::Integer}}, {}};
    layer1.features.push_back({"POINT (352000 3451300)", {{"HYDRANT_NO", "7"}}});
    const LayerImport layer = importFixture(dir, layer1);
    CHECK(layer.report.utility == UtilityKind::Water);
    CHECK_THAT(notesOf(layer), Contains("inferred from the field 'HYDRANT_NO'"));

    fixtures::LayerFixture plain{"things", "EPSG:32651", "Point", {}, {}};
    plain.features.push_back({"POINT (352000 3451300)", {}});
    const LayerImport unknown = importFixture(dir, plain);
    CHECK(unknown.report.utility == UtilityKind::Other);
    CHECK_THAT(notesOf(unknown), Contains("utility not recognised in the name 'things'"));
}

TEST_CASE("layer content: the project's utility wins over the name", "[layer-content][issue15]") {
    const std::string dir = fixtures::freshDir("content_declared");
    LayerSpec spec;
    spec.utility = UtilityKind::Gas;
    const LayerImport layer = importFixture(dir, lines("roads"), spec);
    CHECK(layer.segments.size() == 2);
    CHECK(layer.patches.empty());
    CHECK(layer.report.utility == UtilityKind::Gas);
}

TEST_CASE("layer content: road lines become street surfaces on the ground, not pipes", "[layer-content][issue15]") {
    const std::string dir = fixtures::freshDir("content_roads");
    fixtures::LayerFixture roads = lines("roads", {{"DIAM_IN", Kind::Real}});
    roads.features[1].values = {{"DIAM_IN", "8"}};  // a size field a road does not read
    const LayerImport layer = importFixture(dir, roads);
    INFO(fixtures::problemLines(layer.problems));
    CHECK(layer.segments.empty());
    REQUIRE(layer.patches.size() == 2);
    CHECK(layer.report.type == FeatureType::GroundCover);
    CHECK(layer.report.featuresImported == 2);
    CHECK(layer.patches[0].kind == PatchKind::Road);
    double minY = 1e300, maxY = -1e300;
    for (const auto& p : layer.patches[0].outline) minY = std::min(minY, p.y), maxY = std::max(maxY, p.y);
    CHECK(maxY - minY == Approx(7.0).margin(0.01));  // a 7 m street along y = 3451300
    CHECK(layer.patches[0].outline[0].z == Approx(4.0));
    CHECK_THAT(notesOf(layer), Contains("read as road (context, not a utility network)"));
    CHECK_FALSE(layer.report.mapping.get(MappingRole::Diameter));
}

TEST_CASE("layer content: a width field sets the band, streams are water, parcels are lots",
          "[layer-content][issue15]") {
    const std::string dir = fixtures::freshDir("content_streams");
    fixtures::LayerFixture streams = lines("streams", {{"WIDTH", Kind::Real}});
    streams.features[0].values = {{"WIDTH", "12"}};
    const LayerImport water = importFixture(dir, streams);
    REQUIRE(water.patches.size() == 2);
    CHECK(water.patches[0].kind == PatchKind::Water);
    double minY = 1e300, maxY = -1e300;
    for (const auto& p : water.patches[0].outline) minY = std::min(minY, p.y), maxY = std::max(maxY, p.y);
    CHECK(maxY - minY == Approx(12.0).margin(0.01));
    double minX = 1e300, maxX = -1e300;
    for (const auto& p : water.patches[1].outline) minX = std::min(minX, p.x), maxX = std::max(maxX, p.x);
    CHECK(maxX - minX == Approx(3.0).margin(0.01));  // no width: a 3 m stream

    fixtures::LayerFixture parcels{"parcels", "EPSG:32651", "Polygon", {}, {}};
    parcels.features.push_back(
        {"POLYGON ((352000 3451300,352030 3451300,352030 3451320,352000 3451320,352000 3451300))", {}});
    const LayerImport lots = importFixture(dir, parcels);
    CHECK(lots.buildings.empty());  // not a 10 m building
    REQUIRE(lots.patches.size() == 1);
    CHECK(lots.patches[0].kind == PatchKind::Parcel);
    CHECK(lots.patches[0].outline.size() == 4);
}

TEST_CASE("layer content: contours and road points are skipped with one warning", "[layer-content][issue15]") {
    const std::string dir = fixtures::freshDir("content_skip");
    const LayerImport contours = importFixture(dir, lines("contours"));
    CHECK(contours.segments.empty());
    CHECK(contours.patches.empty());
    REQUIRE(contours.problems.size() == 1);
    CHECK(contours.problems[0].severity == Severity::Warning);
    CHECK_THAT(contours.problems[0].message, Contains("not drawn: read as skip from the name 'contours'"));

    fixtures::LayerFixture signs{"road_signs", "EPSG:32651", "Point", {}, {}};
    signs.features.push_back({"POINT (352000 3451300)", {}});
    const LayerImport points = importFixture(dir, signs);
    CHECK(points.nodes.empty());
    REQUIRE(points.problems.size() == 1);
    CHECK_THAT(points.problems[0].message, Contains("not drawn: read as road"));
}

TEST_CASE("layer content: the fields no role reads are listed, and --field maps one", "[layer-content][issue15]") {
    const std::string dir = fixtures::freshDir("content_fields");
    fixtures::LayerFixture mains =
        lines("water_mains", {{"DN_MM", Kind::Real}, {"OWNER", Kind::Text}, {"PIPESZ", Kind::Real}});
    mains.features[0].values = {{"DN_MM", "150"}, {"OWNER", "city"}, {"PIPESZ", "8"}};
    const LayerImport guessed = importFixture(dir, mains);
    CHECK(guessed.report.unusedFields == std::vector<std::string>{"OWNER", "PIPESZ"});
    REQUIRE(guessed.segments.size() == 2);
    CHECK(guessed.segments[0].section.diameterM == Approx(0.150));

    std::string error;
    const auto assignment = parseFieldAssignment("diameter=pipesz:in", error);
    REQUIRE(assignment);
    LayerSpec spec;
    spec.fieldOverrides.set(assignment->first, assignment->second);
    const LayerImport mapped = importFixture(dir, mains, spec);
    REQUIRE(mapped.report.mapping.get(MappingRole::Diameter));
    CHECK(mapped.report.mapping.get(MappingRole::Diameter)->field == "PIPESZ");  // the layer's spelling
    CHECK(mapped.segments[0].section.diameterM == Approx(0.2032));
    CHECK(mapped.report.unusedFields == std::vector<std::string>{"DN_MM", "OWNER"});
}

TEST_CASE("layer content: --field text that is not a role, a unit or ROLE=FIELD is refused",
          "[layer-content][issue15]") {
    std::string error;
    CHECK_FALSE(parseFieldAssignment("diam=X", error));
    CHECK_THAT(error, Contains("unknown mapping role 'diam'"));
    CHECK_FALSE(parseFieldAssignment("diameter=X:furlong", error));
    CHECK_THAT(error, Contains("unknown unit 'furlong'"));
    CHECK_FALSE(parseFieldAssignment("material=MAT:mm", error));
    CHECK_THAT(error, Contains("'material' is not a length"));
    CHECK_FALSE(parseFieldAssignment("diameter", error));
    CHECK_THAT(error, Contains("is not ROLE=FIELD"));
    const auto cover = parseFieldAssignment("cover=DEPTH_TOP", error);
    REQUIRE(cover);
    CHECK(cover->first == MappingRole::Cover);
    CHECK(cover->second.field == "DEPTH_TOP");
    CHECK_FALSE(cover->second.unitExplicit);
}
