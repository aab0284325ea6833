#pragma once
// The one gate every local input passes before it is opened (layers, the DEM, project and
// script files): only regular files are read (a FIFO would block forever, /dev/zero never ends,
// a directory is not a file), and files beyond a size cap are refused before a byte is read.
// The caps (README, "Resource limits") are far above real data and far below what would exhaust
// a machine: text is parsed into memory at 5-20x its size.
#include <cstdint>
#include <string>

namespace subterra {

enum class SourceKind {
    Text,    // EPANET/SWMM .inp, CityJSON, LandXML, project and script JSON: read whole
    Binary,  // meshes (glTF, OBJ...): Assimp reads them whole
    Gis,     // anything GDAL opens itself (a directory may be a dataset: FileGDB, shapefiles)
};

inline constexpr std::uintmax_t kMaxTextSourceBytes = std::uintmax_t(512) << 20;  // 512 MiB
inline constexpr std::uintmax_t kMaxBinarySourceBytes = std::uintmax_t(4) << 30;  // 4 GiB
inline constexpr std::uintmax_t kMaxGisSourceBytes = std::uintmax_t(64) << 30;    // 64 GiB (GDAL streams)

// Empty when `path` may be opened as `kind`; otherwise why not, in a few words ("is a FIFO, not a
// regular file", "is 2.0 GiB; text sources are limited to 512 MiB"). A path that does not exist
// gives "file not found". Paths GDAL resolves itself (PG:..., /vsizip/..., URLs) are passed.
std::string sourceFileProblem(const std::string& path, SourceKind kind);

// True for an existing regular file (sniffing a format must not open anything else).
bool isRegularFile(const std::string& path);

}  // namespace subterra
