#include "feature_lookup.h"

#include <algorithm>
#include <cmath>

namespace subterra {

const std::string& FeatureRef::layer() const {
    static const std::string none;
    return segment ? segment->layer : node ? node->layer : building ? building->layer : patch ? patch->layer : none;
}

FeatureKind FeatureRef::kind() const {
    return segment    ? FeatureKind::Segment
           : node     ? FeatureKind::Node
           : building ? FeatureKind::Building
           : patch    ? FeatureKind::Patch
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
