#pragma once
// What is already laid under the district: every pipe and duct with the 3D centreline Subterra's
// importer will give it, and every manhole or chamber shaft. Later networks ask it what they cross,
// so that they can pass above or below with clearance.
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "table.h"

namespace district {

class Underground {
  public:
    // A pipe (height = width = diameter) or duct bank; `centre` holds the centreline z of each vertex.
    // Returns the line's index.
    int addLine(std::string id, std::string utility, const Ring& centre, double height, double width);
    // A vertical shaft (manhole, valve chamber) from `bottom` up to `top`.
    void addShaft(const Point3& at, double radius, double bottom, double top);

    struct Crossing {
        double station;      // along the queried segment, from its start
        double bottom, top;  // outer surface of the crossed line at the crossing, absolute z
        double halfWidth;    // of the crossed line, in plan
        int line;
    };
    // The lines crossing the plan segment a-b, in station order. Lines meeting it at one of its ends,
    // or ending on it, are connections rather than crossings and are left out.
    std::vector<Crossing> crossings(const Point3& a, const Point3& b) const;

    // The line of `utility` passing through (x, y) (within a centimetre): its centreline z and half
    // height there. False if there is none.
    bool centreAt(double x, double y, const std::string& utility, double& z, double& halfHeight) const;

    // Whether a pipe of `halfWidth` along a-b would pass through a shaft, or run within `gap` of a
    // parallel line (in plan, surface to surface).
    bool blocked(const Point3& a, const Point3& b, double halfWidth, double gap) const;

    const std::string& id(int line) const { return lines_[size_t(line)].id; }
    const std::string& utility(int line) const { return lines_[size_t(line)].utility; }

  private:
    struct Line {
        std::string id, utility;
        double halfHeight, halfWidth;
    };
    struct Piece {  // one straight stretch of a line, between two of its vertices
        Point3 a, b;
        int line;
        bool aIsEnd, bIsEnd;  // whether a / b is an end of the whole line
    };
    struct Shaft {
        Point3 at;
        double radius, bottom, top;
    };
    using CellKey = std::int64_t;
    static CellKey key(long x, long y) { return (CellKey(x) << 32) ^ CellKey(std::uint32_t(y)); }
    template <class Visit>
    void forCells(double minX, double minY, double maxX, double maxY, Visit visit) const;
    std::vector<int> piecesNear(double minX, double minY, double maxX, double maxY) const;

    static constexpr double kCell = 16.0;
    std::vector<Line> lines_;
    std::vector<Piece> pieces_;
    std::vector<Shaft> shafts_;
    std::unordered_map<CellKey, std::vector<int>> pieceCells_, shaftCells_;
};

}  // namespace district
