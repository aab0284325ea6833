// Laying lines in 3D among what is already under the street, and the deliberate conflicts.
#include <cmath>

#include "networks.h"

namespace district {
namespace {

constexpr double kWindowMargin = 0.15;  // a line stays level this far beyond the sides of what it crosses

// Which eligible line (counting from 1) of each kind gets its deliberate conflict; see Conflict.
constexpr std::array<int, size_t(Conflict::Count)> kConflictTurn = {3, 2, 9, 14, 25, 17};

}  // namespace

bool DeliberateConflicts::take(Conflict conflict) {
    return ++seen[size_t(conflict)] == kConflictTurn[size_t(conflict)];
}

Point3 alongSegment(const Point3& a, const Point3& b, double station, double z) {
    const double length = std::hypot(b.x - a.x, b.y - a.y);
    const double t = length > 0 ? station / length : 0;
    return {a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t, z};
}

Ring layIn3D(Generation& g, const std::function<std::string(double)>& idAt, const Point3& a, const Point3& b,
             double radius, ProfileSpec spec, const Throughs& throughs) {
    const double length = std::hypot(b.x - a.x, b.y - a.y);
    spec.length = length;
    const std::vector<Underground::Crossing> crossings = g.underground.crossings(a, b);
    std::vector<Window> windows = crossingWindows(crossings, radius, kClearance, kWindowMargin, length);
    for (const auto& [conflict, utility] : throughs)
        for (Window& window : windows)
            if (!window.through && g.underground.utility(crossings[size_t(window.tag)].line) == utility &&
                g.conflicts.take(conflict)) {
                window.through = true;
                break;
            }
    const PlannedProfile profile = planProfile(spec, windows);
    for (int tag : profile.unresolved) {
        const Underground::Crossing& crossing = crossings[size_t(tag)];
        const std::string what = idAt(crossing.station) + " x " + g.underground.id(crossing.line);
        if (windows[size_t(tag)].through) g.conflicts.laid.push_back(what);
        else g.problems.push_back(what);
    }
    if (profile.uphill) g.problems.push_back(idAt(0) + " has to rise on its way to the main");
    Ring line;
    for (const auto& [station, z] : profile.points) line.push_back(alongSegment(a, b, station, z));
    return line;
}

}  // namespace district
