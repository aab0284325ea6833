#pragma once
// A planar polygon with holes (any orientation in 3D) -> triangles, by OSG's GLU tessellator.
#include <vector>

#include "mesh_buffer.h"

namespace subterra {

// rings[0] is the outer ring, the others holes; points are local (already relative to the origin).
void appendPolygon(MeshBuffer& mesh, const std::vector<std::vector<osg::Vec3>>& rings, const osg::Vec3& normal,
                   const osg::Vec4& color);

}  // namespace subterra
