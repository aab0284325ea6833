#pragma once
// Reads a layer's "placement" (the georeference of a CAD mesh) from the project file.
#include <optional>

#include "json_reader.h"
#include "mesh_placement.h"

namespace subterra {

// {"origin": [x, y, z], "rotation_deg": 0, "scale": 1, "up_axis": "y" | "z"}; origin is required.
// Each wrong or missing value is a Problem with its JSON path; nullopt when the placement is unusable.
std::optional<MeshPlacement> readPlacement(const JsonReader& placement);

}  // namespace subterra
