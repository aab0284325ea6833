#include "building_bounds.h"

#include <algorithm>
#include <cmath>

namespace subterra {

BuildingSurface::Kind surfaceKindFromNormal(const Vec3d& normal) {
    if (normal.z > 0.3) return BuildingSurface::Kind::Roof;
    if (normal.z < -0.7) return BuildingSurface::Kind::Ground;
    return BuildingSurface::Kind::Wall;
}

double planArea(const std::vector<Vec3d>& ring) {
    double area = 0;
    for (size_t i = 0; i < ring.size(); ++i) {
        const Vec3d& a = ring[i];
        const Vec3d& b = ring[(i + 1) % ring.size()];
        area += a.x * b.y - b.x * a.y;
    }
    return std::abs(area) / 2;
}

void settleBoundingPrism(Building& building) {
    double minZ = 1e300, maxZ = -1e300;
    const BuildingSurface* ground = nullptr;
    for (const auto& surface : building.surfaces) {
        for (const auto& p : surface.outer) minZ = std::min(minZ, p.z), maxZ = std::max(maxZ, p.z);
        if (surface.kind == BuildingSurface::Kind::Ground &&
            (!ground || planArea(surface.outer) > planArea(ground->outer)))
            ground = &surface;
    }
    if (!ground) {  // no ground surface: the largest surface seen from above
        for (const auto& surface : building.surfaces)
            if (!ground || planArea(surface.outer) > planArea(ground->outer)) ground = &surface;
    }
    building.footprint = ground ? ground->outer : std::vector<Vec3d>{};
    building.baseZ = minZ;
    building.heightM = maxZ - minZ;
}

void forEachRing(Building& building, const std::function<void(std::vector<Vec3d>&)>& apply) {
    for (auto& surface : building.surfaces) {
        apply(surface.outer);
        for (auto& hole : surface.holes) apply(hole);
    }
}

}  // namespace subterra
