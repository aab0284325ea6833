#include "cuts.h"

#include <cmath>

namespace subterra {

namespace {
SectionPlane makePlane(SectionPlane::Kind kind, const Vec3d& point, Vec3d normal) {
    const double length = std::sqrt(normal.x * normal.x + normal.y * normal.y + normal.z * normal.z);
    SectionPlane plane;
    plane.kind = kind;
    plane.point = point;
    plane.normal = {normal.x / length, normal.y / length, normal.z / length};
    return plane;
}
}  // namespace

bool Cuts::anyEnabled() const {
    for (const auto& s : sections)
        if (s.enabled) return true;
    for (const auto& e : excavations)
        if (e.enabled) return true;
    return false;
}

const std::vector<Stratum>& Cuts::strataOrDefault() const { return strata.empty() ? defaultStrata() : strata; }

const std::vector<Stratum>& defaultStrata() {
    static const std::vector<Stratum> strata{
        {"asphalt", 0.12, {0.20f, 0.20f, 0.22f, 1}, 0.006},
        {"sub-base", 0.35, {0.62f, 0.60f, 0.55f, 1}, 0.025},
        {"sandy fill", 0.9, {0.76f, 0.63f, 0.42f, 1}, 0.05},
        {"clay", 1.0, {0.55f, 0.36f, 0.24f, 1}, 0.2},
    };
    return strata;
}

std::optional<SectionPlane> verticalSection(double x1, double y1, double x2, double y2, bool flip, std::string& error) {
    const double dx = x2 - x1, dy = y2 - y1;
    if (!std::isfinite(dx) || !std::isfinite(dy) || std::hypot(dx, dy) < 1e-6) {
        error = "the section line needs two distinct points";
        return std::nullopt;
    }
    // Left of the direction 1 -> 2 is (-dy, dx).
    const Vec3d left{-dy, dx, 0};
    SectionPlane plane = makePlane(SectionPlane::Kind::Vertical, {x1, y1, 0}, flip ? Vec3d{dy, -dx, 0} : left);
    plane.line = {x1, y1, x2, y2};
    plane.flip = flip;
    return plane;
}

std::optional<SectionPlane> horizontalSection(double z, std::string& error) {
    if (!std::isfinite(z)) {
        error = "the section level must be a finite number";
        return std::nullopt;
    }
    return makePlane(SectionPlane::Kind::Horizontal, {0, 0, z}, {0, 0, 1});
}

std::optional<SectionPlane> planeSection(const Vec3d& point, const Vec3d& normal, std::string& error) {
    const double length = std::sqrt(normal.x * normal.x + normal.y * normal.y + normal.z * normal.z);
    if (!std::isfinite(length) || length < 1e-9 || !std::isfinite(point.x + point.y + point.z)) {
        error = "a section plane needs a finite point and a non-zero normal";
        return std::nullopt;
    }
    return makePlane(SectionPlane::Kind::Plane, point, normal);
}

bool validateExcavation(const Excavation& e, std::string& error) {
    if (!(e.sizeX > 0 && e.sizeY > 0 && e.depthM > 0)) {
        error = "an excavation needs a positive size and depth";
        return false;
    }
    if (!std::isfinite(e.centreX + e.centreY + e.sizeX + e.sizeY + e.depthM + e.rotationDeg)) {
        error = "an excavation's values must be finite numbers";
        return false;
    }
    return true;
}

double signedDistance(const SectionPlane& plane, const Vec3d& p) {
    return plane.normal.x * (p.x - plane.point.x) + plane.normal.y * (p.y - plane.point.y) +
           plane.normal.z * (p.z - plane.point.z);
}

void enableCutsByName(Cuts& cuts, const std::vector<std::string>& names, bool only, Problems& problems) {
    auto wanted = [&](const std::string& name) {
        for (const auto& n : names)
            if (n == name) return true;
        return false;
    };
    for (auto& s : cuts.sections) s.enabled = wanted(s.name) || (!only && s.enabled);
    for (auto& e : cuts.excavations) e.enabled = wanted(e.name) || (!only && e.enabled);
    for (const auto& name : names) {
        bool found = false;
        for (const auto& s : cuts.sections) found = found || s.name == name;
        for (const auto& e : cuts.excavations) found = found || e.name == name;
        if (!found) problems.push_back({Severity::Error, "", "--cut", "no section or excavation named '" + name + "'"});
    }
}

}  // namespace subterra
