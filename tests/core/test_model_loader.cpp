// Loading several layers and a DEM into one model: choosing the project CRS, reprojecting layers
// in different CRSs, the DEM as the ground for the Z rules, and what is reported on the way.
#include <catch2/catch.hpp>
#include <cmath>

#include "crs.h"
#include "fixtures.h"
#include "model_loader.h"

using namespace subterra;
using fixtures::FieldFixture;
using fixtures::LayerFixture;
using Kind = FieldFixture::Kind;

namespace {
using fixtures::wktOf;

LayerSpec specFor(const std::string& source, const std::string& table, const std::string& name) {
    LayerSpec spec;
    spec.source = source;
    spec.table = table;
    spec.name = name;
    return spec;
}

// 121.455 E 31.205 N in UTM 51N, by `gdaltransform -s_srs EPSG:4326 -t_srs EPSG:32651` (GDAL 3.6.2).
constexpr double kRefX = 352813.083040243, kRefY = 3453349.75760259;

// A ground DEM around the reference point in UTM 51N: 5 m + 1 m per 100 m eastwards.
fixtures::RasterFixture groundAroundReference(double halfWidthM) {
    fixtures::RasterFixture raster;
    raster.cellX = raster.cellY = 5;
    raster.columns = raster.rows = int(2 * halfWidthM / 5);
    raster.originX = kRefX - halfWidthM;
    raster.originY = kRefY + halfWidthM;
    raster.crs = "EPSG:32651";
    raster.value = [=](int c, int) { return 5 + 0.01 * (5 * (c + 0.5) - halfWidthM); };
    return raster;
}
}  // namespace

TEST_CASE("loader: layers in different CRSs all land in the project CRS", "[loader][crs]") {
    const std::string dir = fixtures::freshDir("loader_mixed_crs");
    LayerFixture lonLat{
        "valves", "EPSG:4326", "Point", {{"ID", Kind::Text}}, {{"POINT (121.455 31.205)", {{"ID", "A"}}}}};
    LayerFixture utm{"hydrants",
                     "EPSG:32651",
                     "Point",
                     {{"ID", Kind::Text}},
                     {{"POINT (352813.083040243 3453349.75760259)", {{"ID", "B"}}}}};
    LayerFixture webMercator{"chambers", "EPSG:3857", "Point", {{"ID", Kind::Text}}, {}};
    // The same point in Web Mercator: `echo "121.455 31.205" | gdaltransform -s_srs EPSG:4326
    // -t_srs EPSG:3857 -output_xy` (GDAL 3.6.2) gives 13520308.754297 3659401.01142682.
    webMercator.features.push_back({"POINT (13520308.754297 3659401.01142682)", {{"ID", "C"}}});
    LoadRequest request;
    request.layers.push_back(
        specFor(fixtures::writeVector(dir + "/valves.geojson", "GeoJSON", {lonLat}), "", "valves"));
    request.layers.push_back(
        specFor(fixtures::writeVector(dir + "/hydrants.gpkg", "GPKG", {utm}), "hydrants", "hydrants"));
    request.layers.push_back(
        specFor(fixtures::writeVector(dir + "/chambers.gpkg", "GPKG", {webMercator}), "chambers", "chambers"));

    const LoadResult result = loadModel(request);
    INFO(fixtures::problemLines(result.problems));
    CHECK(result.problems.empty());
    // The first layer is in degrees: the project CRS is its UTM zone, 51N.
    CHECK(crsEquivalent(result.model.crsWkt, wktOf("EPSG:32651")));
    CHECK(result.crsChoice.find("UTM zone of layer 'valves'") != std::string::npos);
    REQUIRE(result.model.nodes.size() == 3);
    CHECK(std::abs(result.model.nodes[0].position.x - kRefX) < 0.01);
    CHECK(std::abs(result.model.nodes[0].position.y - kRefY) < 0.01);
    CHECK(result.model.nodes[1].position.x == kRefX);  // already in the project CRS: untouched
    CHECK(result.model.nodes[1].position.y == kRefY);
    CHECK(std::abs(result.model.nodes[2].position.x - kRefX) < 0.01);
    CHECK(std::abs(result.model.nodes[2].position.y - kRefY) < 0.01);
    REQUIRE(result.layers.size() == 3);
    CHECK(result.layers[2].featuresImported == 1);
}

TEST_CASE("loader: a layer without a CRS is taken to be in the project CRS with a warning", "[loader][crs]") {
    const std::string dir = fixtures::freshDir("loader_no_crs");
    const std::string csv =
        fixtures::writeText(dir + "/local_pipes.csv", "WKT,ID\n\"LINESTRING (352800 3453340,352830 3453360)\",L1\n");
    LoadRequest request;
    request.projectCrs = "EPSG:32651";
    request.layers.push_back(specFor(csv, "", "local_pipes"));
    const LoadResult result = loadModel(request);
    INFO(fixtures::problemLines(result.problems));
    CHECK_FALSE(hasErrors(result.problems));
    CHECK(fixtures::countProblems(result.problems, {"warning: " + csv + ": layer 'local_pipes': no CRS declared"}) ==
          1);
    REQUIRE(result.model.segments.size() == 1);
    CHECK(result.model.segments[0].points[0].x == 352800.0);
    CHECK(result.crsChoice == "set by the project");
}

TEST_CASE("loader: without any CRS the data stays in a local frame", "[loader][crs]") {
    const std::string dir = fixtures::freshDir("loader_local");
    const std::string csv = fixtures::writeText(dir + "/schematic.csv", "WKT,ID\n\"LINESTRING (10 10,70 90)\",1\n");
    LoadRequest request;
    request.layers.push_back(specFor(csv, "", "schematic"));
    const LoadResult result = loadModel(request);
    INFO(fixtures::problemLines(result.problems));
    CHECK(result.problems.empty());
    CHECK(result.model.crsWkt.empty());
    CHECK(result.crsChoice.rfind("none", 0) == 0);
    REQUIRE(result.model.segments.size() == 1);
    CHECK(result.model.segments[0].points[1].y == 90.0);
}

TEST_CASE("loader: an unknown project CRS is an error", "[loader][crs][errors]") {
    LoadRequest request;
    request.projectCrs = "EPSG:999999";
    const LoadResult result = loadModel(request);
    CHECK(fixtures::countProblems(result.problems,
                                  {"error", "crs", "unknown coordinate reference system 'EPSG:999999'"}) == 1);
}

TEST_CASE("loader: the DEM is the ground for cover depths and node levels", "[loader][terrain][depth]") {
    const std::string dir = fixtures::freshDir("loader_dem_ground");
    const std::string dem = fixtures::writeGeoTiff(dir + "/dem.tif", groundAroundReference(200));
    LayerFixture gas{"gas",
                     "EPSG:32651",
                     "LineString",
                     {{"ID", Kind::Text}, {"DN", Kind::Integer}, {"COVER", Kind::Real}},
                     {{"LINESTRING (352763.083040243 3453349.75760259,352863.083040243 3453349.75760259)",
                       {{"ID", "G1"}, {"DN", "100"}, {"COVER", "1.0"}}}}};
    LayerFixture nodes{"valves",
                       "EPSG:32651",
                       "Point",
                       {{"ID", Kind::Text}},
                       {{"POINT (352813.083040243 3453349.75760259)", {{"ID", "V1"}}}}};
    LoadRequest request;
    request.terrain.dem = dem;
    request.terrain.flatLevelM = 99;  // must not be used where the DEM has values
    const std::string path = fixtures::writeVector(dir + "/net.gpkg", "GPKG", {gas, nodes});
    request.layers.push_back(specFor(path, "gas", "gas"));
    request.layers.push_back(specFor(path, "valves", "valves"));
    const LoadResult result = loadModel(request);
    INFO(fixtures::problemLines(result.problems));
    CHECK(result.problems.empty());
    REQUIRE(result.terrain);
    CHECK(result.terrain->source == dem);
    REQUIRE(result.model.segments.size() == 1);
    const Segment& g = result.model.segments[0];
    // Ground 4.5 m at the west end, 5.5 m at the east end; cover 1 m, DN 100.
    CHECK(g.points[0].z == Approx(4.5 - 1.0 - 0.05).margin(1e-3));
    CHECK(g.points[1].z == Approx(5.5 - 1.0 - 0.05).margin(1e-3));
    REQUIRE(result.model.nodes.size() == 1);
    CHECK(result.model.nodes[0].groundZ == Approx(5.0).margin(1e-3));
    CHECK(result.model.nodes[0].position.z == Approx(5.0).margin(1e-3));
}

TEST_CASE("loader: a DEM that does not cover the network is reported by name", "[loader][terrain][errors]") {
    const std::string dir = fixtures::freshDir("loader_dem_coverage");
    const std::string dem = fixtures::writeGeoTiff(dir + "/small_dem.tif", groundAroundReference(50));
    LayerFixture water{"water",
                       "EPSG:32651",
                       "LineString",
                       {{"ID", Kind::Text}},
                       {{"LINESTRING (352813 3453349,352823 3453349)", {{"ID", "IN"}}},
                        {"LINESTRING (352813 3453349,353813 3453349,354813 3453349)", {{"ID", "OUT"}}}}};
    LoadRequest request;
    request.projectCrs = "EPSG:32651";
    request.terrain.dem = dem;
    request.layers.push_back(specFor(fixtures::writeVector(dir + "/water.gpkg", "GPKG", {water}), "water", "water"));
    const LoadResult result = loadModel(request);
    INFO(fixtures::problemLines(result.problems));
    CHECK_FALSE(hasErrors(result.problems));
    CHECK(fixtures::countProblems(
              result.problems, {"warning: " + dem + ": layer 'water': ", "DEM does not cover 2 of 5 vertices"}) == 1);
    // Outside the DEM the nearest edge height is used, not the flat level or 0.
    REQUIRE(result.model.segments.size() == 2);
    const Segment& out = result.model.segments[1];
    CHECK(out.points[2].z ==
          Approx(result.model.terrain->sampleClamped(354813, 3453349).value() - 1.2 - 0.075).margin(1e-6));
    CHECK(out.points[2].z > 3);
}

TEST_CASE("loader: a broken DEM is an error but the layers still load on flat ground", "[loader][terrain][errors]") {
    const std::string dir = fixtures::freshDir("loader_bad_dem");
    const std::string dem = fixtures::writeText(dir + "/dem.tif", "not a raster");
    LayerFixture water{
        "water", "EPSG:32651", "LineString", {{"ID", Kind::Text}}, {{"LINESTRING (0 0,10 0)", {{"ID", "W"}}}}};
    LoadRequest request;
    request.terrain.dem = dem;
    request.terrain.flatLevelM = 7;
    request.layers.push_back(specFor(fixtures::writeVector(dir + "/water.gpkg", "GPKG", {water}), "water", "water"));
    const LoadResult result = loadModel(request);
    CHECK(fixtures::countProblems(result.problems, {"error: " + dem + ": cannot read as a raster"}) == 1);
    CHECK_FALSE(result.model.terrain);
    REQUIRE(result.model.segments.size() == 1);
    CHECK(result.model.segments[0].points[0].z == Approx(7 - 1.2 - 0.075));
}

TEST_CASE("loader: one layer spec per table of each file", "[loader]") {
    const std::string dir = fixtures::freshDir("loader_specs");
    LayerFixture a{"water", "EPSG:32651", "LineString", {}, {{"LINESTRING (0 0,1 1)", {}}}};
    LayerFixture b{"sewer", "EPSG:32651", "LineString", {}, {{"LINESTRING (0 0,1 1)", {}}}};
    const std::string gpkg = fixtures::writeVector(dir + "/net.gpkg", "GPKG", {a, b});
    const std::string geojson = fixtures::writeVector(dir + "/gas_mains.geojson", "GeoJSON", {a});
    Problems problems;
    const auto specs = layerSpecsForFiles({gpkg, geojson, dir + "/missing.gpkg"}, problems);
    REQUIRE(specs.size() == 3);
    CHECK(specs[0].source == gpkg);
    CHECK(specs[0].table == specs[0].name);
    CHECK(specs[2].name == "gas_mains");  // a single-layer file is named after the file
    CHECK(fixtures::countProblems(problems, {"error: " + dir + "/missing.gpkg: file not found"}) == 1);
}
