// The DEM importer on GeoTIFFs written at test time: bilinear sampling against the analytic plane
// the raster was made from, nodata, resampling, reprojection, and files that are not rasters.
#include <catch2/catch.hpp>
#include <cmath>

#include "crs.h"
#include "fixtures.h"
#include "terrain_importer.h"

using namespace subterra;

namespace {
using fixtures::wktOf;

// A tilted plane over a 100 m x 80 m area in UTM 51N: pixel (c, r) holds the plane's value at the
// pixel centre, so bilinear interpolation between centres must give the plane exactly.
constexpr double kWest = 352000, kNorth = 3451400, kCell = 2;
double plane(double x, double y) { return 10 + 0.01 * (x - kWest) + 0.005 * (y - 3451320); }

fixtures::RasterFixture planeRaster() {
    fixtures::RasterFixture raster;
    raster.columns = 50;
    raster.rows = 40;
    raster.originX = kWest;
    raster.originY = kNorth;
    raster.cellX = raster.cellY = kCell;
    raster.crs = "EPSG:32651";
    raster.value = [](int c, int r) { return plane(kWest + kCell * (c + 0.5), kNorth - kCell * (r + 0.5)); };
    return raster;
}
}  // namespace

TEST_CASE("terrain: a plane GeoTIFF is sampled bilinearly at known points", "[terrain]") {
    const std::string dir = fixtures::freshDir("terrain_plane");
    const std::string path = fixtures::writeGeoTiff(dir + "/plane.tif", planeRaster());
    const TerrainImport result = importTerrain(path, wktOf("EPSG:32651"));
    INFO(fixtures::problemLines(result.problems));
    CHECK(result.problems.empty());
    REQUIRE(result.terrain);
    const Terrain& t = *result.terrain;
    CHECK(t.columns == 50);
    CHECK(t.rows == 40);
    CHECK(t.cellX == Approx(2));
    CHECK(t.cellY == Approx(2));
    // Sample (0,0) is the centre of the north-west pixel.
    CHECK(t.originX == Approx(kWest + 1));
    CHECK(t.originY == Approx(kNorth - 1));
    CHECK(t.minX() == Approx(kWest + 1));
    CHECK(t.maxX() == Approx(kWest + 99));
    CHECK(t.minY() == Approx(kNorth - 79));
    CHECK(t.maxY() == Approx(kNorth - 1));
    CHECK(t.height(0, 0) == Approx(plane(kWest + 1, kNorth - 1)));

    for (auto [x, y] : {std::pair{352050.3, 3451350.7}, std::pair{352001.0, 3451399.0}, std::pair{352099.0, 3451321.0},
                        std::pair{352013.37, 3451377.77}, std::pair{352077.0, 3451330.01}}) {
        INFO("x " << x << " y " << y);
        const auto h = t.sample(x, y);
        REQUIRE(h);
        CHECK(*h == Approx(plane(x, y)).margin(1e-4));
        CHECK(t.covers(x, y));
    }
    // Outside the sample grid: no value from sample(), the nearest edge from sampleClamped().
    CHECK_FALSE(t.sample(351990, 3451350));
    CHECK_FALSE(t.sample(352050, 3451500));
    CHECK_FALSE(t.covers(351990, 3451350));
    const auto clamped = t.sampleClamped(351990, 3451350);
    REQUIRE(clamped);
    CHECK(*clamped == Approx(plane(kWest + 1, 3451350)).margin(1e-4));

    CHECK(result.report.sourceColumns == 50);
    CHECK(result.report.sourceRows == 40);
    CHECK(result.report.sourceCellM == Approx(2));
    CHECK(result.report.minHeight == Approx(plane(kWest + 1, kNorth - 79)).margin(1e-4));
    CHECK(result.report.maxHeight == Approx(plane(kWest + 99, kNorth - 1)).margin(1e-4));
    CHECK(crsEquivalent(t.crsWkt, wktOf("EPSG:32651")));
}

TEST_CASE("terrain: a large DEM is resampled to at most maxSamples per side", "[terrain]") {
    const std::string dir = fixtures::freshDir("terrain_resample");
    const std::string path = fixtures::writeGeoTiff(dir + "/plane.tif", planeRaster());
    const TerrainImport result = importTerrain(path, wktOf("EPSG:32651"), std::nullopt, 25);
    INFO(fixtures::problemLines(result.problems));
    REQUIRE(result.terrain);
    const Terrain& t = *result.terrain;
    CHECK(t.columns == 25);
    CHECK(t.rows == 25);
    CHECK(t.cellX == Approx(4));
    CHECK(t.cellY == Approx(80.0 / 25));
    CHECK(t.originX == Approx(kWest + 2));
    // A plane stays a plane when averaged: interior samples are still exact to a millimetre.
    for (auto [x, y] : {std::pair{352050.3, 3451350.7}, std::pair{352030.0, 3451370.0}}) {
        const auto h = t.sample(x, y);
        REQUIRE(h);
        CHECK(*h == Approx(plane(x, y)).margin(1e-3));
    }
}

TEST_CASE("terrain: nodata cells are unknown ground, not a level", "[terrain]") {
    const std::string dir = fixtures::freshDir("terrain_nodata");
    fixtures::RasterFixture raster = planeRaster();
    raster.noData = -9999;
    raster.value = [](int c, int r) {
        if (c >= 10 && c <= 12 && r >= 5 && r <= 7) return -9999.0;
        return plane(kWest + kCell * (c + 0.5), kNorth - kCell * (r + 0.5));
    };
    const std::string path = fixtures::writeGeoTiff(dir + "/holes.tif", raster);
    const TerrainImport result = importTerrain(path, wktOf("EPSG:32651"));
    REQUIRE(result.terrain);
    const Terrain& t = *result.terrain;
    CHECK(std::isnan(t.height(11, 6)));
    CHECK(std::isnan(t.height(10, 5)));
    CHECK_FALSE(std::isnan(t.height(9, 5)));
    // At and next to a hole nothing is known; away from it the plane is intact.
    const double holeX = kWest + kCell * 11.5, holeY = kNorth - kCell * 6.5;
    CHECK_FALSE(t.sample(holeX, holeY));
    CHECK_FALSE(t.sample(holeX + 3, holeY));  // between a hole cell and a good one
    const auto away = t.sample(holeX + 20, holeY);
    REQUIRE(away);
    CHECK(*away == Approx(plane(holeX + 20, holeY)).margin(1e-4));
    // The reported range ignores nodata.
    CHECK(result.report.minHeight > 0);
}

TEST_CASE("terrain: a DEM in lon/lat is reprojected into the project CRS", "[terrain][crs]") {
    const std::string dir = fixtures::freshDir("terrain_reproject");
    // 0.0005 deg pixels (about 50 m) over 121.44..121.47 E, 31.19..31.22 N; the value is a plane
    // in degrees: 10 m + 100 m per degree of longitude + 50 m per degree of latitude.
    fixtures::RasterFixture raster;
    raster.columns = 60;
    raster.rows = 60;
    raster.originX = 121.44;
    raster.originY = 31.22;
    raster.cellX = raster.cellY = 0.0005;
    raster.crs = "EPSG:4326";
    const auto lonLatPlane = [](double lon, double lat) { return 10 + 100 * (lon - 121.45) + 50 * (lat - 31.2); };
    raster.value = [&](int c, int r) { return lonLatPlane(121.44 + 0.0005 * (c + 0.5), 31.22 - 0.0005 * (r + 0.5)); };
    const std::string path = fixtures::writeGeoTiff(dir + "/lonlat.tif", raster);

    const TerrainImport result = importTerrain(path, wktOf("EPSG:32651"));
    INFO(fixtures::problemLines(result.problems));
    CHECK(result.problems.empty());
    REQUIRE(result.terrain);
    const Terrain& t = *result.terrain;
    CHECK(crsIsGeographic(result.report.sourceCrsWkt));
    CHECK(crsEquivalent(t.crsWkt, wktOf("EPSG:32651")));
    // 121.455 E 31.205 N is (352813.083, 3453349.758) in UTM 51N (gdaltransform, GDAL 3.6.2; see
    // test_vector_importer.cpp): the ground there is 10 + 0.5 + 0.25 m.
    const auto h = t.sample(352813.083040243, 3453349.75760259);
    REQUIRE(h);
    CHECK(*h == Approx(10.75).margin(0.02));
    // The grid is now in metres: about 2.85 km x 3.3 km, cells of tens of metres, not degrees.
    CHECK(t.maxX() - t.minX() == Approx(2850).margin(150));
    CHECK(t.maxY() - t.minY() == Approx(3330).margin(150));
    CHECK(t.cellX > 10);
    // Where the warped grid reaches past the source's footprint the ground is unknown (NaN),
    // never an invented 0 m.
    int zeros = 0;
    for (float v : t.heights) zeros += v == 0.0f ? 1 : 0;
    CHECK(zeros == 0);
    CHECK(result.report.minHeight > 5);
}

TEST_CASE("terrain: files that are not rasters give one clear error", "[terrain][errors]") {
    const std::string dir = fixtures::freshDir("terrain_errors");
    const std::string missing = dir + "/missing.tif";
    const TerrainImport a = importTerrain(missing, "");
    CHECK_FALSE(a.terrain);
    REQUIRE(a.problems.size() == 1);
    CHECK(a.problems[0].toLine() == "error: " + missing + ": file not found");

    const std::string text = fixtures::writeText(dir + "/notes.tif", "this is not a GeoTIFF\n");
    const TerrainImport b = importTerrain(text, "");
    CHECK_FALSE(b.terrain);
    REQUIRE(b.problems.size() == 1);
    CHECK(b.problems[0].severity == Severity::Error);
    CHECK(b.problems[0].toLine().rfind("error: " + text + ": cannot read as a raster", 0) == 0);

    const std::string vector =
        fixtures::writeText(dir + "/pipes.geojson", R"({"type": "FeatureCollection", "features": []})");
    const TerrainImport c = importTerrain(vector, "");
    CHECK_FALSE(c.terrain);
    REQUIRE(c.problems.size() == 1);
    CHECK(c.problems[0].message.find("cannot read as a raster") != std::string::npos);
}

TEST_CASE("terrain: a raster with only nodata is refused", "[terrain][errors]") {
    const std::string dir = fixtures::freshDir("terrain_all_nodata");
    fixtures::RasterFixture raster = planeRaster();
    raster.noData = -9999;
    raster.value = [](int, int) { return -9999.0; };
    const std::string path = fixtures::writeGeoTiff(dir + "/empty.tif", raster);
    const TerrainImport result = importTerrain(path, wktOf("EPSG:32651"));
    CHECK_FALSE(result.terrain);
    CHECK(fixtures::countProblems(result.problems, {"error", path, "no valid elevation values"}) == 1);
}
