#include "mesh_feature.h"

#include "local_coords.h"

namespace subterra {

namespace {
void appendPart(MeshBuffer& buffer, const Mesh& mesh, const MeshPart& part, const Vec3d& origin, const osg::Vec4& color,
                std::vector<unsigned>& remap) {
    constexpr unsigned kUnset = ~0u;
    std::vector<uint32_t> used;  // remap entries to clear afterwards (parts rarely share vertices)
    auto vertex = [&](uint32_t v) {
        if (remap[v] == kUnset) {
            const auto& n = mesh.normals[v];
            remap[v] = buffer.addVertex(toLocal(mesh.vertices[v], origin), osg::Vec3(n[0], n[1], n[2]), color);
            used.push_back(v);
        }
        return remap[v];
    };
    const uint32_t end = std::min<uint32_t>(part.firstTriangle + part.triangleCount, uint32_t(mesh.triangles.size()));
    for (uint32_t t = part.firstTriangle; t < end; ++t) {
        const auto& tri = mesh.triangles[t];
        buffer.addTriangle(vertex(tri[0]), vertex(tri[1]), vertex(tri[2]));
    }
    for (uint32_t v : used) remap[v] = kUnset;
}
}  // namespace

void appendMesh(MeshBuffer& solid, MeshBuffer& seeThrough, const Mesh& mesh, const Vec3d& origin,
                const std::optional<osg::Vec4>& layerColor) {
    if (mesh.normals.size() != mesh.vertices.size()) return;  // not a mesh the importer made
    bool begun[2] = {false, false};
    std::vector<unsigned> remap(mesh.vertices.size(), ~0u);
    for (const MeshPart& part : mesh.parts) {
        const osg::Vec4 color =
            layerColor ? *layerColor : osg::Vec4(part.color[0], part.color[1], part.color[2], part.color[3]);
        const bool opaque = color.a() >= 1.0f;
        MeshBuffer& buffer = opaque ? solid : seeThrough;
        if (!begun[opaque]) buffer.beginFeature(mesh.id), begun[opaque] = true;
        appendPart(buffer, mesh, part, origin, color, remap);
    }
}

}  // namespace subterra
