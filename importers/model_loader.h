#pragma once
// Loads everything a project (or a list of files) names into one Model in one project CRS:
// chooses the CRS, reads the terrain first (it is the ground for the Z rules), then every layer.
#include <optional>
#include <string>
#include <vector>

#include "layer_report.h"
#include "layer_spec.h"
#include "problem.h"
#include "terrain_importer.h"

namespace subterra {

struct TerrainSpec {
    std::string dem;  // raster path; empty = flat ground
    // Ground level without a DEM (and outside it). Unset: from the data itself (node ground
    // levels, building bases: node_ground.h), else 0 m.
    std::optional<double> flatLevelM;
    // The unit of the DEM's values when the raster does not say (or says wrong): "unit".
    std::optional<LengthUnit> heightUnit;
};

struct LoadRequest {
    std::string projectCrs;  // "EPSG:32651", WKT...; empty = chosen from the data
    std::vector<LayerSpec> layers;
    TerrainSpec terrain;
};

struct LoadResult {
    Model model;
    std::vector<LayerReport> layers;
    std::optional<TerrainReport> terrain;
    std::string crsChoice;   // how the project CRS was chosen, for `info`
    std::string groundNote;  // how a flat ground's level was chosen, when the data gave it
    Problems problems;
};

LoadResult loadModel(const LoadRequest& request);

// One LayerSpec per layer of each file (a GeoPackage with five tables gives five).
std::vector<LayerSpec> layerSpecsForFiles(const std::vector<std::string>& files, Problems& problems);

}  // namespace subterra
