#include "measurements.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "annotation_anchor.h"
#include "geometry_distance.h"
#include "feature_lookup.h"

namespace subterra {

namespace {
std::string metres(const char* prefix, double value, const char* suffix = "") {
    char text[96];
    std::snprintf(text, sizeof text, "%s%.2f m%s", prefix, value, suffix);
    return text;
}

constexpr double kClearanceWindowM = 1.0;

// The part of a polyline within `halfLength` (along it) of its point nearest to `p` in plan.
std::vector<Vec3d> pieceAround(const std::vector<Vec3d>& points, const Vec3d& p, double halfLength) {
    if (points.size() < 2) return points;
    size_t best = 0;
    double bestDistance = HUGE_VAL;
    for (size_t i = 0; i + 1 < points.size(); ++i) {
        const double d = closestPoints(points[i], points[i + 1], p, p).distance;
        if (d < bestDistance) bestDistance = d, best = i;
    }
    const Vec3d& a = points[best];
    const Vec3d& b = points[best + 1];
    const double length = std::sqrt((b.x - a.x) * (b.x - a.x) + (b.y - a.y) * (b.y - a.y) + (b.z - a.z) * (b.z - a.z));
    const ClosestPoints onLine = closestPoints(a, b, p, p);
    const double at = length > 0 ? std::hypot(onLine.onA.x - a.x, onLine.onA.y - a.y) /
                                       std::max(std::hypot(b.x - a.x, b.y - a.y), 1e-12)
                                 : 0.0;
    const double half = length > 0 ? halfLength / length : 0.0;
    const auto lerp = [&](double t) {
        t = std::clamp(t, 0.0, 1.0);
        return Vec3d{a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t, a.z + (b.z - a.z) * t};
    };
    return {lerp(at - half), lerp(at + half)};
}

const Segment* findPipe(const Model& model, const AnnotationAnchor& anchor, std::string& error) {
    const FeatureRef feature = findFeature(model, anchor.layer, anchor.featureId);
    if (!feature.found()) error = "layer '" + anchor.layer + "' has no feature '" + anchor.featureId + "'";
    else if (!feature.segment || feature.segment->points.empty())
        error = describeAnchor(anchor) + " is not a pipe or cable";
    return feature.segment && !feature.segment->points.empty() ? feature.segment : nullptr;
}
}  // namespace

MeasuredValue clearDistance(const Segment& first, const Segment& second) {
    const SurfaceGap gap = clearanceBetween(first, second);
    const Vec3d a = gap.closest.onA, b = gap.closest.onB;
    const double d = gap.closest.distance;
    MeasuredValue result;
    result.valueM = gap.distanceM;
    result.label = result.valueM >= 0 ? metres("clear ", result.valueM) : metres("overlap ", -result.valueM);
    if (d <= 0) {  // centrelines meet: the dimension collapses to the crossing point
        result.from = result.to = a;
        return result;
    }
    // The dimension runs along the line joining the centres, from the surface of the first line;
    // with a gap it is exactly as long as the value (for boxes the other surface is the support).
    const Vec3d direction{(b.x - a.x) / d, (b.y - a.y) / d, (b.z - a.z) / d};
    const double reachA = surfaceReach(first.section, gap.axisA, direction);
    const double length = result.valueM >= 0 ? result.valueM
                                             : d - reachA - surfaceReach(second.section, gap.axisB, direction);
    result.from = {a.x + direction.x * reachA, a.y + direction.y * reachA, a.z + direction.z * reachA};
    result.to = {result.from.x + direction.x * length, result.from.y + direction.y * length,
                 result.from.z + direction.z * length};
    return result;
}

std::optional<MeasuredValue> measure(const Model& model, const Measurement& measurement, std::string& error) {
    if (measurement.kind == MeasurementKind::Clearance) {
        const Segment* first = findPipe(model, measurement.a, error);
        const Segment* second = first ? findPipe(model, measurement.b, error) : nullptr;
        if (!second) return std::nullopt;
        // With a picked point, pipe a is compared only near it: parallel pipes are equally close
        // everywhere, and the user means the place they pointed at.
        if (!measurement.a.point) return clearDistance(*first, *second);
        Segment near = *first;
        near.points = pieceAround(first->points, *anchorPosition(model, measurement.a, error), kClearanceWindowM);
        return clearDistance(near, *second);
    }
    const auto a = anchorPosition(model, measurement.a, error);
    if (!a) return std::nullopt;
    MeasuredValue result;
    if (measurement.kind == MeasurementKind::DepthBelowGround) {
        const double ground = model.groundAt(a->x, a->y);
        result.valueM = ground - a->z;
        result.from = *a;
        result.to = {a->x, a->y, ground};
        result.label = result.valueM >= 0 ? metres("", result.valueM, " below ground")
                                          : metres("", -result.valueM, " above ground");
        return result;
    }
    const auto b = anchorPosition(model, measurement.b, error);
    if (!b) return std::nullopt;
    const double dx = b->x - a->x, dy = b->y - a->y, dz = b->z - a->z;
    const Vec3d corner{b->x, b->y, a->z};  // below/above b at a's height
    switch (measurement.kind) {
        case MeasurementKind::Horizontal:
            result.valueM = std::hypot(dx, dy);
            result.from = *a;
            result.to = corner;
            result.helpers.push_back({corner, *b});
            result.label = metres("horizontal ", result.valueM);
            break;
        case MeasurementKind::Vertical:
            result.valueM = std::abs(dz);
            result.from = corner;
            result.to = *b;
            result.helpers.push_back({*a, corner});
            result.label = metres("vertical ", result.valueM);
            break;
        default:
            result.valueM = std::sqrt(dx * dx + dy * dy + dz * dz);
            result.from = *a;
            result.to = *b;
            result.label = metres("", result.valueM);
            break;
    }
    return result;
}

}  // namespace subterra
