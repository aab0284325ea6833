#include "gdal_drivers.h"

#include <gdal.h>
#include <mutex>

namespace subterra {

void ensureGdalDrivers() {
    static std::once_flag once;
    std::call_once(once, [] { GDALAllRegister(); });
}

}  // namespace subterra
