#include "feature_meshes.h"

#include <algorithm>
#include <cmath>

#include "node_symbols.h"
#include "building_surfaces.h"
#include "flow_direction.h"
#include "polygon_mesh.h"
#include "tube_mesh.h"
#include "utility_colors.h"

namespace subterra {

namespace {
std::vector<osg::Vec3> localPoints(const std::vector<Vec3d>& points, const Vec3d& origin) {
    std::vector<osg::Vec3> local;
    local.reserve(points.size());
    for (const auto& p : points) local.push_back(toLocal(p, origin));
    return local;
}

// Douglas-Peucker in 3D: drops vertices that lie within `tolerance` of the simplified line.
// Surveyed and generated lines often carry a vertex every few metres along a straight run;
// each costs a ring of triangles and changes nothing visible.
void simplifyRange(const std::vector<osg::Vec3>& points, size_t first, size_t last, float tolerance,
                   std::vector<bool>& keep) {
    if (last <= first + 1) return;
    const osg::Vec3 a = points[first];
    osg::Vec3 direction = points[last] - a;
    const float length = direction.normalize();
    float worst = -1;
    size_t worstIndex = first;
    for (size_t i = first + 1; i < last; ++i) {
        const osg::Vec3 offset = points[i] - a;
        const float distance = length > 0 ? (offset - direction * (offset * direction)).length() : offset.length();
        if (distance > worst) worst = distance, worstIndex = i;
    }
    if (worst <= tolerance) return;
    keep[worstIndex] = true;
    simplifyRange(points, first, worstIndex, tolerance, keep);
    simplifyRange(points, worstIndex, last, tolerance, keep);
}

std::vector<osg::Vec3> simplified(const std::vector<osg::Vec3>& points, float tolerance) {
    if (points.size() < 3) return points;
    std::vector<bool> keep(points.size(), false);
    keep.front() = keep.back() = true;
    simplifyRange(points, 0, points.size() - 1, tolerance, keep);
    std::vector<osg::Vec3> result;
    for (size_t i = 0; i < points.size(); ++i)
        if (keep[i]) result.push_back(points[i]);
    return result;
}

std::vector<osg::Vec2> channelSurface(const CrossSection& section) {
    std::vector<osg::Vec2> surface;
    for (const auto& [across, up] : section.openProfile) surface.emplace_back(float(across), float(up));
    return surface;
}

osg::Vec4 mixColor(const osg::Vec4& a, const osg::Vec4& b, float t) { return a * (1 - t) + b * t; }
osg::Vec4 withAlpha(osg::Vec4 color, float alpha) {
    color.a() = alpha;
    return color;
}
}  // namespace

SegmentPath segmentPath(const Segment& segment, const Vec3d& revealFrom) {
    SegmentPath path;
    if (segment.points.empty()) return path;
    const Vec3d &first = segment.points.front(), &last = segment.points.back();
    const double toFirst = planDistance(revealFrom, first), toLast = planDistance(revealFrom, last);
    path.revealFromLast = toLast < toFirst;
    path.revealStartM = std::min(toFirst, toLast);
    path.flowReversed = flowReversed(segment);
    return path;
}

namespace {
// Reveal and flow distance at each point of the drawn polyline.
std::vector<osg::Vec2> pathAtPoints(const std::vector<osg::Vec3>& points, const SegmentPath& path) {
    std::vector<float> along(points.size(), 0.0f);
    for (size_t i = 1; i < points.size(); ++i) along[i] = along[i - 1] + (points[i] - points[i - 1]).length();
    const float length = along.empty() ? 0.0f : along.back();
    std::vector<osg::Vec2> result;
    for (float s : along)
        result.emplace_back(float(path.revealStartM) + (path.revealFromLast ? length - s : s),
                            path.flowReversed ? length - s : s);
    return result;
}
}  // namespace

void appendSegment(MeshBuffer& mesh, const Segment& segment, const Vec3d& origin, const osg::Vec4& color,
                   const SegmentPath& path, Detail detail) {
    mesh.beginFeature(segment.id, FeatureKind::Segment);
    const CrossSection& s = segment.section;
    const float tolerance = 0.01f + 0.05f * float(s.verticalExtentM());  // well below what shows
    const auto points = simplified(localPoints(segment.points, origin), tolerance);
    mesh.pointPath = pathAtPoints(points, path);
    if (!s.openProfile.empty()) appendChannel(mesh, points, channelSurface(s), 0.2f, color);
    else if (s.shape == CrossSection::Shape::Rectangular)
        appendDuct(mesh, points, float(s.widthM), float(s.heightM), color);
    else appendTube(mesh, points, float(s.diameterM / 2), roundSides(tubeSides(s.diameterM), detail), color);
    const osg::Vec4 lineColor = color * 0.85f;
    unsigned previous = 0;
    for (size_t i = 0; i < points.size(); ++i) {
        mesh.atPathPoint(i);
        const unsigned v = mesh.addVertex(points[i], osg::Vec3(0, 0, 1),
                                          osg::Vec4(lineColor.r(), lineColor.g(), lineColor.b(), color.a()));
        if (i > 0) mesh.addLine(previous, v);
        previous = v;
    }
    mesh.pointPath.clear();
}

double drawnWidthM(const Segment& segment) {
    const CrossSection& s = segment.section;
    return s.shape == CrossSection::Shape::Rectangular ? std::max(s.widthM, s.heightM) : s.diameterM;
}

double drawnWidthM(const Node& node) {
    switch (node.kind) {                                // as node_symbols.cpp and appendNode draw them
        case NodeKind::Outfall: return 2 * node.sizeM;  // the headwall
        case NodeKind::Tank: return std::max(1.04 * node.sizeM, std::max(node.heightM, 1.0));
        default: return 1.15 * node.sizeM;  // a shaft's cover, a valve, a pump, a basin
    }
}

void appendNode(MeshBuffer& mesh, const Node& node, const Vec3d& origin, const osg::Vec4& color, Detail detail) {
    mesh.beginFeature(node.id, FeatureKind::Node);
    if (appendNodeSymbol(mesh, node, origin, color)) return;
    const Vec3d top{node.position.x, node.position.y, node.groundZ};
    if (node.kind == NodeKind::Hydrant) {
        const Vec3d head{top.x, top.y, top.z + 0.8};
        appendTube(mesh, {toLocal(top, origin), toLocal(head, origin)}, 0.12f, roundSides(12, detail), color);
    }
    const bool isShaft =
        node.kind == NodeKind::Manhole || node.kind == NodeKind::Chamber || node.kind == NodeKind::Tank;
    const float radius = float(isShaft ? node.sizeM / 2 : std::min(node.sizeM, 0.4) / 2);
    const Vec3d bottom{top.x, top.y, node.invertZ};
    // The shaft stops a hair below ground so the cover is what shows at street level.
    const Vec3d shaftTop{top.x, top.y, top.z - 0.06};
    const osg::Vec4 wall = mixColor(color, osg::Vec4(0.55f, 0.55f, 0.55f, color.a()), 0.45f);
    const int sides = roundSides(12, detail);
    if (shaftTop.z > bottom.z)
        appendTube(mesh, {toLocal(shaftTop, origin), toLocal(bottom, origin)}, radius, sides, wall);
    const Vec3d coverTop{top.x, top.y, top.z + 0.04};
    appendTube(mesh, {toLocal(coverTop, origin), toLocal(shaftTop, origin)}, radius * 1.15f, sides,
               withAlpha(manholeCoverColor(), color.a()));
}

namespace {
void appendWalls(MeshBuffer& mesh, const std::vector<Vec3d>& ring, double bottomZ, double topZ, const Vec3d& origin,
                 const osg::Vec4& color) {
    for (size_t i = 0; i < ring.size(); ++i) {
        const Vec3d& a = ring[i];
        const Vec3d& b = ring[(i + 1) % ring.size()];
        osg::Vec3 normal(float(b.y - a.y), float(a.x - b.x), 0);
        normal.normalize();
        const unsigned v0 = mesh.addVertex(toLocal({a.x, a.y, bottomZ}, origin), normal, color);
        const unsigned v1 = mesh.addVertex(toLocal({b.x, b.y, bottomZ}, origin), normal, color);
        const unsigned v2 = mesh.addVertex(toLocal({b.x, b.y, topZ}, origin), normal, color);
        const unsigned v3 = mesh.addVertex(toLocal({a.x, a.y, topZ}, origin), normal, color);
        mesh.addTriangle(v0, v1, v2);
        mesh.addTriangle(v0, v2, v3);
    }
}

// A flat polygon with holes at height z.
void appendFlatPolygon(MeshBuffer& mesh, const Building& building, double z, const osg::Vec3& normal,
                       const Vec3d& origin, const osg::Vec4& color) {
    std::vector<std::vector<osg::Vec3>> rings;
    auto addRing = [&](const std::vector<Vec3d>& ring) {
        rings.emplace_back();
        for (const auto& p : ring) rings.back().push_back(toLocal({p.x, p.y, z}, origin));
    };
    addRing(building.footprint);
    for (const auto& hole : building.holes) addRing(hole);
    appendPolygon(mesh, rings, normal, color);
}
}  // namespace

void appendBuilding(MeshBuffer& mesh, const Building& building, const Vec3d& origin, const osg::Vec4& color) {
    mesh.beginFeature(building.id, FeatureKind::Building);
    if (!building.surfaces.empty()) return appendBuildingSurfaces(mesh, building, origin, color.a());
    const double bottom = building.baseZ - building.basementDepthM;
    const double top = building.baseZ + building.heightM;
    appendWalls(mesh, building.footprint, bottom, top, origin, color);
    for (const auto& hole : building.holes) appendWalls(mesh, hole, bottom, top, origin, color);
    appendFlatPolygon(mesh, building, top, osg::Vec3(0, 0, 1), origin, withAlpha(color * 1.06f, color.a()));
    appendFlatPolygon(mesh, building, bottom, osg::Vec3(0, 0, -1), origin, withAlpha(color * 0.8f, color.a()));
}

void appendTerrain(MeshBuffer& mesh, const Terrain& terrain, const Vec3d& origin, int maxSamples) {
    mesh.beginFeature("terrain");
    const int stride = std::max(1, int(std::ceil(double(std::max(terrain.columns, terrain.rows)) / maxSamples)));
    const int columns = (terrain.columns - 1) / stride + 1, rows = (terrain.rows - 1) / stride + 1;
    const double dx = terrain.cellX * stride, dy = terrain.cellY * stride;
    auto heightAt = [&](int c, int r) {
        return terrain.height(std::min(c * stride, terrain.columns - 1), std::min(r * stride, terrain.rows - 1));
    };
    const unsigned first = unsigned(mesh.vertices.size());
    const osg::Vec4 color = groundColor();
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < columns; ++c) {
            const double h = heightAt(c, r);
            const double hx = heightAt(std::min(c + 1, columns - 1), r) - heightAt(std::max(c - 1, 0), r);
            const double hy = heightAt(c, std::max(r - 1, 0)) - heightAt(c, std::min(r + 1, rows - 1));
            osg::Vec3 normal(float(-hx / (2 * dx)), float(-hy / (2 * dy)), 1.0f);
            normal.normalize();
            if (!std::isfinite(normal.x()) || !std::isfinite(normal.y())) normal = osg::Vec3(0, 0, 1);
            const Vec3d p{terrain.originX + c * dx, terrain.originY - r * dy, std::isnan(h) ? 0.0 : h};
            mesh.addVertex(toLocal(p, origin), normal, color);
        }
    for (int r = 0; r + 1 < rows; ++r)
        for (int c = 0; c + 1 < columns; ++c) {
            if (std::isnan(heightAt(c, r)) || std::isnan(heightAt(c + 1, r)) || std::isnan(heightAt(c, r + 1)) ||
                std::isnan(heightAt(c + 1, r + 1)))
                continue;  // no ground where the DEM has no data
            const unsigned a = first + unsigned(r * columns + c), b = a + 1, d = a + unsigned(columns), e = d + 1;
            mesh.addTriangle(a, d, b);
            mesh.addTriangle(b, d, e);
        }
}

}  // namespace subterra
