#pragma once
// Where a CAD mesh (chamber, pump station, tunnel segment) sits in the project: the georeference
// a project layer gives it ("placement" in docs/project-format.md). CAD files carry no CRS; their
// coordinates are metres (after `scale`) in a frame of their own.
#include <optional>
#include <string>

#include "model.h"

namespace subterra {

enum class UpAxis { Y, Z };
const char* toString(UpAxis axis);
std::optional<UpAxis> parseUpAxis(const std::string& text);

struct MeshPlacement {
    Vec3d origin;                  // where the file's (0,0,0) lands, project CRS
    double rotationDeg = 0;        // about the vertical, counter-clockwise seen from above
    double scale = 1;              // file units -> metres (0.001 for a model drawn in mm)
    std::optional<UpAxis> upAxis;  // empty = the format's convention (meshUpAxisOf)
};

// The up axis a format uses when the project does not say: Y for glTF, OBJ, FBX, DAE and IFC
// (Assimp turns COLLADA and IFC to Y-up), Z for STL, PLY and 3DS (CAD exports).
UpAxis meshUpAxisOf(const std::string& path);

// A point of the file (x, y, z in its own axes) in the project CRS: up axis turned to z, scaled,
// rotated about z, moved to the origin.
Vec3d placePoint(const MeshPlacement& placement, UpAxis up, double x, double y, double z);
// The same for a direction (normals): turned and rotated only.
Vec3d placeDirection(const MeshPlacement& placement, UpAxis up, double x, double y, double z);

}  // namespace subterra
