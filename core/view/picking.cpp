#include "picking.h"

#include <algorithm>
#include <cmath>
#include <osg/KdTree>
#include <osgUtil/IntersectionVisitor>
#include <osgUtil/LineSegmentIntersector>

#include "ground_patches.h"
#include "mesh_buffer.h"

namespace subterra {

namespace {
// The layer a hit belongs to: the layer group on its node path; "" for the terrain or anything else.
bool classify(const BuiltScene& scene, const osg::NodePath& path, std::string& layer) {
    for (const osg::Node* node : path) {
        if (node == scene.terrain.get()) return false;
        for (const auto& [name, group] : scene.layers)
            if (node == group.get()) {
                layer = name;
                return true;
            }
    }
    return false;
}

// The vertex of the hit triangle (or line) nearest to the hit point: all vertices of a triangle
// belong to the same feature, so any of them names it.
unsigned hitVertex(const osgUtil::LineSegmentIntersector::Intersection& hit) {
    if (hit.indexList.empty()) return 0;
    unsigned best = hit.indexList[0];
    double bestRatio = -1;
    for (size_t i = 0; i < hit.indexList.size() && i < hit.ratioList.size(); ++i)
        if (hit.ratioList[i] > bestRatio) {
            bestRatio = hit.ratioList[i];
            best = hit.indexList[i];
        }
    return best;
}

// A point the picture does not show: in front of an enabled section plane, or in the air of an
// excavation (where the terrain has a hole).
bool cutAway(const SceneStyle* style, const osg::Vec3d& point, bool ground) {
    if (!style) return false;
    const Vec3d p{point.x(), point.y(), point.z()};
    for (const auto& plane : style->cuts.sections)
        if (plane.enabled && signedDistance(plane, p) > 1e-3) return true;
    if (!ground) return false;
    for (const auto& e : style->cuts.excavations) {
        if (!e.enabled) continue;
        const double a = e.rotationDeg * M_PI / 180, dx = p.x - e.centreX, dy = p.y - e.centreY;
        const double u = dx * std::cos(a) + dy * std::sin(a), v = -dx * std::sin(a) + dy * std::cos(a);
        if (std::abs(u) < e.sizeX / 2 && std::abs(v) < e.sizeY / 2) return true;
    }
    return false;
}
}  // namespace

PickResult pickRay(const BuiltScene& scene, const osg::Vec3d& start, const osg::Vec3d& end, const SceneStyle* style) {
    PickResult result;
    if (!scene.root) return result;
    osg::ref_ptr<osgUtil::LineSegmentIntersector> intersector =
        new osgUtil::LineSegmentIntersector(osgUtil::Intersector::MODEL, start, end);
    osgUtil::IntersectionVisitor visitor(intersector.get());
    visitor.setTraversalMask(kPickableMask);
    scene.root->accept(visitor);
    auto seeThrough = [&](const std::string& layer) {
        if (!style) return false;
        auto it = style->layers.find(layer);
        return it != style->layers.end() && it->second.opacity < 1.0f;
    };
    std::optional<FeatureHit> solid, ghost;
    for (const auto& hit : intersector->getIntersections()) {  // sorted nearest first
        const osg::Vec3d point = hit.getWorldIntersectPoint();
        std::string layer;
        const bool feature = classify(scene, hit.nodePath, layer);
        if (cutAway(style, point, !feature)) continue;
        if (feature) {
            const bool patch = hit.drawable && hit.drawable->getName() == kGroundPatchGeometryName;
            std::optional<FeatureHit>& slot = seeThrough(layer) || patch ? ghost : solid;
            if (slot) continue;
            const auto* geometry = hit.drawable ? hit.drawable->asGeometry() : nullptr;
            const std::string id = geometry ? featureIdOfVertex(*geometry, hitVertex(hit)) : std::string();
            if (id.empty()) continue;
            slot = FeatureHit{layer, id, featureKindOfVertex(*geometry, hitVertex(hit)), point};
            if (!result.nearest) result.nearest = point;
        } else if (!result.ground) {
            result.ground = point;
            if (!result.nearest) result.nearest = point;
        }
        if (solid && result.ground) break;
    }
    result.feature = solid ? solid : ghost;
    return result;
}

void buildPickingTrees(osg::Node& scene) {
    osg::ref_ptr<osg::KdTreeBuilder> builder = new osg::KdTreeBuilder;
    builder->setTraversalMode(osg::NodeVisitor::TRAVERSE_ACTIVE_CHILDREN);  // an LOD's nearest range
    scene.accept(*builder);
}

void rayThroughPixel(const osg::Matrixd& view, const osg::Matrixd& projection, double x, double y, double width,
                     double height, osg::Vec3d& nearPoint, osg::Vec3d& farPoint) {
    const double ndcX = 2.0 * x / width - 1.0;
    const double ndcY = 1.0 - 2.0 * y / height;
    const osg::Matrixd inverse = osg::Matrixd::inverse(view * projection);
    nearPoint = osg::Vec3d(ndcX, ndcY, -1.0) * inverse;
    farPoint = osg::Vec3d(ndcX, ndcY, 1.0) * inverse;
}

}  // namespace subterra
