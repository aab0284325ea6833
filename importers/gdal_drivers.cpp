#include "gdal_drivers.h"

#include <cpl_error.h>
#include <gdal.h>
#include <mutex>

namespace subterra {

namespace {
// The first failure since resetGdalErrors(): CPLGetLastErrorMsg() keeps only the last one.
thread_local std::string firstFailure;

void collectQuietly(CPLErr level, CPLErrorNum, const char* message) {
    if (level >= CE_Failure && message && firstFailure.empty()) firstFailure = message;
}
}  // namespace

void resetGdalErrors() {
    CPLErrorReset();
    firstFailure.clear();
}

std::string gdalErrorsSinceReset() {
    const std::string last = CPLGetLastErrorType() >= CE_Failure ? CPLGetLastErrorMsg() : "";
    if (firstFailure.empty() || firstFailure == last) return last;
    return last.empty() ? firstFailure : firstFailure + "; " + last;
}

void ensureGdalDrivers() {
    static std::once_flag once;
    std::call_once(once, [] {
        GDALAllRegister();
        // GDAL's own messages ("ERROR 1: ...") would print a second, rawer line next to ours:
        // importers read CPLGetLastErrorMsg() and report one line per problem themselves.
        // The first failure is kept for gdalErrorsSinceReset().
        CPLSetErrorHandler(collectQuietly);
    });
}

}  // namespace subterra
