#pragma once
// Shortest distance between line segments and polylines in 3D (for clear distances between pipes).
#include <vector>

#include "model.h"

namespace subterra {

struct ClosestPoints {
    Vec3d onFirst, onSecond;
    double distance = 0;
};

// The closest points of segments p1-q1 and p2-q2 (degenerate segments = points are fine).
ClosestPoints closestPointsBetweenSegments(const Vec3d& p1, const Vec3d& q1, const Vec3d& p2, const Vec3d& q2);

// The closest points of two polylines (each with at least one point), over all segment pairs.
ClosestPoints closestPointsBetweenPolylines(const std::vector<Vec3d>& first, const std::vector<Vec3d>& second);

}  // namespace subterra
