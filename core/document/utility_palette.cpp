#include "utility_palette.h"

namespace subterra {

Rgba utilityRgba(UtilityKind kind) {
    switch (kind) {
        case UtilityKind::Water: return {0.10f, 0.42f, 0.90f, 1.0f};    // APWA blue
        case UtilityKind::Sewer: return {0.16f, 0.62f, 0.20f, 1.0f};    // APWA green
        case UtilityKind::Storm: return {0.45f, 0.78f, 0.30f, 1.0f};    // lighter green
        case UtilityKind::Gas: return {0.98f, 0.82f, 0.10f, 1.0f};      // APWA yellow
        case UtilityKind::Power: return {0.90f, 0.12f, 0.12f, 1.0f};    // APWA red
        case UtilityKind::Telecom: return {1.00f, 0.50f, 0.05f, 1.0f};  // APWA orange
        case UtilityKind::Heating: return {0.80f, 0.20f, 0.60f, 1.0f};  // not APWA: warm magenta
        case UtilityKind::Other: return {0.28f, 0.30f, 0.40f, 1.0f};    // slate: unknown kind, stands out on the ground
    }
    return {0.6f, 0.6f, 0.6f, 1.0f};
}

}  // namespace subterra
