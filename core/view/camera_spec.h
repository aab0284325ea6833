#pragma once
// Where a picture is taken from: the camera of a render, a named view, a timeline key, the viewer.
#include <osg/Vec3d>
#include "defaults.h"

namespace subterra {

struct CameraSpec {
    osg::Vec3d eye;     // project CRS, metres (UTM-sized values are fine: all in double)
    osg::Vec3d target;  // point looked at
    osg::Vec3d up{0, 0, 1};
    double fovYDeg = defaults::kFieldOfViewDeg.value;
    // Clip distances in metres. Both 0: computed per frame from the scene's bounds, with
    // near >= far * 1e-4, which serves both a 1 m close-up and a 1 km overview. Otherwise
    // both must be set, 0 < nearM < farM.
    double nearM = 0;
    double farM = 0;
};

}  // namespace subterra
