#include "buildings.h"

#include <algorithm>
#include <cmath>

#include "random.h"

namespace district {
namespace {

constexpr double kStoreyHeight = 3.2, kRoofAllowance = 0.8;
constexpr double kCourtyardInset = 6.0;
constexpr int kLateralDiameter = 150;
constexpr double kLateralFall = 0.02;
constexpr double kServiceGap = 0.3;  // in plan, from manholes and from other connections

struct Range {
    double lo, hi;
    double size() const { return hi - lo; }
    double middle() const { return (lo + hi) / 2; }
};

// Splits a frontage into building lots of the given widths with gaps of 1 m or more between
// buildings (no shared walls, whose coincident faces would flicker when rendered).
std::vector<Range> lots(Range frontage, Range width, Range gap, Random& random) {
    std::vector<Range> result;
    for (double x = frontage.lo; frontage.hi - x >= width.lo;) {
        const double w = std::min(random.uniform(width.lo, width.hi), frontage.hi - x);
        result.push_back({x, x + w});
        x += w + random.uniform(gap.lo, gap.hi);
    }
    return result;
}

// Counter-clockwise, as outer rings should be.
Ring rectangle(Range x, Range y) { return {{x.lo, y.lo, 0}, {x.hi, y.lo, 0}, {x.hi, y.hi, 0}, {x.lo, y.hi, 0}}; }

class BlockBuilder {
  public:
    BlockBuilder(Tables& tables, Generation& g) : tables_(tables), g_(g), random_(g.seed, "buildings") {}

    // Perimeter rows facing the streets to the south and north; freestanding buildings (often
    // towers) in the middle of deep blocks; narrow blocks hold a single row.
    void add(const Block& block) {
        const Extent2& a = block.area;
        const Range x{a.minX, a.maxX};
        if (a.height() < 36) {
            addRow(x, {a.minY, a.maxY}, block.south ? block.south : block.north, block.south != nullptr);
            return;
        }
        const double southDepth = random_.uniform(12, 20), northDepth = random_.uniform(12, 20);
        addRow(x, {a.minY, a.minY + southDepth}, block.south, true);
        addRow(x, {a.maxY - northDepth, a.maxY}, block.north, false);
        const Range middle{a.minY + southDepth + 8, a.maxY - northDepth - 8};
        if (middle.size() >= 14) addFreestanding(x, middle);
    }

  private:
    // A row whose façades stand on the building line of `street` (null at the district edge) on
    // the row's south or north side; buildings vary in depth towards the back of the row.
    void addRow(Range x, Range depth, const Street* street, bool facesSouth) {
        const double facadeY = facesSouth ? depth.lo : depth.hi;
        for (const Range& lot : lots({x.lo + 1, x.hi - 1}, {10, 40}, {1, 6}, random_)) {
            const double d = random_.uniform(std::min(12.0, depth.size()), depth.size());
            const Range y = facesSouth ? Range{depth.lo, depth.lo + d} : Range{depth.hi - d, depth.hi};
            const std::string id = addBuilding(lot, y, random_.chance(0.03));
            if (street) addServices(*street, facadeY, lot, id);
        }
    }

    void addFreestanding(Range x, Range middle) {
        for (const Range& lot : lots({x.lo + 6, x.hi - 6}, {15, 35}, {10, 20}, random_)) {
            const double depth = std::min(middle.size(), random_.uniform(15, 30));
            addBuilding(lot, {middle.middle() - depth / 2, middle.middle() + depth / 2}, random_.chance(0.2));
        }
    }

    std::string addBuilding(Range x, Range y, bool tower) {
        std::vector<Ring> rings = {rectangle(x, y)};
        if (!tower && x.size() >= 30 && y.size() >= 18 && random_.chance(0.3)) {
            Ring courtyard = rectangle({x.lo + kCourtyardInset, x.hi - kCourtyardInset},
                                       {y.lo + kCourtyardInset, y.hi - kCourtyardInset});
            std::reverse(courtyard.begin(), courtyard.end());  // holes run clockwise (OGC simple features)
            rings.push_back(std::move(courtyard));
        }
        const int storeys = tower ? random_.integer(13, 18) : random_.integer(2, 9);
        // Towers always have deep basements (car parks); about one other building in ten has one.
        const double basement = tower ? random_.uniform(5, 8) : random_.chance(0.1) ? random_.uniform(3, 4) : 0.0;
        const char* use = tower ? random_.pick({"office", "residential"})
                                : random_.pick({"residential", "residential", "mixed", "retail", "office"});
        std::string id = g_.ids.next("B");
        tables_.buildings.addPolygon(std::move(rings), {{"BLDG_ID", id},
                                                        {"HEIGHT", storeys * kStoreyHeight + kRoofAllowance},
                                                        {"BASEMENT", basement},
                                                        {"STOREYS", storeys},
                                                        {"USE", use}});
        return id;
    }

    // Water service from the main to the façade and sewer lateral from the façade to the sewer,
    // both straight across the street corridor, a few metres apart, moved along the lot where a
    // manhole or a gully connection is in the way. Both are surveyed in 3D: the water service is
    // tapped off the top of the main and runs at its cover, the lateral falls all the way into the
    // sewer; each passes above or below the mains it crosses.
    void addServices(const Street& street, double facadeY, Range lot, const std::string& buildingId) {
        const double facadeOffset = facadeY - street.centre;
        const double xw0 = std::clamp(lot.middle() + random_.uniform(-3, 3), lot.lo + 1.5, lot.hi - 1.5);
        const int year = random_.integer(1960, 2020);
        // Random draws are made in statements of their own: the order in which function arguments
        // are evaluated is unspecified, and the output must not depend on the compiler.
        const bool water = random_.chance(0.85);
        const int dn = water ? random_.pick({25, 32, 40, 50}) : 0;
        const double waterCover = water ? random_.uniform(0.9, 1.1) : 0.0;
        const bool sewer = random_.chance(0.75);
        const double drainCover = sewer ? random_.uniform(1.0, 1.3) : 0.0;  // ground to crown at the façade
        const double waterRadius = dn / 2000.0, lateralRadius = kLateralDiameter / 2000.0;
        for (double shift : {0.0, 1.0, -1.0, 2.0, -2.0, 3.0, -3.0}) {
            const double xw = std::clamp(xw0 + shift, lot.lo + 1.5, lot.hi - 1.5);
            const double xs = xw + 3 <= lot.hi - 1 ? xw + 3 : xw - 3;
            const Point3 tap = street.at(xw, corridor::water), meter = street.at(xw, facadeOffset);
            const Point3 outlet = street.at(xs, facadeOffset), inlet = street.at(xs, corridor::sewer);
            if ((water && g_.underground.blocked(tap, meter, waterRadius, kServiceGap)) ||
                (sewer && g_.underground.blocked(outlet, inlet, lateralRadius, kServiceGap)))
                continue;
            if (water) addWaterService(tap, meter, dn, waterCover, year, buildingId);
            if (sewer) addLateral(outlet, inlet, drainCover, year, buildingId);
            return;
        }
    }

    double groundAlong(const Point3& a, const Point3& b, double station) const {
        return g_.ground.level(alongSegment(a, b, station));
    }

    void addWaterService(const Point3& tap, const Point3& meter, int dn, double cover, int year,
                         const std::string& buildingId) {
        const double radius = dn / 2000.0;
        double mainZ = 0, mainHalf = 0;
        if (!g_.underground.centreAt(tap.x, tap.y, "water", mainZ, mainHalf)) return;
        ProfileSpec spec;
        spec.nominal = [&](double s) { return groundAlong(tap, meter, s) - cover - radius; };
        spec.ceiling = [&](double s) { return groundAlong(tap, meter, s) - kMinCover - radius; };
        spec.start = ProfileEnd::at(mainZ + mainHalf - radius);
        spec.end = {-1e9, 1e9, spec.nominal(std::hypot(meter.x - tap.x, meter.y - tap.y))};
        spec.maxSlope = 1.0;
        spec.vertexSpacing = 5;
        const std::string id = g_.ids.next("HC");
        const Ring line = layIn3D(g_, [&](double) { return id; }, tap, meter, radius, spec,
                                  {{Conflict::ServiceThroughGas, "gas"}, {Conflict::ServiceThroughPower, "power"}});
        addConnection(id, line, "water", dn, radius, year < 1990 ? "galvanised steel" : "PE", year, buildingId);
    }

    void addLateral(const Point3& outlet, const Point3& inlet, double cover, int year, const std::string& buildingId) {
        const double radius = kLateralDiameter / 2000.0;
        double sewerZ = 0, sewerHalf = 0;
        if (!g_.underground.centreAt(inlet.x, inlet.y, "sewer", sewerZ, sewerHalf)) return;
        ProfileSpec spec;
        spec.gravity = true;
        spec.minFall = kLateralFall;
        const double start = g_.ground.level(outlet) - cover - radius;
        spec.start = {-1e9, start, start};
        spec.end = {sewerZ - sewerHalf + radius, sewerZ + sewerHalf - radius, sewerZ + sewerHalf - radius};
        spec.nominal = [start](double) { return start; };
        spec.ceiling = [&](double s) { return groundAlong(outlet, inlet, s) - kMinCover - radius; };
        const std::string id = g_.ids.next("HC");
        const Ring line = layIn3D(g_, [&](double) { return id; }, outlet, inlet, radius, spec,
                                  {{Conflict::LateralThroughStorm, "storm"}});
        addConnection(id, line, "sewer", kLateralDiameter, radius, year < 1990 ? "vitrified clay" : "PVC", year,
                      buildingId);
    }

    void addConnection(const std::string& id, const Ring& line, const char* utility, int dn, double radius,
                       const char* material, int year, const std::string& buildingId) {
        g_.underground.addLine(id, utility, line, 2 * radius, 2 * radius);
        tables_.houseConnections.addLine(line, {{"PIPE_ID", id},
                                                {"UTILITY", utility},
                                                {"DN", dn},
                                                {"MATERIAL", material},
                                                {"YEAR", year},
                                                {"BLDG_ID", buildingId}});
    }

    Tables& tables_;
    Generation& g_;
    Random random_;
};

}  // namespace

void addBuildings(Tables& tables, Generation& generation) {
    BlockBuilder builder(tables, generation);
    for (const Block& block : makeBlocks(generation.layout)) builder.add(block);
}

}  // namespace district
