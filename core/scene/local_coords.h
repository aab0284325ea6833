#pragma once
// Model coordinates (double, project CRS) -> vertex coordinates (float, relative to the scene's
// local origin). The one place double becomes float, so large projected coordinates (UTM,
// national grids) never reach the GPU and never jitter.
#include <osg/Vec3>

#include "model.h"

namespace subterra {

inline osg::Vec3 toLocal(const Vec3d& point, const Vec3d& origin) {
    return osg::Vec3(float(point.x - origin.x), float(point.y - origin.y), float(point.z - origin.z));
}

}  // namespace subterra
