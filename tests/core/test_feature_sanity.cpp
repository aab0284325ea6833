// Features with numbers that are no place on Earth (issue 16): a NaN vertex over a DEM used to
// crash in Terrain::sample, and one vertex at 1e300 (or a LandXML elevRim="1e308") spoiled the
// framing of the whole scene. Such a feature is dropped with an error naming file and feature;
// the rest of the layer loads.
#include <catch2/catch.hpp>

#include <cmath>

#include "feature_sanity.h"
#include "fixtures.h"
#include "model_loader.h"

using namespace subterra;
using Catch::Contains;

namespace {
LoadRequest requestFor(const std::string& source, const std::string& dem = "") {
    LoadRequest request;
    LayerSpec spec;
    spec.source = source;
    spec.name = "pipes";
    request.layers.push_back(spec);
    request.terrain.dem = dem;
    return request;
}

// Three pipes in UTM 51N: P-nan has a NaN vertex, P-far one at 1e300, P-ok is good.
std::string threePipes(const std::string& dir) {
    return fixtures::writeText(dir + "/pipes.geojson", R"({"type": "FeatureCollection",
"crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::32651"}}, "features": [
{"type": "Feature", "properties": {"id": "P-nan", "DN": 200},
 "geometry": {"type": "LineString", "coordinates": [[352800, 3453300], [NaN, 3453302], [352810, 3453310]]}},
{"type": "Feature", "properties": {"id": "P-far", "DN": 200},
 "geometry": {"type": "LineString", "coordinates": [[352800, 3453300], [1e300, 3453302], [352810, 3453310]]}},
{"type": "Feature", "properties": {"id": "P-ok", "DN": 200},
 "geometry": {"type": "LineString", "coordinates": [[352800, 3453300], [352805, 3453302], [352810, 3453310]]}}]})");
}

void checkOnlyGoodPipeLoaded(const LoadResult& result, const std::string& path) {
    INFO(fixtures::problemLines(result.problems));
    REQUIRE(result.model.segments.size() == 1);
    CHECK(result.model.segments[0].id == "P-ok");
    CHECK(fixtures::countProblems(result.problems, {path, "segment 'P-nan'", "vertex 2 is (nan, 3.4533e+06,"}) == 1);
    CHECK(fixtures::countProblems(result.problems, {path, "segment 'P-far'", "vertex 2 is (1e+300, 3.4533e+06,"}) == 1);
    const Extent extent = result.model.extent();
    CHECK(extent.maxX == Approx(352810));
    REQUIRE(result.layers.size() == 1);
    CHECK(result.layers[0].featuresImported == 1);
    CHECK(result.layers[0].extent.maxX == Approx(352810));
}
}  // namespace

TEST_CASE("feature sanity: a NaN or 1e300 vertex over a DEM drops that feature, not the process",
          "[sanity][bad-input]") {
    const std::string dir = fixtures::freshDir("sanity_dem");
    fixtures::RasterFixture raster;
    raster.originX = 352790;
    raster.originY = 3453330;
    raster.value = [](int, int) { return 5.0; };
    const std::string dem = fixtures::writeGeoTiff(dir + "/dem.tif", raster);
    const std::string path = threePipes(dir);
    checkOnlyGoodPipeLoaded(loadModel(requestFor(path, dem)), path);
}

TEST_CASE("feature sanity: without a DEM the bad features are not accepted silently either", "[sanity][bad-input]") {
    const std::string dir = fixtures::freshDir("sanity_flat");
    const std::string path = threePipes(dir);
    checkOnlyGoodPipeLoaded(loadModel(requestFor(path)), path);
}

TEST_CASE("feature sanity: a LandXML rim level of 1e308 drops that structure with its name", "[sanity][landxml]") {
    const std::string dir = fixtures::freshDir("sanity_landxml");
    std::string text = fixtures::readFile(fixtures::sourceDir() + "/tests/data/landxml/storm_network_metric.xml");
    const auto at = text.find("elevRim=\"6.150\"");
    REQUIRE(at != std::string::npos);
    const std::string path = fixtures::writeText(dir + "/rim.xml", text.replace(at, 15, "elevRim=\"1e308\""));
    const LoadResult result = loadModel(requestFor(path));
    INFO(fixtures::problemLines(result.problems));
    CHECK(result.model.nodes.size() == 4);
    CHECK(fixtures::countProblems(result.problems, {path, "node 'MH-102'", "ground level is 1e+308"}) == 1);
    CHECK(result.model.extent().maxZ < 100);
}

TEST_CASE("feature sanity: the terrain lookup refuses non-finite coordinates", "[sanity][terrain]") {
    Terrain terrain;
    terrain.columns = terrain.rows = 3;
    terrain.originY = 2;
    terrain.heights.assign(9, 1.0f);
    CHECK(terrain.sample(1, 1) == Approx(1.0));
    CHECK_FALSE(terrain.sample(std::nan(""), 1));
    CHECK_FALSE(terrain.sampleClamped(1, std::nan("")));
    CHECK_FALSE(terrain.sampleClamped(INFINITY, 1));
}
