#pragma once
// Cutting the ground open: section planes, excavation boxes and the soil strata their faces show.
// Part of a project ("sections", "excavations", "strata"); drawn the same by the viewer and by
// headless renders. Coordinates are in the project CRS.
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "model.h"
#include "problem.h"

namespace subterra {

// Everything on the side the normal points to is cut away.
struct SectionPlane {
    std::string name;
    bool enabled = true;
    Vec3d point;
    Vec3d normal{0, 0, 1};
    // How it was defined, kept so a save writes back what the user wrote.
    enum class Kind { Vertical, Horizontal, Plane } kind = Kind::Plane;
    std::array<double, 4> line{};  // Vertical: x1, y1, x2, y2; the left side (seen from 1 to 2) is cut away
    bool flip = false;             // Vertical: cut away the right side instead
};

// A box of earth removed from the ground: the terrain gets a hole, walls and floor show strata.
struct Excavation {
    std::string name;
    bool enabled = true;
    double centreX = 0, centreY = 0;  // plan centre, project CRS
    double sizeX = 2, sizeY = 2;      // plan size along the box's own axes, metres
    double depthM = 1.5;              // floor depth below the ground at the centre
    double rotationDeg = 0;           // anticlockwise, about the centre
};

struct Stratum {
    std::string name;
    double thicknessM = 0.5;  // the last stratum continues downwards
    std::array<float, 4> color{0.5f, 0.4f, 0.3f, 1};
    double grainM = 0.05;  // size of the procedural texture's grain
};

struct Cuts {
    std::vector<SectionPlane> sections;
    std::vector<Excavation> excavations;
    std::vector<Stratum> strata;  // top down; empty = defaultStrata()

    static constexpr size_t kMaxSections = 4;
    static constexpr size_t kMaxExcavations = 2;
    bool anyEnabled() const;
    const std::vector<Stratum>& strataOrDefault() const;
};

// Asphalt, sub-base, sandy fill, clay: a city street's typical build-up.
const std::vector<Stratum>& defaultStrata();

// Constructors that validate; nullopt with `error` set for degenerate input.
std::optional<SectionPlane> verticalSection(double x1, double y1, double x2, double y2, bool flip, std::string& error);
std::optional<SectionPlane> horizontalSection(double z, std::string& error);
std::optional<SectionPlane> planeSection(const Vec3d& point, const Vec3d& normal, std::string& error);
[[nodiscard]] bool validateExcavation(const Excavation& excavation, std::string& error);

// Signed distance of `p` in front of the plane (positive = cut away).
double signedDistance(const SectionPlane& plane, const Vec3d& p);

// Enables the named cuts (and only those when `only` is set); names not found are reported.
void enableCutsByName(Cuts& cuts, const std::vector<std::string>& names, bool only, Problems& problems);

}  // namespace subterra
