#pragma once
// What is under a ray: the nearest feature (pipe, cable, manhole, building) and the ground, for
// the viewer's click selection, its status bar and the tests. No window, no GL: it intersects the
// scene graph (osgUtil::LineSegmentIntersector) and maps the hit vertex back to its feature id
// through the merged geometry's per-vertex feature index (featureIdOfVertex).
#include <optional>
#include <osg/Matrixd>
#include <osg/Vec3d>
#include <string>

#include "model.h"
#include "built_scene.h"

namespace subterra {

struct FeatureHit {
    std::string layer;
    std::string featureId;
    FeatureKind kind = FeatureKind::Any;  // which of a layer's features with that id
    osg::Vec3d point;                     // project CRS
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

}  // namespace subterra
