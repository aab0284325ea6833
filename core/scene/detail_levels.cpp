#include "detail_levels.h"
#include "defaults.h"

#include <algorithm>
#include <cmath>

namespace subterra {

namespace {
constexpr double kReferenceFovYDeg = defaults::kFieldOfViewDeg.value;
constexpr double kReferenceHeightPx = 900;

// Screen pixels per radian of view angle, near the centre of the picture.
double pixelsPerRadian(double fovYDeg, double heightPx) { return heightPx / (2 * std::tan(fovYDeg * M_PI / 360)); }
}  // namespace

double distanceBelowPixelsM(double widthM, double pixels) {
    return widthM * pixelsPerRadian(kReferenceFovYDeg, kReferenceHeightPx) / pixels;
}

float lodScaleFor(double fovYDeg, double viewportHeightPx) {
    if (!(fovYDeg > 0 && fovYDeg < 180 && viewportHeightPx > 0)) return 1.0f;
    return float(pixelsPerRadian(kReferenceFovYDeg, kReferenceHeightPx) / pixelsPerRadian(fovYDeg, viewportHeightPx));
}

double tileSizeM(const Extent& extent) {
    if (!extent.valid()) return 200;
    return std::max(200.0, std::max(extent.maxX - extent.minX, extent.maxY - extent.minY) / 16);
}

void TileLevels::traverse(osg::NodeVisitor& visitor) {
    if (visitor.getTraversalMode() != osg::NodeVisitor::TRAVERSE_ACTIVE_CHILDREN) return osg::LOD::traverse(visitor);
    // The cull visitor scales distances by the camera's LOD scale; others answer 0 (full level).
    const float unscaled = visitor.getDistanceToViewPoint(getCenter(), false);
    const float scaled = visitor.getDistanceToViewPoint(getCenter(), true);
    const float scale = unscaled > 0 ? scaled / unscaled : 1.0f;
    const float distance = std::max(0.0f, unscaled - getBound().radius()) * scale;
    for (unsigned i = 0; i < getNumChildren() && i < getNumRanges(); ++i)
        if (getMinRange(i) <= distance && distance < getMaxRange(i)) getChild(i)->accept(visitor);
}

}  // namespace subterra
