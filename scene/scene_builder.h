#pragma once
// The neutral model -> an OSG scene graph: one group per layer, cut into square tiles whose features
// are merged into a few geometries (tubes at two levels of detail, detail_levels.h), and a
// translucent terrain. Everything hangs under one double-precision
// MatrixTransform at a local origin, so projected coordinates (UTM, national grids) never jitter.
#include <map>
#include <optional>
#include <osg/Group>
#include <osg/MatrixTransform>
#include <string>

#include "cuts.h"
#include "model.h"

namespace subterra {

// The name of the group under a layer that holds its tiles.
inline constexpr const char* kLayerTilesName = "tiles";

struct LayerLook {
    bool visible = true;
    std::optional<osg::Vec4> color;  // empty = by utility kind (APWA)
    float opacity = 1.0f;
    std::optional<Vec3d> revealFrom;  // where the reveal animation grows from; empty = the first pipe's start
    bool revealAlongFlow = false;     // reveal from the network's sources downstream (flow_direction.h)
    std::string flowAttribute;        // pressure pipes' flow sign; empty = "flow"
};

struct SceneStyle {
    float terrainOpacity = 0.35f;
    float assumedDepthAlpha = 0.45f;  // features whose depth is assumed are drawn see-through
    std::map<std::string, LayerLook> layers;  // by layer name; absent = defaults
    Cuts cuts;                                // section planes and excavations
};

struct BuiltScene {
    osg::ref_ptr<osg::Group> root;                 // shaders and lighting state live here
    osg::ref_ptr<osg::MatrixTransform> world;      // translation to the local origin
    Vec3d origin;
    std::map<std::string, osg::ref_ptr<osg::Group>> layers;
    osg::ref_ptr<osg::Group> terrain;              // the DEM, or a flat plane at the flat ground level
    Extent extent;                                 // of the model, project CRS
    size_t triangles = 0;
};

// Local origin for a model: the extent's plan centre rounded to 1 km (nearby scenes share it), z = 0.
Vec3d chooseLocalOrigin(const Extent& extent);

BuiltScene buildScene(const Model& model, const SceneStyle& style);

}  // namespace subterra
