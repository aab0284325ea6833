#pragma once
// A DEM (GeoTIFF or any GDAL raster) -> a regular height grid in the project CRS, resampled to at
// most `maxSamples` per side (the grid is both the ground mesh and the ground for the Z rules).
#include <optional>
#include <string>

#include "model.h"
#include "problem.h"
#include "units.h"

namespace subterra {

struct TerrainReport {
    std::string source;
    std::string sourceCrsWkt;
    int sourceColumns = 0, sourceRows = 0;
    double sourceCellM = 0;
    int columns = 0, rows = 0;
    double minHeight = 0, maxHeight = 0;  // metres
    // The unit of the raster's values and how it is known: "m (not stated by the raster; metres
    // assumed)", "US survey foot (the raster's unit type), converted to metres"...
    std::string heightUnit;
};

struct TerrainImport {
    std::optional<Terrain> terrain;
    TerrainReport report;
    Problems problems;
};

// True for a file GDAL opens as a raster but not as vector data (a DEM given as a plain input).
bool isRasterOnlyFile(const std::string& path);
// The raster's CRS (WKT, empty if none) and extent in it; nullopt with `error` when unreadable.
struct TerrainProbe {
    std::string crsWkt;
    Extent extent;
};
std::optional<TerrainProbe> probeTerrain(const std::string& path, std::string& error);

// Heights are converted to metres from the unit the raster states (its band unit type, or the
// vertical part of a compound CRS); `declaredUnit` (the project terrain's "unit", --dem-unit)
// overrides it, with a warning when the raster says otherwise. Neither: metres.
TerrainImport importTerrain(const std::string& path, const std::string& projectCrsWkt,
                            std::optional<LengthUnit> declaredUnit = std::nullopt, int maxSamples = 512);

}  // namespace subterra
