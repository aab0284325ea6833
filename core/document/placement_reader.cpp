#include "placement_reader.h"

#include <cmath>

namespace subterra {

std::optional<MeshPlacement> readPlacement(const JsonReader& placement) {
    if (!placement.value().is_object()) {
        placement.error("expected an object like {\"origin\": [x, y, z], \"rotation_deg\": 0, \"scale\": 1}");
        return std::nullopt;
    }
    bool usable = true;
    MeshPlacement result;
    if (auto origin = placement.vec3("origin")) {
        result.origin = {(*origin)[0], (*origin)[1], (*origin)[2]};
    } else {
        if (!placement.has("origin"))
            placement.errorAt("origin",
                              "missing: a CAD mesh needs the project-CRS position of its (0,0,0) as [x, y, z]");
        usable = false;
    }
    if (auto rotation = placement.number("rotation_deg")) result.rotationDeg = *rotation;
    if (auto scale = placement.number("scale")) {
        if (*scale > 0 && std::isfinite(*scale)) result.scale = *scale;
        else placement.errorAt("scale", "must be a positive number (file units -> metres)"), usable = false;
    }
    if (auto up = placement.string("up_axis")) {
        result.upAxis = parseUpAxis(*up);
        if (!result.upAxis)
            placement.errorAt("up_axis", "unknown axis '" + *up + "' (use \"y\" or \"z\")"), usable = false;
    }
    placement.warnUnknownKeys({"origin", "rotation_deg", "scale", "up_axis"});
    if (!usable) return std::nullopt;
    return result;
}

}  // namespace subterra
