#pragma once
// CityJSON geometry objects (MultiSurface, CompositeSurface, Solid, MultiSolid, CompositeSolid)
// -> planar building surfaces with their semantic kind. Pure JSON -> model, no file access.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "model.h"

namespace subterra {

// The "vertices" array with "transform" applied. Entries that are not three finite numbers are
// nullopt; geometry that uses them is rejected.
using CityJsonVertices = std::vector<std::optional<Vec3d>>;

// The geometry's surfaces, or an empty list with `error` saying what is wrong (bad index, unknown
// type...). Surfaces without a semantic type are classed by their normal (up: roof, down: ground).
std::vector<BuildingSurface> cityJsonSurfaces(const nlohmann::json& geometry, const CityJsonVertices& vertices,
                                              std::string& error);

// A member that should be a string; empty when it is absent or of another type (never throws).
std::string cityJsonString(const nlohmann::json& object, const char* key);

// Level of detail of a geometry object ("lod": 2, "2.2" or missing = 0).
double cityJsonLod(const nlohmann::json& geometry);

// Unit normal of a ring by Newell's method; zero when the ring is degenerate.
Vec3d ringNormal(const std::vector<Vec3d>& ring);

}  // namespace subterra
