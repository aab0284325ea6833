#pragma once
// "Colour by": recolours the built scene's pipes by material, diameter, install year or how their
// depth is known, instead of by layer, and gives the legend for it. Works on the merged
// geometries in place (their per-vertex feature index says which feature each vertex is), so no
// rebuild is needed; see-through (assumed-depth) pipes keep their alpha. No UI.
#include <osg/Vec4>
#include <string>
#include <vector>

#include "model.h"
#include "scene_builder.h"

namespace subterra {

enum class ColorBy { Layer, Material, Diameter, Year, DepthSource };
const char* toString(ColorBy mode);

struct LegendEntry {
    std::string label;
    osg::Vec4 color;
    int count = 0;  // features drawn in this colour
};

// Recolours `scene` (built from `model`); ColorBy::Layer leaves it alone and returns nothing.
// Depth-source mode also recolours manholes and other nodes; buildings always keep their colour.
std::vector<LegendEntry> applyColorBy(BuiltScene& scene, const Model& model, ColorBy mode);

}  // namespace subterra
