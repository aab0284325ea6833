// CAD meshes through Assimp: georeference (origin, rotation, scale, up axis) checked against
// hand-computed positions, material colours kept, and bad files reported in one line each.
#include <assimp/Exporter.hpp>
#include <assimp/Importer.hpp>
#include <assimp/scene.h>
#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>
#include <fstream>

#include "fixtures.h"
#include "mesh_importer.h"
#include "model_loader.h"
#include "project.h"

using namespace subterra;
namespace fs = std::filesystem;

namespace {
const std::string kBoxGlb =
    fixtures::sourceDir() + "/tests/data/mesh/box01.glb";  // 12 triangles, -0.5..0.5, Y-up, grey

LayerSpec meshSpec(const std::string& path, std::optional<MeshPlacement> placement) {
    LayerSpec spec;
    spec.name = fs::path(path).stem().string();
    spec.source = path;
    spec.placement = placement;
    return spec;
}

LayerImport importAlone(const std::string& path, std::optional<MeshPlacement> placement = std::nullopt,
                        const std::string& projectCrs = "") {
    return importMeshLayer(meshSpec(path, placement), ImportContext{projectCrs, [](double, double) { return 0.0; }});
}

bool near(const Vec3d& a, const Vec3d& b, double tolerance = 1e-6) {
    return std::abs(a.x - b.x) < tolerance && std::abs(a.y - b.y) < tolerance && std::abs(a.z - b.z) < tolerance;
}

bool hasVertex(const Mesh& mesh, const Vec3d& expected) {
    for (const auto& v : mesh.vertices)
        if (near(v, expected)) return true;
    return false;
}

// One asymmetric triangle, Y-up, with a red material: (1,0,0), (0,2,0), (0,0,3).
std::string writeRedTriangleObj(const std::string& dir) {
    fixtures::writeText(dir + "/red.mtl", "newmtl pipe_red\nKd 0.9 0.2 0.1\nd 1.0\n");
    return fixtures::writeText(dir + "/triangle.obj",
                               "mtllib red.mtl\nv 1 0 0\nv 0 2 0\nv 0 0 3\nusemtl pipe_red\nf 1 2 3\n");
}
}  // namespace

TEST_CASE("box01.glb placed by origin, rotation, scale and Y-up lands on the computed corners", "[mesh]") {
    REQUIRE(fs::exists(kBoxGlb));
    MeshPlacement placement;
    placement.origin = {352000, 3452000, 5};
    placement.rotationDeg = 90;
    placement.scale = 2;
    placement.upAxis = UpAxis::Y;
    const LayerImport layer = importAlone(kBoxGlb, placement, fixtures::wktOf("EPSG:32651"));
    INFO(fixtures::problemLines(layer.problems));
    REQUIRE(layer.problems.empty());
    REQUIRE(layer.meshes.size() == 1);
    const Mesh& mesh = layer.meshes[0];
    CHECK(mesh.triangles.size() == 12);
    // The unit cube scaled by 2 is +-1 around the origin; every vertex is one of its corners, and
    // each of the 8 corners is there.
    for (const auto& v : mesh.vertices) {
        INFO(v.x << " " << v.y << " " << v.z);
        CHECK(std::abs(std::abs(v.x - 352000) - 1) < 1e-6);
        CHECK(std::abs(std::abs(v.y - 3452000) - 1) < 1e-6);
        CHECK(std::abs(std::abs(v.z - 5) - 1) < 1e-6);
    }
    for (int corner = 0; corner < 8; ++corner)
        CHECK(hasVertex(
            mesh, {352000.0 + (corner & 1 ? 1 : -1), 3452000.0 + (corner & 2 ? 1 : -1), 5.0 + (corner & 4 ? 1 : -1)}));
    // A proper rotation, not a mirror: every triangle's winding agrees with its vertex normals
    // (a wrong-handed Y-up -> Z-up swap would turn them all inside out).
    for (const auto& t : mesh.triangles) {
        const Vec3d &a = mesh.vertices[t[0]], &b = mesh.vertices[t[1]], &c = mesh.vertices[t[2]];
        const Vec3d e1{b.x - a.x, b.y - a.y, b.z - a.z}, e2{c.x - a.x, c.y - a.y, c.z - a.z};
        const Vec3d cross{e1.y * e2.z - e1.z * e2.y, e1.z * e2.x - e1.x * e2.z, e1.x * e2.y - e1.y * e2.x};
        const auto& n = mesh.normals[t[0]];
        CHECK(cross.x * n[0] + cross.y * n[1] + cross.z * n[2] > 0);
    }
    CHECK(layer.report.extent.minZ == Approx(4));
    CHECK(layer.report.extent.maxZ == Approx(6));
    // The material: grey 0.5 (baseColorFactor), opaque.
    REQUIRE(mesh.parts.size() == 1);
    CHECK(mesh.parts[0].color[0] == Approx(0.5f));
    CHECK(mesh.parts[0].color[2] == Approx(0.5f));
    CHECK(mesh.parts[0].color[3] == Approx(1.0f));
}

TEST_CASE("An asymmetric OBJ triangle: up axis turned, scaled, rotated 90 degrees counter-clockwise, moved", "[mesh]") {
    const std::string dir = fixtures::freshDir("mesh_obj");
    const std::string obj = writeRedTriangleObj(dir);
    MeshPlacement placement;
    placement.origin = {100, 200, 10};
    placement.rotationDeg = 90;
    placement.scale = 2;  // up axis from the format: OBJ is Y-up
    const LayerImport layer = importAlone(obj, placement);
    INFO(fixtures::problemLines(layer.problems));
    REQUIRE(layer.meshes.size() == 1);
    const Mesh& mesh = layer.meshes[0];
    REQUIRE(mesh.vertices.size() == 3);
    // Y-up (x, y, z) -> Z-up (x, -z, y) -> x2 -> rotate 90: (x, y) -> (-y, x) -> + origin.
    CHECK(hasVertex(mesh, {100, 202, 10}));  // (1,0,0) -> (1,0,0) -> (2,0,0) -> (0,2,0)
    CHECK(hasVertex(mesh, {100, 200, 14}));  // (0,2,0) -> (0,0,2) -> (0,0,4)
    CHECK(hasVertex(mesh, {106, 200, 10}));  // (0,0,3) -> (0,-3,0) -> (0,-6,0) -> (6,0,0)
    REQUIRE(mesh.parts.size() == 1);
    CHECK(mesh.parts[0].material == "pipe_red");
    CHECK(mesh.parts[0].color[0] == Approx(0.9f));
    CHECK(mesh.parts[0].color[1] == Approx(0.2f));
    CHECK(mesh.parts[0].color[2] == Approx(0.1f));
}

TEST_CASE("STL and PLY are Z-up by default and read in their own frame without a placement", "[mesh]") {
    const std::string dir = fixtures::freshDir("mesh_stl_ply");
    const std::string stl = fixtures::writeText(dir + "/tri.stl",
                                                "solid t\nfacet normal 0 0 1\nouter loop\nvertex 0 0 0\nvertex 4 0 0\n"
                                                "vertex 0 3 2\nendloop\nendfacet\nendsolid t\n");
    const std::string ply =
        fixtures::writeText(dir + "/tri.ply",
                            "ply\nformat ascii 1.0\nelement vertex 3\nproperty float x\nproperty float y\n"
                            "property float z\nelement face 1\nproperty list uchar int vertex_indices\n"
                            "end_header\n0 0 0\n4 0 0\n0 3 2\n3 0 1 2\n");
    for (const auto& path : {stl, ply}) {
        const LayerImport layer = importAlone(path);
        INFO(path << "\n" << fixtures::problemLines(layer.problems));
        REQUIRE(layer.meshes.size() == 1);
        CHECK(layer.meshes[0].triangles.size() == 1);
        CHECK(hasVertex(layer.meshes[0], {0, 3, 2}));  // z stays up
        CHECK(layer.report.extent.maxZ == Approx(2));
    }
}

TEST_CASE("Bad mesh files give one error naming the file and cost nothing else", "[mesh][bad-input]") {
    const std::string dir = fixtures::freshDir("mesh_bad");
    const std::string glb = fixtures::readFile(kBoxGlb);
    const std::string truncatedGlb = fixtures::writeText(dir + "/truncated.glb", glb.substr(0, glb.size() / 3));
    std::string stl(80, ' ');
    stl += std::string("\xe8\x03\x00\x00", 4) + std::string(50 * 2, '\0');  // claims 1000 facets, holds 2
    const std::string truncatedStl = fixtures::writeText(dir + "/truncated.stl", stl);
    const std::string empty = fixtures::writeText(dir + "/empty.obj", "");
    const std::string noFaces = fixtures::writeText(dir + "/points.obj", "v 0 0 0\nv 1 0 0\n");
    const std::string garbagePly = fixtures::writeText(dir + "/garbage.ply", "this is not a ply file\n");
    const std::string missing = dir + "/missing.glb";
    for (const auto& [path, reason] :
         std::vector<std::pair<std::string, std::string>>{{truncatedGlb, "truncated or corrupt"},
                                                          {truncatedStl, "Assimp cannot read it"},
                                                          {empty, "empty file"},
                                                          {noFaces, "no faces"},
                                                          {garbagePly, "Assimp cannot read it"},
                                                          {missing, "file not found"}}) {
        const LayerImport layer = importAlone(path);
        INFO(path << "\n" << fixtures::problemLines(layer.problems));
        CHECK(layer.meshes.empty());
        REQUIRE(layer.problems.size() == 1);
        const std::string line = layer.problems[0].toLine();
        CHECK(line.find(path) != std::string::npos);
        CHECK(line.find(reason) != std::string::npos);
        CHECK(line.find('\n') == std::string::npos);
    }

    SECTION("a bad file among good layers: the good ones still load") {
        LoadRequest request;
        request.layers = {meshSpec(truncatedGlb, std::nullopt), meshSpec(kBoxGlb, std::nullopt),
                          meshSpec(dir + "/chamber.xyz", std::nullopt)};
        const LoadResult result = loadModel(request);
        INFO(fixtures::problemLines(result.problems));
        CHECK(result.model.meshes.size() == 1);
        CHECK(fixtures::countProblems(result.problems, {"truncated.glb", "truncated or corrupt"}) == 1);
        CHECK(fixtures::countProblems(result.problems, {"chamber.xyz"}) == 1);  // unknown extension: GDAL says why
    }
}

TEST_CASE("A mesh in a project with a CRS needs a placement, wrong placement values name their JSON path",
          "[mesh][bad-input]") {
    const LayerImport unplaced = importAlone(kBoxGlb, std::nullopt, fixtures::wktOf("EPSG:32651"));
    CHECK(unplaced.meshes.empty());
    CHECK(fixtures::countProblems(unplaced.problems, {kBoxGlb, "no georeference", "placement"}) == 1);

    const std::string dir = fixtures::freshDir("mesh_project");
    const std::string project = fixtures::writeText(
        dir + "/p.subterra.json",
        R"({"subterra": 1, "crs": "EPSG:32651",
  "layers": [{"name": "good", "source": ")" +
            kBoxGlb +
            R"(", "placement": {"origin": [352000, 3452000, 2], "rotation_deg": 30, "scale": 0.5, "up_axis": "y"}},
             {"name": "no_origin", "source": ")" +
            kBoxGlb + R"(", "placement": {"rotation_deg": 30}},
             {"name": "bad_values", "source": ")" +
            kBoxGlb + R"(", "placement": {"origin": [1, 2], "scale": -1, "up_axis": "x"}}]})");
    const ProjectLoad load = loadProject(project);
    INFO(fixtures::problemLines(load.problems));
    REQUIRE(load.project);
    CHECK(fixtures::countProblems(load.problems, {"$.layers[1].placement.origin", "missing"}) == 1);
    CHECK(fixtures::countProblems(load.problems, {"$.layers[2].placement.origin", "3 numbers"}) == 1);
    CHECK(fixtures::countProblems(load.problems, {"$.layers[2].placement.scale", "positive"}) == 1);
    CHECK(fixtures::countProblems(load.problems, {"$.layers[2].placement.up_axis", "'x'"}) == 1);
    const MeshPlacement& good = *load.project->layers[0].spec.placement;
    CHECK(good.origin.y == 3452000);
    CHECK(good.rotationDeg == 30);
    CHECK(good.scale == 0.5);
    CHECK(good.upAxis == UpAxis::Y);

    const LoadResult result = loadModel(load.project->loadRequest());
    REQUIRE(result.model.meshes.size() == 1);  // the two broken placements cost only their layers
    CHECK(result.model.meshes[0].layer == "good");
    CHECK(result.model.extent().minZ == Approx(1.75));
}

TEST_CASE("subterra info and render take a mesh file alone, in its own frame", "[mesh][cli]") {
    const std::string dir = fixtures::freshDir("mesh_cli");
    const auto info = fixtures::runSubterra({"info", kBoxGlb}, dir);
    INFO(info.out << info.err);
    CHECK(info.exitCode == 0);
    CHECK(info.out.find("1 CAD meshes") != std::string::npos);
    CHECK(info.out.find("12 triangles") != std::string::npos);
    CHECK(info.out.find("z -0.50 .. 0.50") != std::string::npos);
    const auto render = fixtures::runSubterra({"render", kBoxGlb, "-o", "box.png", "--size", "160x90"}, dir);
    INFO(render.out << render.err);
    CHECK(render.exitCode == 0);
    CHECK(fs::file_size(dir + "/box.png") > 100);
    fixtures::writeText(dir + "/cut.glb", fixtures::readFile(kBoxGlb).substr(0, 200));
    const auto bad = fixtures::runSubterra({"info", "cut.glb"}, dir);
    CHECK(bad.exitCode == 1);
    CHECK(bad.err.find("cut.glb") != std::string::npos);
    CHECK(bad.err.find("truncated or corrupt") != std::string::npos);  // the GLB header check, before Assimp
}

TEST_CASE("COLLADA, ASCII FBX and 3DS written by Assimp's exporter from box01.glb read back as the same box",
          "[mesh]") {
    const std::string dir = fixtures::freshDir("mesh_formats");
    Assimp::Importer reader;
    const aiScene* box = reader.ReadFile(kBoxGlb, 0);
    REQUIRE(box);
    // Binary FBX is left out: Assimp 5.2 cannot read back its own binary FBX ("block offset is out of range").
    for (const auto& [format, ext] :
         std::vector<std::pair<std::string, std::string>>{{"collada", ".dae"}, {"fbxa", ".fbx"}, {"3ds", ".3ds"}}) {
        const std::string path = dir + "/box" + ext;
        Assimp::Exporter exporter;
        INFO(format << ": " << exporter.GetErrorString());
        REQUIRE(exporter.Export(box, format, path) == AI_SUCCESS);
        const LayerImport layer = importAlone(path);
        INFO(fixtures::problemLines(layer.problems));
        REQUIRE(layer.meshes.size() == 1);
        CHECK(layer.meshes[0].triangles.size() == 12);
        const Extent& e = layer.report.extent;
        INFO(e.minX << ".." << e.maxX << ", " << e.minY << ".." << e.maxY << ", " << e.minZ << ".." << e.maxZ);
        CHECK(e.maxX - e.minX == Approx(1));  // metres: no unit conversion went wrong
        CHECK(e.maxZ - e.minZ == Approx(1));
        CHECK(e.centre().z == Approx(0).margin(1e-6));
        CHECK(layer.meshes[0].parts[0].color[0] == Approx(0.5f).margin(0.01));
    }
}
