// Real-world height traps (issue 15): a DEM in feet, data with absolute heights and no DEM (the
// ground comes from the data), and implausible geometry that gets one clear warning.
#include <catch2/catch.hpp>
#include <cmath>

#include "crs.h"
#include "epanet_importer.h"
#include "fixtures.h"
#include "model_loader.h"
#include "project.h"
#include "terrain_importer.h"

using namespace subterra;
using Catch::Contains;
using Kind = fixtures::FieldFixture::Kind;

namespace {
LayerSpec specFor(const std::string& source, const std::string& name) {
    LayerSpec spec;
    spec.source = source;
    spec.name = name;
    return spec;
}

// A flat DEM at `value` (in whatever unit) around x 352000..352100, y 3451300..3451400 (UTM 51N).
fixtures::RasterFixture flatRaster(double value, const std::string& unitType) {
    fixtures::RasterFixture raster;
    raster.columns = raster.rows = 20;
    raster.originX = 352000;
    raster.originY = 3451400;
    raster.cellX = raster.cellY = 5;
    raster.value = [value](int, int) { return value; };
    raster.unitType = unitType;
    return raster;
}

// LoD1 boxes 10 x 10 x 8 m as CityJSON MultiSurfaces, with absolute heights: base of box i at
// bases[i] metres, boxes 30 m apart.
std::string absoluteCityJson(const std::vector<double>& bases) {
    std::string objects, vertices;
    for (size_t b = 0; b < bases.size(); ++b) {
        const double x0 = 90500 + 30.0 * b, y0 = 435700 + 20.0 * (b % 2);
        for (double z : {bases[b], bases[b] + 8})
            for (auto [dx, dy] : {std::pair{0, 0}, {10, 0}, {10, 10}, {0, 10}})
                vertices += (vertices.empty() ? "" : ", ") + ("[" + std::to_string(x0 + dx) + ", " +
                                                              std::to_string(y0 + dy) + ", " + std::to_string(z) + "]");
        auto v = [&](int i) { return std::to_string(8 * b + i); };
        objects +=
            (b ? ", " : "") + ("\"B" + std::to_string(b) +
                               "\": {\"type\": \"Building\", \"geometry\": [{\"type\": \"MultiSurface\", "
                               "\"lod\": \"1\", \"boundaries\": [[[" +
                               v(0) + "," + v(3) + "," + v(2) + "," + v(1) + "]], [[" + v(4) + "," + v(5) + "," + v(6) +
                               "," + v(7) + "]], [[" + v(0) + "," + v(1) + "," + v(5) + "," + v(4) + "]]]}]}");
    }
    return "{\"type\": \"CityJSON\", \"version\": \"2.0\", \"metadata\": {\"referenceSystem\": "
           "\"https://www.opengis.net/def/crs/EPSG/0/28992\"}, \"transform\": {\"scale\": [1, 1, 1], \"translate\": "
           "[0, 0, 0]}, \"CityObjects\": {" +
           objects + "}, \"vertices\": [" + vertices + "]}";
}
}  // namespace

TEST_CASE("heights: a DEM whose band says feet is read in metres", "[terrain][units][issue15]") {
    const std::string dir = fixtures::freshDir("heights_dem_feet");
    for (const auto& [unitType, metres] : {std::pair<std::string, double>{"ft", 100.0},
                                           {"US survey foot", 100.0002},
                                           {"metre", 328.084},
                                           {"", 328.084}}) {
        INFO("unit type '" << unitType << "'");
        const std::string path = fixtures::writeGeoTiff(dir + "/dem.tif", flatRaster(328.084, unitType));
        const TerrainImport result = importTerrain(path, fixtures::wktOf("EPSG:32651"));
        INFO(fixtures::problemLines(result.problems));
        REQUIRE(result.terrain);
        CHECK(result.terrain->height(3, 3) == Approx(metres).epsilon(1e-5));
        CHECK(result.report.maxHeight == Approx(metres).epsilon(1e-5));
        CHECK_THAT(result.report.heightUnit, Contains(unitType.empty() ? "metres assumed" : unitType));
    }
}

TEST_CASE("heights: the terrain's unit is used when the raster says nothing, and wins with a warning",
          "[terrain][units][issue15]") {
    const std::string dir = fixtures::freshDir("heights_dem_unit_key");
    const std::string silent = fixtures::writeGeoTiff(dir + "/silent.tif", flatRaster(328.084, ""));
    const TerrainImport declared = importTerrain(silent, fixtures::wktOf("EPSG:32651"), LengthUnit::Foot);
    REQUIRE(declared.terrain);
    CHECK(declared.terrain->height(0, 0) == Approx(100).epsilon(1e-5));
    CHECK(declared.problems.empty());
    CHECK_THAT(declared.report.heightUnit, Contains("declared"));

    const std::string metres = fixtures::writeGeoTiff(dir + "/metres.tif", flatRaster(100, "metre"));
    const TerrainImport overridden = importTerrain(metres, fixtures::wktOf("EPSG:32651"), LengthUnit::UsFoot);
    REQUIRE(overridden.terrain);
    CHECK(overridden.terrain->height(0, 0) == Approx(30.48006).epsilon(1e-5));
    CHECK(fixtures::countProblems(overridden.problems, {"warning", "the raster says", "metre"}) == 1);

    // In a project: "terrain": {"unit": "ft"}; an unknown unit is an error naming the key.
    const std::string project = fixtures::writeText(
        dir + "/p.subterra.json",
        R"({"subterra": 1, "terrain": {"dem": "silent.tif", "unit": "ft"}, "layers": [{"source": "x.geojson"}]})");
    const ProjectLoad load = loadProject(project);
    REQUIRE(load.project);
    CHECK(load.project->terrain.heightUnit == LengthUnit::Foot);
    const std::string bad = fixtures::writeText(
        dir + "/bad.subterra.json", R"({"subterra": 1, "terrain": {"unit": "cubits"}, "layers": [{"source": "x"}]})");
    CHECK(fixtures::countProblems(loadProject(bad).problems, {"$.terrain.unit", "cubits"}) == 1);
}

TEST_CASE("heights: CityJSON with absolute heights stands on a ground made from its bases", "[ground][issue15]") {
    const std::string dir = fixtures::freshDir("heights_cityjson_absolute");
    const std::string path =
        fixtures::writeText(dir + "/hill.city.json", absoluteCityJson({396, 410, 430, 452, 470, 621}));
    LoadRequest request;
    request.layers.push_back(specFor(path, "city"));
    const LoadResult result = loadModel(request);
    INFO(fixtures::problemLines(result.problems));
    CHECK_FALSE(hasErrors(result.problems));
    REQUIRE(result.model.buildings.size() == 6);
    REQUIRE(result.terrain);
    CHECK_THAT(result.terrain->source, Contains("no DEM") && Contains("6 building bases"));
    for (const Building& b : result.model.buildings) {
        INFO(b.id);
        Extent e;
        for (const auto& p : b.footprint) e.add(p);
        CHECK(result.model.groundAt(e.centre().x, e.centre().y) == Approx(b.baseZ).margin(0.5));
    }
}

TEST_CASE("heights: a 3D footprint keeps its z, and pipes lie under the ground the manholes state",
          "[ground][issue15]") {
    const std::string dir = fixtures::freshDir("heights_footprint_z");
    // A CityGML LoD0-like footprint at 111.8 m, manholes whose ELEVATION is their rim, and a
    // pipe with no depth at all: it is assumed 1.2 m (water) under that ground, not under 0 m.
    fixtures::LayerFixture footprints{"footprints", "EPSG:32651", "Polygon25D", {{"ID", Kind::Text}}, {}};
    footprints.features.push_back(
        {"POLYGON Z ((352000 3451300 111.8,352020 3451300 111.8,352020 3451320 111.8,352000 3451320 111.8,"
         "352000 3451300 111.8))",
         {{"ID", "F1"}}});
    fixtures::LayerFixture manholes{
        "manholes", "EPSG:32651", "Point", {{"ID", Kind::Text}, {"ELEVATION", Kind::Real}}, {}};
    manholes.features.push_back({"POINT (352000 3451250)", {{"ID", "M1"}, {"ELEVATION", "110"}}});
    manholes.features.push_back({"POINT (352100 3451250)", {{"ID", "M2"}, {"ELEVATION", "112"}}});
    manholes.features.push_back({"POINT (352050 3451350)", {{"ID", "M3"}, {"ELEVATION", "111"}}});
    fixtures::LayerFixture pipes{"water_pipes", "EPSG:32651", "LineString", {{"ID", Kind::Text}}, {}};
    pipes.features.push_back({"LINESTRING (352000 3451250,352100 3451250)", {{"ID", "P1"}}});
    LoadRequest request;
    request.layers.push_back(
        specFor(fixtures::writeVector(dir + "/footprints.gpkg", "GPKG", {footprints}), "footprints"));
    request.layers.back().table = "footprints";
    request.layers.push_back(specFor(fixtures::writeVector(dir + "/manholes.geojson", "GeoJSON", {manholes}), "mh"));
    request.layers.push_back(specFor(fixtures::writeVector(dir + "/water_pipes.geojson", "GeoJSON", {pipes}), "water"));
    const LoadResult result = loadModel(request);
    INFO(fixtures::problemLines(result.problems));
    CHECK_FALSE(hasErrors(result.problems));
    REQUIRE(result.model.buildings.size() == 1);
    CHECK(result.model.buildings[0].baseZ == Approx(111.8));
    REQUIRE(result.model.segments.size() == 1);
    const Segment& p1 = result.model.segments[0];
    CHECK(p1.points.front().z == Approx(110 - 1.2 - 0.075).margin(0.05));
    CHECK(p1.points.back().z == Approx(112 - 1.2 - 0.075).margin(0.05));
    REQUIRE(result.terrain);
    CHECK_THAT(result.terrain->source, Contains("3 node ground levels") && Contains("1 building bases"));
}

TEST_CASE("heights: implausible cover and inverts are ignored with a warning", "[plausibility][issue15]") {
    const std::string dir = fixtures::freshDir("heights_implausible_levels");
    fixtures::LayerFixture pipes{
        "sewer", "EPSG:32651", "LineString", {{"ID", Kind::Text}, {"COVER", Kind::Real}, {"INVERT", Kind::Real}}, {}};
    pipes.features.push_back({"LINESTRING (352000 3451250,352100 3451250)", {{"ID", "S1"}, {"COVER", "10000"}}});
    pipes.features.push_back({"LINESTRING (352000 3451260,352100 3451260)", {{"ID", "S2"}, {"INVERT", "-10000"}}});
    pipes.features.push_back({"LINESTRING (352000 3451270,352100 3451270)", {{"ID", "S3"}, {"INVERT", "10000"}}});
    LoadRequest request;
    request.terrain.flatLevelM = 5;
    request.layers.push_back(specFor(fixtures::writeVector(dir + "/sewer.geojson", "GeoJSON", {pipes}), "sewer"));
    const LoadResult result = loadModel(request);
    INFO(fixtures::problemLines(result.problems));
    CHECK(fixtures::countProblems(result.problems, {"warning", "S1", "COVER 10000 m", "not a plausible depth"}) == 1);
    CHECK(fixtures::countProblems(result.problems, {"warning", "S2", "INVERT -10000 m", "not a plausible level"}) == 1);
    CHECK(fixtures::countProblems(result.problems, {"warning", "S3", "INVERT 10000 m", "not a plausible level"}) == 1);
    REQUIRE(result.model.segments.size() == 3);
    for (const Segment& s : result.model.segments) {
        INFO(s.id);
        CHECK(s.depthSource == DepthSource::Assumed);
        CHECK(std::abs(s.points[0].z - 5) < 5);  // under the ground, not 10 km away
    }
}

TEST_CASE("heights: tanks wider than a schematic network are shrunk with one warning", "[plausibility][issue15]") {
    const std::string dir = fixtures::freshDir("heights_wide_tank");
    // Net3-like: a drawing about 11 m across (in "feet") with a 120 ft tank, and heights of 200 ft.
    const std::string path = fixtures::writeText(dir + "/schematic.inp", R"([JUNCTIONS]
A 600 0
B 650 0
C 700 0
[TANKS]
T1 700 10 0 30 120 0
[PIPES]
P1 A B 5000 12 100
P2 B C 5000 12 100
P3 C T1 3000 12 100
[COORDINATES]
A 8 0
B 44 0
C 44 31
T1 20 20
[END]
)");
    LoadRequest request;
    request.layers.push_back(specFor(path, "net"));
    const LoadResult result = loadModel(request);
    INFO(fixtures::problemLines(result.problems));
    CHECK(fixtures::countProblems(
              result.problems,
              {"warning", "1 tank(s)/reservoir(s) are wider than the whole network", "'T1'", "schematic"}) == 1);
    const Node* tank = nullptr;
    for (const auto& n : result.model.nodes)
        if (n.id == "T1") tank = &n;
    REQUIRE(tank);
    CHECK(tank->sizeM < 2);
    // Heights of 183..213 m over a plan 11 m across.
    CHECK(fixtures::countProblems(result.problems, {"warning", "heights span", "more than its plan extent"}) == 1);
}

TEST_CASE("heights: a DEM in feet that does not say so is named against the data's levels",
          "[terrain][units][plausibility][issue15]") {
    const std::string dir = fixtures::freshDir("heights_dem_feet_unsaid");
    fixtures::LayerFixture manholes{
        "manholes", "EPSG:32651", "Point", {{"ID", Kind::Text}, {"ELEVATION", Kind::Real}}, {}};
    manholes.features.push_back({"POINT (352010 3451310)", {{"ID", "M1"}, {"ELEVATION", "100"}}});
    manholes.features.push_back({"POINT (352080 3451320)", {{"ID", "M2"}, {"ELEVATION", "100"}}});
    manholes.features.push_back({"POINT (352050 3451380)", {{"ID", "M3"}, {"ELEVATION", "100"}}});
    LoadRequest request;
    request.layers.push_back(specFor(fixtures::writeVector(dir + "/mh.geojson", "GeoJSON", {manholes}), "mh"));
    request.terrain.dem = fixtures::writeGeoTiff(dir + "/dem.tif", flatRaster(328.084, ""));
    const LoadResult feet = loadModel(request);
    INFO(fixtures::problemLines(feet.problems));
    CHECK(fixtures::countProblems(feet.problems, {"warning", "3.28 x", "the DEM looks like feet"}) == 1);
    request.terrain.heightUnit = LengthUnit::Foot;
    const LoadResult declared = loadModel(request);
    CHECK(fixtures::countProblems(declared.problems, {"looks like feet"}) == 0);
}
