#include "geometry_distance.h"

#include <algorithm>
#include <cmath>

namespace subterra {

namespace {
Vec3d sub(const Vec3d& a, const Vec3d& b) { return {a.x - b.x, a.y - b.y, a.z - b.z}; }
Vec3d along(const Vec3d& p, const Vec3d& d, double t) { return {p.x + d.x * t, p.y + d.y * t, p.z + d.z * t}; }
double dot(const Vec3d& a, const Vec3d& b) { return a.x * b.x + a.y * b.y + a.z * b.z; }
double length(const Vec3d& v) { return std::sqrt(dot(v, v)); }
}  // namespace

// Ericson, Real-Time Collision Detection, 5.1.9 (ClosestPtSegmentSegment).
ClosestPoints closestPointsBetweenSegments(const Vec3d& p1, const Vec3d& q1, const Vec3d& p2, const Vec3d& q2) {
    const Vec3d d1 = sub(q1, p1), d2 = sub(q2, p2), r = sub(p1, p2);
    const double a = dot(d1, d1), e = dot(d2, d2), f = dot(d2, r);
    const double tiny = 1e-18;
    double s = 0, t = 0;
    if (a <= tiny && e <= tiny) {
        s = t = 0;
    } else if (a <= tiny) {
        t = std::clamp(f / e, 0.0, 1.0);
    } else {
        const double c = dot(d1, r);
        if (e <= tiny) {
            s = std::clamp(-c / a, 0.0, 1.0);
        } else {
            const double b = dot(d1, d2), denominator = a * e - b * b;
            s = denominator > tiny * a * e ? std::clamp((b * f - c * e) / denominator, 0.0, 1.0) : 0.0;
            t = (b * s + f) / e;
            if (t < 0) {
                t = 0;
                s = std::clamp(-c / a, 0.0, 1.0);
            } else if (t > 1) {
                t = 1;
                s = std::clamp((b - c) / a, 0.0, 1.0);
            }
        }
    }
    ClosestPoints result;
    result.onFirst = along(p1, d1, s);
    result.onSecond = along(p2, d2, t);
    result.distance = length(sub(result.onFirst, result.onSecond));
    return result;
}

ClosestPoints closestPointsBetweenPolylines(const std::vector<Vec3d>& first, const std::vector<Vec3d>& second) {
    ClosestPoints best;
    best.distance = HUGE_VAL;
    if (first.empty() || second.empty()) return best;
    const size_t n = std::max<size_t>(first.size() - 1, 1), m = std::max<size_t>(second.size() - 1, 1);
    for (size_t i = 0; i < n; ++i) {
        const Vec3d& p1 = first[i];
        const Vec3d& q1 = first[std::min(i + 1, first.size() - 1)];
        for (size_t j = 0; j < m; ++j) {
            const ClosestPoints c =
                closestPointsBetweenSegments(p1, q1, second[j], second[std::min(j + 1, second.size() - 1)]);
            if (c.distance < best.distance) best = c;
        }
    }
    return best;
}

}  // namespace subterra
