#include "check_report.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
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

ViolationSeverity severityOf(double found, double required) {
    if (found < 0) return ViolationSeverity::Clash;
    return found < required / 2 ? ViolationSeverity::Serious : ViolationSeverity::Minor;
}

// Where a violation is: the middle of the two closest points, or the point of least cover.
Vec3d locationOf(const RankedViolation& r, const CheckResults& results) {
    if (r.cover) return results.cover[r.index].point;
    const ClearanceViolation& v = results.clearance[r.index];
    return midpoint(v.pointA, v.pointB);
}

// The violation as GeoJSON properties (also the rows of the JSON summary).
nlohmann::json properties(const RankedViolation& r, const CheckResults& results, const Model& model) {
    nlohmann::json json = {{"severity", severityName(r.severity)}, {"shortfall_m", mm(r.shortfallM)}};
    if (r.cover) {
        const CoverViolation& v = results.cover[r.index];
        const Segment& s = model.segments[v.segment];
        json.update({{"check", "cover"},
                     {"id_a", s.id},
                     {"utility_a", toString(s.utility)},
                     {"distance_m", mm(v.coverM)},
                     {"required_m", mm(v.requiredM)},
                     {"rule", coverRule(v)},
                     {"depth_assumed", s.depthSource == DepthSource::Assumed}});
        return json;
    }
    const ClearanceViolation& v = results.clearance[r.index];
    const Segment &a = model.segments[v.a], &b = model.segments[v.b];
    json.update({{"check", "clearance"},
                 {"id_a", a.id},
                 {"id_b", b.id},
                 {"utility_a", toString(a.utility)},
                 {"utility_b", toString(b.utility)},
                 {"distance_m", mm(v.distanceM)},
                 {"required_m", mm(v.requiredM)},
                 {"rule", clearanceRule(v)},
                 {"closest_a", position(v.pointA)},
                 {"closest_b", position(v.pointB)}});
    return json;
}
}  // namespace

const char* severityName(ViolationSeverity severity) {
    switch (severity) {
        case ViolationSeverity::Clash: return "clash";
        case ViolationSeverity::Serious: return "serious";
        case ViolationSeverity::Minor: return "minor";
    }
    return "minor";
}

std::vector<RankedViolation> violationsBySeverity(const CheckResults& results, const Model& model) {
    std::vector<RankedViolation> ranked;
    for (size_t i = 0; i < results.clearance.size(); ++i) {
        const ClearanceViolation& v = results.clearance[i];
        ranked.push_back({false, i, severityOf(v.distanceM, v.requiredM), v.requiredM - v.distanceM});
    }
    for (size_t i = 0; i < results.cover.size(); ++i) {
        const CoverViolation& v = results.cover[i];
        ranked.push_back({true, i, severityOf(v.coverM, v.requiredM), v.requiredM - v.coverM});
    }
    auto ids = [&](const RankedViolation& r) {
        if (r.cover) return std::make_pair(model.segments[results.cover[r.index].segment].id, std::string());
        const ClearanceViolation& v = results.clearance[r.index];
        return std::make_pair(model.segments[v.a].id, model.segments[v.b].id);
    };
    std::stable_sort(ranked.begin(), ranked.end(), [&](const RankedViolation& x, const RankedViolation& y) {
        if (x.severity != y.severity) return x.severity < y.severity;
        if (std::abs(x.shortfallM - y.shortfallM) > 5e-4) return x.shortfallM > y.shortfallM;  // to the mm
        return ids(x) < ids(y);
    });
    return ranked;
}


std::vector<std::string> checkLines(const CheckResults& results, const Model& model) {
    std::vector<std::string> lines;
    for (const RankedViolation& r : violationsBySeverity(results, model)) {
        std::string line = std::string(severityName(r.severity)) + ": ";
        if (r.cover) {
            const CoverViolation& v = results.cover[r.index];
            const Segment& s = model.segments[v.segment];
            line += "cover " + s.id + " (" + toString(s.utility) + "): " + fixed(v.coverM, 3) + " m, rule " +
                    coverRule(v) + (s.depthSource == DepthSource::Assumed ? " (depth assumed)" : "");
        } else {
            const ClearanceViolation& v = results.clearance[r.index];
            const Segment &a = model.segments[v.a], &b = model.segments[v.b];
            line += "clearance " + a.id + " (" + toString(a.utility) + ") x " + b.id + " (" + toString(b.utility) +
                    "): " + fixed(v.distanceM, 3) + " m, rule " + clearanceRule(v);
        }
        lines.push_back(line);
    }
    return lines;
}

std::string checkCsv(const CheckResults& results, const Model& model) {
    std::ostringstream out;
    out << "check,id_a,id_b,utility_a,utility_b,distance_m,required_m,rule,x,y,z,severity\n";
    for (const RankedViolation& r : violationsBySeverity(results, model)) {
        const Vec3d at = locationOf(r, results);
        if (r.cover) {
            const CoverViolation& v = results.cover[r.index];
            const Segment& s = model.segments[v.segment];
            out << "cover," << csvField(s.id) << ",," << toString(s.utility) << ",," << fixed(v.coverM, 3) << ','
                << fixed(v.requiredM, 3) << ',' << coverRule(v);
        } else {
            const ClearanceViolation& v = results.clearance[r.index];
            const Segment &a = model.segments[v.a], &b = model.segments[v.b];
            out << "clearance," << csvField(a.id) << ',' << csvField(b.id) << ',' << toString(a.utility) << ','
                << toString(b.utility) << ',' << fixed(v.distanceM, 3) << ',' << fixed(v.requiredM, 3) << ','
                << clearanceRule(v);
        }
        out << ',' << fixed(at.x, 3) << ',' << fixed(at.y, 3) << ',' << fixed(at.z, 3) << ','
            << severityName(r.severity) << '\n';
    }
    return out.str();
}

std::string checkGeoJson(const CheckResults& results, const Model& model, const std::string& crs) {
    nlohmann::json features = nlohmann::json::array();
    for (const RankedViolation& r : violationsBySeverity(results, model))
        features.push_back({{"type", "Feature"},
                            {"geometry", {{"type", "Point"}, {"coordinates", position(locationOf(r, results))}}},
                            {"properties", properties(r, results, model)}});
    nlohmann::json collection = {{"type", "FeatureCollection"}, {"name", "conflicts"}, {"features", features}};
    if (crs.rfind("EPSG:", 0) == 0)
        collection["crs"] = {{"type", "name"}, {"properties", {{"name", "urn:ogc:def:crs:EPSG::" + crs.substr(5)}}}};
    return collection.dump(1) + "\n";
}

std::string checkJsonSummary(const CheckResults& results, const Model& model) {
    nlohmann::json bySeverity = {{"clash", 0}, {"serious", 0}, {"minor", 0}};
    nlohmann::json violations = nlohmann::json::array();
    for (const RankedViolation& r : violationsBySeverity(results, model)) {
        bySeverity[severityName(r.severity)] = bySeverity[severityName(r.severity)].get<int>() + 1;
        nlohmann::json row = properties(r, results, model);
        row["at"] = position(locationOf(r, results));
        violations.push_back(std::move(row));
    }
    const nlohmann::json summary = {{"lines", model.segments.size()},
                                    {"clearance_violations", results.clearance.size()},
                                    {"cover_violations", results.cover.size()},
                                    {"by_severity", bySeverity},
                                    {"violations", violations}};
    return summary.dump(1) + "\n";
}

}  // namespace subterra
