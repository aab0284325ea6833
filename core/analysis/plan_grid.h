#pragma once
// A uniform grid over plan (x, y) boxes that finds the pairs of boxes that overlap, without
// testing every pair: each box is entered in the cells it covers, and only boxes sharing a cell
// are compared. A pair is reported once, in the cell holding the lower-left corner of their overlap.
// Boxes that would cover very many cells (a line kilometres long) are compared with every box
// instead; boxes with coordinates that are not finite overlap nothing.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

namespace subterra {

struct PlanBox {
    double minX = 0, minY = 0, maxX = 0, maxY = 0;
    bool overlaps(const PlanBox& o) const {
        return minX <= o.maxX && o.minX <= maxX && minY <= o.maxY && o.minY <= maxY;
    }
};

class PlanGrid {
  public:
    // `cellSizeM` <= 0: chosen from the boxes (about twice their mean size).
    explicit PlanGrid(std::vector<PlanBox> boxes, double cellSizeM = 0);

    // Calls visit(i, j), i < j, once for every pair of overlapping boxes.
    template <typename Visit>
    void forEachOverlappingPair(Visit&& visit) const {
        for (uint32_t i : large_)
            for (uint32_t j = 0; j < boxes_.size(); ++j)
                if (j != i && finite_[j] && boxes_[i].overlaps(boxes_[j]) && !(isLarge_[j] && j < i))
                    visit(std::min(i, j), std::max(i, j));
        for (size_t begin = 0; begin < entries_.size();) {
            size_t end = begin;
            while (end < entries_.size() && entries_[end].cell == entries_[begin].cell) ++end;
            for (size_t p = begin; p < end; ++p)
                for (size_t q = p + 1; q < end; ++q) {
                    uint32_t i = entries_[p].box, j = entries_[q].box;
                    const PlanBox &a = boxes_[i], &b = boxes_[j];
                    if (!a.overlaps(b) || !ownsPair(entries_[p].cell, a, b)) continue;
                    if (i > j) std::swap(i, j);
                    visit(i, j);
                }
            begin = end;
        }
    }
    double cellSizeM() const { return cell_; }
    size_t entryCount() const { return entries_.size(); }

  private:
    struct Entry {
        uint64_t cell;
        uint32_t box;
    };
    uint64_t cellKey(int64_t column, int64_t row) const {
        return uint64_t(row) * uint64_t(columns_) + uint64_t(column);
    }
    int64_t column(double x) const { return int64_t(std::floor((x - originX_) / cell_)); }
    int64_t row(double y) const { return int64_t(std::floor((y - originY_) / cell_)); }
    bool ownsPair(uint64_t cell, const PlanBox& a, const PlanBox& b) const {
        return cellKey(column(std::max(a.minX, b.minX)), row(std::max(a.minY, b.minY))) == cell;
    }

    std::vector<PlanBox> boxes_;
    std::vector<Entry> entries_;   // sorted by cell
    std::vector<uint32_t> large_;  // boxes compared with all others
    std::vector<bool> isLarge_, finite_;
    double cell_ = 1, originX_ = 0, originY_ = 0;
    int64_t columns_ = 1;
};

}  // namespace subterra
