#include "mesh_export.h"

#include <assimp/Exporter.hpp>
#include <assimp/scene.h>
#include <filesystem>
#include <map>
#include <set>
#include <osg/Geode>
#include <osgDB/WriteFile>

namespace subterra {

namespace {
std::string lowerExtension(const std::string& path) {
    std::string ext = std::filesystem::path(path).extension().string();
    for (char& c : ext) c = char(std::tolower(static_cast<unsigned char>(c)));
    return ext;
}

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
            mesh->mFaces[f].mIndices = new unsigned[3]{source.indices[f * 3], source.indices[f * 3 + 1], source.indices[f * 3 + 2]};
        }
        scene->mMeshes[m] = mesh;
        scene->mRootNode->mMeshes[m] = m;
        ++m;
    }
    return scene;
}

bool exportWithAssimp(const BuiltScene& built, const std::string& path, const std::string& format, std::string& error) {
    std::map<ColorKey, ColorMesh> meshes;
    for (const auto& [name, group] : built.layers) collectGroup(*group, meshes);
    if (built.terrain) collectGroup(*built.terrain, meshes);
    if (meshes.empty()) {
        error = path + ": nothing to export (no visible geometry)";
        return false;
    }
    auto scene = toAssimpScene(meshes, built.origin);
    Assimp::Exporter exporter;
    if (exporter.Export(scene.get(), format, path) != AI_SUCCESS) {
        error = path + ": export failed (" + exporter.GetErrorString() + ")";
        return false;
    }
    return true;
}
}  // namespace

bool exportScene(const BuiltScene& scene, const std::string& path, std::string& error) {
    const std::string ext = lowerExtension(path);
    if (ext == ".osgb" || ext == ".osgt" || ext == ".osg") {
        if (!osgDB::writeNodeFile(*scene.root, path)) {
            error = path + ": cannot write (osgDB has no writer for " + ext + " or the path is not writable)";
            return false;
        }
        return true;
    }
    static const std::map<std::string, std::string> assimpFormats = {
        {".gltf", "gltf2"}, {".glb", "glb2"}, {".obj", "obj"}, {".ply", "ply"}, {".stl", "stl"}};
    auto it = assimpFormats.find(ext);
    if (it == assimpFormats.end()) {
        error = path + ": unknown format '" + ext + "' (use .osgb, .osgt, .gltf, .glb, .obj, .ply or .stl)";
        return false;
    }
    return exportWithAssimp(scene, path, it->second, error);
}

}  // namespace subterra
