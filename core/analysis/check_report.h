#pragma once
// Check results ranked by severity, as files (CSV, GeoJSON), as lines for the terminal and as a JSON
// summary. Every output lists the violations worst first, in the order of violationsBySeverity.
#include <string>
#include <vector>

#include "clearance_check.h"

namespace subterra {

// How badly a rule is missed: a clash (the two surfaces overlap, or the pipe's top is above ground),
// serious (less than half the required clearance or cover is left), or minor.
enum class ViolationSeverity { Clash, Serious, Minor };
const char* severityName(ViolationSeverity severity);  // "clash", "serious", "minor"

struct RankedViolation {
    bool cover = false;  // a cover violation (else a clearance one)
    size_t index = 0;    // into CheckResults::cover or ::clearance
    ViolationSeverity severity = ViolationSeverity::Minor;
    double shortfallM = 0;  // required minus found: how far the rule is missed
};

// All violations, worst first: by severity, then by shortfall, then by the ids (a stable order).
std::vector<RankedViolation> violationsBySeverity(const CheckResults& results, const Model& model);

// "clash: clearance G-0003 (gas) x P-0036 (power): -0.215 m, rule clearance >= 0.10 m" lines.
std::vector<std::string> checkLines(const CheckResults& results, const Model& model);

// One row per violation: check,id_a,id_b,utility_a,utility_b,distance_m,required_m,rule,x,y,z,severity
// (distance_m is the cover for cover rows; x,y,z the midpoint of the closest points, project CRS;
// severity last so that scripts reading the earlier columns by position keep working).
std::string checkCsv(const CheckResults& results, const Model& model);

// A FeatureCollection in the project CRS (named in "crs" when it is an EPSG code) of Points only, so
// that every GIS format can hold it: where two lines come closest (the middle of the closest points,
// which are kept as "closest_a"/"closest_b") or where the cover is least.
std::string checkGeoJson(const CheckResults& results, const Model& model, const std::string& crs);

// One JSON object for scripts: counts by check and by severity, and the violations as in the GeoJSON's
// properties, worst first.
std::string checkJsonSummary(const CheckResults& results, const Model& model);

}  // namespace subterra
