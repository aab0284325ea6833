#include "mesh_placement.h"

#include <cmath>

#include "file_path.h"

namespace subterra {

const char* toString(UpAxis axis) { return axis == UpAxis::Y ? "y" : "z"; }

std::optional<UpAxis> parseUpAxis(const std::string& text) {
    if (text == "y" || text == "Y") return UpAxis::Y;
    if (text == "z" || text == "Z") return UpAxis::Z;
    return std::nullopt;
}

UpAxis meshUpAxisOf(const std::string& path) {
    const std::string ext = lowerExtension(path);
    return ext == ".stl" || ext == ".ply" || ext == ".3ds" ? UpAxis::Z : UpAxis::Y;
}

Vec3d placeDirection(const MeshPlacement& placement, UpAxis up, double x, double y, double z) {
    // Y-up (x east, y up, z towards the viewer = south) -> Z-up (x east, y north, z up).
    const Vec3d zUp = up == UpAxis::Y ? Vec3d{x, -z, y} : Vec3d{x, y, z};
    const double angle = placement.rotationDeg * M_PI / 180.0;
    const double c = std::cos(angle), s = std::sin(angle);
    return {c * zUp.x - s * zUp.y, s * zUp.x + c * zUp.y, zUp.z};
}

Vec3d placePoint(const MeshPlacement& placement, UpAxis up, double x, double y, double z) {
    const Vec3d turned = placeDirection(placement, up, x, y, z);
    const double k = placement.scale;
    return {placement.origin.x + k * turned.x, placement.origin.y + k * turned.y, placement.origin.z + k * turned.z};
}

}  // namespace subterra
