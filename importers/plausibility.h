#pragma once
// Geometry no real network has (schematic coordinates, heights in another unit, missing-value
// codes) gets one clear warning per cause, instead of a scene nobody can read.
#include <optional>

#include "terrain_importer.h"
#include "vector_importer.h"

namespace subterra {

// Tanks and reservoirs wider than the whole network (schematic coordinates: Net3's 100 ft tanks
// on a drawing 11 m across) are drawn at a tenth of the network's width; node levels outside
// kLowestLevelM..kHighestLevelM are named. One warning per cause and layer.
void checkLayerPlausibility(LayerImport& layer);

// Relief (highest minus lowest level) larger than the plan extent, for the DEM and for the data:
// heights and plan coordinates in different units, or a schematic drawing.
void checkReliefPlausibility(const Model& model, const std::optional<TerrainReport>& terrain, Problems& problems);

// A DEM whose heights are a foot-to-metre factor (3.28 or 0.305) off the ground levels the data
// states (node rims, building bases) is in another unit than it says: one warning naming the fix.
void checkDemAgainstData(const Terrain& dem, const GroundEvidence& evidence, const std::string& demPath,
                         Problems& problems);

}  // namespace subterra
