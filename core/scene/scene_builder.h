#pragma once
// The neutral model -> an OSG scene graph: one group per layer, cut into square tiles whose features
// are merged into a few geometries (tubes at two levels of detail, detail_levels.h), and a
// translucent terrain. Everything hangs under one double-precision
// MatrixTransform at a local origin, so projected coordinates (UTM, national grids) never jitter.
#include "built_scene.h"
#include "model.h"

namespace subterra {

// Local origin for a model: the extent's plan centre rounded to 1 km (nearby scenes share it), z = 0.
Vec3d chooseLocalOrigin(const Extent& extent);

BuiltScene buildScene(const Model& model, const SceneStyle& style);

}  // namespace subterra
