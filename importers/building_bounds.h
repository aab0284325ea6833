#pragma once
// What every importer of 3D city models (CityJSON, CityGML) does with a building's planar
// surfaces once they are read: class a surface without semantics, and derive the bounding prism
// (footprint, base, height) that extents, picking and the ground use.
#include <functional>
#include <vector>

#include "model.h"

namespace subterra {

// A surface without a semantic class, by its unit normal: facing up is roof, down is ground.
BuildingSurface::Kind surfaceKindFromNormal(const Vec3d& normal);

// Plan (x, y) area of a ring, whatever its orientation.
double planArea(const std::vector<Vec3d>& ring);

// Footprint (the largest ground surface, else the largest surface seen from above), base (lowest
// z) and height (highest minus lowest z) of a building drawn from its surfaces.
void settleBoundingPrism(Building& building);

// Calls `apply` on every ring (outer and holes) of the building's surfaces.
void forEachRing(Building& building, const std::function<void(std::vector<Vec3d>&)>& apply);

}  // namespace subterra
