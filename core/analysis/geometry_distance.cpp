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

}  // namespace subterra
