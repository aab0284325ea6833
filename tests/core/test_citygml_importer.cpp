// CityGML 1.0/2.0 through libcitygml: detection by the root element, srsName spellings (EPSG,
// compound URNs, German AdV names), LoD0 footprints at their own z, LoD1 solids and LoD2
// surfaces with their real heights, bridges drawn and roads named, and bad input in one line.
// Fixtures: tests/data/citygml/ (written for these tests, see its README.md).
#include <catch2/catch.hpp>
#include <algorithm>
#include <sstream>

#include "citygml_importer.h"
#include "citygml_srs.h"
#include "citygml_xml.h"
#include "crs.h"
#include "fixtures.h"
#include "skip_support.h"

using namespace subterra;
using Catch::Contains;

namespace {
std::string cityGmlFixture(const std::string& name) { return fixtures::sourceDir() + "/tests/data/citygml/" + name; }
const std::string kSharedCityGml = fixtures::sourceDir() + "/../shared/data/citygml/";

LayerSpec specFor(const std::string& path) {
    LayerSpec spec;
    spec.source = path;
    spec.name = "city";
    return spec;
}

ImportContext contextIn(const std::string& crs) {
    return ImportContext{crs.empty() ? "" : fixtures::wktOf(crs), [](double, double) { return 0.0; }};
}

const Building* findBuilding(const LayerImport& layer, const std::string& id) {
    for (const auto& b : layer.buildings)
        if (b.id == id) return &b;
    return nullptr;
}

std::string notes(const LayerReport& report) {
    std::string text;
    for (const auto& n : report.notes) text += n + "\n";
    return text;
}

long surfacesOf(const Building& b, BuildingSurface::Kind kind) {
    return std::count_if(b.surfaces.begin(), b.surfaces.end(), [kind](const auto& s) { return s.kind == kind; });
}

// A CityGML 2.0 file of one LoD2 wall square at `coordinates` (a posList of 5 points).
// `corners`: the Envelope's lower and upper corner ("x y z x y z"), or none.
std::string oneWall(const std::string& srsName, const std::string& coordinates, const std::string& corners = "") {
    std::istringstream in(corners);
    std::string lower, upper;
    for (int i = 0; i < 3 && in; ++i) lower += (in >> upper, upper) + " ";
    upper.clear();
    for (std::string v; in >> v;) upper += v + " ";
    const std::string envelope = corners.empty() ? ""
                                                 : "<gml:lowerCorner>" + lower + "</gml:lowerCorner><gml:upperCorner>" +
                                                       upper + "</gml:upperCorner>";
    return R"(<?xml version="1.0" encoding="UTF-8"?>
<core:CityModel xmlns:core="http://www.opengis.net/citygml/2.0" xmlns:bldg="http://www.opengis.net/citygml/building/2.0" xmlns:gml="http://www.opengis.net/gml">
 <gml:boundedBy><gml:Envelope srsName=")" +
           srsName + R"(" srsDimension="3">)" + envelope + R"(</gml:Envelope></gml:boundedBy>
 <core:cityObjectMember><bldg:Building gml:id="W1"><bldg:boundedBy><bldg:WallSurface><bldg:lod2MultiSurface>
  <gml:MultiSurface><gml:surfaceMember><gml:Polygon><gml:exterior><gml:LinearRing>
   <gml:posList srsDimension="3">)" +
           coordinates + R"(</gml:posList>
  </gml:LinearRing></gml:exterior></gml:Polygon></gml:surfaceMember></gml:MultiSurface>
 </bldg:lod2MultiSurface></bldg:WallSurface></bldg:boundedBy></bldg:Building></core:cityObjectMember>
</core:CityModel>
)";
}
}  // namespace

TEST_CASE("CityGML: claimed by its CityModel root in a CityGML namespace, not by the .gml extension", "[citygml]") {
    CHECK(cityGmlRootVersion(R"(<?xml version="1.0"?><!-- a <comment> --><core:CityModel
        xmlns:gml="http://www.opengis.net/gml" xmlns:core="http://www.opengis.net/citygml/2.0">)") == "2.0");
    CHECK(cityGmlRootVersion(R"(<CityModel xmlns="http://www.opengis.net/citygml/1.0">)") == "1.0");
    CHECK(cityGmlRootVersion(R"(<CityModel xmlns='http://www.opengis.net/citygml/3.0'>)") == "3.0");
    // GML written by GDAL/OGR, and a CityModel in some other namespace: GDAL's.
    CHECK(cityGmlRootVersion(R"(<ogr:FeatureCollection xmlns:ogr="http://ogr.maptools.org/">)").empty());
    CHECK(cityGmlRootVersion(R"(<x:CityModel xmlns:x="http://example.com/citygml/2.0">)").empty());
    CHECK(cityGmlRootVersion("").empty());

    CHECK(claimsCityGml(cityGmlFixture("adv_utm32_lod0_lod2.gml")));
    CHECK(claimsCityGml(cityGmlFixture("citygml1_lod1_solids.gml")));
    const std::string dir = fixtures::freshDir("citygml_claims");
    const std::string plainGml = fixtures::writeText(dir + "/pipes.gml", R"(<?xml version="1.0"?>
<ogr:FeatureCollection xmlns:ogr="http://ogr.maptools.org/" xmlns:gml="http://www.opengis.net/gml"></ogr:FeatureCollection>
)");
    CHECK_FALSE(claimsCityGml(plainGml));
    const FormatImporter* importer = findFormatImporter(plainGml);
    CHECK(importer == nullptr);  // stays with GDAL
    const std::string renamed =
        fixtures::writeText(dir + "/city.xml", oneWall("EPSG:25832", "0 0 0 1 0 0 1 0 1 0 0 1 0 0 0"));
    REQUIRE(findFormatImporter(renamed) != nullptr);
    CHECK(std::string(findFormatImporter(renamed)->name) == "CityGML");
}

TEST_CASE("CityGML srsName: EPSG spellings, compound URNs and AdV names give the horizontal CRS", "[citygml][crs]") {
    const std::pair<const char*, const char*> cases[] = {
        {"EPSG:25832", "EPSG:25832"},
        {"urn:ogc:def:crs:EPSG::25832", "EPSG:25832"},
        {"urn:ogc:def:crs:EPSG:6.12:25832", "EPSG:25832"},
        {"http://www.opengis.net/def/crs/EPSG/0/25832", "EPSG:25832"},
        {"http://www.opengis.net/gml/srs/epsg.xml#25833", "EPSG:25833"},
        {"urn:ogc:def:crs,crs:EPSG::25832,crs:EPSG::7837", "EPSG:25832"},
        {"urn:ogc:def:crs,crs:EPSG:6.12:25833,crs:EPSG:6.12:5783", "EPSG:25833"},
        {"EPSG:25832+7837", "EPSG:25832"},
        {"urn:adv:crs:ETRS89_UTM32*DE_DHHN92_NH", "EPSG:25832"},
        {"urn:adv:crs:ETRS89_UTM33*DE_DHHN2016_NH", "EPSG:25833"},
        {"urn:adv:crs:ETRS89_UTM32", "EPSG:25832"},
        {" urn:adv:crs:DE_DHDN_3GK4*DE_DHHN92_NH ", "EPSG:31468"},
    };
    for (const auto& [srsName, expected] : cases) {
        INFO(srsName);
        std::string error;
        const auto srs = cityGmlSrs(srsName, error);
        REQUIRE(srs);
        CHECK(srs->reference == expected);
    }
    std::string error;
    REQUIRE(cityGmlSrs("urn:adv:crs:ETRS89_UTM32", error));
    CHECK(cityGmlSrs("urn:adv:crs:ETRS89_UTM32", error)->heights.empty());  // no "*": nothing about heights
    error.clear();
    CHECK_FALSE(cityGmlSrs("urn:adv:crs:MYSTERY_GRID*DE_DHHN92_NH", error));
    CHECK_THAT(error, Contains("MYSTERY_GRID"));
    CHECK_THAT(cityGmlSrs("urn:adv:crs:ETRS89_UTM32*DE_DHHN2016_NH", error)->heights, Contains("DE_DHHN2016_NH"));
    CHECK(cityGmlSrs("urn:ogc:def:crs,crs:EPSG::25832,crs:EPSG::7837", error)->heights == "EPSG:7837");
    CHECK_FALSE(cityGmlSrs("urn:ogc:def:crs:OGC:1.3:CRS84x", error));
}

TEST_CASE(
    "CityGML 2.0 AdV file: a LoD0 footprint stands at its z, LoD2 surfaces keep their heights, "
    "the bridge is drawn and the road named",
    "[citygml]") {
    const LayerImport layer =
        importCityGml(specFor(cityGmlFixture("adv_utm32_lod0_lod2.gml")), contextIn("EPSG:25832"));
    INFO(fixtures::problemLines(layer.problems) << notes(layer.report));
    CHECK(layer.problems.empty());
    const LayerReport& report = layer.report;
    CHECK(report.table == "CityGML 2.0");
    CHECK(crsEquivalent(report.sourceCrsWkt, fixtures::wktOf("EPSG:25832")));
    CHECK_THAT(notes(report),
               Contains("urn:adv:crs:ETRS89_UTM32*DE_DHHN92_NH") && Contains("EPSG:25832") && Contains("DE_DHHN92_NH"));
    CHECK(report.countsByKind.at("Building") == 2);
    CHECK(report.countsByKind.at("Bridge") == 1);
    CHECK(report.countsByKind.at("Road") == 1);
    CHECK(report.featuresRead == 2);
    CHECK(report.featuresImported == 2);
    CHECK_THAT(notes(report), Contains("not drawn: 1 Road") && Contains("like buildings") && Contains("1 Bridge") &&
                                  Contains("LoD0 footprint only"));
    REQUIRE(layer.buildings.size() == 3);

    const Building* footprint = findBuilding(layer, "DEBY_LOD0_FOOTPRINT");
    REQUIRE(footprint);
    CHECK(footprint->surfaces.empty());  // drawn as a block from its footprint
    REQUIRE(footprint->footprint.size() == 4);
    CHECK(footprint->baseZ == Approx(111.8));
    CHECK(footprint->heightM == Approx(7.5));  // measuredHeight
    CHECK(footprint->footprint[0].x == Approx(691000.0));
    CHECK(footprint->footprint[0].y == Approx(5335000.0));

    const Building* box = findBuilding(layer, "DEBY_LOD2_BOX");
    REQUIRE(box);
    REQUIRE(box->surfaces.size() == 6);
    CHECK(surfacesOf(*box, BuildingSurface::Kind::Ground) == 1);
    CHECK(surfacesOf(*box, BuildingSurface::Kind::Wall) == 4);
    CHECK(surfacesOf(*box, BuildingSurface::Kind::Roof) == 1);
    CHECK(box->baseZ == Approx(112.3));
    CHECK(box->heightM == Approx(9.0));
    CHECK(box->attributes.at("lod") == "2");

    const Building* bridge = findBuilding(layer, "BRIDGE_DECK");
    REQUIRE(bridge);
    CHECK(bridge->attributes.at("type") == "Bridge");
    CHECK(bridge->baseZ == Approx(114.0));

    // Both buildings (not the bridge) are ground evidence, at their own bases.
    CHECK(layer.ground.buildings == 2);
    bool footprintLevel = false;
    for (const auto& p : layer.ground.points) footprintLevel = footprintLevel || std::abs(p.z - 111.8) < 1e-9;
    CHECK(footprintLevel);
    CHECK(report.extent.minZ == Approx(111.8));
}

TEST_CASE("CityGML 1.0 LoD1 solids: three blocks with their bases and heights, compound srsName read", "[citygml]") {
    const LayerImport layer = importCityGml(specFor(cityGmlFixture("citygml1_lod1_solids.gml")), contextIn(""));
    INFO(fixtures::problemLines(layer.problems) << notes(layer.report));
    CHECK(layer.problems.empty());
    CHECK(layer.report.table == "CityGML 1.0");
    CHECK(crsEquivalent(layer.report.sourceCrsWkt, fixtures::wktOf("EPSG:25832")));
    CHECK_THAT(notes(layer.report), Contains("EPSG:7837"));
    CHECK(layer.report.countsByKind.at("Building") == 3);
    CHECK(layer.report.featuresImported == 3);
    CHECK(layer.report.geometryType == "LoD1 surfaces");
    const std::tuple<const char*, double, double> expected[] = {
        {"LOD1_A", 520.0, 8.0}, {"LOD1_B", 521.5, 12.0}, {"LOD1_C", 519.0, 6.0}};
    for (const auto& [id, base, height] : expected) {
        INFO(id);
        const Building* b = findBuilding(layer, id);
        REQUIRE(b);
        REQUIRE(b->surfaces.size() == 6);
        // No semantics: classed by their normals.
        CHECK(surfacesOf(*b, BuildingSurface::Kind::Roof) == 1);
        CHECK(surfacesOf(*b, BuildingSurface::Kind::Ground) == 1);
        CHECK(surfacesOf(*b, BuildingSurface::Kind::Wall) == 4);
        CHECK(b->baseZ == Approx(base));
        CHECK(b->heightM == Approx(height));
        CHECK(b->footprint.size() == 4);
    }
    CHECK(layer.ground.buildings == 3);
}

TEST_CASE("CityGML: a layer crs overrides the srsName, --input-crs fills in a missing one", "[citygml][crs]") {
    LayerSpec spec = specFor(cityGmlFixture("adv_utm32_lod0_lod2.gml"));
    spec.sourceCrs = "EPSG:25833";
    const LayerImport overridden = importCityGml(spec, contextIn(""));
    CHECK(crsEquivalent(overridden.report.sourceCrsWkt, fixtures::wktOf("EPSG:25833")));

    const std::string dir = fixtures::freshDir("citygml_input_crs");
    std::string text =
        oneWall("", "691000 5335000 0 691010 5335000 0 691010 5335000 5 691000 5335000 5 691000 5335000 0");
    const std::string noSrs = fixtures::writeText(dir + "/no_srs.gml", text);
    LayerSpec fallback = specFor(noSrs);
    fallback.fallbackCrs = "EPSG:25832";
    const LayerImport filled = importCityGml(fallback, contextIn(""));
    INFO(fixtures::problemLines(filled.problems));
    CHECK(crsEquivalent(filled.report.sourceCrsWkt, fixtures::wktOf("EPSG:25832")));
    CHECK(filled.buildings.size() == 1);
}

TEST_CASE("CityGML: local coordinates under a UTM srsName get one warning, real ones none", "[citygml][crs]") {
    const std::string dir = fixtures::freshDir("citygml_local");
    const std::string wall = "15 0 0 15 10 0 25 10 0 25 0 0 15 0 0";
    // ED50 / UTM zone 32N is used from 6 to 12 degrees east, y 4 to 9 million m: 0..25 is not in it.
    const std::string local = fixtures::writeText(dir + "/local.gml", oneWall("EPSG:23032", wall));
    const LayerImport layer = importCityGml(specFor(local), contextIn(""));
    REQUIRE(layer.problems.size() == 1);
    CHECK(layer.problems[0].severity == Severity::Warning);
    CHECK_THAT(layer.problems[0].message, Contains("x 15..25") && Contains("EPSG:23032") && Contains("look local"));
    CHECK(layer.buildings.size() == 1);

    // EPSG:23632 (as a real sample writes it) is no CRS at all: then the file's own Envelope tells.
    const std::string unknown = fixtures::writeText(
        dir + "/unknown.gml", oneWall("EPSG:23632", wall, "457644.585 5439126.455 109.0 457708.084 5439157.169 124.3"));
    const LayerImport both = importCityGml(specFor(unknown), contextIn(""));
    REQUIRE(both.problems.size() == 2);
    CHECK_THAT(both.problems[0].message, Contains("EPSG:23632"));
    CHECK_THAT(both.problems[1].message, Contains("x 15..25") && Contains("Envelope") && Contains("look local"));

    const std::string real =
        fixtures::writeText(dir + "/real.gml", oneWall("EPSG:23032",
                                                       "457644 5439126 109 457654 5439126 109 457654 5439126 119 "
                                                       "457644 5439126 119 457644 5439126 109"));
    const LayerImport fine = importCityGml(specFor(real), contextIn(""));
    INFO(fixtures::problemLines(fine.problems));
    CHECK(fine.problems.empty());
}

TEST_CASE("CityGML bad input: broken XML, an empty file, CityGML 3.0 and another root each give one error line",
          "[citygml]") {
    const std::string dir = fixtures::freshDir("citygml_bad");
    std::string full = fixtures::readFile(cityGmlFixture("citygml1_lod1_solids.gml"));
    const std::string broken = fixtures::writeText(dir + "/broken.gml", full.substr(0, 3000));
    const std::string empty = fixtures::writeText(dir + "/empty.gml", "");
    const std::string v3 = fixtures::writeText(
        dir + "/v3.gml", R"(<?xml version="1.0"?><core:CityModel xmlns:core="http://www.opengis.net/citygml/3.0"/>)");
    const std::string other =
        fixtures::writeText(dir + "/other.gml", R"(<?xml version="1.0"?><FeatureCollection xmlns="http://x"/>)");
    const std::pair<std::string, const char*> cases[] = {
        {broken, "not well-formed XML"},
        {empty, "empty"},
        {v3, "CityGML 3.0 is not read"},
        {other, "not a CityGML file"},
    };
    for (const auto& [path, why] : cases) {
        INFO(path);
        const LayerImport layer = importCityGml(specFor(path), contextIn(""));
        REQUIRE(layer.problems.size() == 1);
        CHECK(layer.problems[0].severity == Severity::Error);
        CHECK(layer.problems[0].file == path);
        CHECK_THAT(layer.problems[0].message, Contains(why));
        CHECK(layer.buildings.empty());
        std::string error;
        CHECK_FALSE(probeCityGml(path, error));
        CHECK_THAT(error, Contains(why));
    }
    const LayerImport layer = importCityGml(specFor(broken), contextIn(""));
    CHECK_THAT(layer.problems[0].where, Contains("line"));
}

TEST_CASE("CityGML real samples: a LoD2 building of xlinked solids, a bridge and a building in local coordinates",
          "[citygml][real]") {
    SKIP_UNLESS_EXISTS(kSharedCityGml + "b1_lod2_cs_w_sem.gml");
    const LayerImport solid = importCityGml(specFor(kSharedCityGml + "b1_lod2_cs_w_sem.gml"), contextIn(""));
    INFO(fixtures::problemLines(solid.problems) << notes(solid.report));
    CHECK(solid.problems.empty());
    REQUIRE(solid.buildings.size() == 1);
    const Building& b = solid.buildings[0];
    CHECK(surfacesOf(b, BuildingSurface::Kind::Ground) == 1);
    CHECK(surfacesOf(b, BuildingSurface::Kind::Wall) == 4);
    CHECK(surfacesOf(b, BuildingSurface::Kind::Roof) >= 4);
    CHECK(b.baseZ == Approx(0.0));

    const LayerImport mixed = importCityGml(specFor(kSharedCityGml + "BridgeAndBuilding.gml"), contextIn(""));
    INFO(fixtures::problemLines(mixed.problems) << notes(mixed.report));
    CHECK(mixed.report.countsByKind.at("Bridge") == 1);
    CHECK(mixed.report.countsByKind.at("Building") == 1);
    CHECK(mixed.buildings.size() == 2);
    // srsName EPSG:23632 does not exist; coordinates 0..25 beside an Envelope at 457644, 5439126
    REQUIRE(mixed.problems.size() == 2);
    CHECK_THAT(mixed.problems[0].message, Contains("EPSG:23632"));
    CHECK_THAT(mixed.problems[1].message, Contains("look local"));
}
