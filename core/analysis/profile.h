#pragma once
// A longitudinal profile: what lies under a path in plan, as (station, elevation) geometry. The
// path is a run of connected lines (ids) or a polyline in the project CRS; lines that run along it
// are drawn as bands, lines that cross it as their section at true depth, manholes as shafts.
// Stations are plan distances along the path from its first point, in metres.
#include <optional>
#include <string>
#include <vector>

#include "model.h"

namespace subterra {

struct ProfilePath {
    std::vector<Vec3d> plan;          // z unused
    std::vector<std::string> runIds;  // the lines the path follows, when given as ids
};

// "S-0001,S-0002,..." (connected lines, in any direction: each is turned to continue the one
// before), "from:MH-1 to:MH-9" (the shortest run of lines between two nodes, network_route.h) or
// "x1,y1;x2,y2;..." (a polyline, project CRS). nullopt + one-line `error` otherwise.
std::optional<ProfilePath> parseProfilePath(const std::string& text, const Model& model, std::string& error);

// A straight piece of a line lying along the path (within 0.5 m in plan).
struct ProfilePiece {
    size_t segment = 0;
    double station0 = 0, z0 = 0, station1 = 0, z1 = 0;  // centreline
};

// A line crossing the path: its centre where it crosses.
struct ProfileCrossing {
    size_t segment = 0;
    double station = 0, z = 0;
    double coverM = 0;  // ground minus top of the line there
};

struct ProfileManhole {
    size_t node = 0;
    double station = 0;
};

struct Profile {
    ProfilePath path;
    double lengthM = 0;
    std::vector<std::pair<double, double>> ground;  // (station, ground level), in station order
    std::vector<ProfilePiece> pieces;
    std::vector<ProfileCrossing> crossings;  // in station order
    std::vector<ProfileManhole> manholes;    // in station order
    double minZ = 0, maxZ = 0;               // everything drawn, for the vertical scale
};

// nullopt + `error` when the path touches no line at all.
std::optional<Profile> buildProfile(const Model& model, const ProfilePath& path, std::string& error);

// Station and plan distance of the point of `path` closest to (x, y).
std::pair<double, double> stationOf(const std::vector<Vec3d>& path, double x, double y);

}  // namespace subterra
