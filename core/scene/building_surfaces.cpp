#include "building_surfaces.h"

#include "cityjson_geometry.h"
#include "local_coords.h"
#include "polygon_mesh.h"

namespace subterra {

osg::Vec4 buildingSurfaceColor(BuildingSurface::Kind kind) {
    switch (kind) {
        case BuildingSurface::Kind::Roof: return {0.66f, 0.27f, 0.20f, 1.0f};    // tile red-brown
        case BuildingSurface::Kind::Wall: return {0.86f, 0.85f, 0.82f, 1.0f};    // light grey
        case BuildingSurface::Kind::Ground: return {0.30f, 0.29f, 0.28f, 1.0f};  // dark
        case BuildingSurface::Kind::Other: return {0.70f, 0.70f, 0.70f, 1.0f};
    }
    return {0.70f, 0.70f, 0.70f, 1.0f};
}

void appendBuildingSurfaces(MeshBuffer& mesh, const Building& building, const Vec3d& origin, float alpha) {
    for (const auto& surface : building.surfaces) {
        const Vec3d n = ringNormal(surface.outer);
        if (n.x == 0 && n.y == 0 && n.z == 0) continue;  // degenerate (all points on a line)
        std::vector<std::vector<osg::Vec3>> rings(1);
        for (const auto& p : surface.outer) rings[0].push_back(toLocal(p, origin));
        for (const auto& hole : surface.holes) {
            rings.emplace_back();
            for (const auto& p : hole) rings.back().push_back(toLocal(p, origin));
        }
        osg::Vec4 color = buildingSurfaceColor(surface.kind);
        color.a() = alpha;
        appendPolygon(mesh, rings, osg::Vec3(float(n.x), float(n.y), float(n.z)), color);
    }
}

}  // namespace subterra
