// The GDAL vector importer on fixtures written at test time: GeoJSON, GeoPackage and CSV with WKT;
// lines, points and polygons; reprojection; ids; the Z rules as the importer applies them.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>

#include "crs.h"
#include "fixtures.h"
#include "vector_importer.h"

using namespace subterra;
using fixtures::FeatureFixture;
using fixtures::FieldFixture;
using fixtures::LayerFixture;
using Kind = FieldFixture::Kind;

namespace {
using fixtures::wktOf;

ImportContext contextIn(const std::string& userCrs, double groundZ = 5.0) {
    return ImportContext{userCrs.empty() ? std::string() : wktOf(userCrs),
                         [groundZ](double, double) { return groundZ; }};
}

LayerSpec specFor(const std::string& source, const std::string& table = "", const std::string& name = "") {
    LayerSpec spec;
    spec.source = source;
    spec.table = table;
    spec.name = name.empty() ? table : name;
    return spec;
}

const Segment* findSegment(const LayerImport& layer, const std::string& id) {
    for (const auto& s : layer.segments)
        if (s.id == id) return &s;
    return nullptr;
}

// The reference points below were computed once by hand with GDAL's own command line tool, which
// goes through PROJ independently of the importer code:
//   printf "121.45 31.2\n121.46 31.21\n121.455 31.205\n" |
//     gdaltransform -s_srs EPSG:4326 -t_srs EPSG:32651 -output_xy      (GDAL 3.6.2)
//   352328.926286 3452802.18785472
//   353297.190221619 3453897.34809531
//   352813.083040243 3453349.75760259
constexpr double kRefX0 = 352328.926286, kRefY0 = 3452802.18785472;
constexpr double kRefX1 = 353297.190221619, kRefY1 = 3453897.34809531;
constexpr double kRefXc = 352813.083040243, kRefYc = 3453349.75760259;

LayerFixture waterLinesLonLat() {
    LayerFixture layer{"water_mains",
                       "EPSG:4326",
                       "LineString",
                       {{"PIPE_ID", Kind::Text},
                        {"DN", Kind::Integer},
                        {"MATERIAL", Kind::Text},
                        {"YEAR", Kind::Integer},
                        {"COVER", Kind::Real}},
                       {}};
    layer.features.push_back(
        {"LINESTRING (121.45 31.2,121.46 31.21)",
         {{"PIPE_ID", "W-1"}, {"DN", "300"}, {"MATERIAL", "DI"}, {"YEAR", "1998"}, {"COVER", "1.1"}}});
    layer.features.push_back(
        {"LINESTRING (121.455 31.205,121.46 31.21)",
         {{"PIPE_ID", "W-2"}, {"DN", "150"}, {"MATERIAL", "PE"}, {"YEAR", "2015"}, {"COVER", std::nullopt}}});
    return layer;
}
}  // namespace

TEST_CASE("vector: GeoJSON lines in lon/lat are reprojected into UTM 51N within 1 cm", "[vector][crs]") {
    const std::string dir = fixtures::freshDir("vector_geojson_reproject");
    const std::string path = fixtures::writeVector(dir + "/water.geojson", "GeoJSON", {waterLinesLonLat()});
    const LayerImport layer = importVectorLayer(specFor(path), contextIn("EPSG:32651"));
    INFO(fixtures::problemLines(layer.problems));
    CHECK_FALSE(hasErrors(layer.problems));
    REQUIRE(layer.segments.size() == 2);
    const Segment* w1 = findSegment(layer, "W-1");
    REQUIRE(w1);
    REQUIRE(w1->points.size() == 2);
    CHECK(std::abs(w1->points[0].x - kRefX0) < 0.01);
    CHECK(std::abs(w1->points[0].y - kRefY0) < 0.01);
    CHECK(std::abs(w1->points[1].x - kRefX1) < 0.01);
    CHECK(std::abs(w1->points[1].y - kRefY1) < 0.01);
    const Segment* w2 = findSegment(layer, "W-2");
    REQUIRE(w2);
    CHECK(std::abs(w2->points[0].x - kRefXc) < 0.01);
    CHECK(std::abs(w2->points[0].y - kRefYc) < 0.01);

    // Attributes through the guessed mapping; the utility from the layer name.
    CHECK(w1->utility == UtilityKind::Water);
    CHECK(w1->section.diameterM == Approx(0.3));
    CHECK_FALSE(w1->section.assumed);
    CHECK(w1->material == "DI");
    CHECK(w1->installYear == 1998);
    CHECK(w1->attributes.at("PIPE_ID") == "W-1");
    // Cover 1.1 m under flat ground at 5 m: centre = 5 - 1.1 - 0.15.
    CHECK(w1->depthSource == DepthSource::CoverDepth);
    CHECK(w1->points[0].z == Approx(3.75));
    // A NULL cover is unknown depth: the default water cover is assumed, not 0.
    CHECK(w2->depthSource == DepthSource::Assumed);
    CHECK(w2->points[0].z == Approx(5.0 - 1.2 - 0.075));

    CHECK(layer.report.featuresRead == 2);
    CHECK(layer.report.featuresImported == 2);
    CHECK(layer.report.type == FeatureType::Segments);
    CHECK(layer.report.driver == "GeoJSON");
    CHECK(layer.report.depthSources[size_t(DepthSource::CoverDepth)] == 1);
    CHECK(layer.report.depthSources[size_t(DepthSource::Assumed)] == 1);
    CHECK(crsIsGeographic(layer.report.sourceCrsWkt));
    REQUIRE(layer.report.extent.valid());
    CHECK(layer.report.extent.minX == Approx(kRefX0).margin(0.01));
    CHECK(layer.report.extent.maxY == Approx(kRefY1).margin(0.01));
}

TEST_CASE("vector: a GeoPackage with lines points and polygons gives segments nodes and buildings", "[vector]") {
    const std::string dir = fixtures::freshDir("vector_gpkg");
    LayerFixture sewer{
        "sewer",
        "EPSG:32651",
        "LineString",
        {{"PIPE_ID", Kind::Text}, {"DIAMETER", Kind::Integer}, {"US_IL", Kind::Real}, {"DS_IL", Kind::Real}},
        {{"LINESTRING (352000 3451000,352040 3451000)",
          {{"PIPE_ID", "S-1"}, {"DIAMETER", "600"}, {"US_IL", "2.0"}, {"DS_IL", "1.8"}}}}};
    LayerFixture manholes{"manholes",
                          "EPSG:32651",
                          "Point",
                          {{"MH_ID", Kind::Text},
                           {"KIND", Kind::Text},
                           {"COVER_LEVEL", Kind::Real},
                           {"INVERT_LEVEL", Kind::Real},
                           {"DEPTH", Kind::Real}},
                          {{"POINT (352000 3451000)",
                            {{"MH_ID", "MH-1"}, {"KIND", "manhole"}, {"COVER_LEVEL", "5.5"}, {"INVERT_LEVEL", "2.0"}}},
                           {"POINT (352040 3451000)", {{"MH_ID", "V-1"}, {"KIND", "valve"}, {"DEPTH", "1.5"}}}}};
    LayerFixture buildings{"buildings",
                           "EPSG:32651",
                           "Polygon",
                           {{"BLDG_ID", Kind::Text}, {"HEIGHT", Kind::Real}, {"BASEMENT", Kind::Real}},
                           {{"POLYGON ((352010 3451010,352030 3451010,352030 3451030,352010 3451030,352010 3451010),"
                             "(352015 3451015,352020 3451015,352020 3451020,352015 3451015))",
                             {{"BLDG_ID", "B-1"}, {"HEIGHT", "24"}, {"BASEMENT", "3"}}}}};
    const std::string path = fixtures::writeVector(dir + "/district.gpkg", "GPKG", {sewer, manholes, buildings});
    const ImportContext context = contextIn("EPSG:32651", 5.0);

    const LayerImport pipes = importVectorLayer(specFor(path, "sewer"), context);
    INFO(fixtures::problemLines(pipes.problems));
    CHECK(pipes.problems.empty());
    REQUIRE(pipes.segments.size() == 1);
    const Segment& s = pipes.segments[0];
    CHECK(s.id == "S-1");
    CHECK(s.utility == UtilityKind::Sewer);
    CHECK(s.section.diameterM == Approx(0.6));
    CHECK(s.depthSource == DepthSource::Invert);
    CHECK(s.points[0].x == 352000.0);  // same CRS: no transformation, no rounding
    CHECK(s.points[0].z == Approx(2.3));
    CHECK(s.points[1].z == Approx(2.1));
    CHECK(pipes.report.driver == "GPKG");
    CHECK(pipes.report.depthSources[size_t(DepthSource::Invert)] == 1);

    const LayerImport nodes = importVectorLayer(specFor(path, "manholes"), context);
    INFO(fixtures::problemLines(nodes.problems));
    CHECK(nodes.problems.empty());
    REQUIRE(nodes.nodes.size() == 2);
    CHECK(nodes.report.type == FeatureType::Nodes);
    const Node& mh = nodes.nodes[0];
    CHECK(mh.id == "MH-1");
    CHECK(mh.kind == NodeKind::Manhole);
    CHECK(mh.groundZ == Approx(5.5));
    CHECK(mh.invertZ == Approx(2.0));
    CHECK(mh.depthSource == DepthSource::Invert);
    const Node& valve = nodes.nodes[1];
    CHECK(valve.kind == NodeKind::Valve);
    CHECK(valve.groundZ == Approx(5.0));  // from the ground function
    CHECK(valve.invertZ == Approx(3.5));
    CHECK(valve.depthSource == DepthSource::CoverDepth);

    const LayerImport blocks = importVectorLayer(specFor(path, "buildings"), context);
    INFO(fixtures::problemLines(blocks.problems));
    CHECK(blocks.problems.empty());
    REQUIRE(blocks.buildings.size() == 1);
    const Building& b = blocks.buildings[0];
    CHECK(b.id == "B-1");
    CHECK(b.heightM == Approx(24));
    CHECK(b.basementDepthM == Approx(3));
    CHECK(b.baseZ == Approx(5.0));
    CHECK(b.footprint.size() == 4);  // the closing point is not repeated
    REQUIRE(b.holes.size() == 1);
    CHECK(b.holes[0].size() == 3);
}

TEST_CASE("vector: a CSV with a WKT column is read and its type told by its geometry", "[vector][csv]") {
    const std::string dir = fixtures::freshDir("vector_csv");
    // Written as text, the way such files arrive: every field is text, there is no CRS.
    const std::string path =
        fixtures::writeText(dir + "/gas_pipes.csv",
                            "WKT,PIPE_ID,DN,DEPTH\n"
                            "\"LINESTRING (352000 3451000,352100 3451000)\",G-1,200,0.9\n"
                            "\"LINESTRING (352100 3451000,352100 3451050,352150 3451050)\",G-2,100,\n");
    const LayerImport layer = importVectorLayer(specFor(path), contextIn("EPSG:32651"));
    INFO(fixtures::problemLines(layer.problems));
    CHECK_FALSE(hasErrors(layer.problems));
    CHECK(layer.report.driver == "CSV");
    CHECK(layer.report.type == FeatureType::Segments);
    REQUIRE(layer.segments.size() == 2);
    const Segment* g1 = findSegment(layer, "G-1");
    const Segment* g2 = findSegment(layer, "G-2");
    REQUIRE(g1);
    REQUIRE(g2);
    CHECK(g1->utility == UtilityKind::Gas);
    CHECK(g1->section.diameterM == Approx(0.2));
    CHECK(g1->depthSource == DepthSource::CoverDepth);
    CHECK(g1->points[0].z == Approx(5.0 - 0.9 - 0.1));
    CHECK(g2->points.size() == 3);
    CHECK(g2->depthSource == DepthSource::Assumed);
    // No CRS in a CSV: a warning, and coordinates are taken as they are.
    CHECK(fixtures::countProblems(layer.problems, {"warning", path, "no CRS declared"}) == 1);
    CHECK(g1->points[0].x == 352000.0);
}

TEST_CASE("vector: a MultiLineString is split into one segment per part", "[vector]") {
    const std::string dir = fixtures::freshDir("vector_multiline");
    LayerFixture layer{"power",
                       "EPSG:32651",
                       "MultiLineString",
                       {{"DUCT_ID", Kind::Text}, {"WIDTH", Kind::Real}, {"HEIGHT", Kind::Real}},
                       {{"MULTILINESTRING ((0 0,10 0),(20 0,30 0,30 10),EMPTY)",
                         {{"DUCT_ID", "P-7"}, {"WIDTH", "0.6"}, {"HEIGHT", "0.4"}}},
                        {"MULTILINESTRING ((0 20,10 20))", {{"DUCT_ID", "P-8"}, {"WIDTH", "0.6"}, {"HEIGHT", "0.4"}}}}};
    const std::string path = fixtures::writeVector(dir + "/power.gpkg", "GPKG", {layer});
    const LayerImport result = importVectorLayer(specFor(path, "power"), contextIn("EPSG:32651"));
    INFO(fixtures::problemLines(result.problems));
    CHECK_FALSE(hasErrors(result.problems));
    REQUIRE(result.segments.size() == 3);
    CHECK(result.segments[0].id == "P-7#1");
    CHECK(result.segments[1].id == "P-7#2");
    CHECK(result.segments[1].points.size() == 3);
    CHECK(result.segments[2].id == "P-8");  // a single part keeps the plain id
    CHECK(result.segments[0].section.shape == CrossSection::Shape::Rectangular);
    CHECK(result.segments[0].section.widthM == Approx(0.6));
    CHECK(result.segments[0].section.heightM == Approx(0.4));
    CHECK(result.segments[0].utility == UtilityKind::Power);
    // Counts are per source feature.
    CHECK(result.report.featuresRead == 2);
    CHECK(result.report.featuresImported == 2);
}

TEST_CASE("vector: feature ids come from the id field or are FID n", "[vector]") {
    const std::string dir = fixtures::freshDir("vector_ids");
    LayerFixture noIds{"telecom",
                       "EPSG:32651",
                       "LineString",
                       {{"OWNER", Kind::Text}},
                       {{"LINESTRING (0 0,10 0)", {{"OWNER", "A"}}}, {"LINESTRING (0 5,10 5)", {{"OWNER", "B"}}}}};
    LayerFixture withIds{"water",
                         "EPSG:32651",
                         "LineString",
                         {{"ASSET_ID", Kind::Text}},
                         {{"LINESTRING (0 0,10 0)", {{"ASSET_ID", "WTR-0042"}}},
                          {"LINESTRING (0 5,10 5)", {{"ASSET_ID", std::nullopt}}}}};
    const std::string path = fixtures::writeVector(dir + "/ids.gpkg", "GPKG", {noIds, withIds});
    const LayerImport a = importVectorLayer(specFor(path, "telecom"), contextIn("EPSG:32651"));
    REQUIRE(a.segments.size() == 2);
    CHECK(a.segments[0].id == "FID 1");  // GeoPackage FIDs start at 1
    CHECK(a.segments[1].id == "FID 2");
    const LayerImport b = importVectorLayer(specFor(path, "water"), contextIn("EPSG:32651"));
    REQUIRE(b.segments.size() == 2);
    CHECK(b.segments[0].id == "WTR-0042");
    CHECK(b.segments[1].id == "FID 2");  // a NULL id falls back to the FID
    CHECK(b.segments[0].layer == "water");
}

TEST_CASE("vector: 3D lines keep measured z but z = 0 everywhere is treated as 2D", "[vector][depth]") {
    const std::string dir = fixtures::freshDir("vector_z");
    LayerFixture layer{"heating",
                       "EPSG:32651",
                       "LineString25D",
                       {{"PIPE_ID", Kind::Text}, {"DN", Kind::Integer}},
                       {{"LINESTRING Z (0 0 3.5,50 0 3.2)", {{"PIPE_ID", "H-1"}, {"DN", "400"}}},
                        {"LINESTRING Z (0 5 0,50 5 0)", {{"PIPE_ID", "H-2"}, {"DN", "400"}}}}};
    const std::string path = fixtures::writeVector(dir + "/heating.gpkg", "GPKG", {layer});
    const LayerImport result = importVectorLayer(specFor(path, "heating"), contextIn("EPSG:32651", 6.0));
    REQUIRE(result.segments.size() == 2);
    const Segment* measured = findSegment(result, "H-1");
    const Segment* flat = findSegment(result, "H-2");
    REQUIRE(measured);
    REQUIRE(flat);
    CHECK(measured->depthSource == DepthSource::Measured3D);
    CHECK(measured->points[0].z == Approx(3.5));
    CHECK(measured->points[1].z == Approx(3.2));
    CHECK(flat->depthSource == DepthSource::Assumed);
    CHECK(flat->points[0].z == Approx(6.0 - defaultCoverM(UtilityKind::Heating) - 0.2));
}

TEST_CASE("vector: a guessed diameter field holding 0.1 to 0.4 is read as metres", "[vector][mapping][units]") {
    const std::string dir = fixtures::freshDir("vector_diameter_unit");
    LayerFixture layer{"pipes", "EPSG:32651", "LineString", {{"name", Kind::Text}, {"diameter", Kind::Real}}, {}};
    const char* values[] = {"0.1", "0.15", "0.2", "0.3", "0.4"};
    for (int i = 0; i < 5; ++i)
        layer.features.push_back({"LINESTRING (0 " + std::to_string(i * 10) + ",100 " + std::to_string(i * 10) + ")",
                                  {{"name", "P" + std::to_string(i)}, {"diameter", values[i]}}});
    const std::string path = fixtures::writeVector(dir + "/pipes.geojson", "GeoJSON", {layer});

    const LayerImport guessed = importVectorLayer(specFor(path), contextIn("EPSG:32651"));
    INFO(fixtures::problemLines(guessed.problems));
    REQUIRE(guessed.segments.size() == 5);
    for (int i = 0; i < 5; ++i) CHECK(guessed.segments[i].section.diameterM == Approx(std::stod(values[i])));
    const FieldRef* ref = guessed.report.mapping.get(MappingRole::Diameter);
    REQUIRE(ref);
    CHECK(ref->field == "diameter");
    CHECK(ref->unit == LengthUnit::Metre);  // `info` shows the inferred unit
    CHECK(ref->guessed);

    // An explicit unit is the user's word: never changed, however odd the values.
    LayerSpec spec = specFor(path);
    spec.mapping.set(MappingRole::Diameter, FieldRef{"diameter", LengthUnit::Centimetre, false, true});
    const LayerImport explicitUnit = importVectorLayer(spec, contextIn("EPSG:32651"));
    REQUIRE(explicitUnit.segments.size() == 5);
    CHECK(explicitUnit.segments[4].section.diameterM == Approx(0.004));
    REQUIRE(explicitUnit.report.mapping.get(MappingRole::Diameter));
    CHECK(explicitUnit.report.mapping.get(MappingRole::Diameter)->unit == LengthUnit::Centimetre);

    // Millimetre values in a guessed field stay millimetres.
    LayerFixture mm = layer;
    const char* mmValues[] = {"100", "150", "200", "300", "400"};
    for (int i = 0; i < 5; ++i) mm.features[i].values[1].second = mmValues[i];
    const std::string mmPath = fixtures::writeVector(dir + "/pipes_mm.geojson", "GeoJSON", {mm});
    const LayerImport inMm = importVectorLayer(specFor(mmPath), contextIn("EPSG:32651"));
    REQUIRE(inMm.segments.size() == 5);
    CHECK(inMm.segments[0].section.diameterM == Approx(0.1));
    CHECK(inMm.report.mapping.get(MappingRole::Diameter)->unit == LengthUnit::Millimetre);
}

TEST_CASE("vector: listing layers and probing a layer read no features", "[vector]") {
    const std::string dir = fixtures::freshDir("vector_probe");
    LayerFixture a{"water", "EPSG:4326", "LineString", {}, {{"LINESTRING (121.45 31.2,121.46 31.21)", {}}}};
    LayerFixture b{"gas", "EPSG:32651", "LineString", {}, {{"LINESTRING (0 0,1 1)", {}}}};
    const std::string path = fixtures::writeVector(dir + "/two.gpkg", "GPKG", {a, b});
    std::string error;
    const auto names = listVectorLayers(path, error);
    REQUIRE(names.size() == 2);
    CHECK(std::count(names.begin(), names.end(), "water") == 1);
    CHECK(std::count(names.begin(), names.end(), "gas") == 1);
    const auto probe = probeVectorLayer(path, "water", error);
    REQUIRE(probe);
    CHECK(crsIsGeographic(probe->crsWkt));
    CHECK(probe->extent.minX == Approx(121.45));
    CHECK(probe->extent.maxY == Approx(31.21));
    // With two tables and none named, the importer asks for one.
    const LayerImport unnamed = importVectorLayer(specFor(path), contextIn("EPSG:32651"));
    CHECK(fixtures::countProblems(unnamed.problems, {"error", path, "several layers", "\"table\""}) == 1);
    const LayerImport wrong = importVectorLayer(specFor(path, "sewer"), contextIn("EPSG:32651"));
    CHECK(fixtures::countProblems(wrong.problems, {"error", path, "has no layer 'sewer'"}) == 1);
}

// ---- Bad input: one clear line per problem (file, layer/feature, what is wrong); good features survive.

namespace {
bool oneLine(const Problems& problems) {
    for (const auto& p : problems)
        if (p.toLine().find('\n') != std::string::npos) return false;
    return true;
}
}  // namespace

TEST_CASE("vector bad input: a missing file is an error naming the file", "[vector][errors]") {
    const std::string dir = fixtures::freshDir("vector_missing");
    const std::string path = dir + "/nowhere.gpkg";
    const LayerImport layer = importVectorLayer(specFor(path, "water"), contextIn("EPSG:32651"));
    CHECK(layer.segments.empty());
    REQUIRE(layer.problems.size() == 1);
    CHECK(layer.problems[0].severity == Severity::Error);
    CHECK(layer.problems[0].toLine() == "error: " + path + ": layer 'water': file not found");
}

TEST_CASE("vector bad input: garbage named gpkg or geojson cannot be read as vector data", "[vector][errors]") {
    const std::string dir = fixtures::freshDir("vector_garbage");
    std::string garbage;
    for (int i = 0; i < 4096; ++i) garbage += char((i * 7919 + 13) % 256);
    const std::string gpkg = fixtures::writeText(dir + "/broken.gpkg", garbage);
    const std::string geojson = fixtures::writeText(dir + "/broken.geojson", garbage);
    const std::string truncated = fixtures::writeText(
        dir + "/truncated.geojson", "{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Fea");
    for (const std::string& path : {gpkg, geojson, truncated}) {
        INFO(path);
        const LayerImport layer = importVectorLayer(specFor(path, "", "broken"), contextIn("EPSG:32651"));
        INFO(fixtures::problemLines(layer.problems));
        CHECK(layer.segments.empty());
        CHECK(fixtures::countProblems(layer.problems, {"error: " + path + ": ", "cannot read as vector data"}) == 1);
        CHECK(oneLine(layer.problems));
        std::string error;
        CHECK(listVectorLayers(path, error).empty());
        CHECK(error.find("cannot read as vector data") != std::string::npos);
    }
}

TEST_CASE("vector bad input: a point layer given as segments is refused by name", "[vector][errors]") {
    const std::string dir = fixtures::freshDir("vector_wrong_type");
    LayerFixture points{"valves", "EPSG:32651", "Point", {{"ID", Kind::Text}}, {{"POINT (1 2)", {{"ID", "V1"}}}}};
    const std::string path = fixtures::writeVector(dir + "/valves.geojson", "GeoJSON", {points});
    LayerSpec spec = specFor(path, "", "valves");
    spec.type = FeatureType::Segments;
    const LayerImport layer = importVectorLayer(spec, contextIn("EPSG:32651"));
    INFO(fixtures::problemLines(layer.problems));
    CHECK(layer.segments.empty());
    CHECK(layer.nodes.empty());
    CHECK(fixtures::countProblems(layer.problems, {"error", path, "layer 'valves'", "Point", "given as segments"}) ==
          1);
    CHECK(oneLine(layer.problems));
}

TEST_CASE("vector bad input: null empty and degenerate geometries are skipped one by one", "[vector][errors]") {
    const std::string dir = fixtures::freshDir("vector_bad_geometry");
    const std::string path = fixtures::writeText(dir + "/pipes.geojson", R"({"type": "FeatureCollection", "features": [
{"type": "Feature", "properties": {"ID": "NULLGEOM", "DN": 100}, "geometry": null},
{"type": "Feature", "properties": {"ID": "EMPTYGEOM", "DN": 100}, "geometry": {"type": "LineString", "coordinates": []}},
{"type": "Feature", "properties": {"ID": "GOOD1", "DN": 100}, "geometry": {"type": "LineString", "coordinates": [[121.45, 31.2], [121.46, 31.21]]}},
{"type": "Feature", "properties": {"ID": "ONEPOINT", "DN": 100}, "geometry": {"type": "LineString", "coordinates": [[121.45, 31.2], [121.45, 31.2]]}},
{"type": "Feature", "properties": {"ID": "APOINT", "DN": 100}, "geometry": {"type": "Point", "coordinates": [121.45, 31.2]}},
{"type": "Feature", "properties": {"ID": "GOOD2", "DN": 100}, "geometry": {"type": "LineString", "coordinates": [[121.455, 31.205], [121.46, 31.21]]}}
]})");
    LayerSpec spec = specFor(path, "", "water");
    spec.type = FeatureType::Segments;
    const LayerImport layer = importVectorLayer(spec, contextIn("EPSG:32651"));
    INFO(fixtures::problemLines(layer.problems));
    CHECK_FALSE(hasErrors(layer.problems));
    REQUIRE(layer.segments.size() == 2);
    CHECK(layer.segments[0].id == "GOOD1");
    CHECK(layer.segments[1].id == "GOOD2");
    CHECK(layer.report.featuresRead == 6);
    CHECK(layer.report.featuresImported == 2);
    const std::string where = path + ": layer 'water' feature '";
    CHECK(fixtures::countProblems(layer.problems, {"warning", where + "NULLGEOM'", "no geometry; feature skipped"}) ==
          1);
    CHECK(fixtures::countProblems(layer.problems,
                                  {"warning", where + "EMPTYGEOM'", "empty geometry; feature skipped"}) == 1);
    CHECK(fixtures::countProblems(layer.problems, {"warning", where + "ONEPOINT'", "fewer than 2 distinct points"}) ==
          1);
    CHECK(fixtures::countProblems(layer.problems, {"warning", where + "APOINT'", "not a line; feature skipped"}) == 1);
    CHECK(fixtures::countProblems(layer.problems, {"GOOD"}) == 0);
    CHECK(oneLine(layer.problems));
}

TEST_CASE("vector bad input: a layer whose every feature is unusable is an error", "[vector][errors]") {
    const std::string dir = fixtures::freshDir("vector_all_bad");
    const std::string path = fixtures::writeText(dir + "/pipes.geojson", R"({"type": "FeatureCollection", "features": [
{"type": "Feature", "properties": {"ID": "A"}, "geometry": null},
{"type": "Feature", "properties": {"ID": "B"}, "geometry": null}]})");
    LayerSpec spec = specFor(path, "", "water");
    spec.type = FeatureType::Segments;
    const LayerImport layer = importVectorLayer(spec, contextIn("EPSG:32651"));
    CHECK(layer.segments.empty());
    CHECK(fixtures::countProblems(layer.problems,
                                  {"error", path, "layer 'water'", "none of 2 features could be used"}) == 1);
}

TEST_CASE("vector bad input: non-numeric zero negative and absurd diameters", "[vector][errors][units]") {
    const std::string dir = fixtures::freshDir("vector_bad_diameters");
    const std::string path = fixtures::writeText(dir + "/water.geojson", R"({"type": "FeatureCollection",
"crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::32651"}}, "features": [
{"type": "Feature", "properties": {"PIPE_ID": "OK", "DIAMETER": "150"}, "geometry": {"type": "LineString", "coordinates": [[0, 0], [10, 0]]}},
{"type": "Feature", "properties": {"PIPE_ID": "TEXT", "DIAMETER": "abc"}, "geometry": {"type": "LineString", "coordinates": [[0, 1], [10, 1]]}},
{"type": "Feature", "properties": {"PIPE_ID": "ZERO", "DIAMETER": "0"}, "geometry": {"type": "LineString", "coordinates": [[0, 2], [10, 2]]}},
{"type": "Feature", "properties": {"PIPE_ID": "NEGATIVE", "DIAMETER": "-100"}, "geometry": {"type": "LineString", "coordinates": [[0, 3], [10, 3]]}},
{"type": "Feature", "properties": {"PIPE_ID": "ABSURD", "DIAMETER": "80000"}, "geometry": {"type": "LineString", "coordinates": [[0, 4], [10, 4]]}},
{"type": "Feature", "properties": {"PIPE_ID": "NULL", "DIAMETER": null}, "geometry": {"type": "LineString", "coordinates": [[0, 5], [10, 5]]}},
{"type": "Feature", "properties": {"PIPE_ID": "OK2", "DIAMETER": " 300 "}, "geometry": {"type": "LineString", "coordinates": [[0, 6], [10, 6]]}}
]})");
    const LayerImport layer = importVectorLayer(specFor(path, "", "water"), contextIn("EPSG:32651"));
    INFO(fixtures::problemLines(layer.problems));
    CHECK_FALSE(hasErrors(layer.problems));
    // Every feature is still drawn: a bad size never costs the pipe.
    REQUIRE(layer.segments.size() == 7);
    const auto section = [&](const std::string& id) {
        const Segment* s = findSegment(layer, id);
        REQUIRE(s);
        return s->section;
    };
    CHECK(section("OK").diameterM == Approx(0.15));
    CHECK_FALSE(section("OK").assumed);
    CHECK(section("OK2").diameterM == Approx(0.3));
    for (const char* id : {"TEXT", "ZERO", "NEGATIVE", "ABSURD", "NULL"}) {
        INFO(id);
        CHECK(section(id).assumed);
        CHECK(section(id).diameterM == Approx(defaultSection(UtilityKind::Water).diameterM));
    }
    CHECK(layer.report.assumedSections == 5);
    const std::string where = path + ": layer 'water' feature '";
    CHECK(fixtures::countProblems(layer.problems,
                                  {"warning: " + where + "TEXT': ", "'DIAMETER'", "not a number", "'abc'"}) == 1);
    CHECK(fixtures::countProblems(layer.problems, {"warning: " + where + "NEGATIVE': ", "-100 mm", "not plausible"}) ==
          1);
    CHECK(fixtures::countProblems(layer.problems, {"warning: " + where + "ABSURD': ", "80000 mm", "not plausible"}) ==
          1);
    // 0 and NULL mean "not recorded": assumed and counted, but not one warning per pipe.
    CHECK(fixtures::countProblems(layer.problems, {"ZERO"}) == 0);
    CHECK(fixtures::countProblems(layer.problems, {"'NULL'"}) == 0);
    CHECK(layer.problems.size() == 3);
    CHECK(oneLine(layer.problems));
}

TEST_CASE("vector bad input: identical warnings are all kept and printed as a few plus a count", "[vector][errors]") {
    const std::string dir = fixtures::freshDir("vector_many_warnings");
    std::string text = R"({"type": "FeatureCollection", "features": [)";
    for (int i = 0; i < 100; ++i)
        text += std::string(i ? "," : "") + R"({"type": "Feature", "properties": {"ID": "P)" + std::to_string(i) +
                R"(", "DN": "n/a"}, "geometry": {"type": "LineString", "coordinates": [[0, 0], [10, 10]]}})";
    const std::string path = fixtures::writeText(dir + "/pipes.geojson", text + "]}");
    const LayerImport layer = importVectorLayer(specFor(path, "", "pipes"), contextIn(""));
    CHECK(layer.segments.size() == 100);
    CHECK(layer.problems.size() == 100);  // `info --json` lists every one
    const auto lines = summarizedProblemLines(layer.problems);
    REQUIRE(lines.size() == 6);
    CHECK_THAT(lines[0], Catch::Contains("P0"));
    CHECK_THAT(lines[5], Catch::Contains("... and 95 more like this"));
}

TEST_CASE("vector: an empty layer is a warning, not an error", "[vector][errors]") {
    const std::string dir = fixtures::freshDir("vector_empty");
    const std::string path =
        fixtures::writeText(dir + "/empty.geojson", "{\"type\": \"FeatureCollection\", \"features\": []}");
    const LayerImport layer = importVectorLayer(specFor(path, "", "empty"), contextIn("EPSG:32651"));
    INFO(fixtures::problemLines(layer.problems));
    CHECK_FALSE(hasErrors(layer.problems));
    CHECK(fixtures::countProblems(layer.problems, {"warning", path, "layer is empty"}) == 1);
}
