#include "source_file.h"

#include <cstdio>
#include <sys/stat.h>

namespace subterra {

namespace {
std::string mebibytes(std::uintmax_t bytes) {
    char text[32];
    if (bytes >= (std::uintmax_t(1) << 30)) std::snprintf(text, sizeof text, "%.1f GiB", double(bytes) / (1 << 30));
    else std::snprintf(text, sizeof text, "%.0f MiB", double(bytes) / (1 << 20));
    return text;
}

// Connection strings, GDAL virtual file systems and URLs are not local files.
bool resolvedByGdal(const std::string& path) {
    return path.rfind("/vsi", 0) == 0 || path.find("://") != std::string::npos ||
           (path.size() > 3 && path.find(':') != std::string::npos && path.find(':') > 1 &&
            path.find('/') > path.find(':'));  // "PG:dbname=...", "WFS:http..."; not "C:/..."
}

const char* whatItIs(mode_t mode) {
    if (S_ISDIR(mode)) return "is a directory";
    if (S_ISFIFO(mode)) return "is a FIFO (named pipe)";
    if (S_ISCHR(mode)) return "is a character device";
    if (S_ISBLK(mode)) return "is a block device";
    if (S_ISSOCK(mode)) return "is a socket";
    return "is not a regular file";
}
}  // namespace

std::string sourceFileProblem(const std::string& path, SourceKind kind) {
    if (kind == SourceKind::Gis && resolvedByGdal(path)) return {};
    struct stat info {};
    // A GIS path that is not there may still be something GDAL knows how to open: it says why not.
    if (::stat(path.c_str(), &info) != 0) return kind == SourceKind::Gis ? "" : "file not found";
    if (kind == SourceKind::Gis && S_ISDIR(info.st_mode)) return {};
    if (!S_ISREG(info.st_mode)) return std::string(whatItIs(info.st_mode)) + ", not a regular file";
    const std::uintmax_t size = std::uintmax_t(info.st_size);
    const std::uintmax_t cap = kind == SourceKind::Text     ? kMaxTextSourceBytes
                               : kind == SourceKind::Binary ? kMaxBinarySourceBytes
                                                            : kMaxGisSourceBytes;
    const char* what = kind == SourceKind::Text ? "text sources" : kind == SourceKind::Binary ? "meshes" : "GIS files";
    if (size > cap)
        return "is " + mebibytes(size) + "; " + what + " are limited to " + mebibytes(cap) +
               " (README, Resource limits)";
    return {};
}

bool isRegularFile(const std::string& path) {
    struct stat info {};
    return ::stat(path.c_str(), &info) == 0 && S_ISREG(info.st_mode);
}

}  // namespace subterra
