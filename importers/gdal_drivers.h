#pragma once
// GDAL needs its drivers registered before any file can be opened. Every importer entry point
// calls this, so the library works for any program (viewer, tests, tools), not only the CLI.

namespace subterra {

// Registers all GDAL/OGR drivers once per process; cheap and thread-safe after the first call.
void ensureGdalDrivers();

}  // namespace subterra
