#include "defaults.h"

namespace subterra {

const std::vector<NumericOption>& numericOptions() {
    static const std::vector<NumericOption> options = {defaults::kFieldOfViewDeg,    defaults::kTerrainOpacity,
                                                       defaults::kAssumedDepthAlpha, defaults::kRenderSamples,
                                                       defaults::kRenderWidthPx,     defaults::kRenderHeightPx};
    return options;
}

}  // namespace subterra
