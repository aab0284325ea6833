#pragma once
// Default colours by utility kind, after the APWA uniform colour code used on street markings:
// water blue, sewer and storm green, gas yellow, power red, telecom orange. District heating has
// no APWA colour of its own (it falls under "steam" with gas); a warm magenta keeps it distinct.
// Plain RGBA, for drawings (SVG) as for the scene (utility_colors.h turns them into OSG colours).
#include "color.h"
#include "model.h"

namespace subterra {

Rgba utilityRgba(UtilityKind kind);

namespace palette {
inline constexpr Rgba kBuilding{0.86f, 0.84f, 0.80f, 1.0f};
inline constexpr Rgba kGround{0.60f, 0.50f, 0.34f, 1.0f};  // loam
inline constexpr Rgba kManholeCover{0.25f, 0.25f, 0.27f, 1.0f};
}  // namespace palette

}  // namespace subterra
