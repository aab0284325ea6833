#include "segment_distance.h"

#include <algorithm>
#include <cmath>

namespace subterra {

namespace {
Vec3d operator-(const Vec3d& a, const Vec3d& b) { return {a.x - b.x, a.y - b.y, a.z - b.z}; }
Vec3d operator+(const Vec3d& a, const Vec3d& b) { return {a.x + b.x, a.y + b.y, a.z + b.z}; }
Vec3d operator*(const Vec3d& a, double s) { return {a.x * s, a.y * s, a.z * s}; }
double dot(const Vec3d& a, const Vec3d& b) { return a.x * b.x + a.y * b.y + a.z * b.z; }
double length(const Vec3d& a) { return std::sqrt(dot(a, a)); }
Vec3d cross(const Vec3d& a, const Vec3d& b) {
    return {a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x};
}
}  // namespace

ClosestPoints closestPoints(const Vec3d& a0, const Vec3d& a1, const Vec3d& b0, const Vec3d& b1) {
    constexpr double kEpsilon = 1e-12;
    const Vec3d d1 = a1 - a0, d2 = b1 - b0, r = a0 - b0;
    const double a = dot(d1, d1), e = dot(d2, d2), f = dot(d2, r);
    double s = 0, t = 0;
    if (a <= kEpsilon && e <= kEpsilon) {
        s = t = 0;
    } else if (a <= kEpsilon) {
        t = std::clamp(f / e, 0.0, 1.0);
    } else {
        const double c = dot(d1, r);
        if (e <= kEpsilon) {
            s = std::clamp(-c / a, 0.0, 1.0);
        } else {
            const double b = dot(d1, d2), denominator = a * e - b * b;
            s = denominator > kEpsilon * a * e ? std::clamp((b * f - c * e) / denominator, 0.0, 1.0) : 0.0;
            t = (b * s + f) / e;
            if (t < 0) {
                t = 0;
                s = std::clamp(-c / a, 0.0, 1.0);
            } else if (t > 1) {
                t = 1;
                s = std::clamp((b - c) / a, 0.0, 1.0);
            }
        }
    }
    ClosestPoints result;
    result.onA = a0 + d1 * s;
    result.onB = b0 + d2 * t;
    result.distance = length(result.onB - result.onA);
    return result;
}

namespace {
// The box's frame: it keeps its top face up (as tube_mesh draws it), "across" is horizontal.
bool boxFrame(const Vec3d& axis, Vec3d& across, Vec3d& up) {
    across = cross(axis, Vec3d{0, 0, 1});
    const double acrossLength = length(across);
    if (acrossLength < 1e-9) return false;  // a vertical duct: no defined orientation
    across = across * (1.0 / acrossLength);
    up = cross(across, axis);
    up = up * (1.0 / length(up));
    return true;
}

// Signed distance from a box section's outline to the point at offset v from its centreline.
double boxToPoint(const CrossSection& box, const Vec3d& axis, const Vec3d& v) {
    Vec3d across, up;
    if (!boxFrame(axis, across, up)) return length(v) - maxReach(box);
    const double w = std::abs(dot(v, across)) - box.widthM / 2, h = std::abs(dot(v, up)) - box.heightM / 2;
    if (w <= 0 && h <= 0) return std::max(w, h);
    return std::hypot(std::max(w, 0.0), std::max(h, 0.0));
}

// Two parallel boxes share their frame (both keep the top face up), so across the axis their gap is
// the distance from B's centre to the rectangle of the summed half sizes around A's centre, and
// along it the gap between the pieces' flat ends: exact. False when the axes are not parallel.
bool parallelBoxGap(const CrossSection& a, const Vec3d& axisA, const CrossSection& b, const Vec3d& axisB,
                    const Vec3d& v, double& gap) {
    const double lengthA = length(axisA), lengthB = length(axisB);
    if (lengthA < 1e-12 || lengthB < 1e-12) return false;
    if (length(cross(axisA, axisB)) > 1e-6 * lengthA * lengthB) return false;
    Vec3d across, up;
    if (!boxFrame(axisA, across, up)) return false;
    const double w = std::abs(dot(v, across)) - (a.widthM + b.widthM) / 2;
    const double h = std::abs(dot(v, up)) - (a.heightM + b.heightM) / 2;
    // Closest points of parallel pieces that do not overlap along the axis are their ends.
    const double along = std::abs(dot(v, axisA)) / lengthA;
    if (w <= 0 && h <= 0 && along < 1e-9) gap = std::max(w, h);
    else gap = std::sqrt(along * along + std::pow(std::max(w, 0.0), 2) + std::pow(std::max(h, 0.0), 2));
    return true;
}
}  // namespace

double surfaceReach(const CrossSection& section, const Vec3d& axis, const Vec3d& d) {
    if (section.shape == CrossSection::Shape::Circular) return section.diameterM / 2;
    Vec3d across, up;
    if (!boxFrame(axis, across, up)) return maxReach(section);
    return std::abs(dot(d, across)) * section.widthM / 2 + std::abs(dot(d, up)) * section.heightM / 2;
}

double maxReach(const CrossSection& section) {
    if (section.shape == CrossSection::Shape::Circular) return section.diameterM / 2;
    return std::hypot(section.widthM, section.heightM) / 2;
}

double surfaceDistance(const ClosestPoints& closest, const Vec3d& axisA, const CrossSection& a, const Vec3d& axisB,
                       const CrossSection& b) {
    if (closest.distance < 1e-12) return -(maxReach(a) + maxReach(b));  // centrelines meet: full overlap
    const Vec3d v = closest.onB - closest.onA, d = v * (1.0 / closest.distance);
    const bool boxA = a.shape == CrossSection::Shape::Rectangular, boxB = b.shape == CrossSection::Shape::Rectangular;
    if (!boxA && !boxB) return closest.distance - a.diameterM / 2 - b.diameterM / 2;
    if (boxA && !boxB) return boxToPoint(a, axisA, v) - b.diameterM / 2;
    if (!boxA && boxB) return boxToPoint(b, axisB, v * -1.0) - a.diameterM / 2;
    double parallelGap = 0;
    if (parallelBoxGap(a, axisA, b, axisB, v, parallelGap)) return parallelGap;
    // Otherwise each box's rectangle against the other's support; the larger is the nearer estimate
    // (the smaller can take a box seen end-on for an infinite one and report a false overlap).
    return std::max(boxToPoint(a, axisA, v) - surfaceReach(b, axisB, d),
                    boxToPoint(b, axisB, v * -1.0) - surfaceReach(a, axisA, d));
}

}  // namespace subterra
