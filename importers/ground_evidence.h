#pragma once
// Where the data itself states the ground level: node ground (rim) levels, building bases and
// relief surfaces.
// Without a DEM the loader builds the ground through these (node_ground.h) instead of a flat plane
// at 0 m, which leaves data with real heights floating or buried.
#include <vector>

#include "model.h"

namespace subterra {

struct GroundEvidence {
    std::vector<Vec3d> points;  // x, y in the project CRS; z = the ground level there
    long nodes = 0, buildings = 0, reliefPoints = 0;

    void addNode(const Vec3d& groundPoint) {
        points.push_back(groundPoint);
        ++nodes;
    }
    // A building standing at baseZ: its footprint's corners are ground points.
    void addBuilding(const std::vector<Vec3d>& footprint, double baseZ) {
        for (const auto& p : footprint) points.push_back({p.x, p.y, baseZ});
        ++buildings;
    }
    // A vertex of a terrain surface the data carries (a CityJSON TINRelief).
    void addReliefPoint(const Vec3d& point) {
        points.push_back(point);
        ++reliefPoints;
    }
    void add(const GroundEvidence& other) {
        points.insert(points.end(), other.points.begin(), other.points.end());
        nodes += other.nodes;
        buildings += other.buildings;
        reliefPoints += other.reliefPoints;
    }
};

}  // namespace subterra
