// IFC 2x3 and binary FBX through Assimp 5.2, from small committed fixtures (tests/data/mesh/):
// triangle counts, extent and placement as computed by hand.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "fixtures.h"
#include "mesh_importer.h"

using namespace subterra;

namespace {
std::string meshFixture(const std::string& name) { return fixtures::sourceDir() + "/tests/data/mesh/" + name; }

LayerImport importPlaced(const std::string& path, const Vec3d& origin, double rotationDeg = 0) {
    LayerSpec spec;
    spec.name = std::filesystem::path(path).stem().string();
    spec.source = path;
    spec.placement = MeshPlacement{origin, rotationDeg, 1.0, std::nullopt};
    return importMeshLayer(spec, ImportContext{"", [](double, double) { return 0.0; }});
}

std::string readText(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

Extent extentOf(const Mesh& mesh) {
    Extent e;
    for (const auto& v : mesh.vertices) e.add(v);
    return e;
}
}  // namespace

TEST_CASE("IFC 2x3: a hand-written IfcWallStandardCase (extruded rectangle) lands where its placements say",
          "[mesh][ifc]") {
    // Profile 4 x 0.2 m centred on the wall's axis, extruded 3 m up, wall placed at (2, 1, 0) in
    // the storey: x 0..4, y 0.9..1.1, z 0..3 in the file; moved by the project origin.
    const std::string path = meshFixture("wall_ifc2x3.ifc");
    REQUIRE(isMeshFile(path));
    const LayerImport layer = importPlaced(path, {1000, 2000, 50});
    INFO(fixtures::problemLines(layer.problems));
    REQUIRE(layer.problems.empty());
    REQUIRE(layer.meshes.size() == 1);
    const Mesh& mesh = layer.meshes[0];
    CHECK(mesh.triangles.size() == 12);  // a box: 6 faces, 2 triangles each
    CHECK(layer.report.countsByKind.at("triangles") == 12);
    CHECK(layer.report.driver == "Assimp IFC");
    const Extent e = extentOf(mesh);
    CHECK(e.minX == Approx(1000.0).margin(1e-4));
    CHECK(e.maxX == Approx(1004.0).margin(1e-4));
    CHECK(e.minY == Approx(2000.9).margin(1e-4));
    CHECK(e.maxY == Approx(2001.1).margin(1e-4));
    CHECK(e.minZ == Approx(50.0).margin(1e-4));
    CHECK(e.maxZ == Approx(53.0).margin(1e-4));
}

TEST_CASE("IFC without product geometry: the error says what Assimp's IFC reader builds", "[mesh][ifc]") {
    const std::string dir = fixtures::freshDir("mesh_ifc_empty");
    std::string text = readText(meshFixture("wall_ifc2x3.ifc"));
    for (const char* entity : {"#90=", "#91="}) {  // drop the wall and its containment
        const size_t at = text.find(entity);
        REQUIRE(at != std::string::npos);
        text.erase(at, text.find('\n', at) + 1 - at);
    }
    const std::string path = fixtures::writeText(dir + "/no_products.ifc", text);
    const LayerImport layer = importPlaced(path, {0, 0, 0});
    CHECK(layer.meshes.empty());
    REQUIRE(layer.problems.size() == 1);
    CHECK(layer.problems[0].severity == Severity::Error);
    CHECK(layer.problems[0].message.find("IFC") != std::string::npos);
    CHECK(layer.problems[0].message.find("no triangles") != std::string::npos);
}

TEST_CASE("Binary FBX 7400: a 2 x 1 x 0.5 m box, Y-up, turned to Z-up, rotated and placed", "[mesh][fbx]") {
    // tests/data/mesh/make_box_fbx.py writes it: x 0..2, y 0..1 (up), z 0..0.5, in metres
    // (UnitScaleFactor 100). Y-up -> Z-up: (x, y, z) -> (x, -z, y); then 90 degrees
    // counter-clockwise: (x, y) -> (-y, x); then + origin.
    const std::string path = meshFixture("box_binary.fbx");
    REQUIRE(readText(path).rfind("Kaydara FBX Binary", 0) == 0);
    const LayerImport layer = importPlaced(path, {500, 600, 7}, 90);
    INFO(fixtures::problemLines(layer.problems));
    REQUIRE(layer.problems.empty());
    REQUIRE(layer.meshes.size() == 1);
    const Mesh& mesh = layer.meshes[0];
    CHECK(mesh.triangles.size() == 12);
    CHECK(layer.report.driver == "Assimp FBX");
    const Extent e = extentOf(mesh);
    CHECK(e.minX == Approx(500.0).margin(1e-6));  // -y of the Z-up box: 0..0.5
    CHECK(e.maxX == Approx(500.5).margin(1e-6));
    CHECK(e.minY == Approx(600.0).margin(1e-6));  // x: 0..2
    CHECK(e.maxY == Approx(602.0).margin(1e-6));
    CHECK(e.minZ == Approx(7.0).margin(1e-6));  // the file's y (up): 0..1
    CHECK(e.maxZ == Approx(8.0).margin(1e-6));
}
