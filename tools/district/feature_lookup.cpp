#include "feature_lookup.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <utility>

namespace district {

namespace {
std::string idOf(const Table& table, const Feature& feature) {
    for (size_t i = 0; i < table.fields().size(); ++i)
        if (table.fields()[i].name == "PIPE_ID") return std::get<std::string>(feature.values[i]);
    throw std::runtime_error("table " + table.name() + " has no PIPE_ID");
}

double distanceToSegment(const Point3& a, const Point3& b, double x, double y) {
    const double dx = b.x - a.x, dy = b.y - a.y, length2 = dx * dx + dy * dy;
    const double u = length2 > 0 ? std::clamp(((x - a.x) * dx + (y - a.y) * dy) / length2, 0.0, 1.0) : 0.0;
    return std::hypot(a.x + u * dx - x, a.y + u * dy - y);
}
}  // namespace

std::vector<std::string> pipesAlongY(const Table& table, double y, double fromX, double toX) {
    std::vector<std::pair<double, std::string>> found;
    for (const Feature& feature : table.features()) {
        const Ring& line = feature.parts.front();
        const bool onLine = std::all_of(line.begin(), line.end(), [&](const Point3& p) {
            return std::abs(p.y - y) < 0.01 && p.x >= fromX - 0.01 && p.x <= toX + 0.01;
        });
        if (onLine && line.size() >= 2)
            found.emplace_back(std::min(line.front().x, line.back().x), idOf(table, feature));
    }
    std::sort(found.begin(), found.end());
    std::vector<std::string> ids;
    for (auto& entry : found) ids.push_back(std::move(entry.second));
    if (ids.empty()) throw std::runtime_error("no " + table.name() + " pipe along the explainer's street");
    return ids;
}

std::string pipeNearest(const Table& table, double x, double y) {
    double best = std::numeric_limits<double>::infinity();
    std::string id;
    for (const Feature& feature : table.features()) {
        const Ring& line = feature.parts.front();
        for (size_t i = 1; i < line.size(); ++i)
            if (const double d = distanceToSegment(line[i - 1], line[i], x, y); d < best)
                best = d, id = idOf(table, feature);
    }
    if (id.empty()) throw std::runtime_error("no " + table.name() + " pipe near the explainer's callout");
    return id;
}

}  // namespace district
