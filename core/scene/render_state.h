#pragma once
// The OpenGL state of the scene's parts: shaders, lighting uniforms, transparency.
#include <osg/Group>
#include <osg/StateSet>

namespace subterra {

// Root: the lit program and its lighting/haze uniforms; haze grows over `sceneSizeM`.
void applySceneState(osg::StateSet& state, float sceneSizeM);
// A layer: its opacity uniform. Below 1 the layer's content is drawn twice: a depth-only pass,
// then a blended pass that shows only the nearest surface (clean "ghosted" buildings, with what
// lies behind them still visible), instead of a tangle of overlapping see-through faces.
void addLayerContent(osg::Group& layer, osg::Node* content, float opacity);
// Changes the opacity of a layer made by addLayerContent (animation): same result as building it
// with that opacity.
void setLayerOpacity(osg::Group& layer, float opacity);
// See-through parts (assumed depths): blended, sorted after solids, not hiding what is behind.
void makeTranslucent(osg::StateSet& state);
// The ground: terrain program, opacity, drawn after everything and from both sides.
void applyTerrainState(osg::StateSet& state, float opacity);

}  // namespace subterra
