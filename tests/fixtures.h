#pragma once
// Test fixtures written at test time with GDAL (GeoJSON, GeoPackage, CSV with WKT, GeoTIFF), so the
// repository holds no binary test data and each test says in code what its input contains.
// Implemented in fixtures.cpp.
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "problem.h"

namespace fixtures {

// A fresh, empty directory SUBTERRA_TEST_OUTPUT_DIR/<name> (removed first if it exists).
std::string freshDir(const std::string& name);

// Writes `text` to `path` as is; returns `path`.
std::string writeText(const std::string& path, const std::string& text);

// A field value: text (converted by GDAL for numeric fields), or nullopt for a NULL field.
using Value = std::optional<std::string>;

struct FeatureFixture {
    std::string wkt;  // "" = no geometry (NULL)
    std::vector<std::pair<std::string, Value>> values;
};

struct FieldFixture {
    std::string name;
    enum class Kind { Text, Integer, Real } kind = Kind::Text;
};

struct LayerFixture {
    std::string name;
    std::string crs;  // "EPSG:4326", ... ; "" = no CRS
    std::string
        geometry;  // "LineString", "Point", "Polygon", "MultiLineString", "LineString25D", "Polygon25D", "Unknown"
    std::vector<FieldFixture> fields;
    std::vector<FeatureFixture> features;
};

// Writes the layers with an OGR driver ("GeoJSON", "GPKG", "CSV"); returns `path`.
// GeoJSON and CSV take exactly one layer. CSV writes the geometry as a WKT column named "WKT".
std::string writeVector(const std::string& path, const std::string& driver, const std::vector<LayerFixture>& layers);

// A one-band Float32 GeoTIFF, north-up: pixel (c, r) covers x in [originX + c*cell, +cell) and
// y in (originY - (r+1)*cell, originY - r*cell]. `value(c, r)`; nodata is written when given.
struct RasterFixture {
    int columns = 50, rows = 40;
    double originX = 0, originY = 0, cellX = 1, cellY = 1;
    std::string crs = "EPSG:32651";
    std::function<double(int column, int row)> value;
    std::optional<double> noData;
    std::string unitType;  // the band's unit of its values ("ft", "US survey foot"); "" = not stated
};
std::string writeGeoTiff(const std::string& path, const RasterFixture& raster);

// Result of running a command line: exit status and what it printed.
struct CommandResult {
    int exitCode = -1;
    std::string out, err;
};
// Runs `arguments` (each shell-quoted here) with the built `subterra`, in `workDir`.
CommandResult runSubterra(const std::vector<std::string>& arguments, const std::string& workDir);
// Writes `actions` (a viewer script's JSON) to workDir/actions.json and runs the viewer at
// 1600x900 on workDir/district.subterra.json with it (copySampleProject first).
CommandResult runViewerScript(const std::string& workDir, const std::string& actions);

// Problems whose one-line text contains every one of `parts`.
int countProblems(const subterra::Problems& problems, const std::vector<std::string>& parts);
// All problems as lines, for failure messages.
std::string problemLines(const subterra::Problems& problems);

std::string sourceDir();
// Copies the sample district's project, GeoPackage and DEM into `dir` (tests that save the
// project must not touch the committed one); returns the copied project's path.
std::string copySampleProject(const std::string& dir);
// WKT of a CRS given as "EPSG:nnnn" (the test fails if it is unknown).
std::string wktOf(const std::string& userCrs);
std::string readFile(const std::string& path);

}  // namespace fixtures
