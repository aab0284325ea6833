#pragma once
// Model features -> triangles in a MeshBuffer, relative to a local origin (double -> float here,
// once, so large projected coordinates never reach the GPU).
#include "mesh_buffer.h"
#include "model.h"

namespace subterra {

osg::Vec3 toLocal(const Vec3d& point, const Vec3d& origin);

void appendSegment(MeshBuffer& mesh, const Segment& segment, const Vec3d& origin, const osg::Vec4& color);
// A manhole/chamber as a shaft from ground to invert with a cover; valves and hydrants smaller.
void appendNode(MeshBuffer& mesh, const Node& node, const Vec3d& origin, const osg::Vec4& color);
// Walls from the basement floor to the roof, a flat roof and a floor.
void appendBuilding(MeshBuffer& mesh, const Building& building, const Vec3d& origin, const osg::Vec4& color);
// The terrain grid, at most `maxSamples` per side (larger grids are strided).
void appendTerrain(MeshBuffer& mesh, const Terrain& terrain, const Vec3d& origin, int maxSamples = 384);

}  // namespace subterra
