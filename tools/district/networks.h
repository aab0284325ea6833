#pragma once
// The utility networks laid along the streets.
#include <algorithm>
#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "layout.h"
#include "profile.h"
#include "schema.h"
#include "underground.h"

namespace district {

// Lateral position of each network from the street centreline (m, positive to the north / east).
// Each utility keeps its own corridor, as in a real street, so networks meet their own kind at
// junctions and cross the others at different depths instead of overlapping.
namespace corridor {
constexpr double water = 3.0, gas = -4.0, sewer = 0.0, storm = 1.5, power = -6.0, telecom = 6.0;
constexpr double heatingSupply = -1.5, heatingReturn = -2.1;
}  // namespace corridor

// Vertical clearance, outer surface to outer surface, kept where lines cross (the tightest a
// clearance check should accept is 0.1 m; the rest absorbs the DEM and millimetre rounding).
constexpr double kClearance = 0.15;
constexpr double kMinCover = 0.35;  // ground to crown of anything laid in 3D (0.3 m at the very least)

// District heating: a supply and return pair under one east-west street in five.
constexpr double kHeatingCentreDepth = 1.5;  // ground to the centreline where nothing is in the way
constexpr int kHeatingDiameter = 400;
inline bool carriesHeating(const Street& street) { return street.axis == Axis::EastWest && street.index % 5 == 1; }

// One pipe of a sewer or storm drain between consecutive manholes, stations in the flow direction.
struct GravityPipe {
    double fromStation, toStation, usInvert, dsInvert;
    int diameter;
    double invertAt(double station) const {
        return usInvert + (dsInvert - usInvert) * (station - fromStation) / (toStation - fromStation);
    }
    bool contains(double station) const {
        return station >= std::min(fromStation, toStation) && station <= std::max(fromStation, toStation);
    }
};

// The few conflicts laid on purpose, for a clearance check to find: the n-th line of a kind that
// crosses the given utility passes through it instead of above or below.
enum class Conflict {
    GasThroughPower,
    HeatingThroughWater,
    GullyThroughWater,
    ServiceThroughGas,
    ServiceThroughPower,
    LateralThroughStorm,
    Count
};

struct DeliberateConflicts {
    std::array<int, size_t(Conflict::Count)> seen{};
    std::vector<std::string> laid;  // "line x crossed line"
    bool take(Conflict conflict);
};

// What every generation step shares.
struct Generation {
    const Layout& layout;
    const Ground& ground;
    uint32_t seed;
    IdSequence ids;
    Underground underground;                       // everything laid so far
    std::vector<std::vector<GravityPipe>> drains;  // the storm drain of each street (layout.streets order)
    DeliberateConflicts conflicts;
    std::vector<std::string> problems;  // crossings that could not be cleared: should stay empty

    Generation(const Layout& l, const Ground& gr, uint32_t s) : layout(l), ground(gr), seed(s) {}
};

// Water (with valves and hydrants into `manholes`), power and telecom: depth recorded as cover.
void addCoverMains(Tables& tables, Generation& generation);
// Sewer and storm drains with their manholes: invert levels, below the mains above.
void addGravityNetworks(Tables& tables, Generation& generation);
// Gas and district heating: surveyed in 3D, passing above or below what they cross.
void addSurveyedMains(Tables& tables, Generation& generation);
// Gully connections from the kerbs to the storm drains, surveyed in 3D.
void addGullies(Tables& tables, Generation& generation);

// A straight line from `a` to `b` (plan) laid in 3D by `spec` (its length and the windows of what it
// crosses are filled in here). For each (conflict, utility) of `throughs`, the line passes through
// the first line of that utility it crosses if it is that deliberate conflict's turn. `idAt(station)`
// names the feature at a station, for the reports. Returns the vertices with centreline z.
using Throughs = std::vector<std::pair<Conflict, const char*>>;
Ring layIn3D(Generation& g, const std::function<std::string(double)>& idAt, const Point3& a, const Point3& b,
             double radius, ProfileSpec spec, const Throughs& throughs = {});

// The plan point at `station` along a-b.
Point3 alongSegment(const Point3& a, const Point3& b, double station, double z = 0);

}  // namespace district
