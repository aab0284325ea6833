#pragma once
// libcitygml city objects -> the neutral model's planar surfaces (the model types CityJSON
// buildings use), each polygon once although CityGML references it from a Solid and from its
// thematic surface (xlink:href).
#include <vector>

#include "model.h"

namespace citygml {
class CityObject;
}

namespace subterra {

struct CityGmlSurfaces {
    std::vector<BuildingSurface> surfaces;  // at `lod`, in the file's coordinates
    unsigned lod = 0;
    long parts = 0;        // BuildingPart, BridgePart... whose surfaces are included
    long badPolygons = 0;  // polygons of fewer than 3 distinct points, left out
};

// The exterior surfaces of `object` at the highest LoD it has: its own geometries, its thematic
// boundary surfaces (WallSurface, RoofSurface, GroundSurface... which give the surface's kind) and
// its parts'. Interiors (rooms, furniture, doors and windows, inner walls) are left out. Surfaces
// without a thematic kind are classed by their normal.
CityGmlSurfaces cityGmlSurfaces(const citygml::CityObject& object);

}  // namespace subterra
