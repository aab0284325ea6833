#include "camera_framing.h"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <vector>

namespace subterra {

CameraSpec autoFrame(const Extent& extent, double aspect, double fovYDeg) {
    CameraSpec camera;
    camera.fovYDeg = fovYDeg;
    const Vec3d c = extent.centre();
    camera.target = osg::Vec3d(c.x, c.y, c.z);
    const double bearing = osg::DegreesToRadians(160.0);  // eye to the south-south-east of the target
    const double elevation = osg::DegreesToRadians(35.0);
    const osg::Vec3d towardsEye(std::cos(elevation) * std::sin(bearing), std::cos(elevation) * std::cos(bearing),
                                std::sin(elevation));
    // Camera axes; then the distance at which every corner of the extent is inside the frustum.
    const osg::Vec3d forward = -towardsEye;
    osg::Vec3d right = forward ^ osg::Vec3d(0, 0, 1);
    right.normalize();
    const osg::Vec3d up = right ^ forward;
    const double tanY = std::tan(osg::DegreesToRadians(fovYDeg) / 2), tanX = tanY * aspect;
    double distance = 1.0;
    for (int corner = 0; corner < 8; ++corner) {
        const osg::Vec3d p((corner & 1 ? extent.maxX : extent.minX) - c.x,
                           (corner & 2 ? extent.maxY : extent.minY) - c.y,
                           (corner & 4 ? extent.maxZ : extent.minZ) - c.z);
        const double depth = p * forward;  // along the view direction, from the target
        distance = std::max({distance, std::abs(p * right) / tanX - depth, std::abs(p * up) / tanY - depth});
    }
    camera.eye = camera.target + towardsEye * (distance * 1.08);  // a small margin
    camera.up = osg::Vec3d(0, 0, 1);
    return camera;
}

CameraSpec toCameraSpec(const NamedView& view) {
    CameraSpec camera;
    camera.eye = osg::Vec3d(view.eye.x, view.eye.y, view.eye.z);
    camera.target = osg::Vec3d(view.target.x, view.target.y, view.target.z);
    camera.up = osg::Vec3d(view.up.x, view.up.y, view.up.z);
    camera.fovYDeg = view.fovDeg;
    return camera;
}

std::optional<CameraSpec> parseCameraArgument(const std::string& text, std::string& error) {
    std::vector<double> values;
    std::stringstream stream(text);
    std::string item;
    while (std::getline(stream, item, ',')) {
        try {
            size_t used = 0;
            values.push_back(std::stod(item, &used));
            if (used != item.size()) throw std::invalid_argument(item);
        } catch (const std::exception&) {
            error = "--camera: '" + item + "' is not a number";
            return std::nullopt;
        }
    }
    if (values.size() != 6 && values.size() != 9) {
        error = "--camera needs 6 numbers (eye x,y,z, target x,y,z) or 9 (and up x,y,z), got " +
                std::to_string(values.size());
        return std::nullopt;
    }
    CameraSpec camera;
    camera.eye = osg::Vec3d(values[0], values[1], values[2]);
    camera.target = osg::Vec3d(values[3], values[4], values[5]);
    if (values.size() == 9) camera.up = osg::Vec3d(values[6], values[7], values[8]);
    return camera;
}

}  // namespace subterra
