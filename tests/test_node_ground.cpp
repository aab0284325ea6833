// A network model without a DEM gets its ground from the nodes' ground (rim) levels: the pipes lie
// at their real depths under it instead of floating over a flat ground at 0 m.
#include <catch2/catch.hpp>

#include "feature_lookup.h"
#include "fixtures.h"
#include "model_loader.h"
#include "node_ground.h"

using namespace subterra;

namespace {
// Four manholes on a 100 m square with rims at 100, 102, 104 and 106 m (a plane rising 2 m to the
// east and 4 m to the north), pipes 1.5 m below the rims, and an outfall whose level is its
// invert, not the ground.
const char* kSlopedNetwork = R"([TITLE]
Four manholes on a sloping street (Subterra test)

[OPTIONS]
FLOW_UNITS           CMS
LINK_OFFSETS         DEPTH

[JUNCTIONS]
;;Name  Elevation MaxDepth
SW      98.5      1.5
SE      100.5     1.5
NW      102.5     1.5
NE      104.5     1.5

[OUTFALLS]
;;Name  Elevation Type
OUT     95        FREE

[CONDUITS]
;;Name  From To Length Roughness InOffset OutOffset
C1      NE   NW 100    0.013     0        0
C2      NW   SW 100    0.013     0        0
C3      SE   SW 100    0.013     0        0
C4      SW   OUT 20    0.013     0        0

[XSECTIONS]
;;Link  Shape    Geom1
C1      CIRCULAR 0.3
C2      CIRCULAR 0.3
C3      CIRCULAR 0.3
C4      CIRCULAR 0.3

[COORDINATES]
SW      0    0
SE      100  0
NW      0    100
NE      100  100
OUT     -20  0
)";

LoadResult load(const std::string& path, std::optional<double> flatLevel = std::nullopt) {
    LoadRequest request;
    LayerSpec spec;
    spec.name = "sewer";
    spec.source = path;
    request.layers.push_back(spec);
    request.terrain.flatLevelM = flatLevel;
    return loadModel(request);
}
}  // namespace

TEST_CASE("Without a DEM, a SWMM network's ground runs through its manhole rims", "[terrain][inp]") {
    const std::string dir = fixtures::freshDir("node_ground");
    const std::string path = fixtures::writeText(dir + "/sloped.inp", kSlopedNetwork);
    const LoadResult result = load(path);
    INFO(fixtures::problemLines(result.problems));
    REQUIRE(result.model.terrain);
    REQUIRE(result.terrain);
    CHECK(result.terrain->source.find("4 node ground levels") != std::string::npos);
    const Model& model = result.model;
    // At each rim, between them (the plane through them) and past them (the nearest rim's plane).
    CHECK(model.groundAt(0, 0) == Approx(100).margin(0.05));
    CHECK(model.groundAt(100, 0) == Approx(102).margin(0.05));
    CHECK(model.groundAt(100, 100) == Approx(106).margin(0.05));
    CHECK(model.groundAt(50, 50) == Approx(103).margin(0.1));
    CHECK(model.groundAt(-20, 0) == Approx(100).margin(0.3));  // the outfall: the nearest rim's
    // Every pipe between manholes is under the ground now, 1.35 m to its centreline at each end.
    for (const Segment& s : model.segments) {
        INFO(s.id);
        if (s.id == "C4") continue;
        const SegmentFacts facts = segmentFacts(model, s);
        CHECK(facts.depthStartM == Approx(1.35).margin(0.1));
        CHECK(facts.depthEndM == Approx(1.35).margin(0.1));
    }
}

TEST_CASE("A stated flat level or too few nodes keep the flat ground", "[terrain][inp]") {
    const std::string dir = fixtures::freshDir("node_ground_flat");
    const std::string path = fixtures::writeText(dir + "/sloped.inp", kSlopedNetwork);
    const LoadResult stated = load(path, 0.0);
    CHECK_FALSE(stated.model.terrain);
    CHECK(stated.model.groundAt(50, 50) == 0.0);

    TerrainReport report;
    std::vector<Node> nodes(2);
    nodes[1].position = {10, 0, 5};
    CHECK_FALSE(groundFromNodes(nodes, report));
    // Three in a line: no triangle to interpolate over.
    nodes.push_back(nodes[1]);
    nodes[2].position = {20, 0, 5};
    CHECK_FALSE(groundFromNodes(nodes, report));
    // Tanks and reservoirs are water levels, not ground.
    nodes[2].position = {0, 20, 5};
    nodes[2].kind = NodeKind::Reservoir;
    CHECK_FALSE(groundFromNodes(nodes, report));
}
