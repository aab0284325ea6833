#pragma once
// Check results as files (CSV, GeoJSON) and as lines for the terminal.
#include <string>
#include <vector>

#include "clearance_check.h"

namespace subterra {

// "clearance  G-0003 (gas)  P-0036 (power)  -0.215 m  < 0.100 m" style lines, clearance first.
std::vector<std::string> checkLines(const CheckResults& results, const Model& model);

// One row per violation: check,id_a,id_b,utility_a,utility_b,distance_m,required_m,rule,x,y,z
// (distance_m is the cover for cover rows; x,y,z the midpoint of the closest points, project CRS).
std::string checkCsv(const CheckResults& results, const Model& model);

// A FeatureCollection in the project CRS (named in "crs" when it is an EPSG code): a LineString
// between the two closest points per clearance violation, a Point per cover violation.
std::string checkGeoJson(const CheckResults& results, const Model& model, const std::string& crs);

}  // namespace subterra
