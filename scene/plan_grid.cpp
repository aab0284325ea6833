#include "plan_grid.h"

#include <algorithm>

namespace subterra {

PlanGrid::PlanGrid(std::vector<PlanBox> boxes, double cellSizeM) : boxes_(std::move(boxes)) {
    if (boxes_.empty()) return;
    double minX = 1e300, minY = 1e300, maxX = -1e300, maxY = -1e300, sumSize = 0;
    for (const auto& b : boxes_) {
        minX = std::min(minX, b.minX), minY = std::min(minY, b.minY);
        maxX = std::max(maxX, b.maxX), maxY = std::max(maxY, b.maxY);
        sumSize += (b.maxX - b.minX) + (b.maxY - b.minY);
    }
    cell_ = cellSizeM > 0 ? cellSizeM : std::clamp(sumSize / double(boxes_.size()), 1.0, 100.0);
    // Never more than ~2^40 cells, whatever the extent (a stray coordinate must not overflow the keys).
    cell_ = std::max(cell_, std::max(maxX - minX, maxY - minY) / 1e6);
    originX_ = minX, originY_ = minY;
    columns_ = column(maxX) + 1;
    for (uint32_t i = 0; i < boxes_.size(); ++i) {
        const PlanBox& b = boxes_[i];
        for (int64_t r = row(b.minY); r <= row(b.maxY); ++r)
            for (int64_t c = column(b.minX); c <= column(b.maxX); ++c) entries_.push_back({cellKey(c, r), i});
    }
    std::sort(entries_.begin(), entries_.end(),
              [](const Entry& a, const Entry& b) { return a.cell != b.cell ? a.cell < b.cell : a.box < b.box; });
}

}  // namespace subterra
