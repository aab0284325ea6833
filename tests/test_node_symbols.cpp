// Network node symbols: each kind gets its own recognisable proportions (a tank is a wide
// cylinder standing on the ground, a reservoir a flat basin below its water level, a pump a box on
// the link, a valve a double cone across the link), while manholes stay shafts.
#include <catch2/catch.hpp>

#include "feature_meshes.h"
#include "node_symbols.h"

using namespace subterra;

namespace {
struct Box {
    osg::Vec3 min{1e9f, 1e9f, 1e9f}, max{-1e9f, -1e9f, -1e9f};
    osg::Vec3 size() const { return max - min; }
};

Box symbolBox(NodeKind kind, double sizeM, double heightM = 0) {
    Node node;
    node.kind = kind;
    node.position = {100, 200, 50};
    node.groundZ = 50;
    node.invertZ = 47;
    node.sizeM = sizeM;
    node.heightM = heightM;
    MeshBuffer mesh;
    mesh.beginFeature("n");
    REQUIRE(appendNodeSymbol(mesh, node, {100, 200, 0}, osg::Vec4(0.2f, 0.4f, 0.9f, 1)));
    REQUIRE(mesh.triangleCount() > 8);
    Box box;
    for (const auto& v : mesh.vertices)
        for (int i = 0; i < 3; ++i) box.min[i] = std::min(box.min[i], v[i]), box.max[i] = std::max(box.max[i], v[i]);
    return box;
}
}  // namespace

TEST_CASE("node symbols: proportions per kind", "[scene][symbols]") {
    const Box tank = symbolBox(NodeKind::Tank, 15, 8);
    CHECK(tank.min.z() == Approx(50).margin(0.01));           // stands on its base
    CHECK(tank.size().x() == Approx(15 * 1.04).margin(0.5));  // roof band slightly wider
    CHECK(tank.size().z() > 8);
    CHECK(tank.size().x() > tank.size().z());  // short and wide

    const Box reservoir = symbolBox(NodeKind::Reservoir, 20);
    CHECK(reservoir.max.z() == Approx(50).margin(0.01));  // top = water level
    CHECK(reservoir.size().z() == Approx(1).margin(0.01));
    CHECK(reservoir.size().x() == Approx(20).margin(0.01));

    const Box pump = symbolBox(NodeKind::Pump, 1);
    CHECK(pump.size().x() == Approx(1).margin(0.01));
    CHECK(pump.size().z() == Approx(1.4).margin(0.01));  // box + motor block

    const Box valve = symbolBox(NodeKind::Valve, 1);
    CHECK(valve.size().x() == Approx(1).margin(0.01));  // two cones tip to tip along the link
    CHECK(valve.size().y() == Approx(1).margin(0.05));
    CHECK(valve.max.z() == Approx(50.7).margin(0.05));  // stem above the centre

    const Box storage = symbolBox(NodeKind::Storage, 6);
    CHECK(storage.min.z() == Approx(47).margin(0.01));
    CHECK(storage.size().x() == Approx(6).margin(0.1));

    Node manhole;
    MeshBuffer mesh;
    CHECK_FALSE(appendNodeSymbol(mesh, manhole, {}, osg::Vec4(1, 1, 1, 1)));
    CHECK(mesh.vertices.empty());
}
