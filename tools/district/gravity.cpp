// Gravity networks (sewer, storm): straight pipes between manholes, invert levels falling 0.3-1 %
// in the flow direction, manholes shared where the runs of crossing streets meet. Storm drains run
// below the water mains they cross, sewers below the storm drains; gully connections are surveyed in
// 3D and find their way between the mains to the drain.
#include <algorithm>
#include <cmath>
#include <functional>
#include <map>

#include "networks.h"
#include "random.h"

namespace district {
namespace {

constexpr int kMaxPipesPerRun = 5;  // a run drains to its own outfall, so long streets stay shallow
constexpr double kMinGradient = 0.003, kMaxGradient = 0.010;
constexpr double kManholeDrop = 0.03;
constexpr int kGullyDiameter = 150;
// Ground to the centreline of a gully pot's outlet: usually 0.95 m, a shallower pot (down to 0.6 m)
// where the connection has to pass above a main.
constexpr double kGullyOutletDepth = 0.95, kShallowGullyOutletDepth = 0.6;
constexpr double kGullyFall = 0.02;
// A sewer's invert stays this far below the invert of the storm drain of its street, so that a house
// lateral passing under the drain still falls into the sewer.
constexpr double kLateralRoom = 0.35;
constexpr double kNoDrain = 1e9;
// Under a street with district heating the storm drain's invert is at least this deep, so that the
// gullies from the far kerb can pass under the heating pipes and still fall into the drain.
constexpr double kDrainBelowHeating =
    kHeatingCentreDepth + kHeatingDiameter / 2000.0 + kClearance + kGullyDiameter / 1000.0 + 0.1;

struct System {
    const char* utility;
    const char* pipePrefix;
    const char* manholePrefix;
    double offset;
    double targetCover;          // ground to crown the profile steers towards
    std::vector<int> diameters;  // ascending; a run grows towards its outfall
    bool brickWhenOld;
};

// The highest invert level allowed at stations along a pipe of `diameter` mm from `from` to `to`.
using Limits = std::function<std::vector<std::pair<double, double>>(double from, double to, int diameter)>;

struct Manhole {
    Point3 position;
    const System* system;
    double invert;        // the lowest connected invert
    int largestDiameter;  // sets the shaft size
};

// The runs of crossing streets meet at one manhole, found by position.
class Manholes {
  public:
    void connect(const Point3& at, const System& system, double invert, int diameter) {
        const auto key = std::make_pair(std::llround(at.x * 100), std::llround(at.y * 100));
        const auto [it, added] = index_.emplace(key, manholes_.size());
        if (added) {
            manholes_.push_back({at, &system, invert, diameter});
            return;
        }
        Manhole& manhole = manholes_[it->second];
        manhole.invert = std::min(manhole.invert, invert);
        manhole.largestDiameter = std::max(manhole.largestDiameter, diameter);
    }

    void write(Table& table, Generation& g) const {
        for (const Manhole& m : manholes_) {
            const double size = m.largestDiameter >= 800 ? 1.5 : m.largestDiameter >= 500 ? 1.2 : 1.0;
            const double ground = g.ground.level(m.position);
            table.addPoint(m.position, {{"MH_ID", g.ids.next(m.system->manholePrefix)},
                                        {"KIND", "manhole"},
                                        {"UTILITY", m.system->utility},
                                        {"COVER_LEVEL", ground},
                                        {"INVERT_LEVEL", m.invert},
                                        {"SIZE", size}});
            g.underground.addShaft(m.position, size / 2, m.invert, ground);
        }
    }

  private:
    std::vector<Manhole> manholes_;
    std::map<std::pair<long long, long long>, size_t> index_;
};

// Wall of a concrete sewer pipe, after the usual rule of thumb (about D/12 + 25 mm).
int concreteWallMm(int diameterMm) { return diameterMm / 12 + 25; }

std::string gravityMaterial(const System& system, int year, int diameter, Random& random) {
    if (year < 1950) return system.brickWhenOld ? "brick" : "concrete";
    if (year < 1990) return diameter < 600 && random.chance(0.6) ? "vitrified clay" : "concrete";
    return diameter <= 400 && random.chance(0.7) ? "PVC" : "concrete";
}

// A manhole where the crossing streets' runs meet, and in between every 40-80 m.
std::vector<double> manholeStations(const Layout& layout, const Street& street, double offset, Random& random) {
    std::vector<double> stations;
    for (auto [from, to] : layout.spans(street, offset)) {
        const int pieces = std::max(1, int(std::lround((to - from) / 60.0)));
        stations.push_back(from);
        for (int i = 1; i < pieces; ++i) stations.push_back(from + (to - from) * i / pieces + random.uniform(-4, 4));
    }
    stations.push_back(street.to);
    return stations;
}

// Invert levels of one run (stations in any order; it flows towards its lower end). Each pipe
// steers back towards the target cover within the allowed gradients, so the depth drifts only
// where the ground is steeper than 1 %. Where a pipe would rise above its limits it drops at its
// upstream manhole; `dropped` is the largest such drop.
std::vector<GravityPipe> profileRun(std::vector<double> stations, const Street& street, const System& system,
                                    const Ground& ground, int headDiameterIndex, double targetCover,
                                    const Limits& limits, double& dropped) {
    auto groundAt = [&](double station) { return ground.level(street.at(station, system.offset)); };
    if (groundAt(stations.front()) < groundAt(stations.back())) std::reverse(stations.begin(), stations.end());
    const size_t count = stations.size() - 1;
    auto diameterOf = [&](size_t pipe) {
        const size_t index = std::min(size_t(headDiameterIndex) + 3 * pipe / count, system.diameters.size() - 1);
        return system.diameters[index];
    };
    std::vector<GravityPipe> pipes;
    dropped = 0;
    double us = groundAt(stations[0]) - targetCover - diameterOf(0) / 1000.0;
    for (size_t i = 0; i < count; ++i) {
        const double length = std::abs(stations[i + 1] - stations[i]);
        const double wanted = groundAt(stations[i + 1]) - targetCover - diameterOf(i) / 1000.0;
        const double fall = std::clamp(us - wanted, kMinGradient * length, kMaxGradient * length);
        GravityPipe pipe{stations[i], stations[i + 1], us, us - fall, diameterOf(i)};
        double excess = 0;
        for (auto [station, highest] : limits(pipe.fromStation, pipe.toStation, pipe.diameter))
            excess = std::max(excess, pipe.invertAt(station) - highest);
        pipe.usInvert -= excess;
        pipe.dsInvert -= excess;
        dropped = std::max(dropped, excess);
        pipes.push_back(pipe);
        // Where the next pipe is larger the crowns stay level (standard practice), so its invert drops.
        if (i + 1 < count) us = pipe.dsInvert - kManholeDrop - (diameterOf(i + 1) - diameterOf(i)) / 1000.0;
    }
    return pipes;
}

// Splits a street's manhole stations into runs: at the high and low points of the ground, so that
// each run falls with the ground towards its outfall instead of burrowing under a rise, and into
// runs of at most kMaxPipesPerRun pipes. Returns the first and last station of each run.
using StationIt = std::vector<double>::const_iterator;
std::vector<std::pair<StationIt, StationIt>> runsOf(const std::vector<double>& stations, const Street& street,
                                                    const System& system, const Ground& ground) {
    auto groundAt = [&](size_t i) { return ground.level(street.at(stations[i], system.offset)); };
    std::vector<size_t> ends = {0};
    for (size_t i = 1; i + 1 < stations.size(); ++i)
        if ((groundAt(i) - groundAt(i - 1)) * (groundAt(i + 1) - groundAt(i)) < 0) ends.push_back(i);
    ends.push_back(stations.size() - 1);
    std::vector<std::pair<StationIt, StationIt>> runs;
    for (size_t k = 0; k + 1 < ends.size(); ++k) {
        const int pipes = int(ends[k + 1] - ends[k]), count = (pipes + kMaxPipesPerRun - 1) / kMaxPipesPerRun;
        for (int run = 0; run < count; ++run)
            runs.push_back({stations.begin() + long(ends[k] + size_t(pipes * run / count)),
                            stations.begin() + long(ends[k] + size_t(pipes * (run + 1) / count))});
    }
    return runs;
}

// Lays the system along one street as runs of up to kMaxPipesPerRun pipes; returns its pipes. A run
// that has to drop somewhere to stay below what it crosses is laid deeper as a whole instead, as
// far as half a metre.
std::vector<GravityPipe> layStreet(Table& table, const System& system, const Street& street, Generation& g,
                                   Manholes& manholes, const Limits& limits, Random& random) {
    const std::vector<double> stations = manholeStations(g.layout, street, system.offset, random);
    const int headIndex = street.isAvenue() ? random.integer(2, 3) : random.integer(0, 1);
    const int year = random.integer(1930, 2015);
    std::vector<GravityPipe> all;
    for (auto [first, last] : runsOf(stations, street, system, g.ground)) {
        double cover = system.targetCover, dropped = 0;
        std::vector<GravityPipe> pipes;
        for (int attempt = 0; attempt < 4; ++attempt) {
            pipes = profileRun({first, last + 1}, street, system, g.ground, headIndex, cover, limits, dropped);
            if (dropped < 0.005 || cover + dropped > system.targetCover + 0.5) break;
            cover += dropped + 0.005;
        }
        for (const GravityPipe& pipe : pipes) {
            const Point3 from = street.at(pipe.fromStation, system.offset),
                         to = street.at(pipe.toStation, system.offset);
            const int laid = random.chance(0.2) ? random.integer(year, 2020) : year;
            const std::string id = g.ids.next(system.pipePrefix);
            table.addLine({from, to}, {{"PIPE_ID", id},
                                       {"KIND", "main"},
                                       {"DIAMETER", pipe.diameter},
                                       {"WALL_MM", concreteWallMm(pipe.diameter)},
                                       {"US_IL", pipe.usInvert},
                                       {"DS_IL", pipe.dsInvert},
                                       {"MATERIAL", gravityMaterial(system, laid, pipe.diameter, random)},
                                       {"YEAR", laid}});
            const double d = pipe.diameter / 1000.0;
            g.underground.addLine(id, system.utility,
                                  {street.at(pipe.fromStation, system.offset, pipe.usInvert + d / 2),
                                   street.at(pipe.toStation, system.offset, pipe.dsInvert + d / 2)},
                                  d, d);
            manholes.connect(from, system, pipe.usInvert, pipe.diameter);
            manholes.connect(to, system, pipe.dsInvert, pipe.diameter);
            all.push_back(pipe);
        }
    }
    return all;
}

// Below everything a pipe of `system` crosses between two stations of `street`, with clearance.
std::vector<std::pair<double, double>> belowCrossings(const Generation& g, const Street& street, const System& system,
                                                      double from, double to, int diameter) {
    const Point3 a = street.at(from, system.offset), b = street.at(to, system.offset);
    std::vector<std::pair<double, double>> limits;
    for (const Underground::Crossing& c : g.underground.crossings(a, b))
        limits.push_back({from + (to > from ? c.station : -c.station), c.bottom - kClearance - diameter / 1000.0});
    return limits;
}

const GravityPipe* pipeAt(const std::vector<GravityPipe>& pipes, double station) {
    const auto it = std::find_if(pipes.begin(), pipes.end(), [&](const GravityPipe& p) { return p.contains(station); });
    return it == pipes.end() ? nullptr : &*it;
}

bool nearAny(const std::vector<double>& stations, double station, double distance) {
    return std::any_of(stations.begin(), stations.end(), [&](double s) { return std::abs(s - station) < distance; });
}

}  // namespace

void addGravityNetworks(Tables& tables, Generation& g) {
    const System sewer{"sewer", "S", "SMH", corridor::sewer, 2.55, {300, 400, 500, 600, 800, 1000, 1200}, true};
    const System storm{"storm", "D", "DMH", corridor::storm, 1.7, {300, 450, 600, 750, 900}, false};
    Random sewerRandom(g.seed, "sewer"), stormRandom(g.seed, "storm");
    Manholes manholes;
    // Storm drains first, below the mains they cross; then sewers, below the storm drains.
    g.drains.clear();
    for (const Street& street : g.layout.streets) {
        const Limits limits = [&](double from, double to, int diameter) {
            std::vector<std::pair<double, double>> result = belowCrossings(g, street, storm, from, to, diameter);
            if (carriesHeating(street)) {
                const int samples = std::max(1, int(std::ceil(std::abs(to - from) / 5.0)));
                for (int i = 0; i <= samples; ++i) {
                    const double station = from + (to - from) * i / samples;
                    result.push_back({station, g.ground.level(street.at(station, storm.offset)) - kDrainBelowHeating});
                }
            }
            return result;
        };
        g.drains.push_back(layStreet(tables.storm, storm, street, g, manholes, limits, stormRandom));
    }
    for (size_t k = 0; k < g.layout.streets.size(); ++k) {
        const Street& street = g.layout.streets[k];
        const Limits limits = [&](double from, double to, int diameter) {
            std::vector<std::pair<double, double>> result = belowCrossings(g, street, sewer, from, to, diameter);
            // Both are straight between their manholes: compare at the ends of the drain's pipes too.
            std::vector<double> stations;
            const int samples = std::max(1, int(std::ceil(std::abs(to - from) / 5.0)));
            for (int i = 0; i <= samples; ++i) stations.push_back(from + (to - from) * i / samples);
            for (const GravityPipe& drain : g.drains[k])
                for (double end : {drain.fromStation, drain.toStation})
                    if (end >= std::min(from, to) && end <= std::max(from, to)) stations.push_back(end);
            for (double station : stations) {
                double lowest = kNoDrain;
                for (const GravityPipe& drain : g.drains[k])
                    if (drain.contains(station)) lowest = std::min(lowest, drain.invertAt(station));
                if (lowest < kNoDrain) result.push_back({station, lowest - kLateralRoom});
            }
            return result;
        };
        layStreet(tables.sewer, sewer, street, g, manholes, limits, sewerRandom);
    }
    manholes.write(tables.manholes, g);
}

// Gully pots on both kerbs every 30-40 m, away from the junctions and from manholes, each connected
// straight across to the storm drain: surveyed in 3D, falling at least 2 % and passing above or below
// the mains on the way, entering the drain at its crown or lower.
void addGullies(Tables& tables, Generation& g) {
    Random random(g.seed, "gullies");
    const double radius = kGullyDiameter / 2000.0;
    for (size_t k = 0; k < g.layout.streets.size(); ++k) {
        const Street& street = g.layout.streets[k];
        const std::vector<double> junctions = g.layout.crossingStations(street, 0.0);
        for (double s = street.from + 20; s < street.to - 10; s += random.uniform(30, 40)) {
            if (nearAny(junctions, s, 12) || !pipeAt(g.drains[k], s)) continue;
            for (double kerb : {-street.kerbOffset(), street.kerbOffset()}) {
                const int year = random.integer(1990, 2020);
                if (std::abs(kerb - corridor::storm) < 1.0) continue;
                // Moved a little along the kerb where a manhole or another connection is in the way.
                for (double shift : {0.0, 1.5, -1.5, 3.0, -3.0}) {
                    const double station = s + shift;
                    const GravityPipe* drain = pipeAt(g.drains[k], station);
                    const Point3 pot = street.at(station, kerb), inlet = street.at(station, corridor::storm);
                    if (!drain || g.underground.blocked(pot, inlet, radius, 0.3)) continue;
                    const double invert = drain->invertAt(station), d = drain->diameter / 1000.0;
                    const double outlet = g.ground.level(pot) - kGullyOutletDepth;
                    const double shallowest = g.ground.level(pot) - kShallowGullyOutletDepth;
                    ProfileSpec spec;
                    spec.gravity = true;
                    spec.minFall = kGullyFall;
                    spec.start = {-1e9, shallowest, outlet};
                    spec.end = {invert + radius, invert + d - radius, invert + d - radius};
                    spec.nominal = [&](double) { return outlet; };
                    spec.ceiling = [&](double station2) {
                        return g.ground.level(alongSegment(pot, inlet, station2)) - kMinCover - radius;
                    };
                    const std::string id = g.ids.next("GC");
                    const Ring line = layIn3D(g, [&](double) { return id; }, pot, inlet, radius, spec,
                                              {{Conflict::GullyThroughWater, "water"}});
                    g.underground.addLine(id, "storm", line, 2 * radius, 2 * radius);
                    tables.gullies.addLine(
                        line, {{"PIPE_ID", id}, {"DIAMETER", kGullyDiameter}, {"MATERIAL", "PVC"}, {"YEAR", year}});
                    break;
                }
            }
        }
    }
}

}  // namespace district
