#pragma once
// Model features -> triangles in a MeshBuffer, relative to a local origin (double -> float here,
// once, so large projected coordinates never reach the GPU).
#include "local_coords.h"
#include "mesh_buffer.h"
#include "model.h"
#include "tube_mesh.h"

namespace subterra {

// Where a segment lies in its layer's network, for the reveal and flow animations (kPathAttribute).
struct SegmentPath {
    double revealStartM = 0;      // reveal distance of the end nearer to where the layer grows from
    bool revealFromLast = false;  // the pipe grows from its last point towards its first
    bool flowReversed = false;    // flow runs from the last point to the first
};
// Grows from the end nearer `revealFrom` (plan distance); flows as flow_direction.h says.
SegmentPath segmentPath(const Segment& segment, const Vec3d& revealFrom);

void appendSegment(MeshBuffer& mesh, const Segment& segment, const Vec3d& origin, const osg::Vec4& color,
                   const SegmentPath& path = {}, Detail detail = Detail::Full);
// A manhole/chamber as a shaft from ground to invert with a cover; valves and hydrants smaller.
void appendNode(MeshBuffer& mesh, const Node& node, const Vec3d& origin, const osg::Vec4& color,
                Detail detail = Detail::Full);
// The widest a segment or node is drawn, in metres: how near it must be before coarse detail shows.
double drawnWidthM(const Segment& segment);
double drawnWidthM(const Node& node);
// Walls from the basement floor to the roof, a flat roof and a floor.
void appendBuilding(MeshBuffer& mesh, const Building& building, const Vec3d& origin, const osg::Vec4& color);
// The terrain grid, at most `maxSamples` per side (larger grids are strided).
void appendTerrain(MeshBuffer& mesh, const Terrain& terrain, const Vec3d& origin, int maxSamples = 384);

}  // namespace subterra
