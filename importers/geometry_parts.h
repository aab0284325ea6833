#pragma once
// Flattening OGR geometries into the plain point lists of the model.
#include <vector>

#include "model.h"

class OGRGeometry;

namespace subterra {

struct PolygonRings {
    std::vector<Vec3d> outer;
    std::vector<std::vector<Vec3d>> holes;
};

// Every line part (multi-lines split, curves linearised). Empty parts and parts with fewer than
// two distinct points are left out.
std::vector<std::vector<Vec3d>> lineParts(const OGRGeometry& geometry);
// Every point (multi-points split).
std::vector<Vec3d> pointParts(const OGRGeometry& geometry);
// Every polygon (multi-polygons split), rings without the repeated closing point.
std::vector<PolygonRings> polygonParts(const OGRGeometry& geometry);

// True when the geometry is 3D and at least one z is not 0 (0 everywhere means "no Z" in practice).
bool hasRealZ(const std::vector<Vec3d>& points, bool geometryIs3D);

}  // namespace subterra
