#pragma once
// The last check between every importer and the model: a feature with a coordinate, a level or a
// size that is not a finite, earthly number (NaN, inf, 1e300, a LandXML elevRim="1e308") is
// dropped with one error naming the file and the feature, and the rest of the layer is kept. Such
// a value would otherwise reach the terrain lookup (NaN -> an index out of the grid), the extent,
// and the camera framing of the whole scene ("camera up direction is parallel to the view
// direction"). Applied in loadModel, so every format benefits.
#include "vector_importer.h"

namespace subterra {

// Beyond these no place on Earth is meant in any projected CRS or degrees (the largest projected
// coordinates are ~4e7 m), and no level or size (Everest: 8849 m; the deepest mine: 4 km).
inline constexpr double kMaxPlanCoordinate = 1e9;
inline constexpr double kMaxLevelM = 1e5;

// Removes every such feature from `layer` (segments, nodes, buildings, meshes, ground patches),
// adds one Error per feature (the first few, then a count) and recomputes the report's extent
// and imported count.
void dropUnplaceableFeatures(LayerImport& layer);

}  // namespace subterra
