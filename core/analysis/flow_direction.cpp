#include "flow_direction.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <map>
#include <queue>
#include <strings.h>

namespace subterra {

namespace {
constexpr double kJoinM = 0.5;

bool gravity(const Segment& segment) {
    return segment.utility == UtilityKind::Sewer || segment.utility == UtilityKind::Storm;
}

// The attribute's number, when the segment has it (any case) and it parses.
bool attributeNumber(const Segment& segment, const std::string& name, double& value) {
    for (const auto& [key, text] : segment.attributes) {
        if (strcasecmp(key.c_str(), name.c_str()) != 0) continue;
        char* end = nullptr;
        value = std::strtod(text.c_str(), &end);
        return end != text.c_str() && std::isfinite(value);
    }
    return false;
}

double planLength(const Segment& segment) {
    double length = 0;
    for (size_t i = 1; i < segment.points.size(); ++i)
        length +=
            std::hypot(segment.points[i].x - segment.points[i - 1].x, segment.points[i].y - segment.points[i - 1].y);
    return length;
}

}  // namespace

// Pipe ends snapped to a 0.5 m grid: ends in the same cell are one junction.
FlowOrder::Cell FlowOrder::cellOf(const Vec3d& p) { return {std::llround(p.x / kJoinM), std::llround(p.y / kJoinM)}; }

bool flowReversed(const Segment& segment, const std::string& flowAttribute) {
    if (segment.points.size() < 2) return false;
    const double fall = segment.points.front().z - segment.points.back().z;
    if (gravity(segment) && std::abs(fall) > 1e-3) return fall < 0;
    double flow = 0;
    if (attributeNumber(segment, flowAttribute.empty() ? kDefaultFlowAttribute : flowAttribute, flow)) return flow < 0;
    return false;
}

FlowOrder::FlowOrder(const std::vector<const Segment*>& segments, const std::string& flowAttribute)
    : start_(segments.size(), std::numeric_limits<double>::infinity()) {
    // Junctions are graph vertices; each pipe an edge from its upstream to its downstream end.
    std::map<Cell, size_t> junctions;
    auto junction = [&](const Vec3d& p) { return junctions.emplace(cellOf(p), junctions.size()).first->second; };
    struct Edge {
        size_t from, to;
        double length;
    };
    std::vector<Edge> edges(segments.size());
    for (size_t i = 0; i < segments.size(); ++i) {
        const Segment& s = *segments[i];
        if (s.points.empty()) continue;
        const bool reversed = flowReversed(s, flowAttribute);
        edges[i] = {junction(reversed ? s.points.back() : s.points.front()),
                    junction(reversed ? s.points.front() : s.points.back()), planLength(s)};
    }
    std::vector<std::vector<size_t>> outgoing(junctions.size());
    std::vector<int> incoming(junctions.size(), 0);
    for (size_t i = 0; i < segments.size(); ++i)
        if (!segments[i]->points.empty()) outgoing[edges[i].from].push_back(i), ++incoming[edges[i].to];
    // Dijkstra from every source at once; a loop with no source is started at its first pipe.
    std::vector<double> reach(junctions.size(), std::numeric_limits<double>::infinity());
    using Entry = std::pair<double, size_t>;
    std::priority_queue<Entry, std::vector<Entry>, std::greater<Entry>> queue;
    auto run = [&] {
        while (!queue.empty()) {
            const auto [distance, j] = queue.top();
            queue.pop();
            if (distance > reach[j]) continue;
            for (size_t e : outgoing[j]) {
                start_[e] = std::min(start_[e], distance);
                if (distance + edges[e].length < reach[edges[e].to])
                    reach[edges[e].to] = distance + edges[e].length, queue.push({reach[edges[e].to], edges[e].to});
            }
        }
    };
    for (size_t j = 0; j < junctions.size(); ++j)
        if (incoming[j] == 0) reach[j] = 0, queue.push({0.0, j});
    run();
    for (size_t i = 0; i < segments.size(); ++i) {
        if (segments[i]->points.empty()) start_[i] = 0;
        if (std::isfinite(start_[i])) continue;
        reach[edges[i].from] = 0;
        queue.push({0.0, edges[i].from});
        run();
    }
    for (size_t i = 0; i < segments.size(); ++i) {
        const Segment& s = *segments[i];
        if (s.points.empty()) continue;
        const bool reversed = flowReversed(s, flowAttribute);
        auto note = [&](const Vec3d& p, double along) {
            auto [it, added] = ends_.emplace(cellOf(p), along);
            if (!added) it->second = std::min(it->second, along);
        };
        note(reversed ? s.points.back() : s.points.front(), start_[i]);
        note(reversed ? s.points.front() : s.points.back(), start_[i] + edges[i].length);
    }
}

double FlowOrder::distanceAt(const Vec3d& position) const {
    const Cell centre = cellOf(position);
    double distance = std::numeric_limits<double>::infinity();
    for (long long dx = -1; dx <= 1; ++dx)
        for (long long dy = -1; dy <= 1; ++dy) {
            auto it = ends_.find({centre.first + dx, centre.second + dy});
            if (it != ends_.end()) distance = std::min(distance, it->second);
        }
    return std::isfinite(distance) ? distance : 0;
}

}  // namespace subterra
