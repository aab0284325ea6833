#pragma once
// Shortest distance between polylines in 3D, and the clearance between two lines: one definition for
// `subterra check`, measurements, the viewer's crossings and reports, so no two of them disagree.
#include <vector>

#include "model.h"
#include "segment_distance.h"

namespace subterra {

// The closest points of two polylines (each with at least one point), over all segment pairs.
ClosestPoints closestPointsBetweenPolylines(const std::vector<Vec3d>& first, const std::vector<Vec3d>& second);

// Outer surface to outer surface (surfaceDistance of segment_distance.h) of two pieces of
// centreline a0-a1 and b0-b1 carrying the sections of `a` and `b`.
struct SurfaceGap {
    double distanceM = 0;  // negative when the two overlap
    ClosestPoints closest;  // on the centrelines
    Vec3d axisA, axisB;     // directions of the two pieces where they come closest
};
SurfaceGap surfaceGap(const Vec3d& a0, const Vec3d& a1, const CrossSection& a, const Vec3d& b0, const Vec3d& b1,
                      const CrossSection& b);

// The clearance between two lines: the smallest surfaceGap over all their piece pairs.
SurfaceGap clearanceBetween(const Segment& first, const Segment& second);

}  // namespace subterra
