#include "crossings.h"

#include <algorithm>
#include <cmath>

#include "clearance_check.h"
#include "geometry_distance.h"
#include "measurements.h"
#include "plan_grid.h"

namespace subterra {

namespace {
struct PlanHit {
    double alongM = 0;  // on the line
    Vec3d onLine, onOther;
};

Vec3d lerp(const Vec3d& a, const Vec3d& b, double t) {
    return {a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t, a.z + (b.z - a.z) * t};
}

// Plan intersection of a0-a1 and b0-b1: the parameters on each, or false when they miss or are parallel.
bool crossInPlan(const Vec3d& a0, const Vec3d& a1, const Vec3d& b0, const Vec3d& b1, double& t, double& u) {
    const double rx = a1.x - a0.x, ry = a1.y - a0.y, sx = b1.x - b0.x, sy = b1.y - b0.y;
    const double denominator = rx * sy - ry * sx;
    if (std::abs(denominator) < 1e-12) return false;
    const double qx = b0.x - a0.x, qy = b0.y - a0.y;
    t = (qx * sy - qy * sx) / denominator;
    u = (qx * ry - qy * rx) / denominator;
    return t >= 0 && t <= 1 && u >= 0 && u <= 1;
}

std::vector<PlanHit> planCrossings(const Segment& line, const Segment& other) {
    std::vector<PlanHit> hits;
    double along = 0;
    for (size_t i = 0; i + 1 < line.points.size(); ++i) {
        const Vec3d &a0 = line.points[i], &a1 = line.points[i + 1];
        const double pieceM = std::hypot(a1.x - a0.x, a1.y - a0.y);
        for (size_t j = 0; j + 1 < other.points.size(); ++j) {
            double t = 0, u = 0;
            if (crossInPlan(a0, a1, other.points[j], other.points[j + 1], t, u))
                hits.push_back({along + t * pieceM, lerp(a0, a1, t), lerp(other.points[j], other.points[j + 1], u)});
        }
        along += pieceM;
    }
    return hits;
}

// Plan distance along the polyline to its point nearest to `p`.
double alongTo(const std::vector<Vec3d>& points, const Vec3d& p) {
    double along = 0, best = HUGE_VAL, bestAlong = 0;
    for (size_t i = 0; i + 1 < points.size(); ++i) {
        const Vec3d &a = points[i], &b = points[i + 1];
        const double pieceM = std::hypot(b.x - a.x, b.y - a.y);
        const ClosestPoints c = closestPoints(a, b, p, p);
        if (c.distance < best) best = c.distance, bestAlong = along + std::hypot(c.onA.x - a.x, c.onA.y - a.y);
        along += pieceM;
    }
    return bestAlong;
}

PlanBox planBox(const std::vector<Vec3d>& points, double margin) {
    PlanBox box{HUGE_VAL, HUGE_VAL, -HUGE_VAL, -HUGE_VAL};
    for (const Vec3d& p : points) {
        box.minX = std::min(box.minX, p.x), box.maxX = std::max(box.maxX, p.x);
        box.minY = std::min(box.minY, p.y), box.maxY = std::max(box.maxY, p.y);
    }
    return {box.minX - margin, box.minY - margin, box.maxX + margin, box.maxY + margin};
}

void setHeights(Crossing& crossing, const Segment& line, const Segment& other) {
    crossing.otherAbove = crossing.otherAt.z > crossing.at.z;
    const Segment& upper = crossing.otherAbove ? other : line;
    const Segment& lower = crossing.otherAbove ? line : other;
    const double upperZ = std::max(crossing.at.z, crossing.otherAt.z),
                 lowerZ = std::min(crossing.at.z, crossing.otherAt.z);
    crossing.verticalGapM =
        (upperZ - upper.section.verticalExtentM() / 2) - (lowerZ + lower.section.verticalExtentM() / 2);
}
}  // namespace

std::vector<Crossing> findCrossings(const Model& model, size_t line, double withinM, const CheckRules& rules) {
    std::vector<Crossing> crossings;
    if (line >= model.segments.size() || model.segments[line].points.size() < 2) return crossings;
    const Segment& selected = model.segments[line];
    withinM = std::max(0.0, withinM);
    const PlanBox reach = planBox(selected.points, maxReach(selected.section) + withinM + 0.05);
    for (size_t s = 0; s < model.segments.size(); ++s) {
        const Segment& other = model.segments[s];
        if (s == line || other.points.size() < 2 || !planBox(other.points, maxReach(other.section)).overlaps(reach))
            continue;
        if (segmentsConnected(selected, other)) continue;  // the next pipe of the same run, a service on its main
        const std::vector<PlanHit> hits = planCrossings(selected, other);
        const MeasuredValue clear = clearDistance(selected, other);
        if (hits.empty() && clear.valueM >= withinM) continue;
        Crossing crossing;
        crossing.other = s;
        crossing.clearanceM = clear.valueM;
        crossing.requiredM = rules.clearanceFor(selected.utility, other.utility);
        crossing.planCrossings = int(hits.size());
        if (hits.empty()) {
            const ClosestPoints closest = closestPointsBetweenPolylines(selected.points, other.points);
            crossing.at = closest.onA;
            crossing.otherAt = closest.onB;
            crossing.alongM = alongTo(selected.points, closest.onA);
        } else {  // the crossing nearest to where the two come closest
            const Vec3d middle = lerp(clear.from, clear.to, 0.5);
            const auto nearest = std::min_element(hits.begin(), hits.end(), [&](const PlanHit& x, const PlanHit& y) {
                return std::hypot(x.onLine.x - middle.x, x.onLine.y - middle.y) <
                       std::hypot(y.onLine.x - middle.x, y.onLine.y - middle.y);
            });
            crossing.at = nearest->onLine;
            crossing.otherAt = nearest->onOther;
            crossing.alongM = nearest->alongM;
        }
        setHeights(crossing, selected, other);
        crossings.push_back(crossing);
    }
    std::sort(crossings.begin(), crossings.end(), [&](const Crossing& a, const Crossing& b) {
        if (a.alongM != b.alongM) return a.alongM < b.alongM;
        return model.segments[a.other].id < model.segments[b.other].id;
    });
    return crossings;
}

}  // namespace subterra
