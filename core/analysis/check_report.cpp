#include "check_report.h"

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace subterra {

namespace {
double mm(double metres) { return std::round(metres * 1000) / 1000; }

std::string fixed(double value, int decimals) {
    char text[64];
    std::snprintf(text, sizeof text, "%.*f", decimals, value);
    return text;
}

Vec3d midpoint(const Vec3d& a, const Vec3d& b) { return {(a.x + b.x) / 2, (a.y + b.y) / 2, (a.z + b.z) / 2}; }

std::string clearanceRule(const ClearanceViolation& v) { return "clearance >= " + fixed(v.requiredM, 2) + " m"; }
std::string coverRule(const CoverViolation& v) { return "cover >= " + fixed(v.requiredM, 2) + " m"; }

// CSV field: quoted when it holds a separator, quote or line break.
std::string csvField(const std::string& text) {
    if (text.find_first_of(",\"\n") == std::string::npos) return text;
    std::string quoted = "\"";
    for (char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    return quoted + "\"";
}

nlohmann::json position(const Vec3d& p) { return {mm(p.x), mm(p.y), mm(p.z)}; }
}  // namespace

std::vector<std::string> checkLines(const CheckResults& results, const Model& model) {
    std::vector<std::string> lines;
    for (const auto& v : results.clearance) {
        const Segment &a = model.segments[v.a], &b = model.segments[v.b];
        lines.push_back("clearance " + a.id + " (" + toString(a.utility) + ") x " + b.id + " (" + toString(b.utility) +
                        "): " + fixed(v.distanceM, 3) + " m, rule " + clearanceRule(v));
    }
    for (const auto& v : results.cover) {
        const Segment& s = model.segments[v.segment];
        lines.push_back("cover " + s.id + " (" + toString(s.utility) + "): " + fixed(v.coverM, 3) + " m, rule " +
                        coverRule(v) + (s.depthSource == DepthSource::Assumed ? " (depth assumed)" : ""));
    }
    return lines;
}

std::string checkCsv(const CheckResults& results, const Model& model) {
    std::ostringstream out;
    out << "check,id_a,id_b,utility_a,utility_b,distance_m,required_m,rule,x,y,z\n";
    for (const auto& v : results.clearance) {
        const Segment &a = model.segments[v.a], &b = model.segments[v.b];
        const Vec3d m = midpoint(v.pointA, v.pointB);
        out << "clearance," << csvField(a.id) << ',' << csvField(b.id) << ',' << toString(a.utility) << ','
            << toString(b.utility) << ',' << fixed(v.distanceM, 3) << ',' << fixed(v.requiredM, 3) << ','
            << clearanceRule(v) << ',' << fixed(m.x, 3) << ',' << fixed(m.y, 3) << ',' << fixed(m.z, 3) << '\n';
    }
    for (const auto& v : results.cover) {
        const Segment& s = model.segments[v.segment];
        out << "cover," << csvField(s.id) << ",," << toString(s.utility) << ",," << fixed(v.coverM, 3) << ','
            << fixed(v.requiredM, 3) << ',' << coverRule(v) << ',' << fixed(v.point.x, 3) << ',' << fixed(v.point.y, 3)
            << ',' << fixed(v.point.z, 3) << '\n';
    }
    return out.str();
}

std::string checkGeoJson(const CheckResults& results, const Model& model, const std::string& crs) {
    nlohmann::json features = nlohmann::json::array();
    for (const auto& v : results.clearance) {
        const Segment &a = model.segments[v.a], &b = model.segments[v.b];
        features.push_back(
            {{"type", "Feature"},
             {"geometry", {{"type", "LineString"}, {"coordinates", {position(v.pointA), position(v.pointB)}}}},
             {"properties",
              {{"check", "clearance"},
               {"id_a", a.id},
               {"id_b", b.id},
               {"utility_a", toString(a.utility)},
               {"utility_b", toString(b.utility)},
               {"distance_m", mm(v.distanceM)},
               {"required_m", mm(v.requiredM)},
               {"rule", clearanceRule(v)}}}});
    }
    for (const auto& v : results.cover) {
        const Segment& s = model.segments[v.segment];
        features.push_back({{"type", "Feature"},
                            {"geometry", {{"type", "Point"}, {"coordinates", position(v.point)}}},
                            {"properties",
                             {{"check", "cover"},
                              {"id_a", s.id},
                              {"utility_a", toString(s.utility)},
                              {"distance_m", mm(v.coverM)},
                              {"required_m", mm(v.requiredM)},
                              {"rule", coverRule(v)},
                              {"depth_assumed", s.depthSource == DepthSource::Assumed}}}});
    }
    nlohmann::json collection = {{"type", "FeatureCollection"}, {"name", "conflicts"}, {"features", features}};
    if (crs.rfind("EPSG:", 0) == 0)
        collection["crs"] = {{"type", "name"}, {"properties", {{"name", "urn:ogc:def:crs:EPSG::" + crs.substr(5)}}}};
    return collection.dump(1) + "\n";
}

}  // namespace subterra
