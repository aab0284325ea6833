// Real public data (shared/data, see its MANIFEST.md): the KY4 water network from WNTR, in
// US survey feet (EPSG:3547) with attributes in SI units, and its DEM. Skipped when absent.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>

#include "skip_support.h"
#include "crs.h"
#include "depth_rules.h"
#include "fixtures.h"
#include "model_loader.h"

namespace fs = std::filesystem;
using namespace subterra;

namespace {
double median(std::vector<double> values) {
    REQUIRE_FALSE(values.empty());
    std::nth_element(values.begin(), values.begin() + values.size() / 2, values.end());
    return values[values.size() / 2];
}
}  // namespace

TEST_CASE("real data: KY4 pipes junctions and DEM load into UTM 16N", "[real-data]") {
    const std::string dir = fixtures::sourceDir() + "/../shared/data/ky4";
    if (!fs::exists(dir + "/ky4_pipes.geojson") || !fs::exists(dir + "/ky4_junctions.geojson") ||
        !fs::exists(dir + "/ky4_elevation.tif")) {
        SKIP_TEST(dir + " (ky4 pipes, junctions and elevation) is not there");
    }
    LoadRequest request;
    request.terrain.dem = dir + "/ky4_elevation.tif";
    LayerSpec pipes;
    pipes.name = "pipes";
    pipes.source = dir + "/ky4_pipes.geojson";
    pipes.utility = UtilityKind::Water;
    LayerSpec junctions;
    junctions.name = "junctions";
    junctions.source = dir + "/ky4_junctions.geojson";
    junctions.utility = UtilityKind::Water;
    request.layers = {pipes, junctions};

    const LoadResult result = loadModel(request);
    INFO(fixtures::problemLines(result.problems));
    CHECK_FALSE(hasErrors(result.problems));

    // EPSG:3547 is in US survey feet: the scene is built in metres, in the data's UTM zone (16N).
    std::string error;
    CHECK(crsEquivalent(result.model.crsWkt, *crsToWkt("EPSG:32616", error)));
    CHECK(result.crsChoice.find("not in metres") != std::string::npos);

    REQUIRE(result.model.segments.size() == 1156);
    REQUIRE(result.model.nodes.size() == 959);
    REQUIRE(result.layers.size() == 2);
    CHECK(result.layers[0].featuresImported == 1156);
    CHECK(result.layers[1].featuresImported == 959);

    // WNTR writes diameters in metres in a field named "diameter": the unit is inferred, 3 to 16 in.
    const FieldRef* diameter = result.layers[0].mapping.get(MappingRole::Diameter);
    REQUIRE(diameter);
    CHECK(diameter->field == "diameter");
    CHECK(diameter->unit == LengthUnit::Metre);
    double smallest = 1e9, largest = 0;
    for (const auto& s : result.model.segments) {
        smallest = std::min(smallest, s.section.diameterM);
        largest = std::max(largest, s.section.diameterM);
    }
    CHECK(smallest == Approx(0.0762));
    CHECK(largest == Approx(0.4064));
    CHECK(result.layers[0].assumedSections == 0);
    // No depth in the data: every pipe's depth is assumed, and said to be.
    CHECK(result.layers[0].depthSources[size_t(DepthSource::Assumed)] == 1156);

    // Reprojected from feet to metres: drawn lengths match the declared "length" (metres).
    std::vector<double> ratios;
    for (const auto& s : result.model.segments) {
        const double declared = std::stod(s.attributes.at("length"));
        if (declared > 10) ratios.push_back(planLength(s.points) / declared);
    }
    CHECK(median(ratios) == Approx(1.0).margin(0.02));

    // Every junction lies inside the DEM, whose values are metres like the junction elevations.
    REQUIRE(result.model.terrain);
    const Terrain& dem = *result.model.terrain;
    std::vector<double> differences;
    int outside = 0;
    for (const auto& n : result.model.nodes) {
        const auto ground = dem.sample(n.position.x, n.position.y);
        if (!ground) {
            ++outside;
            continue;
        }
        differences.push_back(*ground - std::stod(n.attributes.at("elevation")));
    }
    CHECK(outside == 0);
    CHECK(fixtures::countProblems(result.problems, {"DEM does not cover"}) == 0);
    CHECK(std::abs(median(differences)) < 2.0);
    // The junction's ground level is its own elevation field.
    CHECK(result.layers[1].mapping.get(MappingRole::Ground)->field == "elevation");
    CHECK(result.model.nodes[0].groundZ == Approx(std::stod(result.model.nodes[0].attributes.at("elevation"))));
}
