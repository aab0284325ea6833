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

const std::string& FeatureRef::layer() const {
    static const std::string none;
    return segment ? segment->layer : node ? node->layer : building ? building->layer : patch ? patch->layer : none;
}

FeatureKind FeatureRef::kind() const {
    return segment ? FeatureKind::Segment
         : node ? FeatureKind::Node
         : building ? FeatureKind::Building
         : patch ? FeatureKind::Patch
                 : FeatureKind::Any;
}

FeatureRef findFeature(const Model& model, const std::string& layer, const std::string& id, FeatureKind kind) {
    FeatureRef ref;
    auto wanted = [&](FeatureKind k) { return kind == FeatureKind::Any || kind == k; };
    auto matches = [&](const auto& feature) { return feature.id == id && (layer.empty() || feature.layer == layer); };
    if (wanted(FeatureKind::Segment))
        for (const auto& s : model.segments)
            if (matches(s)) return ref.segment = &s, ref;
    if (wanted(FeatureKind::Node))
        for (const auto& n : model.nodes)
            if (matches(n)) return ref.node = &n, ref;
    if (wanted(FeatureKind::Building))
        for (const auto& b : model.buildings)
            if (matches(b)) return ref.building = &b, ref;
    if (wanted(FeatureKind::Patch))
        for (const auto& p : model.patches)
            if (matches(p)) return ref.patch = &p, ref;
    return ref;
}

SegmentFacts segmentFacts(const Model& model, const Segment& segment) {
    SegmentFacts facts;
    const auto& p = segment.points;
    if (p.empty()) return facts;
    for (size_t i = 1; i < p.size(); ++i) {
        const double dx = p[i].x - p[i - 1].x, dy = p[i].y - p[i - 1].y, dz = p[i].z - p[i - 1].z;
        facts.planLengthM += std::hypot(dx, dy);
        facts.length3dM += std::sqrt(dx * dx + dy * dy + dz * dz);
    }
    if (facts.planLengthM > 0) facts.slopePercent = (p.front().z - p.back().z) / facts.planLengthM * 100.0;
    const double halfHeight = segment.section.verticalExtentM() / 2;
    facts.depthStartM = model.groundAt(p.front().x, p.front().y) - p.front().z;
    facts.depthEndM = model.groundAt(p.back().x, p.back().y) - p.back().z;
    facts.coverStartM = facts.depthStartM - halfHeight;
    facts.coverEndM = facts.depthEndM - halfHeight;
    return facts;
}

Extent featureExtent(const FeatureRef& feature) {
    Extent extent;
    if (feature.segment) {
        const double r = feature.segment->section.verticalExtentM() / 2;
        for (const auto& p : feature.segment->points) {
            extent.add(Vec3d{p.x - r, p.y - r, p.z - r});
            extent.add(Vec3d{p.x + r, p.y + r, p.z + r});
        }
    } else if (feature.node) {
        const Node& n = *feature.node;
        const double r = n.sizeM / 2;
        extent.add(Vec3d{n.position.x - r, n.position.y - r, std::min(n.invertZ, n.groundZ)});
        extent.add(Vec3d{n.position.x + r, n.position.y + r, std::max(n.invertZ, n.groundZ)});
    } else if (feature.building) {
        const Building& b = *feature.building;
        for (const auto& p : b.footprint) {
            extent.add(Vec3d{p.x, p.y, b.baseZ - b.basementDepthM});
            extent.add(Vec3d{p.x, p.y, b.baseZ + b.heightM});
        }
    } else if (feature.patch) {
        for (const auto& p : feature.patch->outline) extent.add(p);
    }
    return extent;
}

}  // namespace subterra
