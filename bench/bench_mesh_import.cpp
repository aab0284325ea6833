// bench_mesh_import: parse time per 100k triangles of CAD meshes through Assimp (the importer
// Subterra uses), against OSG's own readers (osgDB obj/stl/ply plugins) on the same files.
//
//   bench_mesh_import [--triangles N] [--runs R] [--keep DIR]
//
// Builds a mesh of about N triangles (default 400000: a wavy grid, one material), writes it as
// .glb, .obj (+.mtl), .ply and .stl with Subterra's own exporter (scene/mesh_export, Assimp), then
// for each file times, best of R runs (default 3):
//   assimp_parse    Assimp::Importer::ReadFile without post-processing (the parser alone);
//   subterra_import importMeshLayer: parse + triangulate/merge/normals + placement into a Mesh;
//   osgdb_read      osgDB::readNodeFile (Debian's OSG has no glTF reader: no figure for .glb).
// Prints one "name value unit" line per figure. A benchmark, not a test: it judges nothing.
#include <assimp/Importer.hpp>
#include <assimp/scene.h>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <string>
#include <unistd.h>

#include <osgDB/ReadFile>

#include "mesh_export.h"
#include "mesh_importer.h"
#include "scene_builder.h"

using namespace subterra;
namespace fs = std::filesystem;

namespace {
// A side x side grid of quads with a gentle wave, so no two vertices are identical.
Mesh gridMesh(int side) {
    Mesh mesh;
    mesh.id = mesh.layer = "grid";
    for (int r = 0; r <= side; ++r)
        for (int c = 0; c <= side; ++c) {
            mesh.vertices.push_back({c * 0.1, r * 0.1, 0.2 * std::sin(c * 0.05) * std::cos(r * 0.07)});
            mesh.normals.push_back({0, 0, 1});
        }
    for (int r = 0; r < side; ++r)
        for (int c = 0; c < side; ++c) {
            const auto a = uint32_t(r * (side + 1) + c), b = a + 1, d = a + uint32_t(side + 1), e = d + 1;
            mesh.triangles.push_back({a, b, e});
            mesh.triangles.push_back({a, e, d});
        }
    mesh.parts.push_back({"concrete", {0.6f, 0.6f, 0.55f, 1}, 0, uint32_t(mesh.triangles.size())});
    return mesh;
}

double bestSeconds(int runs, const std::function<bool()>& work) {
    double best = 1e300;
    for (int i = 0; i < runs; ++i) {
        const auto start = std::chrono::steady_clock::now();
        if (!work()) return -1;
        best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
    return best;
}

void print(const std::string& name, double seconds, size_t triangles) {
    if (seconds < 0) {
        std::printf("%s failed\n", name.c_str());
        return;
    }
    std::printf("%s %.1f ms_per_100k_triangles (%.3f s)\n", name.c_str(), seconds * 1000 * 1e5 / double(triangles),
                seconds);
}
}  // namespace

int main(int argc, char** argv) {
    int triangles = 400000, runs = 3;
    std::string dir;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string arg = argv[i];
        if (arg == "--triangles") triangles = std::max(2, std::atoi(argv[i + 1]));
        else if (arg == "--runs") runs = std::max(1, std::atoi(argv[i + 1]));
        else if (arg == "--keep") dir = argv[i + 1];
        else return std::fprintf(stderr, "usage: bench_mesh_import [--triangles N] [--runs R] [--keep DIR]\n"), 2;
    }
    const bool keep = !dir.empty();
    if (!keep) dir = (fs::temp_directory_path() / ("bench_mesh_import_" + std::to_string(::getpid()))).string();
    fs::create_directories(dir);

    Model model;
    model.meshes.push_back(gridMesh(int(std::sqrt(triangles / 2.0))));
    SceneStyle style;
    style.terrainOpacity = 0;
    const BuiltScene scene = buildScene(model, style);
    std::printf("triangles %zu (+2 of ground)\n", model.meshes[0].triangles.size());

    for (const char* ext : {".glb", ".obj", ".ply", ".stl"}) {
        const std::string path = dir + "/grid" + ext;
        std::string error;
        if (!exportScene(scene, path).into(error)) return std::fprintf(stderr, "%s\n", error.c_str()), 1;
        const size_t count = model.meshes[0].triangles.size() + 2;
        std::printf("file %s %.1f MiB\n", path.c_str(), double(fs::file_size(path)) / (1 << 20));
        const std::string format = std::string(ext).substr(1);
        print("assimp_parse_" + format,
              bestSeconds(runs,
                          [&] {
                              Assimp::Importer importer;
                              return importer.ReadFile(path, 0) != nullptr;
                          }),
              count);
        LayerSpec spec;
        spec.name = "grid";
        spec.source = path;
        print(
            "subterra_import_" + format,
            bestSeconds(
                runs,
                [&] {
                    return !importMeshLayer(spec, ImportContext{"", [](double, double) { return 0.0; }}).meshes.empty();
                }),
            count);
        if (format != "glb")
            print("osgdb_read_" + format, bestSeconds(runs, [&] { return osgDB::readNodeFile(path) != nullptr; }),
                  count);
    }
    if (!keep) fs::remove_all(dir);
    return 0;
}
