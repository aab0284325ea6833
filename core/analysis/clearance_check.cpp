#include "clearance_check.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "plan_grid.h"
#include "geometry_distance.h"

namespace subterra {

namespace {
struct Piece {
    uint32_t segment;
    uint32_t vertex;  // the piece runs from points[vertex] to points[vertex + 1]
};

double pointToPolyline(const Vec3d& p, const std::vector<Vec3d>& line) {
    double best = 1e300;
    for (size_t i = 0; i + 1 < line.size(); ++i)
        best = std::min(best, closestPoints(p, p, line[i], line[i + 1]).distance);
    if (line.size() == 1) best = closestPoints(p, p, line[0], line[0]).distance;
    return best;
}

bool endTouches(const Segment& end, const Segment& line) {
    const double tolerance = maxReach(line.section) + 0.05;
    return pointToPolyline(end.points.front(), line.points) <= tolerance ||
           pointToPolyline(end.points.back(), line.points) <= tolerance;
}

// Whether the end of `line` at vertex `v` (its first or last) touches piece p0-p1 of `host`.
bool endOnPiece(const Segment& line, size_t v, const Segment& host, const Vec3d& p0, const Vec3d& p1) {
    const Vec3d& end = line.points[v];
    return closestPoints(end, end, p0, p1).distance <= maxReach(host.section) + 0.05;
}

bool endsMeetInPlan(const Segment& a, const Segment& b) {
    for (const Vec3d* p : {&a.points.front(), &a.points.back()})
        for (const Vec3d* q : {&b.points.front(), &b.points.back()})
            if (std::hypot(p->x - q->x, p->y - q->y) <= 0.05) return true;
    return false;
}

// The segments' rule table by kind, so the inner loop does no rule matching.
struct RuleTable {
    static constexpr int kKinds = int(UtilityKind::Other) + 1;
    double minM[kKinds][kKinds];
    bool has[kKinds][kKinds];
    explicit RuleTable(const CheckRules& rules) {
        for (int i = 0; i < kKinds; ++i)
            for (int j = 0; j < kKinds; ++j) {
                const auto rule = rules.clearanceFor(UtilityKind(i), UtilityKind(j));
                has[i][j] = rule.has_value();
                minM[i][j] = rule.value_or(0);
            }
    }
};
// Two lines that both end on one line of their kind (two services tapped into one main side by side,
// laterals entering a sewer from both sides), where the conflict is at that junction: not a conflict
// between the two.
bool meetAtHost(const Model& model, const ClearanceViolation& v,
                const std::unordered_map<uint32_t, std::vector<uint32_t>>& hosts) {
    auto a = hosts.find(uint32_t(v.a)), b = hosts.find(uint32_t(v.b));
    if (a == hosts.end() || b == hosts.end()) return false;
    const Segment &lineA = model.segments[v.a], &lineB = model.segments[v.b];
    const Vec3d middle{(v.pointA.x + v.pointB.x) / 2, (v.pointA.y + v.pointB.y) / 2, (v.pointA.z + v.pointB.z) / 2};
    for (uint32_t host : a->second) {
        if (std::find(b->second.begin(), b->second.end(), host) == b->second.end()) continue;
        const Segment& h = model.segments[host];
        const double reach = maxReach(h.section) + maxReach(lineA.section) + maxReach(lineB.section) + 0.05;
        if (pointToPolyline(middle, h.points) <= reach) return true;
    }
    return false;
}
}  // namespace

bool segmentsConnected(const Segment& a, const Segment& b) {
    if (a.utility != b.utility || a.points.empty() || b.points.empty()) return false;
    return endsMeetInPlan(a, b) || endTouches(a, b) || endTouches(b, a);
}

CheckResults checkClearances(const Model& model, const CheckRules& rules) {
    CheckResults results;
    const RuleTable table(rules);
    const double margin = rules.largestClearanceM() / 2;
    std::vector<Piece> pieces;
    std::vector<PlanBox> boxes;
    std::vector<double> zMin, zMax;
    for (uint32_t s = 0; s < model.segments.size(); ++s) {
        const Segment& segment = model.segments[s];
        const double reach = maxReach(segment.section) + margin + 0.05;  // + the tolerance of endOnPiece
        for (uint32_t v = 0; v + 1 < segment.points.size(); ++v) {
            const Vec3d &p = segment.points[v], &q = segment.points[v + 1];
            pieces.push_back({s, v});
            boxes.push_back({std::min(p.x, q.x) - reach, std::min(p.y, q.y) - reach, std::max(p.x, q.x) + reach,
                             std::max(p.y, q.y) + reach});
            zMin.push_back(std::min(p.z, q.z) - reach);
            zMax.push_back(std::max(p.z, q.z) + reach);
        }
    }
    results.piecesIndexed = pieces.size();
    const PlanGrid grid(std::move(boxes));
    // Worst (smallest) distance per pair of lines that breaks its rule.
    std::unordered_map<uint64_t, ClearanceViolation> worst;
    std::unordered_map<uint32_t, std::vector<uint32_t>>
        hosts;  // line -> lines of its kind that one of its ends touches
    auto noteHost = [&](const Piece& end, const Piece& on) {
        const Segment &line = model.segments[end.segment], &host = model.segments[on.segment];
        const size_t last = line.points.size() - 1;
        for (size_t v : {size_t(0), last})
            if ((v == end.vertex || v == end.vertex + 1) &&
                endOnPiece(line, v, host, host.points[on.vertex], host.points[on.vertex + 1]))
                hosts[end.segment].push_back(on.segment);
    };
    grid.forEachOverlappingPair([&](uint32_t i, uint32_t j) {
        const Piece &pi = pieces[i], &pj = pieces[j];
        if (pi.segment == pj.segment || zMin[i] > zMax[j] || zMin[j] > zMax[i]) return;
        const Segment &a = model.segments[pi.segment], &b = model.segments[pj.segment];
        const int ka = int(a.utility), kb = int(b.utility);
        if (ka == kb) noteHost(pi, pj), noteHost(pj, pi);
        if (!table.has[ka][kb]) return;
        ++results.piecePairsTested;
        const Vec3d &a0 = a.points[pi.vertex], &a1 = a.points[pi.vertex + 1];
        const Vec3d &b0 = b.points[pj.vertex], &b1 = b.points[pj.vertex + 1];
        const SurfaceGap gap = surfaceGap(a0, a1, a.section, b0, b1, b.section);
        const ClosestPoints& closest = gap.closest;
        const double distance = gap.distanceM;
        const double required = table.minM[ka][kb];
        if (distance >= required - 1e-9) return;
        const bool aFirst = pi.segment < pj.segment;
        const uint64_t key =
            aFirst ? (uint64_t(pi.segment) << 32 | pj.segment) : (uint64_t(pj.segment) << 32 | pi.segment);
        auto [it, inserted] = worst.try_emplace(key);
        if (!inserted && it->second.distanceM <= distance) return;
        it->second = {aFirst ? pi.segment : pj.segment,   aFirst ? pj.segment : pi.segment,  distance, required,
                      aFirst ? closest.onA : closest.onB, aFirst ? closest.onB : closest.onA};
    });
    for (const auto& [key, violation] : worst)
        if (!segmentsConnected(model.segments[violation.a], model.segments[violation.b]) &&
            !meetAtHost(model, violation, hosts))
            results.clearance.push_back(violation);
    auto idPair = [&](const ClearanceViolation& v) {
        return std::make_pair(model.segments[v.a].id, model.segments[v.b].id);
    };
    std::sort(results.clearance.begin(), results.clearance.end(),
              [&](const ClearanceViolation& x, const ClearanceViolation& y) { return idPair(x) < idPair(y); });
    return results;
}

std::vector<CoverViolation> checkCover(const Model& model, const CheckRules& rules) {
    constexpr double kStepM = 5.0;
    std::vector<CoverViolation> violations;
    for (size_t s = 0; s < model.segments.size(); ++s) {
        const Segment& segment = model.segments[s];
        const auto required = rules.coverFor(segment.utility);
        if (!required || segment.points.empty()) continue;
        const double halfHeight = segment.section.verticalExtentM() / 2;
        CoverViolation least{s, 1e300, *required, {}};
        auto sample = [&](const Vec3d& p) {
            const double cover = model.groundAt(p.x, p.y) - (p.z + halfHeight);
            if (cover < least.coverM) least.coverM = cover, least.point = p;
        };
        sample(segment.points.front());
        for (size_t v = 0; v + 1 < segment.points.size(); ++v) {
            const Vec3d &p = segment.points[v], &q = segment.points[v + 1];
            const int steps = std::max(1, int(std::ceil(std::hypot(q.x - p.x, q.y - p.y) / kStepM)));
            for (int k = 1; k <= steps; ++k) {
                const double t = double(k) / steps;
                sample({p.x + (q.x - p.x) * t, p.y + (q.y - p.y) * t, p.z + (q.z - p.z) * t});
            }
        }
        if (least.coverM < *required - 1e-3) violations.push_back(least);  // 1 mm: cover recorded to the mm
    }
    std::sort(violations.begin(), violations.end(), [&](const CoverViolation& x, const CoverViolation& y) {
        return model.segments[x.segment].id < model.segments[y.segment].id;
    });
    return violations;
}

CheckResults runChecks(const Model& model, const CheckRules& rules) {
    CheckResults results = checkClearances(model, rules);
    results.cover = checkCover(model, rules);
    return results;
}

}  // namespace subterra
