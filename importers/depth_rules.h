#pragma once
// The Z rules: how a 2D line gets its vertical position, from the best evidence available.
// Pure functions over the model (no GDAL), so they are unit-tested directly.
#include <functional>
#include <optional>

#include "model.h"

namespace subterra {

using GroundFunction = std::function<double(double x, double y)>;

// What the source says about a segment's depth (all in metres, already unit-converted).
struct SegmentLevels {
    std::optional<double> invertStart;  // absolute elevation of the pipe bottom at the first vertex
    std::optional<double> invertEnd;    // ... at the last vertex
    std::optional<double> coverM;       // ground to pipe top
};

// Default cover (ground to top) when nothing is known, per utility kind (typical European/Asian
// practice: water 1.2 m, sewer 2.5 m, gas 0.9 m, power 0.8 m, telecom 0.6 m...).
double defaultCoverM(UtilityKind kind);
// Default cross-section when the source gives none.
CrossSection defaultSection(UtilityKind kind);

// Sets every point's z (centreline) and segment.depthSource:
//  1. geometryHasRealZ -> keep z (measured 3D);
//  2. invert levels (one given = both) -> invert + section height/2, interpolated along the length;
//  3. cover depth -> ground - cover - section height/2 at each vertex;
//  4. default cover for the utility kind (Assumed).
void applyDepthRules(Segment& segment, bool geometryHasRealZ, const SegmentLevels& levels,
                     const GroundFunction& groundAt);

// Length of a polyline in 2D (plan) and 3D.
double planLength(const std::vector<Vec3d>& points);

}  // namespace subterra
