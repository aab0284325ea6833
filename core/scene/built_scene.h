#pragma once
// What the scene builder makes and what it is asked for: the built scene graph with its named
// parts, the style it was built in, and the node masks that say what a traversal visits.
#include <map>
#include <optional>
#include <osg/Group>
#include <osg/MatrixTransform>
#include <string>

#include "cuts.h"
#include "model.h"
#include "defaults.h"

namespace subterra {

// Node masks: picking only traverses kPickableMask; viewer overlays (the highlight) use another bit.
constexpr unsigned kPickableMask = 0x1;
constexpr unsigned kOverlayMask = 0x2;

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
    float terrainOpacity = float(defaults::kTerrainOpacity.value);
    float assumedDepthAlpha =
        float(defaults::kAssumedDepthAlpha.value);  // features whose depth is assumed are drawn see-through
    std::map<std::string, LayerLook> layers;        // by layer name; absent = defaults
    Cuts cuts;                                      // section planes and excavations
};

struct BuiltScene {
    osg::ref_ptr<osg::Group> root;             // shaders and lighting state live here
    osg::ref_ptr<osg::MatrixTransform> world;  // translation to the local origin
    Vec3d origin;
    std::map<std::string, osg::ref_ptr<osg::Group>> layers;
    osg::ref_ptr<osg::Group> terrain;  // the DEM, or a flat plane at the flat ground level
    Extent extent;                     // of the model, project CRS
    size_t triangles = 0;
};

}  // namespace subterra
