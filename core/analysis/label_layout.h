#pragma once
// Screen-space placement of labels so that they do not overlap: callouts first, then layer labels
// by priority; a label that fits nowhere is hidden. Placed boxes are kept in a uniform grid of
// cells, so each test looks at a few neighbours and thousands of labels stay fast (bench/label_layout).
// Coordinates are pixels, origin bottom-left, y up (as the overlay camera draws them).
#include <vector>

namespace subterra {

struct ScreenRect {
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    bool overlaps(const ScreenRect& other) const {
        return x0 < other.x1 && other.x0 < x1 && y0 < other.y1 && other.y0 < y1;
    }
    double width() const { return x1 - x0; }
    double height() const { return y1 - y0; }
};

struct LabelRequest {
    double anchorX = 0, anchorY = 0;  // the point labelled
    double width = 0, height = 0;     // the label's box
    // The box centre's preferred offset from the anchor; the mirrored offsets (left, below) are
    // tried next. Zero: just beside the anchor, up and to the right.
    double offsetX = 0, offsetY = 0;
    int priority = 0;            // higher is placed first; equal keeps the input order
    bool fixedAtAnchor = false;  // the box is centred on the anchor, or hidden: never moved
};

struct LabelPlacement {
    bool visible = false;
    ScreenRect box;
};

struct LayoutSettings {
    double viewportWidth = 0, viewportHeight = 0;
    double marginPx = 4;  // free space kept around each placed box
    double cellPx = 96;   // grid cell size; about the size of a typical label
};

// One placement per request, in the request order.
std::vector<LabelPlacement> layoutLabels(const std::vector<LabelRequest>& requests, const LayoutSettings& settings);

}  // namespace subterra
