#include "label_layout.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace subterra {

namespace {
class RectGrid {
  public:
    RectGrid(double width, double height, double cell)
        : cell_(std::max(cell, 8.0)),
          columns_(std::max(1, int(std::ceil(width / cell_)))),
          rows_(std::max(1, int(std::ceil(height / cell_)))),
          cells_(size_t(columns_) * size_t(rows_)) {}

    bool collides(const ScreenRect& rect) const {
        bool hit = false;
        forCells(rect, [&](std::vector<int>& cell) {
            for (int index : cell)
                if (rects_[size_t(index)].overlaps(rect)) hit = true;
            return !hit;
        });
        return hit;
    }

    void insert(const ScreenRect& rect) {
        const int index = int(rects_.size());
        rects_.push_back(rect);
        forCells(rect, [&](std::vector<int>& cell) {
            cell.push_back(index);
            return true;
        });
    }

  private:
    template <typename Visit>
    void forCells(const ScreenRect& rect, Visit visit) const {
        const int c0 = clampColumn(rect.x0), c1 = clampColumn(rect.x1);
        const int r0 = clampRow(rect.y0), r1 = clampRow(rect.y1);
        for (int r = r0; r <= r1; ++r)
            for (int c = c0; c <= c1; ++c)
                if (!visit(cells_[size_t(r) * size_t(columns_) + size_t(c)])) return;
    }
    int clampColumn(double x) const { return std::clamp(int(std::floor(x / cell_)), 0, columns_ - 1); }
    int clampRow(double y) const { return std::clamp(int(std::floor(y / cell_)), 0, rows_ - 1); }

    double cell_;
    int columns_, rows_;
    mutable std::vector<std::vector<int>> cells_;  // indices into rects_
    std::vector<ScreenRect> rects_;
};

ScreenRect boxAround(double centreX, double centreY, double width, double height) {
    return {centreX - width / 2, centreY - height / 2, centreX + width / 2, centreY + height / 2};
}

ScreenRect grown(const ScreenRect& rect, double margin) {
    return {rect.x0 - margin, rect.y0 - margin, rect.x1 + margin, rect.y1 + margin};
}
}  // namespace

std::vector<LabelPlacement> layoutLabels(const std::vector<LabelRequest>& requests, const LayoutSettings& settings) {
    std::vector<LabelPlacement> placements(requests.size());
    std::vector<size_t> order(requests.size());
    std::iota(order.begin(), order.end(), size_t(0));
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return requests[a].priority > requests[b].priority; });
    RectGrid grid(settings.viewportWidth, settings.viewportHeight, settings.cellPx);
    const ScreenRect viewport{0, 0, settings.viewportWidth, settings.viewportHeight};
    for (size_t index : order) {
        const LabelRequest& r = requests[index];
        if (!(r.width > 0 && r.height > 0) || !std::isfinite(r.anchorX) || !std::isfinite(r.anchorY)) continue;
        double dx = r.offsetX, dy = r.offsetY;
        if (dx == 0 && dy == 0) {
            dx = r.width / 2 + settings.marginPx;
            dy = r.height / 2 + settings.marginPx;
        }
        if (r.fixedAtAnchor) dx = dy = 0;
        const double candidates[4][2] = {{dx, dy}, {-dx, dy}, {dx, -dy}, {-dx, -dy}};
        const int tries = r.fixedAtAnchor ? 1 : 4;
        for (int candidate = 0; candidate < tries; ++candidate) {
            const double* offset = candidates[candidate];
            const ScreenRect box = boxAround(r.anchorX + offset[0], r.anchorY + offset[1], r.width, r.height);
            const bool inside =
                box.x0 >= viewport.x0 && box.y0 >= viewport.y0 && box.x1 <= viewport.x1 && box.y1 <= viewport.y1;
            if (!inside || grid.collides(grown(box, settings.marginPx))) continue;
            grid.insert(box);
            placements[index] = {true, box};
            break;
        }
    }
    return placements;
}

}  // namespace subterra
