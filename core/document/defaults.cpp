#include "defaults.h"

#include <cstdio>

namespace subterra {

const std::vector<NumericOption>& numericOptions() {
    static const std::vector<NumericOption> options = {
        defaults::kFieldOfViewDeg,  defaults::kTerrainOpacity,    defaults::kAssumedDepthAlpha,
        defaults::kRenderSamples,   defaults::kRenderWidthPx,     defaults::kRenderHeightPx,
        defaults::kFramesPerSecond, defaults::kTimelineDurationS, defaults::kFlatLevelM};
    return options;
}

std::string outOfRange(const NumericOption& option, double value) {
    auto text = [](double v) {
        char buffer[32];
        std::snprintf(buffer, sizeof buffer, "%g", v);
        return std::string(buffer);
    };
    return text(value) + " is outside the accepted range " + text(option.min) + " to " + text(option.max) + " (" +
           option.help + ")";
}

}  // namespace subterra
