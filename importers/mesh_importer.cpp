#include "mesh_importer.h"

#include <assimp/Importer.hpp>
#include <assimp/postprocess.h>
#include <assimp/scene.h>
#include <cctype>
#include <cmath>
#include <filesystem>

#include "format_importer.h"
#include "glb_header.h"
#include "ifc_header.h"

namespace subterra {

bool isMeshFile(const std::string& path) {
    static const char* const extensions[] = {".gltf", ".glb", ".obj", ".fbx", ".dae", ".stl", ".ply", ".3ds", ".ifc"};
    const std::string ext = lowerExtension(path);
    for (const char* known : extensions)
        if (ext == known) return true;
    return false;
}

namespace {
// Triangles only (points and lines are dropped by SortByPType), the hierarchy baked into the
// vertices, meshes of one material joined: a model of thousands of parts becomes a few buffers.
// Not JoinIdenticalVertices: it took 4/5 of the import time (bench_mesh_import) to save memory
// only on unindexed formats (OBJ, STL), nor FindDegenerates: a degenerate triangle draws nothing.
constexpr unsigned kPostProcess = aiProcess_Triangulate | aiProcess_SortByPType | aiProcess_PreTransformVertices |
                                  aiProcess_GenSmoothNormals | aiProcess_RemoveRedundantMaterials |
                                  aiProcess_OptimizeMeshes | aiProcess_FindInvalidData |
                                  aiProcess_ValidateDataStructure;

// Assimp 5.2 builds IFC geometry only for IFC 2x3-style products it understands; everything else
// (IFC4-only entities, products without a body it can build) is skipped without a word.
const char* const kIfcNoGeometry =
    "no triangles: Assimp's IFC reader built no geometry from it (it reads products placed in an IfcSite/"
    "IfcBuilding/IfcBuildingStorey with extruded, swept, boolean or boundary-representation bodies; "
    "see README, CAD meshes)";

MeshPart partFor(const aiMaterial& material) {
    MeshPart part;
    aiString name;
    if (material.Get(AI_MATKEY_NAME, name) == AI_SUCCESS) part.material = name.C_Str();
    aiColor4D color;
    // glTF's PBR base colour first (Assimp also fills the diffuse colour from it, but not always).
    if (material.Get(AI_MATKEY_BASE_COLOR, color) == AI_SUCCESS ||
        material.Get(AI_MATKEY_COLOR_DIFFUSE, color) == AI_SUCCESS)
        part.color = {color.r, color.g, color.b, color.a};
    float opacity = 1;
    if (material.Get(AI_MATKEY_OPACITY, opacity) == AI_SUCCESS) part.color[3] = std::min(part.color[3], opacity);
    return part;
}

void appendPart(Mesh& mesh, const aiMesh& source, const aiMaterial& material, const MeshPlacement& placement,
                UpAxis up) {
    if (!(source.mPrimitiveTypes & aiPrimitiveType_TRIANGLE) || source.mNumFaces == 0) return;
    const auto base = uint32_t(mesh.vertices.size());
    for (unsigned v = 0; v < source.mNumVertices; ++v) {
        const aiVector3D& p = source.mVertices[v];
        mesh.vertices.push_back(placePoint(placement, up, p.x, p.y, p.z));
        const aiVector3D n = source.mNormals ? source.mNormals[v] : aiVector3D(0, 0, 0);
        const Vec3d placed = placeDirection(placement, up, n.x, n.y, n.z);
        mesh.normals.push_back({float(placed.x), float(placed.y), float(placed.z)});
    }
    MeshPart part = partFor(material);
    part.firstTriangle = uint32_t(mesh.triangles.size());
    for (unsigned f = 0; f < source.mNumFaces; ++f) {
        const aiFace& face = source.mFaces[f];
        if (face.mNumIndices != 3) continue;
        mesh.triangles.push_back({base + face.mIndices[0], base + face.mIndices[1], base + face.mIndices[2]});
    }
    part.triangleCount = uint32_t(mesh.triangles.size()) - part.firstTriangle;
    if (part.triangleCount > 0) mesh.parts.push_back(std::move(part));
}
}  // namespace

LayerImport importMeshLayer(const LayerSpec& spec, const ImportContext& context) {
    LayerImport result;
    LayerReport& report = result.report;
    report.name = spec.name;
    report.source = spec.source;
    report.type = FeatureType::Meshes;
    report.geometryType = "triangles";
    auto fail = [&](const std::string& message) {
        result.problems.push_back({Severity::Error, spec.source, "layer '" + spec.name + "'", message});
        return result;
    };
    if (!spec.sourceCrs.empty())
        return fail(
            "\"crs\" does not apply to a CAD mesh: it has no coordinates of its own; its "
            "\"placement\" origin is in the project CRS");
    if (!spec.placement && !context.projectCrsWkt.empty())
        return fail(
            "no georeference: a CAD mesh in a project with a CRS needs \"placement\": {\"origin\": [x, y, z]} "
            "(see docs/project-format.md)");
    std::error_code error;
    if (!std::filesystem::is_regular_file(spec.source, error)) return fail("file not found");
    if (std::filesystem::file_size(spec.source, error) == 0) return fail("empty file");
    if (lowerExtension(spec.source) == ".glb")
        if (const std::string problem = glbHeaderProblem(spec.source); !problem.empty())
            return fail("not read: " + problem);
    if (lowerExtension(spec.source) == ".ifc")
        if (const std::string problem = ifcSchemaProblem(spec.source); !problem.empty()) return fail(problem);

    Assimp::Importer importer;
    importer.SetPropertyFloat(AI_CONFIG_PP_GSN_MAX_SMOOTHING_ANGLE, 40.0f);  // boxes keep their edges
    importer.SetPropertyBool(AI_CONFIG_FBX_CONVERT_TO_M, true);              // FBX is in cm by default
    importer.SetPropertyInteger(AI_CONFIG_PP_SBP_REMOVE, aiPrimitiveType_POINT | aiPrimitiveType_LINE);
    // Named by extension: Assimp does not say which of its readers took the file (.glb has two).
    std::string format = lowerExtension(spec.source).substr(1);
    for (char& c : format) c = char(std::toupper(static_cast<unsigned char>(c)));
    const char* const noTriangles =
        format == "IFC" ? kIfcNoGeometry : "no triangles (the file holds only points, lines or nothing)";
    const aiScene* scene = importer.ReadFile(spec.source, kPostProcess);
    if (!scene) {
        const std::string why = importer.GetErrorString();
        // A file read without a single mesh fails Assimp's validation step: say it plainly.
        if (why.find("mNumMeshes is 0") != std::string::npos) return fail(noTriangles);
        return fail("Assimp cannot read it: " + why);
    }
    report.driver = "Assimp " + format;

    const MeshPlacement placement = spec.placement.value_or(MeshPlacement{});
    const UpAxis up = placement.upAxis.value_or(meshUpAxisOf(spec.source));
    Mesh mesh;
    mesh.id = spec.name;
    mesh.layer = spec.name;
    mesh.attributes = {{"file", std::filesystem::path(spec.source).filename().string()}, {"up_axis", toString(up)}};
    for (unsigned m = 0; m < scene->mNumMeshes; ++m)
        appendPart(mesh, *scene->mMeshes[m], *scene->mMaterials[scene->mMeshes[m]->mMaterialIndex], placement, up);
    report.featuresRead = 1;  // the file is one model; its parts are counted below
    if (mesh.triangles.empty()) return fail(noTriangles);
    for (const auto& p : mesh.vertices) report.extent.add(p);
    report.featuresImported = 1;
    report.countsByKind = {{"triangles", long(mesh.triangles.size())}, {"materials", long(mesh.parts.size())}};
    mesh.attributes["triangles"] = std::to_string(mesh.triangles.size());
    result.meshes.push_back(std::move(mesh));
    return result;
}

}  // namespace subterra
