#pragma once
// Per-layer options for GIS sources: a window on a database (SQL, bounding box) and how DXF
// layer names map to utilities and sizes. Set by project layer keys "sql", "bbox", "dxf_layers"
// and "dxf_diameter_pattern" (docs/project-format.md).
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "model.h"

namespace subterra {

// DXF layers whose name matches `pattern` (shell glob, case-insensitive: "W-MAIN*").
struct DxfLayerRule {
    std::string pattern;
    std::optional<UtilityKind> utility;
    std::optional<double> diameterMm;
};

struct GisLayerOptions {
    std::string sql;                            // OGR SQL / database SQL instead of a table
    std::optional<std::array<double, 4>> bbox;  // minx, miny, maxx, maxy in the project CRS
    std::vector<DxfLayerRule> dxfLayers;
    std::string dxfDiameterPattern = "DN\\s*(\\d+)";  // ECMAScript regex; group 1 = diameter in mm
};

// The rule for a DXF layer name: the longest matching pattern wins; null when none matches.
const DxfLayerRule* findDxfLayerRule(const GisLayerOptions& options, const std::string& dxfLayer);
// Diameter (mm) written in a DXF layer name by `pattern`; nullopt when absent or the pattern is bad.
std::optional<double> diameterFromLayerName(const std::string& pattern, const std::string& dxfLayer);

}  // namespace subterra
