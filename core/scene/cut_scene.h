#pragma once
// Applies a project's cuts to a built scene: the shader uniforms that clip everything in front
// of a section plane and hollow the terrain over an excavation, plus the cut faces (earth strata,
// pipe caps). Call again after editing a cut: the previous cut state is replaced, the layers
// are not rebuilt.
#include "cuts.h"
#include "model.h"
#include "built_scene.h"

namespace subterra {

struct CutStats {
    int sections = 0, excavations = 0, caps = 0;
};

CutStats applyCuts(BuiltScene& scene, const Model& model, const Cuts& cuts, const SceneStyle& style);

}  // namespace subterra
