#pragma once
// The neutral model: what importers produce and the scene builder consumes.
// No OSG, no UI. Coordinates are in the project CRS, in double precision (metres).
#include <cmath>
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace subterra {

struct Vec3d {
    double x = 0, y = 0, z = 0;
};

// Horizontal distance, ignoring z: what plans, profiles and routes measure along.
inline double planDistance(const Vec3d& a, const Vec3d& b) { return std::hypot(a.x - b.x, a.y - b.y); }

enum class UtilityKind { Water, Sewer, Storm, Gas, Power, Telecom, Heating, Other };

const char* toString(UtilityKind kind);
// Accepts the canonical names and common synonyms ("electric", "drain", "district heating"...).
std::optional<UtilityKind> parseUtilityKind(const std::string& text);
// The kind named by the whole text or by one of its words ("W_WATER_DN200" -> water).
std::optional<UtilityKind> utilityFromName(const std::string& name);

// What a feature id names: EPANET and SWMM give nodes, links and subcatchments separate id
// namespaces, so one layer may hold a junction "10" and a pipe "10".
enum class FeatureKind : unsigned char { Any, Segment, Node, Building, Patch };
// "segment", "node", "building", "area" (as the Inspector titles them); "any".
const char* featureKindName(FeatureKind kind);
// The kind a name stands for; nullopt for an unknown name.
std::optional<FeatureKind> featureKindFromName(const std::string& name);

// How the vertical position of a feature is known, from best to worst (the Z rules).
enum class DepthSource { Measured3D, Invert, CoverDepth, Assumed };
const char* toString(DepthSource source);

struct CrossSection {
    enum class Shape { Circular, Rectangular };
    Shape shape = Shape::Circular;
    double diameterM = 0;  // outer diameter, circular
    double widthM = 0;     // rectangular ducts/culverts
    double heightM = 0;
    double wallThicknessM = 0;  // 0 = unknown (a cut shows a filled face instead of a ring)
    bool assumed = false;       // no usable size in the source: a default per utility kind was used
    // An open channel's surface across the section (a SWMM STREET: backing, curb, gutter, crown),
    // left to right, as (across, up) metres from the centreline; drawn as a slab under that surface
    // instead of the box. The box (Rectangular widthM x heightM) still stands for it in clearance
    // checks, cuts and the inspector. Empty for closed shapes.
    std::vector<std::array<double, 2>> openProfile;
    bool isKnown() const { return shape == Shape::Circular ? diameterM > 0 : widthM > 0 && heightM > 0; }
    double verticalExtentM() const { return shape == Shape::Circular ? diameterM : heightM; }
};

// A line feature: pipe, cable, duct bank. Points are the centreline in project CRS.
struct Segment {
    std::string id;
    std::string layer;
    UtilityKind utility = UtilityKind::Other;
    std::vector<Vec3d> points;
    CrossSection section;
    std::string material;
    int installYear = 0;  // 0 = unknown
    std::string status;
    DepthSource depthSource = DepthSource::Assumed;
    std::map<std::string, std::string> attributes;  // every source field, for the inspector
};

// Inlet: a street inlet (grate, curb opening) on the surface, its lead going down to the sewer.
enum class NodeKind {
    Manhole,
    Chamber,
    Valve,
    Hydrant,
    Junction,
    Tank,
    Pump,
    Reservoir,
    Outfall,
    Storage,
    Inlet,
    Other
};
const char* toString(NodeKind kind);
std::optional<NodeKind> parseNodeKind(const std::string& text);

// A point feature. Manholes are drawn as shafts from groundZ down to invertZ.
struct Node {
    std::string id;
    std::string layer;
    UtilityKind utility = UtilityKind::Other;
    NodeKind kind = NodeKind::Manhole;
    Vec3d position;  // x, y in project CRS; z = ground level at the node
    double groundZ = 0;
    double invertZ = 0;
    double sizeM = 1.0;  // shaft diameter
    double heightM = 0;  // tanks: how far the symbol rises above groundZ
    DepthSource depthSource = DepthSource::Assumed;
    std::map<std::string, std::string> attributes;
};

// One planar polygon of a 3D building model (CityJSON LoD1/LoD2), with what it is.
struct BuildingSurface {
    enum class Kind { Roof, Wall, Ground, Other };
    Kind kind = Kind::Other;
    std::vector<Vec3d> outer;  // no repeated closing point
    std::vector<std::vector<Vec3d>> holes;
};
const char* toString(BuildingSurface::Kind kind);

// A footprint extruded from its base (ground) by heightM; basementDepthM goes below ground.
// When `surfaces` is set (a real 3D model), they are drawn instead of the extrusion; footprint,
// baseZ and heightM then describe the model's bounding prism (extent, picking).
struct Building {
    std::string id;
    std::string layer;
    std::vector<Vec3d> footprint;  // outer ring, no repeated closing point
    std::vector<std::vector<Vec3d>> holes;
    double baseZ = 0;
    double heightM = 10;
    double basementDepthM = 0;
    std::vector<BuildingSurface> surfaces;
    std::map<std::string, std::string> attributes;
};

// A regular grid of ground elevation samples. Row 0 is the northern edge (as GDAL stores rasters).
struct Terrain {
    double originX = 0, originY = 0;  // position of sample (0,0), the north-west one, project CRS
    double cellX = 1, cellY = 1;      // sample spacing in metres (both positive)
    int columns = 0, rows = 0;
    std::vector<float> heights;  // rows*columns, NaN where unknown
    std::string crsWkt;

    bool empty() const { return columns < 2 || rows < 2; }
    double height(int column, int row) const { return heights[size_t(row) * columns + column]; }
    // Bilinear ground level; nullopt outside the grid, at unknown cells or for a non-finite x or y.
    std::optional<double> sample(double x, double y) const;
    // Like sample(), but outside the grid takes the nearest edge sample; nullopt only at unknown cells.
    std::optional<double> sampleClamped(double x, double y) const;
    bool covers(double x, double y) const { return x >= minX() && x <= maxX() && y >= minY() && y <= maxY(); }
    double minX() const { return originX; }
    double maxX() const { return originX + cellX * (columns - 1); }
    double maxY() const { return originY; }
    double minY() const { return originY - cellY * (rows - 1); }
};

// A triangle mesh from a CAD file (chamber, pump station, tunnel segment), placed in the project.
// One per file: the file's node hierarchy is flattened and its meshes merged per material.
struct MeshPart {
    std::string material;                                // the file's material name
    std::array<float, 4> color{0.7f, 0.7f, 0.7f, 1.0f};  // base/diffuse colour and opacity
    uint32_t firstTriangle = 0, triangleCount = 0;
};

struct Mesh {
    std::string id;
    std::string layer;
    std::vector<Vec3d> vertices;                     // project CRS, z up
    std::vector<std::array<float, 3>> normals;       // per vertex, unit length, z up
    std::vector<std::array<uint32_t, 3>> triangles;  // indices into vertices
    std::vector<MeshPart> parts;                     // consecutive triangle ranges, one per material
    std::map<std::string, std::string> attributes;
};

// A ground area (a SWMM subcatchment, a road surface, a parcel, a stream): a plan polygon drawn
// as a see-through patch on the ground. Outline z is the ground level the source implies; the
// scene drapes the patch on the terrain where there is one.
enum class PatchKind { Area, Road, Parcel, Water };
struct GroundPatch {
    std::string id;
    std::string layer;
    PatchKind kind = PatchKind::Area;
    std::string landUse;         // dominant land use; empty = not stated
    std::vector<Vec3d> outline;  // no repeated closing point
    std::map<std::string, std::string> attributes;
};

struct Extent {
    double minX = 1e300, minY = 1e300, minZ = 1e300;
    double maxX = -1e300, maxY = -1e300, maxZ = -1e300;
    bool valid() const { return minX <= maxX; }
    void add(const Vec3d& p);
    void add(const Extent& e);
    Vec3d centre() const { return {(minX + maxX) / 2, (minY + maxY) / 2, (minZ + maxZ) / 2}; }
};

// Everything a project or a set of files contributes, merged.
struct Model {
    std::string crsWkt;  // project CRS; empty = unknown/local
    std::vector<Segment> segments;
    std::vector<Node> nodes;
    std::vector<Building> buildings;
    std::vector<Mesh> meshes;
    std::vector<GroundPatch> patches;
    std::optional<Terrain> terrain;
    double flatGroundZ = 0;  // ground level when there is no terrain

    double groundAt(double x, double y) const;
    Extent extent() const;
    bool empty() const {
        return segments.empty() && nodes.empty() && buildings.empty() && meshes.empty() && patches.empty();
    }
};

}  // namespace subterra
