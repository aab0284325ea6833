#include "annotation_anchor.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "feature_lookup.h"

namespace subterra {

namespace {
Vec3d polylineMiddle(const std::vector<Vec3d>& points) {
    double total = 0;
    for (size_t i = 1; i < points.size(); ++i)
        total += std::hypot(points[i].x - points[i - 1].x, points[i].y - points[i - 1].y);
    double remaining = total / 2;
    for (size_t i = 1; i < points.size(); ++i) {
        const Vec3d& a = points[i - 1];
        const Vec3d& b = points[i];
        const double step = std::hypot(b.x - a.x, b.y - a.y);
        if (step >= remaining && step > 0) {
            const double t = remaining / step;
            return {a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t, a.z + (b.z - a.z) * t};
        }
        remaining -= step;
    }
    return points.front();
}

// The point of the centreline nearest to `p` in plan, at the centreline's height there.
Vec3d nearestOnCentreline(const std::vector<Vec3d>& points, const Vec3d& p) {
    Vec3d best = points.front();
    double bestDistance = HUGE_VAL;
    for (size_t i = 0; i + 1 < std::max<size_t>(points.size(), 2); ++i) {
        const Vec3d& a = points[i];
        const Vec3d& b = points[std::min(i + 1, points.size() - 1)];
        const double dx = b.x - a.x, dy = b.y - a.y, length2 = dx * dx + dy * dy;
        const double t = length2 > 0 ? std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / length2, 0.0, 1.0) : 0.0;
        const Vec3d q{a.x + dx * t, a.y + dy * t, a.z + (b.z - a.z) * t};
        const double distance = std::hypot(q.x - p.x, q.y - p.y);
        if (distance < bestDistance) bestDistance = distance, best = q;
    }
    return best;
}

Vec3d footprintCentreAtRoof(const Building& building) {
    Vec3d sum;
    for (const auto& p : building.footprint) sum = {sum.x + p.x, sum.y + p.y, 0};
    const double n = double(std::max<size_t>(building.footprint.size(), 1));
    return {sum.x / n, sum.y / n, building.baseZ + building.heightM};
}
}  // namespace

std::optional<Vec3d> anchorPosition(const Model& model, const AnnotationAnchor& anchor, std::string& error) {
    if (!anchor.isFeature()) {
        if (!anchor.point) error = "the anchor has neither a feature nor a point";
        return anchor.point;
    }
    const FeatureRef feature = findFeature(model, anchor.layer, anchor.featureId);
    if (!feature.found()) {
        error = "layer '" + anchor.layer + "' has no feature '" + anchor.featureId + "'";
        return std::nullopt;
    }
    const bool line = feature.segment && !feature.segment->points.empty();
    if (anchor.point) return line ? nearestOnCentreline(feature.segment->points, *anchor.point) : *anchor.point;
    if (feature.segment && !feature.segment->points.empty()) return polylineMiddle(feature.segment->points);
    if (feature.node) return Vec3d{feature.node->position.x, feature.node->position.y, feature.node->groundZ};
    if (feature.building && !feature.building->footprint.empty()) return footprintCentreAtRoof(*feature.building);
    if (feature.patch && !feature.patch->outline.empty()) {
        Extent extent;
        for (const auto& p : feature.patch->outline) extent.add(p);
        const Vec3d centre = extent.centre();
        return Vec3d{centre.x, centre.y, model.groundAt(centre.x, centre.y)};
    }
    error = describeAnchor(anchor) + " has no geometry";
    return std::nullopt;
}

std::string describeAnchor(const AnnotationAnchor& anchor) {
    if (anchor.isFeature()) return anchor.layer + "/" + anchor.featureId;
    if (!anchor.point) return "(no point)";
    char text[128];
    std::snprintf(text, sizeof text, "(%.2f, %.2f, %.2f)", anchor.point->x, anchor.point->y, anchor.point->z);
    return text;
}

}  // namespace subterra
