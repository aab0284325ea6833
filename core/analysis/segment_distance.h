#pragma once
// Closest points between pipe pieces: straight 3D segments of centreline with a cross-section.
#include "model.h"

namespace subterra {

struct ClosestPoints {
    Vec3d onA, onB;       // closest points on the two centreline segments
    double distance = 0;  // |onB - onA|
};

// Closest points between segments a0-a1 and b0-b1 (Ericson, Real-Time Collision Detection 5.1.9);
// degenerate (zero-length) segments are points.
ClosestPoints closestPoints(const Vec3d& a0, const Vec3d& a1, const Vec3d& b0, const Vec3d& b1);

// How far the outer surface of `section`, laid along `axis`, reaches from its centreline in the
// unit direction `d`: the radius for a circle; for a box (width across, height vertical) its support
// |d.across| * w/2 + |d.up| * h/2, exact when d is vertical or horizontal, otherwise at most the
// half-diagonal.
double surfaceReach(const CrossSection& section, const Vec3d& axis, const Vec3d& d);

// Largest reach of a section in any direction (radius, or half the box diagonal).
double maxReach(const CrossSection& section);

// Outer surface to outer surface at the closest points of the centrelines, in the plane across the
// lines: circle to circle is the distance minus both radii; circle to box is the distance from the
// box's rectangle (width across, height vertical, top face up) to the circle, exact for lines that
// cross; parallel boxes are exact (their rectangles share a frame); other box pairs use one box's
// rectangle and the other's support, the larger of the two ways. Negative when they overlap.
double surfaceDistance(const ClosestPoints& closest, const Vec3d& axisA, const CrossSection& a, const Vec3d& axisB,
                       const CrossSection& b);

}  // namespace subterra
