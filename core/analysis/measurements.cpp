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

double outerRadiusM(const Segment& segment) {
    const CrossSection& s = segment.section;
    return s.shape == CrossSection::Shape::Circular ? s.diameterM / 2 : std::max(s.widthM, s.heightM) / 2;
}

MeasuredValue clearDistance(const Segment& first, const Segment& second) {
    const ClosestPoints closest = closestPointsBetweenPolylines(first.points, second.points);
    const double ra = outerRadiusM(first), rb = outerRadiusM(second);
    MeasuredValue result;
    result.valueM = closest.distance - ra - rb;
    const Vec3d a = closest.onA, b = closest.onB;
    const double d = closest.distance;
    // Surfaces along the line joining the centres; crossing pipes (d = 0) keep the centre points.
    const Vec3d direction = d > 0 ? Vec3d{(b.x - a.x) / d, (b.y - a.y) / d, (b.z - a.z) / d} : Vec3d{};
    result.from = {a.x + direction.x * ra, a.y + direction.y * ra, a.z + direction.z * ra};
    result.to = {b.x - direction.x * rb, b.y - direction.y * rb, b.z - direction.z * rb};
    result.label = result.valueM >= 0 ? metres("clear ", result.valueM) : metres("overlap ", -result.valueM);
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
