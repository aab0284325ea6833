#pragma once
// Buildings with real 3D surfaces (CityJSON LoD1/LoD2): each surface triangulated and coloured by
// what it is (roof, wall, ground).
#include "mesh_buffer.h"
#include "model.h"

namespace subterra {

osg::Vec4 buildingSurfaceColor(BuildingSurface::Kind kind);

// Appends the building's surfaces to the current feature of `mesh`.
void appendBuildingSurfaces(MeshBuffer& mesh, const Building& building, const Vec3d& origin, float alpha);

}  // namespace subterra
