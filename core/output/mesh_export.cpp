#include "mesh_export.h"

#include <assimp/Exporter.hpp>
#include <assimp/scene.h>
#include <algorithm>
#include <filesystem>
#include <functional>
#include <map>
#include <set>
#include <osg/Geode>
#include <osgDB/Registry>
#include <osgDB/WriteFile>

#include <fstream>

#include "atomic_file.h"
#include "file_path.h"

namespace subterra {

namespace {

// Triangles of one colour, Y-up.
struct ColorMesh {
    std::vector<aiVector3D> vertices, normals;
    std::vector<unsigned> indices;
};

using ColorKey = std::array<int, 4>;

void collectGeometry(const osg::Geometry& geometry, float opacity, std::map<ColorKey, ColorMesh>& meshes) {
    const auto* vertices = dynamic_cast<const osg::Vec3Array*>(geometry.getVertexArray());
    const auto* normals = dynamic_cast<const osg::Vec3Array*>(geometry.getNormalArray());
    const auto* colors = dynamic_cast<const osg::Vec4Array*>(geometry.getColorArray());
    if (!vertices || !normals || !colors || geometry.getNumPrimitiveSets() == 0) return;
    const osg::PrimitiveSet& triangles = *geometry.getPrimitiveSet(0);
    // A vertex has one colour, so it lands in one mesh: source vertex -> index in that mesh.
    constexpr unsigned kUnset = ~0u;
    std::vector<unsigned> remap(vertices->size(), kUnset);
    for (unsigned i = 0; i < triangles.getNumIndices(); ++i) {
        const unsigned v = triangles.index(i);
        const osg::Vec4 c = (*colors)[v];
        const ColorKey key{int(c.r() * 255 + 0.5f), int(c.g() * 255 + 0.5f), int(c.b() * 255 + 0.5f),
                           int(c.a() * opacity * 255 + 0.5f)};
        ColorMesh& mesh = meshes[key];
        if (remap[v] == kUnset) {
            remap[v] = unsigned(mesh.vertices.size());
            const osg::Vec3& p = (*vertices)[v];
            const osg::Vec3& n = (*normals)[v];
            mesh.vertices.emplace_back(p.x(), p.z(), -p.y());  // Z-up -> Y-up
            mesh.normals.emplace_back(n.x(), n.z(), -n.y());
        }
        mesh.indices.push_back(remap[v]);
    }
}

float uniformOpacity(const osg::Node& node) {
    const osg::StateSet* state = node.getStateSet();
    const osg::Uniform* uniform = state ? state->getUniform("u_opacity") : nullptr;
    float value = 1.0f;
    if (uniform) uniform->get(value);
    return value;
}

// Every geometry under a layer once (translucent layers hold their geode twice: depth and colour
// passes), skipping hidden layers.
class GeometryCollector : public osg::NodeVisitor {
  public:
    GeometryCollector(float opacity, std::map<ColorKey, ColorMesh>& meshes)
        : osg::NodeVisitor(TRAVERSE_ACTIVE_CHILDREN), opacity_(opacity), meshes_(meshes) {}
    void apply(osg::Geode& geode) override {
        if (!visited_.insert(&geode).second) return;
        for (unsigned d = 0; d < geode.getNumDrawables(); ++d)
            if (const osg::Geometry* geometry = geode.getDrawable(d)->asGeometry())
                collectGeometry(*geometry, opacity_, meshes_);
    }

  private:
    float opacity_;
    std::map<ColorKey, ColorMesh>& meshes_;
    std::set<const osg::Geode*> visited_;
};

void collectGroup(osg::Group& group, std::map<ColorKey, ColorMesh>& meshes) {
    if (group.getNodeMask() == 0) return;
    GeometryCollector collector(uniformOpacity(group), meshes);
    group.accept(collector);
}

std::unique_ptr<aiScene> toAssimpScene(std::map<ColorKey, ColorMesh>& meshes, const Vec3d& origin) {
    auto scene = std::make_unique<aiScene>();
    scene->mRootNode = new aiNode("subterra origin E" + std::to_string(origin.x) + " N" + std::to_string(origin.y) +
                                  " Z" + std::to_string(origin.z));
    scene->mNumMeshes = scene->mNumMaterials = unsigned(meshes.size());
    scene->mMeshes = new aiMesh*[meshes.size()];
    scene->mMaterials = new aiMaterial*[meshes.size()];
    scene->mRootNode->mNumMeshes = unsigned(meshes.size());
    scene->mRootNode->mMeshes = new unsigned[meshes.size()];
    unsigned m = 0;
    for (auto& [key, source] : meshes) {
        auto* material = new aiMaterial;
        const aiColor4D color(key[0] / 255.0f, key[1] / 255.0f, key[2] / 255.0f, 1.0f);
        const float opacity = key[3] / 255.0f;
        material->AddProperty(&color, 1, AI_MATKEY_COLOR_DIFFUSE);
        material->AddProperty(&color, 1, AI_MATKEY_BASE_COLOR);
        material->AddProperty(&opacity, 1, AI_MATKEY_OPACITY);
        const aiString name("color_" + std::to_string(m));
        material->AddProperty(&name, AI_MATKEY_NAME);
        scene->mMaterials[m] = material;
        auto* mesh = new aiMesh;
        mesh->mPrimitiveTypes = aiPrimitiveType_TRIANGLE;
        mesh->mMaterialIndex = m;
        mesh->mNumVertices = unsigned(source.vertices.size());
        mesh->mVertices = new aiVector3D[mesh->mNumVertices];
        mesh->mNormals = new aiVector3D[mesh->mNumVertices];
        std::copy(source.vertices.begin(), source.vertices.end(), mesh->mVertices);
        std::copy(source.normals.begin(), source.normals.end(), mesh->mNormals);
        mesh->mNumFaces = unsigned(source.indices.size() / 3);
        mesh->mFaces = new aiFace[mesh->mNumFaces];
        for (unsigned f = 0; f < mesh->mNumFaces; ++f) {
            mesh->mFaces[f].mNumIndices = 3;
            mesh->mFaces[f].mIndices =
                new unsigned[3]{source.indices[f * 3], source.indices[f * 3 + 1], source.indices[f * 3 + 2]};
        }
        scene->mMeshes[m] = mesh;
        scene->mRootNode->mMeshes[m] = m;
        ++m;
    }
    return scene;
}

// Runs `exportTo` on a file of the same name in a temporary folder beside `path`; when it
// succeeds, every file it wrote is moved beside `path`, the side files first and `path` last, so a
// failed export leaves the previous files as they were.
Status exportWithSideFiles(const std::string& path, const std::function<Status(const std::string&)>& exportTo) {
    namespace fs = std::filesystem;
    const fs::path target(path);
    const fs::path folder = target.parent_path() / ("." + target.filename().string() + ".tmp");
    std::error_code ec;
    fs::remove_all(folder, ec);
    fs::create_directories(folder, ec);
    if (ec) return Status::failure(path + ": cannot write (" + ec.message() + ")");
    auto cleanUp = [&folder] {
        std::error_code ignored;
        fs::remove_all(folder, ignored);
    };
    if (Status written = exportTo((folder / target.filename()).string()); !written) {
        cleanUp();
        return written;
    }
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(folder, ec)) files.push_back(entry.path());
    std::stable_partition(files.begin(), files.end(),
                          [&](const fs::path& f) { return f.filename() != target.filename(); });
    for (const auto& file : files) {
        fs::rename(file, target.parent_path() / file.filename(), ec);
        if (ec) {
            cleanUp();
            return Status::failure(path + ": cannot replace " + file.filename().string() + " (" + ec.message() + ")");
        }
    }
    cleanUp();
    return Status::success();
}

Status exportWithAssimp(const BuiltScene& built, const std::string& path, const std::string& format) {
    std::map<ColorKey, ColorMesh> meshes;
    for (const auto& [name, group] : built.layers) collectGroup(*group, meshes);
    if (built.terrain) collectGroup(*built.terrain, meshes);
    if (meshes.empty()) return Status::failure(path + ": nothing to export (no visible geometry)");
    auto scene = toAssimpScene(meshes, built.origin);
    auto exportTo = [&](const std::string& file) {
        Assimp::Exporter exporter;
        if (exporter.Export(scene.get(), format, file) == AI_SUCCESS) return Status::success();
        return Status::failure(path + ": export failed (" + exporter.GetErrorString() + ")");
    };
    // glTF and OBJ write side files (.bin, .mtl) named after the file they are given: they are
    // written whole into a temporary folder, then moved; the single-file formats go through a
    // temporary file.
    if (format == "gltf2" || format == "obj") return exportWithSideFiles(path, exportTo);
    return replaceFileAtomically(path, exportTo);
}
}  // namespace

Status exportScene(const BuiltScene& scene, const std::string& path) {
    const std::string ext = lowerExtension(path);
    if (ext == ".osgb" || ext == ".osgt" || ext == ".osg") {
        osgDB::ReaderWriter* writer = osgDB::Registry::instance()->getReaderWriterForExtension(ext.substr(1));
        if (!writer) return Status::failure(path + ": cannot write (osgDB has no writer for " + ext + ")");
        return replaceFileAtomically(path, [&](const std::string& temporary) {
            // Written to a stream (the temporary file's name has no extension to go by), so the
            // format is named as osgDB's own file-name path would name it.
            osg::ref_ptr<osgDB::Options> options = new osgDB::Options;
            options->setPluginStringData("fileType", ext == ".osgt" ? "Ascii" : "Binary");
            std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
            const bool ok =
                out && writer->writeNode(*scene.root, out, options.get()).success() && (out.close(), !out.fail());
            return ok ? Status::success() : Status::failure(path + ": cannot write (the path is not writable)");
        });
    }
    static const std::map<std::string, std::string> assimpFormats = {
        {".gltf", "gltf2"}, {".glb", "glb2"}, {".obj", "obj"}, {".ply", "ply"}, {".stl", "stl"}};
    auto it = assimpFormats.find(ext);
    if (it == assimpFormats.end())
        return Status::failure(path + ": unknown format '" + ext +
                               "' (use .osgb, .osgt, .gltf, .glb, .obj, .ply or .stl)");
    return exportWithAssimp(scene, path, it->second);
}

}  // namespace subterra
