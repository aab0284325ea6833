#pragma once
// GDAL output: the GeoPackage of all tables and the GeoTIFF DEM.
#include <string>
#include <vector>

#include "layout.h"
#include "table.h"

namespace district {

// Writes each table as a layer of a new GeoPackage; an existing file is replaced.
void writeGeoPackage(const std::string& path, const std::vector<const Table*>& tables, int epsg);

// A north-up grid of square cells; each cell holds the ground level at its centre.
struct DemGrid {
    double west = 0, north = 0, cell = 1;
    int columns = 0, rows = 0;
};
// The district plus `margin` on every side, snapped outwards to whole cells.
DemGrid demGridAround(const Extent2& district, double margin, double cell);
// Float32, DEFLATE-compressed GeoTIFF.
void writeDem(const std::string& path, const DemGrid& grid, const Ground& ground, int epsg);

}  // namespace district
