#pragma once
// Shortest distance between polylines in 3D (for clear distances between picked pipes), over the
// segment-to-segment closest points of segment_distance.h.
#include <vector>

#include "model.h"
#include "segment_distance.h"

namespace subterra {

// The closest points of two polylines (each with at least one point), over all segment pairs.
ClosestPoints closestPointsBetweenPolylines(const std::vector<Vec3d>& first, const std::vector<Vec3d>& second);

}  // namespace subterra
