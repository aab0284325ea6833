#include "layout.h"

#include <algorithm>
#include <cmath>

#include "random.h"

namespace district {
namespace {

constexpr double kTwoPi = 6.283185307179586;
constexpr double kEdgeSetback = 2.0;  // buildings keep off the district boundary
constexpr double kMinBlockSide = 12.0;

struct Interval {
    double lo, hi;
    const Street* before;
    const Street* after;
};

// The land between consecutive streets of one axis (and the district edges), across that axis.
std::vector<Interval> gapsBetween(const std::vector<const Street*>& streets, double lo, double hi) {
    std::vector<Interval> gaps;
    double start = lo + kEdgeSetback;
    const Street* previous = nullptr;
    for (const Street* street : streets) {
        gaps.push_back({start, street->centre - street->halfWidth, previous, street});
        start = street->centre + street->halfWidth;
        previous = street;
    }
    gaps.push_back({start, hi - kEdgeSetback, previous, nullptr});
    gaps.erase(std::remove_if(gaps.begin(), gaps.end(), [](const Interval& g) { return g.hi - g.lo < kMinBlockSide; }),
               gaps.end());
    return gaps;
}

}  // namespace

Ground::Ground(const Extent2& district, uint32_t seed) : district_(district) {
    Random random(seed, "ground");
    for (double& phase : phase_) phase = random.uniform(0, kTwoPi);
}

double Ground::level(double x, double y) const {
    // The tilt is normalised to the district, so a large benchmark city stays as gentle as the sample.
    const double u = (x - district_.minX) / district_.width(), v = (y - district_.minY) / district_.height();
    const double tilt = 4.0 + 2.0 * (1 - u) + 1.2 * v;
    const double dx = x - district_.minX, dy = y - district_.minY;
    const double undulation = 0.3 * std::sin(kTwoPi * dx / 260 + phase_[0]) * std::cos(kTwoPi * dy / 190 + phase_[1]) +
                              0.2 * std::sin(kTwoPi * (dx + dy) / 410 + phase_[2]);
    return tilt + undulation;
}

Point3 Street::at(double station, double offset, double z) const {
    return axis == Axis::EastWest ? Point3{station, centre + offset, z} : Point3{centre + offset, station, z};
}

double Street::kerbOffset() const { return halfWidth - (1.5 + 0.3 * halfWidth); }

std::vector<const Street*> Layout::streetsAlong(Axis axis) const {
    std::vector<const Street*> result;
    for (const Street& street : streets)
        if (street.axis == axis) result.push_back(&street);
    return result;
}

std::vector<double> Layout::crossingStations(const Street& street, double offset) const {
    const Axis crossing = street.axis == Axis::EastWest ? Axis::NorthSouth : Axis::EastWest;
    std::vector<double> stations;
    for (const Street* other : streetsAlong(crossing)) {
        const double station = other->centre + offset;
        if (station > street.from && station < street.to) stations.push_back(station);
    }
    std::sort(stations.begin(), stations.end());
    return stations;
}

std::vector<std::pair<double, double>> Layout::spans(const Street& street, double offset) const {
    std::vector<double> stations = crossingStations(street, offset);
    stations.insert(stations.begin(), street.from);
    stations.push_back(street.to);
    std::vector<std::pair<double, double>> result;
    for (size_t i = 0; i + 1 < stations.size(); ++i) result.emplace_back(stations[i], stations[i + 1]);
    return result;
}

Layout makeLayout(const LayoutSpec& spec, uint32_t seed) {
    Random random(seed, "streets");
    Layout layout;
    layout.extent = {spec.originX, spec.originY, spec.originX + spec.northSouthStreets * spec.spacingX,
                     spec.originY + spec.eastWestStreets * spec.spacingY};
    auto addStreets = [&](Axis axis, int count, double origin, double spacing, double from, double to) {
        for (int i = 0; i < count; ++i) {
            Street street;
            street.axis = axis;
            street.index = i;
            street.centre = std::round(origin + spacing * (i + 0.5 + random.uniform(-0.1, 0.1)));
            // About one street in three is an avenue; the rest are 16-22 m between building lines.
            street.halfWidth = std::round(random.chance(0.3) ? random.uniform(24, 30) : random.uniform(16, 22)) / 2;
            street.from = from;
            street.to = to;
            layout.streets.push_back(street);
        }
    };
    const Extent2& e = layout.extent;
    addStreets(Axis::EastWest, spec.eastWestStreets, e.minY, spec.spacingY, e.minX, e.maxX);
    addStreets(Axis::NorthSouth, spec.northSouthStreets, e.minX, spec.spacingX, e.minY, e.maxY);
    return layout;
}

std::vector<Block> makeBlocks(const Layout& layout) {
    const Extent2& e = layout.extent;
    std::vector<Block> blocks;
    for (const Interval& across : gapsBetween(layout.streetsAlong(Axis::EastWest), e.minY, e.maxY))
        for (const Interval& along : gapsBetween(layout.streetsAlong(Axis::NorthSouth), e.minX, e.maxX))
            blocks.push_back({{along.lo, across.lo, along.hi, across.hi}, across.before, across.after});
    return blocks;
}

}  // namespace district
