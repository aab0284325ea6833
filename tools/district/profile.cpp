#include "profile.h"

#include <algorithm>
#include <cmath>
#include <optional>

namespace district {
namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();
constexpr double kBlocked = 1000;  // cost of passing through something: only when there is no way around
constexpr double kSteepRamp = 10;  // cost per metre of a ramp steeper than maxSlope (ugly, not a clash)
constexpr double kRounding = 0.001;

// Consecutive windows, pins and ends that overlap, planned as one stretch at one level.
struct Cluster {
    double from = 0, to = 0;
    std::vector<std::pair<double, double>> forbidden;
    double lo = -kInfinity, hi = kInfinity;  // from the ends and pins
    std::optional<double> fixed, target;
    std::vector<int> tags;                          // of its windows
    std::optional<std::pair<double, int>> through;  // z and tag of a deliberate pass-through
};

struct Candidate {
    double z;  // at the cluster's start (a gravity line falls across the cluster)
    double cost;
    bool clear;  // outside every forbidden interval
};

struct Item {
    double from, to;
    int kind;  // 0 window, 1 pin, 2 start, 3 end
    size_t index;
};

std::vector<std::pair<double, double>> mergeIntervals(std::vector<std::pair<double, double>> intervals) {
    std::sort(intervals.begin(), intervals.end());
    std::vector<std::pair<double, double>> merged;
    for (const auto& interval : intervals)
        if (!merged.empty() && interval.first <= merged.back().second)
            merged.back().second = std::max(merged.back().second, interval.second);
        else merged.push_back(interval);
    return merged;
}

bool inside(const std::vector<std::pair<double, double>>& forbidden, double z) {
    return std::any_of(forbidden.begin(), forbidden.end(),
                       [&](const auto& f) { return z > f.first + 1e-9 && z < f.second - 1e-9; });
}

// Drops vertices closer than a millimetre along the line, and vertices that the straight line between
// the kept neighbours passes within a millimetre of.
std::vector<std::pair<double, double>> simplify(const std::vector<std::pair<double, double>>& points) {
    std::vector<std::pair<double, double>> unique;
    for (const auto& p : points)
        if (unique.empty() || p.first - unique.back().first >= kRounding) unique.push_back(p);
    std::vector<std::pair<double, double>> kept;
    size_t anchor = 0;  // index in `unique` of kept.back()
    for (size_t i = 0; i < unique.size(); ++i) {
        if (!kept.empty() && i + 1 < unique.size()) {
            const auto &a = unique[anchor], &b = unique[i + 1];
            bool straight = true;
            for (size_t j = anchor + 1; j <= i && straight; ++j) {
                const double z = a.second + (b.second - a.second) * (unique[j].first - a.first) / (b.first - a.first);
                straight = std::abs(z - unique[j].second) < kRounding;
            }
            if (straight) continue;
        }
        kept.push_back(unique[i]);
        anchor = i;
    }
    return kept;
}

}  // namespace

PlannedProfile planProfile(const ProfileSpec& spec, std::vector<Window> windows) {
    const double length = spec.length;
    // Gather everything with a station, in station order, and merge what overlaps into clusters.
    std::vector<Item> items;
    for (size_t i = 0; i < windows.size(); ++i) {
        windows[i].from = std::clamp(windows[i].from, 0.0, length);
        windows[i].to = std::clamp(windows[i].to, 0.0, length);
        items.push_back({windows[i].from, windows[i].to, 0, i});
    }
    for (size_t i = 0; i < spec.pins.size(); ++i) items.push_back({spec.pins[i].first, spec.pins[i].first, 1, i});
    items.push_back({0, 0, 2, 0});
    items.push_back({length, length, 3, 0});
    std::stable_sort(items.begin(), items.end(), [](const Item& a, const Item& b) { return a.from < b.from; });

    std::vector<Cluster> clusters;
    for (const Item& item : items) {
        if (clusters.empty() || item.from > clusters.back().to + kRounding) {
            clusters.emplace_back();
            clusters.back().from = item.from;
            clusters.back().to = item.to;
        }
        Cluster& c = clusters.back();
        c.to = std::max(c.to, item.to);
        switch (item.kind) {
            case 0: {
                const Window& w = windows[item.index];
                if (w.through) {
                    c.through = {(w.lo + w.hi) / 2, w.tag};
                } else {
                    c.forbidden.push_back({w.lo, w.hi});
                    c.tags.push_back(w.tag);
                }
                break;
            }
            case 1: c.fixed = spec.pins[item.index].second; break;
            case 2:
            case 3: {
                const ProfileEnd& end = item.kind == 2 ? spec.start : spec.end;
                c.lo = std::max(c.lo, end.lo);
                c.hi = std::min(c.hi, end.hi);
                c.target = end.target;
                break;
            }
        }
    }

    // Where each cluster would like to be, and the levels it may take.
    auto gradeLine = [&](double station) {
        return spec.start.target + (spec.end.target - spec.start.target) * (length > 0 ? station / length : 0);
    };
    auto fallAcross = [&](const Cluster& c) { return spec.gravity ? spec.minFall * (c.to - c.from) : 0.0; };
    const size_t n = clusters.size();
    std::vector<std::vector<Candidate>> candidates(n);
    std::vector<double> targets(n);
    std::vector<std::vector<std::pair<double, double>>> freeLevels(n);  // per cluster, for its start z
    auto consider = [&](size_t k, double z) {
        const Cluster& c = clusters[k];
        const double fall = fallAcross(c);
        for (const Candidate& o : candidates[k])
            if (std::abs(o.z - z) < kRounding) return;
        // z at the cluster start; across it the line falls to z - fall: both ends must be allowed.
        const bool clear = !inside(c.forbidden, z) && !inside(c.forbidden, z - fall) &&
                           !std::any_of(c.forbidden.begin(), c.forbidden.end(), [&](const auto& f) {
                               return z - fall < f.first && z > f.second;  // falls right through it
                           });
        candidates[k].push_back({z, std::abs(z - targets[k]) + (clear ? 0 : kBlocked), clear});
    };
    auto considerNear = [&](size_t k, double z) {  // the free level nearest z
        for (auto [lo, hi] : freeLevels[k]) consider(k, std::clamp(z, lo, hi));
    };
    for (size_t k = 0; k < n; ++k) {
        Cluster& c = clusters[k];
        c.forbidden = mergeIntervals(c.forbidden);
        const double mid = (c.from + c.to) / 2;
        const double ceiling = std::min({spec.ceiling(c.from), spec.ceiling(mid), spec.ceiling(c.to), c.hi});
        targets[k] = c.through      ? c.through->first
                     : c.fixed      ? *c.fixed
                     : c.target     ? *c.target
                     : spec.gravity ? gradeLine(mid)
                                    : spec.nominal(mid);
        if (c.through || c.fixed) {
            consider(k, targets[k]);
            continue;
        }
        // The free levels: below the ceiling, above c.lo, outside the forbidden intervals.
        double top = ceiling;
        for (auto it = c.forbidden.rbegin(); it != c.forbidden.rend(); ++it) {
            if (it->second < top) freeLevels[k].push_back({it->second, top});
            top = std::min(top, it->first);
        }
        freeLevels[k].push_back({-kInfinity, top});
        std::vector<std::pair<double, double>> usable;
        for (auto [lo, hi] : freeLevels[k]) {
            lo = std::max(lo, c.lo) + fallAcross(c);
            if (hi >= lo) usable.push_back({lo, hi});
        }
        freeLevels[k] = usable;
        considerNear(k, targets[k]);
        if (spec.gravity)
            for (const auto& level : freeLevels[k]) consider(k, level.second);
        if (candidates[k].empty()) consider(k, std::min(targets[k], ceiling));  // nowhere free: stays put
    }
    // Levels that join up with the neighbours' levels: a gravity line continuing its fall, a pressure
    // line staying level between crossings close together.
    for (size_t k = 1; k < n; ++k) {
        const double gap = clusters[k].from - clusters[k - 1].to;
        const std::vector<Candidate> before = candidates[k - 1];
        for (const Candidate& o : before) {
            const double end = o.z - fallAcross(clusters[k - 1]);
            considerNear(k, spec.gravity ? end - spec.minFall * gap : end);
        }
    }
    if (!spec.gravity)
        for (size_t k = n - 1; k > 0; --k) {
            const std::vector<Candidate> after = candidates[k];
            for (const Candidate& o : after) considerNear(k - 1, o.z);
        }

    // The cheapest sequence of levels (a tiny dynamic programme: a few clusters, a few levels each).
    std::vector<std::vector<double>> cost(n);
    std::vector<std::vector<int>> previous(n);
    std::vector<std::vector<char>> uphill(n);
    for (size_t k = 0; k < n; ++k) {
        cost[k].assign(candidates[k].size(), kInfinity);
        previous[k].assign(candidates[k].size(), -1);
        uphill[k].assign(candidates[k].size(), 0);
        for (size_t j = 0; j < candidates[k].size(); ++j) {
            const Candidate& option = candidates[k][j];
            if (k == 0) {
                cost[k][j] = option.cost;
                continue;
            }
            const double gap = clusters[k].from - clusters[k - 1].to;
            for (size_t i = 0; i < candidates[k - 1].size(); ++i) {
                const double before = candidates[k - 1][i].z - fallAcross(clusters[k - 1]);
                double step = 0;
                bool rises = false;
                if (spec.gravity) {
                    // Falling less than minFall is poor; rising is wrong (drains do not flow uphill).
                    const double shortfall = option.z - (before - spec.minFall * gap), rise = option.z - before;
                    if (rise > 0.0005) step = kBlocked * (1 + rise), rises = true;
                    else if (shortfall > 0) step = kSteepRamp * shortfall;
                } else {
                    step = kSteepRamp * std::max(0.0, std::abs(option.z - before) - spec.maxSlope * gap);
                }
                const double total = cost[k - 1][i] + step + option.cost;
                if (total < cost[k][j]) cost[k][j] = total, previous[k][j] = int(i), uphill[k][j] = rises;
            }
        }
    }
    std::vector<int> chosen(n);
    chosen[n - 1] = int(std::min_element(cost[n - 1].begin(), cost[n - 1].end()) - cost[n - 1].begin());
    for (size_t k = n - 1; k > 0; --k) chosen[k - 1] = previous[k][size_t(chosen[k])];

    PlannedProfile result;
    for (size_t k = 0; k < n; ++k) {
        const Candidate& option = candidates[k][size_t(chosen[k])];
        if (uphill[k][size_t(chosen[k])]) result.uphill = true;
        if (!option.clear)
            for (int tag : clusters[k].tags) result.unresolved.push_back(tag);
        if (clusters[k].through) result.unresolved.push_back(clusters[k].through->second);
    }

    // The line: level across each cluster, falling across it for a gravity line. Between clusters a
    // gravity line falls straight; a pressure line ramps back to its wanted depth where there is room
    // and follows it, and does not bother with clusters it passes at that depth anyway.
    std::vector<std::pair<double, double>> points;
    for (size_t k = 0; k < n; ++k) {
        const Cluster& c = clusters[k];
        const double z = candidates[k][size_t(chosen[k])].z;
        const bool passedAtDepth = !spec.gravity && !c.fixed && !c.through &&
                                   std::abs(z - spec.nominal(c.from)) < 0.01 && std::abs(z - spec.nominal(c.to)) < 0.01;
        if (!passedAtDepth || k == 0 || k + 1 == n) {
            const double level = passedAtDepth ? spec.nominal(c.from) : z;
            points.push_back({c.from, level});
            if (c.to > c.from) points.push_back({c.to, passedAtDepth ? spec.nominal(c.to) : level - fallAcross(c)});
        }
        if (spec.gravity || k + 1 == n) continue;
        // To the next cluster that needs another level (or the end of the line).
        const auto [lastS, lastZ] = points.back();
        size_t next = k + 1;
        double nextZ = 0;
        for (; next < n; ++next) {
            const Cluster& d = clusters[next];
            nextZ = candidates[next][size_t(chosen[next])].z;
            const bool atDepth = !d.fixed && !d.through && std::abs(nextZ - spec.nominal(d.from)) < 0.01 &&
                                 std::abs(nextZ - spec.nominal(d.to)) < 0.01;
            if (!atDepth || next + 1 == n) break;
        }
        if (next == n) next = n - 1;
        if (std::abs(nextZ - spec.nominal(clusters[next].from)) < 0.01) nextZ = spec.nominal(clusters[next].from);
        const double rampOut = std::abs(lastZ - spec.nominal(lastS)) / spec.maxSlope;
        const double rampIn = std::abs(nextZ - spec.nominal(clusters[next].from)) / spec.maxSlope;
        const double from = lastS + rampOut, to = clusters[next].from - rampIn;
        if (to - from >= 0.1) {
            const int pieces = std::max(1, int(std::ceil((to - from) / spec.vertexSpacing)));
            for (int i = 0; i <= pieces; ++i) {
                const double station = from + (to - from) * i / pieces;
                points.push_back({station, spec.nominal(station)});
            }
        }
        k = next - 1;  // continue with the next cluster that needs another level
    }
    result.points = simplify(points);
    return result;
}

std::vector<Window> crossingWindows(const std::vector<Underground::Crossing>& crossings, double radius,
                                    double clearance, double margin, double length) {
    std::vector<Window> windows;
    for (size_t i = 0; i < crossings.size(); ++i) {
        const Underground::Crossing& c = crossings[i];
        const double half = c.halfWidth + radius + margin;
        Window w;
        w.from = std::max(0.0, c.station - half);
        w.to = std::min(length, c.station + half);
        w.lo = c.bottom - clearance - radius;
        w.hi = c.top + clearance + radius;
        w.tag = int(i);
        windows.push_back(w);
    }
    return windows;
}

}  // namespace district
