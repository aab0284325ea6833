#include "profile.h"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <unordered_map>

#include "network_route.h"

namespace subterra {

namespace {
constexpr double kAlongToleranceM = 0.5;  // a line this close to the path runs along it
constexpr double kJoinToleranceM = 1.0;   // consecutive lines of a run end this close together

std::vector<std::string> split(const std::string& text, char separator) {
    std::vector<std::string> parts;
    std::stringstream in(text);
    for (std::string part; std::getline(in, part, separator);) {
        part.erase(0, part.find_first_not_of(" \t"));
        part.erase(part.find_last_not_of(" \t") + 1);
        parts.push_back(part);
    }
    return parts;
}

std::optional<ProfilePath> parsePolyline(const std::string& text, std::string& error) {
    ProfilePath path;
    for (const auto& pair : split(text, ';')) {
        double x = 0, y = 0;
        char trailing = 0;
        if (std::sscanf(pair.c_str(), "%lf ,%lf %c", &x, &y, &trailing) != 2 || !std::isfinite(x) ||
            !std::isfinite(y)) {
            error = "--path: '" + pair + "' is not a point x,y (expected x1,y1;x2,y2;... in the project CRS)";
            return std::nullopt;
        }
        if (path.plan.empty() || planDistance(path.plan.back(), {x, y, 0}) > 1e-9) path.plan.push_back({x, y, 0});
    }
    if (path.plan.size() < 2) {
        error = "--path: a polyline needs at least two different points";
        return std::nullopt;
    }
    return path;
}

// Appends `points` to `chain`, reversed when that makes it continue from the chain's end.
bool appendToRun(std::vector<Vec3d>& chain, std::vector<Vec3d> points, bool second, double& gap) {
    const Vec3d end = chain.back();
    const double forward = planDistance(end, points.front()), backward = planDistance(end, points.back());
    if (second) {  // the first line may run either way too
        const double fromStartFwd = planDistance(chain.front(), points.front());
        const double fromStartBack = planDistance(chain.front(), points.back());
        if (std::min(fromStartFwd, fromStartBack) < std::min(forward, backward))
            std::reverse(chain.begin(), chain.end());
        return appendToRun(chain, std::move(points), false, gap);
    }
    gap = std::min(forward, backward);
    if (gap > kJoinToleranceM) return false;
    if (backward < forward) std::reverse(points.begin(), points.end());
    chain.insert(chain.end(), points.begin() + 1, points.end());
    return true;
}

std::optional<ProfilePath> runOf(const std::vector<std::string>& ids, const Model& model, std::string& error) {
    std::unordered_map<std::string, size_t> byId;
    for (size_t i = 0; i < model.segments.size(); ++i) byId.emplace(model.segments[i].id, i);
    ProfilePath path;
    for (const auto& id : ids) {
        auto it = byId.find(id);
        if (id.empty() || it == byId.end()) {
            error = "--path: no line with id '" + id + "'";
            return std::nullopt;
        }
        const auto& points = model.segments[it->second].points;
        double gap = 0;
        if (path.plan.empty()) {
            path.plan = points;
        } else if (!appendToRun(path.plan, points, path.runIds.size() == 1, gap)) {
            std::ostringstream message;
            message.precision(1);
            message << std::fixed << "--path: " << id << " does not join " << path.runIds.back()
                    << " (the nearest ends are " << gap << " m apart)";
            error = message.str();
            return std::nullopt;
        }
        path.runIds.push_back(id);
    }
    for (auto& p : path.plan) p.z = 0;
    return path;
}

// "from:MH-1 to:MH-9" (separated by spaces, a comma or a semicolon): the shortest run between them.
std::optional<ProfilePath> parseNodeRoute(const std::string& text, const Model& model, std::string& error) {
    std::string fromId, toId;
    std::string rest = text;
    for (char& c : rest)
        if (c == ',' || c == ';' || c == '\t') c = ' ';
    std::istringstream in(rest);
    for (std::string word; in >> word;) {
        if (word.rfind("from:", 0) == 0) fromId = word.substr(5);
        else if (word.rfind("to:", 0) == 0) toId = word.substr(3);
        else fromId.clear(), toId.clear(), in.setstate(std::ios::failbit);
    }
    if (fromId.empty() || toId.empty()) {
        error = "--path: '" + text + "' is not 'from:NODE to:NODE'";
        return std::nullopt;
    }
    const auto ids = routeBetweenNodes(model, fromId, toId, error);
    return ids ? runOf(*ids, model, error) : std::nullopt;
}

// Where plan segments p0-p1 and q0-q1 cross: parameters along each, or nullopt.
std::optional<std::pair<double, double>> planIntersection(const Vec3d& p0, const Vec3d& p1, const Vec3d& q0,
                                                          const Vec3d& q1) {
    const double rx = p1.x - p0.x, ry = p1.y - p0.y, sx = q1.x - q0.x, sy = q1.y - q0.y;
    const double denominator = rx * sy - ry * sx;
    if (std::abs(denominator) < 1e-12) return std::nullopt;
    const double qpx = q0.x - p0.x, qpy = q0.y - p0.y;
    const double t = (qpx * sy - qpy * sx) / denominator, u = (qpx * ry - qpy * rx) / denominator;
    constexpr double e = 1e-9;
    if (t < -e || t > 1 + e || u < -e || u > 1 + e) return std::nullopt;
    return std::make_pair(std::clamp(t, 0.0, 1.0), std::clamp(u, 0.0, 1.0));
}

std::vector<double> cumulativeStations(const std::vector<Vec3d>& path) {
    std::vector<double> stations{0};
    for (size_t i = 1; i < path.size(); ++i) stations.push_back(stations.back() + planDistance(path[i - 1], path[i]));
    return stations;
}

// The part of piece a-b that runs along path piece p0-p1 (both ends within the tolerance of its
// line), as stations from `start`, in the piece's own direction; nullopt when it does not.
std::optional<ProfilePiece> alongPart(const Vec3d& a, const Vec3d& b, const Vec3d& p0, const Vec3d& p1, double start) {
    const double length = planDistance(p0, p1);
    if (length <= 0) return std::nullopt;
    const double ux = (p1.x - p0.x) / length, uy = (p1.y - p0.y) / length;
    auto across = [&](const Vec3d& p) { return std::abs(-(p.x - p0.x) * uy + (p.y - p0.y) * ux); };
    if (across(a) > kAlongToleranceM || across(b) > kAlongToleranceM) return std::nullopt;
    const double ta = (a.x - p0.x) * ux + (a.y - p0.y) * uy, tb = (b.x - p0.x) * ux + (b.y - p0.y) * uy;
    const double lo = std::max(0.0, std::min(ta, tb)), hi = std::min(length, std::max(ta, tb));
    if (hi - lo < 1e-6) return std::nullopt;
    auto zAt = [&](double t) { return a.z + (t - ta) / (tb - ta) * (b.z - a.z); };
    const double t0 = ta <= tb ? lo : hi, t1 = ta <= tb ? hi : lo;
    return ProfilePiece{0, start + t0, zAt(t0), start + t1, zAt(t1)};
}

// Pieces of `segment` along the path, or its crossings with it (a line along the path is not also a crossing).
void addSegment(const Model& model, size_t index, const std::vector<double>& stations, Profile& profile) {
    const Segment& segment = model.segments[index];
    const auto& path = profile.path.plan;
    std::vector<ProfilePiece> along;
    for (size_t v = 0; v + 1 < segment.points.size(); ++v)
        for (size_t k = 0; k + 1 < path.size(); ++k)
            if (auto part = alongPart(segment.points[v], segment.points[v + 1], path[k], path[k + 1], stations[k])) {
                part->segment = index;
                along.push_back(*part);
            }
    if (!along.empty()) {
        profile.pieces.insert(profile.pieces.end(), along.begin(), along.end());
        return;
    }
    const double halfHeight = segment.section.verticalExtentM() / 2;
    for (size_t v = 0; v + 1 < segment.points.size(); ++v)
        for (size_t k = 0; k + 1 < path.size(); ++k) {
            const Vec3d &a = segment.points[v], &b = segment.points[v + 1];
            const auto hit = planIntersection(path[k], path[k + 1], a, b);
            if (!hit) continue;
            const double station = stations[k] + hit->first * (stations[k + 1] - stations[k]);
            const double z = a.z + hit->second * (b.z - a.z);
            const double x = a.x + hit->second * (b.x - a.x), y = a.y + hit->second * (b.y - a.y);
            profile.crossings.push_back({index, station, z, model.groundAt(x, y) - (z + halfHeight)});
        }
}
}  // namespace

std::pair<double, double> stationOf(const std::vector<Vec3d>& path, double x, double y) {
    double bestDistance = 1e300, bestStation = 0, start = 0;
    for (size_t i = 0; i + 1 < path.size(); ++i) {
        const Vec3d &a = path[i], &b = path[i + 1];
        const double dx = b.x - a.x, dy = b.y - a.y, length2 = dx * dx + dy * dy;
        const double t = length2 > 0 ? std::clamp(((x - a.x) * dx + (y - a.y) * dy) / length2, 0.0, 1.0) : 0.0;
        const double distance = std::hypot(a.x + t * dx - x, a.y + t * dy - y);
        if (distance < bestDistance) bestDistance = distance, bestStation = start + t * std::sqrt(length2);
        start += std::sqrt(length2);
    }
    return {bestStation, bestDistance};
}

std::optional<ProfilePath> parseProfilePath(const std::string& text, const Model& model, std::string& error) {
    const bool polyline =
        text.find(';') != std::string::npos || text.find_first_not_of("0123456789.,-+eE \t") == std::string::npos;
    if (text.empty()) {
        error = "--path: empty (give line ids S-0001,S-0002 or a polyline x1,y1;x2,y2)";
        return std::nullopt;
    }
    if (text.find("from:") != std::string::npos) return parseNodeRoute(text, model, error);
    return polyline ? parsePolyline(text, error) : runOf(split(text, ','), model, error);
}

std::optional<Profile> buildProfile(const Model& model, const ProfilePath& path, std::string& error) {
    Profile profile;
    profile.path = path;
    const std::vector<double> stations = cumulativeStations(path.plan);
    profile.lengthM = stations.back();
    for (size_t s = 0; s < model.segments.size(); ++s) addSegment(model, s, stations, profile);
    if (profile.pieces.empty() && profile.crossings.empty()) {
        error = "--path: the path touches no pipe or cable";
        return std::nullopt;
    }
    for (size_t n = 0; n < model.nodes.size(); ++n) {
        const Node& node = model.nodes[n];
        if (node.kind != NodeKind::Manhole && node.kind != NodeKind::Chamber) continue;
        const auto [station, distance] = stationOf(path.plan, node.position.x, node.position.y);
        if (distance <= std::max(node.sizeM / 2, kAlongToleranceM)) profile.manholes.push_back({n, station});
    }
    // Ground every metre or so (at most ~1000 samples) and at every bend of the path.
    const int samples = std::clamp(int(profile.lengthM), 2, 1000);
    for (size_t k = 0; k + 1 < path.plan.size(); ++k) {
        const Vec3d &a = path.plan[k], &b = path.plan[k + 1];
        const int steps = std::max(1, int(std::ceil(samples * (stations[k + 1] - stations[k]) / profile.lengthM)));
        for (int i = k == 0 ? 0 : 1; i <= steps; ++i) {
            const double t = double(i) / steps;
            profile.ground.push_back({stations[k] + t * (stations[k + 1] - stations[k]),
                                      model.groundAt(a.x + t * (b.x - a.x), a.y + t * (b.y - a.y))});
        }
    }
    auto byStation = [](const auto& x, const auto& y) { return x.station < y.station; };
    std::sort(profile.crossings.begin(), profile.crossings.end(), byStation);
    std::sort(profile.manholes.begin(), profile.manholes.end(), byStation);
    profile.minZ = 1e300, profile.maxZ = -1e300;
    auto extend = [&](double z) { profile.minZ = std::min(profile.minZ, z), profile.maxZ = std::max(profile.maxZ, z); };
    for (const auto& g : profile.ground) extend(g.second);
    for (const auto& p : profile.pieces) {
        const double h = model.segments[p.segment].section.verticalExtentM() / 2;
        extend(std::min(p.z0, p.z1) - h), extend(std::max(p.z0, p.z1) + h);
    }
    for (const auto& c : profile.crossings) {
        const double h = model.segments[c.segment].section.verticalExtentM() / 2;
        extend(c.z - h), extend(c.z + h);
    }
    for (const auto& m : profile.manholes) extend(model.nodes[m.node].invertZ);
    return profile;
}

}  // namespace subterra
