#pragma once
#include <string>

// GDAL needs its drivers registered before any file can be opened. Every importer entry point
// calls this, so the library works for any program (viewer, tests, tools), not only the CLI.

namespace subterra {

// Registers all GDAL/OGR drivers once per process; cheap and thread-safe after the first call.
void ensureGdalDrivers();

// GDAL says why in its first error and only "Failed to read GeoJSON data" in its last. After
// resetGdalErrors() (CPLErrorReset() and the first failure forgotten), gdalErrorsSinceReset() gives
// the first and the last failure on this thread joined by "; " when they differ, e.g. "At line 1,
// character 3062: Unexpected character; Failed to read GeoJSON data"; empty when there was none.
void resetGdalErrors();
std::string gdalErrorsSinceReset();

}  // namespace subterra
