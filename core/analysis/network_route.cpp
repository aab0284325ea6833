#include "network_route.h"

#include <cmath>
#include <functional>
#include <limits>
#include <map>
#include <queue>
#include <unordered_map>

namespace subterra {

namespace {
constexpr double kJoinToleranceM = 0.5;  // line ends this close meet
constexpr double kNodeReachM = 1.0;      // a node reaches line ends this close, or within its shaft

double planLength(const Segment& segment) {
    double length = 0;
    for (size_t i = 1; i < segment.points.size(); ++i) length += planDistance(segment.points[i - 1], segment.points[i]);
    return length;
}

// Line ends merged into junctions, found through a grid of tolerance-sized cells.
class Junctions {
  public:
    size_t at(const Vec3d& p) {
        const auto [cx, cy] = cellOf(p);
        for (long dx = -1; dx <= 1; ++dx)
            for (long dy = -1; dy <= 1; ++dy) {
                auto it = cells_.find({cx + dx, cy + dy});
                if (it == cells_.end()) continue;
                for (size_t j : it->second)
                    if (planDistance(points_[j], p) <= kJoinToleranceM) return j;
            }
        points_.push_back(p);
        cells_[{cx, cy}].push_back(points_.size() - 1);
        return points_.size() - 1;
    }
    const std::vector<Vec3d>& points() const { return points_; }

  private:
    std::pair<long, long> cellOf(const Vec3d& p) const {
        return {long(std::floor(p.x / kJoinToleranceM)), long(std::floor(p.y / kJoinToleranceM))};
    }
    std::vector<Vec3d> points_;
    std::map<std::pair<long, long>, std::vector<size_t>> cells_;
};

struct Edge {
    size_t to;
    size_t segment;
    double length;
};

const Node* findNode(const Model& model, const std::string& id, std::string& error) {
    for (const Node& node : model.nodes)
        if (node.id == id) return &node;
    error = "--path: no node with id '" + id + "'";
    return nullptr;
}

// The junction nearest to `node` within its reach, or nullopt.
std::optional<size_t> junctionOf(const Node& node, const std::vector<Vec3d>& junctions) {
    const double reach = std::max(kNodeReachM, node.sizeM / 2);
    std::optional<size_t> best;
    double bestDistance = reach;
    for (size_t j = 0; j < junctions.size(); ++j) {
        const double d = planDistance(junctions[j], node.position);
        if (d <= bestDistance) best = j, bestDistance = d;
    }
    return best;
}
}  // namespace

std::optional<std::vector<std::string>> routeBetweenNodes(const Model& model, const std::string& fromId,
                                                          const std::string& toId, std::string& error) {
    const Node* from = findNode(model, fromId, error);
    const Node* to = from ? findNode(model, toId, error) : nullptr;
    if (!to) return std::nullopt;
    const bool anyUtility = from->utility == UtilityKind::Other;

    Junctions junctions;
    std::vector<std::vector<Edge>> edges;
    for (size_t s = 0; s < model.segments.size(); ++s) {
        const Segment& segment = model.segments[s];
        if (segment.points.size() < 2 || (!anyUtility && segment.utility != from->utility)) continue;
        const size_t a = junctions.at(segment.points.front()), b = junctions.at(segment.points.back());
        edges.resize(junctions.points().size());
        const double length = planLength(segment);
        edges[a].push_back({b, s, length});
        edges[b].push_back({a, s, length});
    }
    const std::string network = anyUtility ? "any" : toString(from->utility);
    const auto start = junctionOf(*from, junctions.points());
    const auto goal = junctionOf(*to, junctions.points());
    if (!start || !goal) {
        error = "--path: node '" + (start ? toId : fromId) + "' is not at the end of any " + network + " line";
        return std::nullopt;
    }

    // Dijkstra over the junctions, by plan length.
    constexpr double kUnreached = std::numeric_limits<double>::infinity();
    std::vector<double> distance(edges.size(), kUnreached);
    std::vector<const Edge*> arrivedBy(edges.size(), nullptr);
    std::vector<size_t> previous(edges.size(), 0);
    using Entry = std::pair<double, size_t>;
    std::priority_queue<Entry, std::vector<Entry>, std::greater<Entry>> queue;
    distance[*start] = 0;
    queue.push({0, *start});
    while (!queue.empty()) {
        const auto [d, j] = queue.top();
        queue.pop();
        if (d > distance[j] || j == *goal) continue;
        for (const Edge& edge : edges[j])
            if (d + edge.length < distance[edge.to]) {
                distance[edge.to] = d + edge.length;
                arrivedBy[edge.to] = &edge;
                previous[edge.to] = j;
                queue.push({distance[edge.to], edge.to});
            }
    }
    if (distance[*goal] == kUnreached) {
        error = "--path: no run of " + network + " lines joins '" + fromId + "' to '" + toId + "'";
        return std::nullopt;
    }
    if (*goal == *start) {
        error = "--path: '" + fromId + "' and '" + toId + "' are at the same place";
        return std::nullopt;
    }
    std::vector<std::string> ids;
    for (size_t j = *goal; j != *start; j = previous[j]) ids.push_back(model.segments[arrivedBy[j]->segment].id);
    return std::vector<std::string>(ids.rbegin(), ids.rend());
}

}  // namespace subterra
