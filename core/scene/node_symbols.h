#pragma once
// Symbols for network nodes that are not shafts: tanks, reservoirs, pumps, valves, outfalls and
// storage units (EPANET and SWMM models), each a shape recognisable at a glance.
#include "mesh_buffer.h"
#include "model.h"

namespace subterra {

// Appends the node's symbol and returns true; false for kinds drawn as shafts (manholes...).
bool appendNodeSymbol(MeshBuffer& mesh, const Node& node, const Vec3d& origin, const osg::Vec4& color);

}  // namespace subterra
