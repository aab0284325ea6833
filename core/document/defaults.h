#pragma once
// Every default a user can change, with the range it may take, in one table (f3d's options.json is
// the model): the project reader, the command line, the scene, the viewer and the documentation
// take them from here, so a default is changed in one place and never disagrees with itself.
#include <string>
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
// The GL context's own limit (8192-32768; EglContext::maxFramebufferSide) is checked after these.
inline constexpr NumericOption kRenderWidthPx{"width_px", 1920, 16, 65536, "width of a render, pixels"};
inline constexpr NumericOption kRenderHeightPx{"height_px", 1080, 16, 65536, "height of a render, pixels"};
inline constexpr NumericOption kFramesPerSecond{"fps", 30, 0.1, 240, "frames per second of an animation"};
// A day: longer explainers are several timelines; beyond it frame counts leave the range of int.
inline constexpr NumericOption kTimelineDurationS{"duration_s", 10, 0.001, 86400, "length of a timeline, seconds"};
// From the Dead Sea shore's deepest mines to above Everest, with room for local vertical datums.
inline constexpr NumericOption kFlatLevelM{"flat_level_m", 0, -12000, 12000,
                                           "ground level where there is no DEM, metres"};
// A pale overcast sky behind every render and the viewer.
inline constexpr Rgba kSkyColor{0.80f, 0.85f, 0.90f, 1.0f};
}  // namespace defaults

// The numeric options above, in order (for documentation and tests).
const std::vector<NumericOption>& numericOptions();

// "1e+300 is outside the accepted range -12000 to 12000 (ground level where there is no DEM,
// metres)": the message for a value `option` does not accept (NaN included).
std::string outOfRange(const NumericOption& option, double value);

}  // namespace subterra
