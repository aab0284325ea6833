#include "gdal_drivers.h"

#include <cpl_error.h>
#include <gdal.h>
#include <mutex>

namespace subterra {

void ensureGdalDrivers() {
    static std::once_flag once;
    std::call_once(once, [] {
        GDALAllRegister();
        // GDAL's own messages ("ERROR 1: ...") would print a second, rawer line next to ours:
        // importers read CPLGetLastErrorMsg() and report one line per problem themselves.
        CPLSetErrorHandler(CPLQuietErrorHandler);
    });
}

}  // namespace subterra
