#include "geometry_distance.h"

#include <algorithm>
#include <cmath>

namespace subterra {

ClosestPoints closestPointsBetweenPolylines(const std::vector<Vec3d>& first, const std::vector<Vec3d>& second) {
    ClosestPoints best;
    best.distance = HUGE_VAL;
    if (first.empty() || second.empty()) return best;
    const size_t n = std::max<size_t>(first.size() - 1, 1), m = std::max<size_t>(second.size() - 1, 1);
    for (size_t i = 0; i < n; ++i) {
        const Vec3d& p1 = first[i];
        const Vec3d& q1 = first[std::min(i + 1, first.size() - 1)];
        for (size_t j = 0; j < m; ++j) {
            const ClosestPoints c = closestPoints(p1, q1, second[j], second[std::min(j + 1, second.size() - 1)]);
            if (c.distance < best.distance) best = c;
        }
    }
    return best;
}

SurfaceGap surfaceGap(const Vec3d& a0, const Vec3d& a1, const CrossSection& a, const Vec3d& b0, const Vec3d& b1,
                      const CrossSection& b) {
    SurfaceGap gap;
    gap.closest = closestPoints(a0, a1, b0, b1);
    gap.axisA = {a1.x - a0.x, a1.y - a0.y, a1.z - a0.z};
    gap.axisB = {b1.x - b0.x, b1.y - b0.y, b1.z - b0.z};
    gap.distanceM = surfaceDistance(gap.closest, gap.axisA, a, gap.axisB, b);
    return gap;
}

SurfaceGap clearanceBetween(const Segment& first, const Segment& second) {
    SurfaceGap best;
    best.distanceM = HUGE_VAL;
    const auto& p = first.points;
    const auto& q = second.points;
    if (p.empty() || q.empty()) return best;
    // A line of one point is a piece of zero length (closestPoints treats it as a point).
    for (size_t i = 0; i < std::max<size_t>(p.size() - 1, 1); ++i)
        for (size_t j = 0; j < std::max<size_t>(q.size() - 1, 1); ++j) {
            const SurfaceGap gap = surfaceGap(p[i], p[std::min(i + 1, p.size() - 1)], first.section, q[j],
                                              q[std::min(j + 1, q.size() - 1)], second.section);
            if (gap.distanceM < best.distanceM) best = gap;
        }
    return best;
}

}  // namespace subterra
