#pragma once
// The street grid of the district, its blocks and its ground surface.
#include <cstdint>
#include <utility>
#include <vector>

#include "table.h"

namespace district {

struct Extent2 {
    double minX = 0, minY = 0, maxX = 0, maxY = 0;
    double width() const { return maxX - minX; }
    double height() const { return maxY - minY; }
    Point3 centre(double z = 0) const { return {(minX + maxX) / 2, (minY + maxY) / 2, z}; }
};

// Ground level: a gentle tilt down towards the south-east plus smooth undulation, about 3.5-7.5 m.
// The DEM samples this function, and the heating network's measured z follows it.
class Ground {
  public:
    Ground(const Extent2& district, uint32_t seed);
    double level(double x, double y) const;
    double level(const Point3& p) const { return level(p.x, p.y); }

  private:
    Extent2 district_;
    double phase_[3];
};

enum class Axis { EastWest, NorthSouth };

struct Street {
    Axis axis = Axis::EastWest;
    int index = 0;            // order within its axis: south to north, west to east
    double centre = 0;        // y of an east-west street, x of a north-south one
    double halfWidth = 10;    // centreline to building line
    double from = 0, to = 0;  // extent along the street: x for east-west, y for north-south

    // `station` runs along the street; `offset` goes across it, positive to the north / east.
    Point3 at(double station, double offset, double z = 0) const;
    double kerbOffset() const;  // centreline to kerb (carriageway edge), where gullies sit
    bool isAvenue() const { return halfWidth >= 12; }
};

struct Layout {
    Extent2 extent;
    std::vector<Street> streets;  // east-west ones first

    std::vector<const Street*> streetsAlong(Axis axis) const;
    // A network at `offset` on `street` meets the same network of each crossing street at that
    // street's centre + offset; these meeting points as sorted stations along `street`.
    std::vector<double> crossingStations(const Street& street, double offset) const;
    // The pieces of the street between those meeting points and the street ends.
    std::vector<std::pair<double, double>> spans(const Street& street, double offset) const;
};

struct LayoutSpec {
    double originX = 352000, originY = 3451000;  // south-west corner, EPSG:32651 (Shanghai, Xuhui)
    int eastWestStreets = 4, northSouthStreets = 5;
    double spacingX = 120, spacingY = 100;  // mean distance between street centrelines
};

Layout makeLayout(const LayoutSpec& spec, uint32_t seed);

// Buildable land between streets, or between a street and the district edge.
struct Block {
    Extent2 area;
    const Street* south = nullptr;  // the street its southern building row faces, if any
    const Street* north = nullptr;
};
std::vector<Block> makeBlocks(const Layout& layout);

}  // namespace district
