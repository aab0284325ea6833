#pragma once
// What is under a ray: the nearest feature (pipe, cable, manhole, building) and the ground, for
// the viewer's click selection, its status bar and the tests. No window, no GL: it intersects the
// scene graph (osgUtil::LineSegmentIntersector) and maps the hit vertex back to its feature id
// through the merged geometry's per-vertex feature index (featureIdOfVertex).
#include <optional>
#include <osg/Matrixd>
#include <osg/Vec3d>
#include <string>

#include "mesh_buffer.h"
#include "model.h"
#include "scene_builder.h"

namespace subterra {

// Node masks: picking only traverses kPickableMask; viewer overlays (the highlight) use another bit.
constexpr unsigned kPickableMask = 0x1;
constexpr unsigned kOverlayMask = 0x2;

struct FeatureHit {
    std::string layer;
    std::string featureId;
    FeatureKind kind = FeatureKind::Any;  // which of a layer's features with that id
    osg::Vec3d point;  // project CRS
};

struct PickResult {
    std::optional<FeatureHit> feature;  // nearest feature of a visible layer; the ground does not hide it
    std::optional<osg::Vec3d> ground;   // where the ray meets the terrain, project CRS
    // The nearest of the two (the point the user means when orbiting or zooming).
    std::optional<osg::Vec3d> nearest;
};

// Intersects the segment start -> end (project CRS) with the scene's visible layers and terrain.
// With `style`, layers drawn see-through (opacity < 1, e.g. ghosted buildings) do not block the
// pick: a solid feature seen through them is picked first, the see-through one only when nothing
// solid lies behind it on the ray. Ground patches (SWMM subcatchments) never block it.
PickResult pickRay(const BuiltScene& scene, const osg::Vec3d& start, const osg::Vec3d& end,
                   const SceneStyle* style = nullptr);

// Builds k-d trees for the geometry pickRay tests, which makes a pick cheap enough to do every
// frame. Only the full level of detail is picked (detail_levels.h), so only it gets trees.
void buildPickingTrees(osg::Node& scene);

// The ray through a window position: x, y in pixels from the top-left of a viewport
// width x height, for a camera with these view and projection matrices. Returns its points on
// the near and far planes (project CRS).
void rayThroughPixel(const osg::Matrixd& view, const osg::Matrixd& projection, double x, double y, double width,
                     double height, osg::Vec3d& nearPoint, osg::Vec3d& farPoint);

// A picked feature in the model; exactly one pointer is set when found.
struct FeatureRef {
    const Segment* segment = nullptr;
    const Node* node = nullptr;
    const Building* building = nullptr;
    const GroundPatch* patch = nullptr;  // a SWMM subcatchment
    bool found() const { return segment || node || building || patch; }
    const std::string& layer() const;  // of the feature found; empty when none
    FeatureKind kind() const;          // Any when none
};
// The first feature of `layer` (empty: any layer) with that id, of `kind` unless Any.
FeatureRef findFeature(const Model& model, const std::string& layer, const std::string& id,
                       FeatureKind kind = FeatureKind::Any);

// Derived facts an inspector shows for a segment. Depths are below the ground at that end
// (the terrain, or the flat ground level); cover is to the pipe's top, depth to its centreline.
struct SegmentFacts {
    double length3dM = 0;
    double planLengthM = 0;
    double slopePercent = 0;   // (start z - end z) / plan length, positive falling along the line
    double depthStartM = 0, depthEndM = 0;
    double coverStartM = 0, coverEndM = 0;
};
SegmentFacts segmentFacts(const Model& model, const Segment& segment);

// The bounds of a feature (project CRS) for "focus selection"; invalid when not found.
Extent featureExtent(const FeatureRef& feature);

}  // namespace subterra
