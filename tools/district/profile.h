#pragma once
// Vertical profiles of lines laid in 3D (gas, heating, service connections): they follow their
// wanted depth and pass above or below whatever they cross, with clearance, choosing at each
// crossing the side that keeps them nearest that depth.
#include <functional>
#include <limits>
#include <utility>
#include <vector>

#include "underground.h"

namespace district {

// A stretch of the line (a crossing, widened by both lines' half widths) where its centreline z must
// stay out of (lo, hi).
struct Window {
    double from = 0, to = 0;
    double lo = 0, hi = 0;
    bool through = false;  // a deliberate conflict: the line passes through, at (lo + hi) / 2
    int tag = -1;          // the caller's reference, reported back if the window cannot be cleared
};

// An end of the line: its centreline z somewhere in [lo, hi], preferably `target`.
struct ProfileEnd {
    double lo = -std::numeric_limits<double>::infinity(), hi = std::numeric_limits<double>::infinity();
    double target = 0;
    static ProfileEnd at(double z) { return {z, z, z}; }
};

struct ProfileSpec {
    double length = 0;                      // plan length; stations run 0..length
    std::function<double(double)> nominal;  // wanted centreline z at a station (pressure lines)
    std::function<double(double)> ceiling;  // highest centreline z allowed there (the crown stays covered)
    ProfileEnd start, end;
    std::vector<std::pair<double, double>> pins;  // (station, z) the line must pass through
    bool gravity = false;                         // falls all the way from start to end, at least `minFall` per metre
    double minFall = 0.01;                        // gravity lines
    double maxSlope = 0.5;                        // pressure lines: steepest ramp into and out of a crossing
    double vertexSpacing = 10;                    // a vertex at least this often where the line follows the ground
};

struct PlannedProfile {
    std::vector<std::pair<double, double>> points;  // (station, centreline z), stations ascending
    std::vector<int> unresolved;                    // tags of the windows it passes through
    bool uphill = false;                            // a gravity line that has to rise somewhere
};

PlannedProfile planProfile(const ProfileSpec& spec, std::vector<Window> windows);

// Windows for a pipe of `radius` across `crossings` (from Underground::crossings): the centreline keeps
// `clearance` between outer surfaces; the window reaches `margin` beyond the crossed line's sides.
std::vector<Window> crossingWindows(const std::vector<Underground::Crossing>& crossings, double radius,
                                    double clearance, double margin, double length);

}  // namespace district
