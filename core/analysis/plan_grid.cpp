#include "plan_grid.h"

#include <algorithm>

namespace subterra {

namespace {
constexpr int64_t kMaxCellsPerBox = 4096;

bool isFinite(const PlanBox& b) {
    return std::isfinite(b.minX) && std::isfinite(b.minY) && std::isfinite(b.maxX) && std::isfinite(b.maxY);
}
}  // namespace

PlanGrid::PlanGrid(std::vector<PlanBox> boxes, double cellSizeM) : boxes_(std::move(boxes)) {
    isLarge_.assign(boxes_.size(), false);
    finite_.assign(boxes_.size(), false);
    double minX = 1e300, minY = 1e300, maxX = -1e300, maxY = -1e300, sumSize = 0;
    size_t finiteCount = 0;
    for (uint32_t i = 0; i < boxes_.size(); ++i) {
        const PlanBox& b = boxes_[i];
        if (!isFinite(b)) continue;
        finite_[i] = true;
        ++finiteCount;
        minX = std::min(minX, b.minX), minY = std::min(minY, b.minY);
        maxX = std::max(maxX, b.maxX), maxY = std::max(maxY, b.maxY);
        sumSize += (b.maxX - b.minX) + (b.maxY - b.minY);
    }
    if (finiteCount == 0) return;
    cell_ = cellSizeM > 0 ? cellSizeM : std::clamp(sumSize / double(finiteCount), 1.0, 100.0);
    // Never more than ~2^40 cells, whatever the extent (a stray coordinate must not overflow the keys).
    cell_ = std::max(cell_, std::max(maxX - minX, maxY - minY) / 1e6);
    originX_ = minX, originY_ = minY;
    columns_ = column(maxX) + 1;
    for (uint32_t i = 0; i < boxes_.size(); ++i) {
        const PlanBox& b = boxes_[i];
        if (!finite_[i]) continue;
        if ((row(b.maxY) - row(b.minY) + 1) * (column(b.maxX) - column(b.minX) + 1) > kMaxCellsPerBox) {
            isLarge_[i] = true;
            large_.push_back(i);
            continue;
        }
        for (int64_t r = row(b.minY); r <= row(b.maxY); ++r)
            for (int64_t c = column(b.minX); c <= column(b.maxX); ++c) entries_.push_back({cellKey(c, r), i});
    }
    std::sort(entries_.begin(), entries_.end(),
              [](const Entry& a, const Entry& b) { return a.cell != b.cell ? a.cell < b.cell : a.box < b.box; });
}

}  // namespace subterra
