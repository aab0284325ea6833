#pragma once
// Every default a user can change, with the range it may take, in one table (f3d's options.json is
// the model): the project reader, the command line, the scene, the viewer and the documentation
// take them from here, so a default is changed in one place and never disagrees with itself.
#include <vector>

#include "color.h"

namespace subterra {

struct NumericOption {
    const char* name;  // as the project file and the documentation spell it
    double value;      // the default
    double min, max;   // the accepted range, inclusive
    const char* help;
    bool accepts(double v) const { return v >= min && v <= max; }  // false for NaN too
};

namespace defaults {
inline constexpr NumericOption kFieldOfViewDeg{"fov_deg", 35, 1, 170,
                                               "vertical field of view of renders, views and the viewer, degrees"};
inline constexpr NumericOption kTerrainOpacity{"terrain_opacity", 0.35, 0, 1,
                                               "ground opacity: 0 shows everything below it, 1 hides it"};
inline constexpr NumericOption kAssumedDepthAlpha{"assumed_depth_alpha", 0.45, 0, 1,
                                                  "opacity of lines and nodes whose depth is assumed"};
inline constexpr NumericOption kRenderSamples{"samples", 4, 0, 32,
                                              "antialiasing samples per pixel of a render (0 = off)"};
inline constexpr NumericOption kRenderWidthPx{"width_px", 1920, 1, 16384, "width of a render, pixels"};
inline constexpr NumericOption kRenderHeightPx{"height_px", 1080, 1, 16384, "height of a render, pixels"};
// A pale overcast sky behind every render and the viewer.
inline constexpr Rgba kSkyColor{0.80f, 0.85f, 0.90f, 1.0f};
}  // namespace defaults

// The numeric options above, in order (for documentation and tests).
const std::vector<NumericOption>& numericOptions();

}  // namespace subterra
