#pragma once
// The ground under a network model that came without a DEM: EPANET and SWMM files give every
// node's ground (rim) level, so the surface through them (GDAL's grid, linear interpolation over
// their Delaunay triangulation, continued outside it by GDAL's fill) is a far better ground than
// a flat plane at 0 m, which leaves a real network floating hundreds of metres up or buried.
#include <optional>

#include "model.h"
#include "terrain_importer.h"

namespace subterra {

// At most this many samples along the longer side of the grid.
constexpr int kNodeGroundMaxSamples = 200;

// The ground through points whose z is a ground level (GroundEvidence: node rims, building
// bases), covering them and `reach` (the whole data: tanks and reservoirs stand on it too) plus a
// margin; nullopt with fewer than three points, or those all in a line. `report` describes it.
std::optional<Terrain> groundFromPoints(const std::vector<Vec3d>& points, TerrainReport& report,
                                        const Extent& reach = {});
// The ground through the nodes' groundZ (not tanks', reservoirs' or outfalls': those are not
// ground levels).
std::optional<Terrain> groundFromNodes(const std::vector<Node>& nodes, TerrainReport& report);

}  // namespace subterra
