#include "cut_geometry.h"

#include <algorithm>
#include <cmath>

#include "local_coords.h"

namespace subterra {

namespace {
using V = Vec3d;
V add(V a, V b) { return {a.x + b.x, a.y + b.y, a.z + b.z}; }
V sub(V a, V b) { return {a.x - b.x, a.y - b.y, a.z - b.z}; }
V mul(V a, double s) { return {a.x * s, a.y * s, a.z * s}; }
double dot(V a, V b) { return a.x * b.x + a.y * b.y + a.z * b.z; }
V cross(V a, V b) { return {a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x}; }
V normalized(V a) {
    const double l = std::sqrt(dot(a, a));
    return l > 0 ? mul(a, 1 / l) : a;
}
osg::Vec3 toVec3(V a) { return osg::Vec3(float(a.x), float(a.y), float(a.z)); }

// A grid of vertices with depth below ground as texture coordinate, triangulated cell by cell.
struct EarthMesh {
    osg::ref_ptr<osg::Vec3Array> vertices = new osg::Vec3Array;
    osg::ref_ptr<osg::Vec3Array> normals = new osg::Vec3Array;
    osg::ref_ptr<osg::Vec2Array> depths = new osg::Vec2Array;
    osg::ref_ptr<osg::DrawElementsUInt> triangles = new osg::DrawElementsUInt(GL_TRIANGLES);

    unsigned addVertex(const V& p, const V& normal, const Model& model, const V& origin) {
        vertices->push_back(toVec3(sub(p, origin)));
        normals->push_back(toVec3(normal));
        depths->push_back(osg::Vec2(float(model.groundAt(p.x, p.y) - p.z), 0));
        return unsigned(vertices->size() - 1);
    }
    // A rectangle spanned by `corner + s*u + t*v`, s in 0..1 over `columns`, t over `rows`.
    void addGrid(const V& corner, const V& u, const V& v, int columns, int rows, const V& normal, const Model& model,
                 const V& origin) {
        const unsigned first = unsigned(vertices->size());
        for (int r = 0; r <= rows; ++r)
            for (int c = 0; c <= columns; ++c)
                addVertex(add(corner, add(mul(u, double(c) / columns), mul(v, double(r) / rows))), normal, model,
                          origin);
        for (int r = 0; r < rows; ++r)
            for (int c = 0; c < columns; ++c) {
                const unsigned a = first + unsigned(r * (columns + 1) + c), b = a + 1, d = a + unsigned(columns + 1);
                for (unsigned index : {a, b, d + 1, a, d + 1, d}) triangles->push_back(index);
            }
    }
    osg::ref_ptr<osg::Geometry> geometry() {
        osg::ref_ptr<osg::Geometry> g = new osg::Geometry;
        g->setUseVertexBufferObjects(true);
        g->setVertexArray(vertices);
        g->setNormalArray(normals, osg::Array::BIND_PER_VERTEX);
        g->setTexCoordArray(0, depths, osg::Array::BIND_PER_VERTEX);
        g->addPrimitiveSet(triangles);
        return g;
    }
};

// Enough columns that the ground line follows the terrain: about one per `spacing` metres.
int columnsFor(double length, double spacing) { return std::clamp(int(std::ceil(length / spacing)), 1, 2000); }

// The part of the infinite line p + t*d (plan) inside the box, as a parameter range.
bool clipLineToBox(const V& p, const V& d, const GroundBox& box, double& t0, double& t1) {
    t0 = -1e300, t1 = 1e300;
    const double lo[2] = {box.minX, box.minY}, hi[2] = {box.maxX, box.maxY};
    const double pp[2] = {p.x, p.y}, dd[2] = {d.x, d.y};
    for (int axis = 0; axis < 2; ++axis) {
        if (std::abs(dd[axis]) < 1e-12) {
            if (pp[axis] < lo[axis] || pp[axis] > hi[axis]) return false;
            continue;
        }
        double a = (lo[axis] - pp[axis]) / dd[axis], b = (hi[axis] - pp[axis]) / dd[axis];
        if (a > b) std::swap(a, b);
        t0 = std::max(t0, a), t1 = std::min(t1, b);
    }
    return t1 > t0;
}

double groundSpacing(const Model& model) {
    return model.terrain ? std::max(0.25, std::min(model.terrain->cellX, model.terrain->cellY) / 2) : 5.0;
}
}  // namespace

GroundBox groundBoxOf(const Model& model) {
    const Extent e = model.extent();
    GroundBox box{e.minX, e.minY, e.maxX, e.maxY, e.minZ, e.maxZ};
    if (model.terrain) {
        const Terrain& t = *model.terrain;
        box.minX = std::min(box.minX, t.minX()), box.maxX = std::max(box.maxX, t.maxX());
        box.minY = std::min(box.minY, t.minY()), box.maxY = std::max(box.maxY, t.maxY());
        for (float h : t.heights)
            if (std::isfinite(h)) box.minZ = std::min(box.minZ, double(h)), box.maxZ = std::max(box.maxZ, double(h));
    } else {
        box.minZ = std::min(box.minZ, model.flatGroundZ), box.maxZ = std::max(box.maxZ, model.flatGroundZ);
    }
    box.minZ -= 3.0;
    box.maxZ += 1.0;
    return box;
}

osg::ref_ptr<osg::Geometry> sectionEarthFace(const SectionPlane& plane, const Model& model, const GroundBox& box,
                                             const Vec3d& local) {
    EarthMesh mesh;
    const V n = plane.normal;
    const double spacing = groundSpacing(model);
    if (std::abs(n.z) < 1e-9) {
        // Vertical: columns along the plane's plan line, one row from the bottom to the top.
        const V along = normalized(cross(V{0, 0, 1}, n));
        double t0, t1;
        if (!clipLineToBox(plane.point, along, box, t0, t1)) return nullptr;
        const V start = add(V{plane.point.x, plane.point.y, box.minZ}, mul(along, t0));
        mesh.addGrid(start, mul(along, t1 - t0), V{0, 0, box.maxZ - box.minZ}, columnsFor(t1 - t0, spacing), 1, n,
                     model, local);
    } else if (std::abs(n.x) < 1e-9 && std::abs(n.y) < 1e-9) {
        // Horizontal: a grid over the plan box at the plane's level.
        const double z = plane.point.z;
        if (z < box.minZ || z > box.maxZ) return nullptr;
        const double w = box.maxX - box.minX, h = box.maxY - box.minY;
        mesh.addGrid(V{box.minX, box.minY, z}, V{w, 0, 0}, V{0, h, 0}, columnsFor(w, spacing), columnsFor(h, spacing),
                     n, model, local);
    } else {
        // Any other plane: a grid over the plan box, lifted onto the plane (z from x, y).
        const double w = box.maxX - box.minX, h = box.maxY - box.minY;
        auto zAt = [&](double x, double y) {
            return plane.point.z - (n.x * (x - plane.point.x) + n.y * (y - plane.point.y)) / n.z;
        };
        const V corner{box.minX, box.minY, zAt(box.minX, box.minY)};
        mesh.addGrid(corner, V{w, 0, zAt(box.maxX, box.minY) - corner.z}, V{0, h, zAt(box.minX, box.maxY) - corner.z},
                     columnsFor(w, spacing), columnsFor(h, spacing), n, model, local);
    }
    return mesh.geometry();
}

double excavationFloorZ(const Excavation& e, const Model& model) {
    return model.groundAt(e.centreX, e.centreY) - e.depthM;
}

osg::ref_ptr<osg::Geometry> excavationFaces(const Excavation& e, const Model& model, const Vec3d& local) {
    EarthMesh mesh;
    const double angle = e.rotationDeg * M_PI / 180;
    const V ax{std::cos(angle), std::sin(angle), 0}, ay{-std::sin(angle), std::cos(angle), 0};
    const V centre{e.centreX, e.centreY, 0};
    const double floorZ = excavationFloorZ(e, model);
    // Corners anticlockwise; each wall runs from one to the next and faces the centre.
    const V corners[4] = {add(centre, add(mul(ax, -e.sizeX / 2), mul(ay, -e.sizeY / 2))),
                          add(centre, add(mul(ax, e.sizeX / 2), mul(ay, -e.sizeY / 2))),
                          add(centre, add(mul(ax, e.sizeX / 2), mul(ay, e.sizeY / 2))),
                          add(centre, add(mul(ax, -e.sizeX / 2), mul(ay, e.sizeY / 2)))};
    double topZ = floorZ;
    for (const V& c : corners) topZ = std::max(topZ, model.groundAt(c.x, c.y));
    for (int side = 0; side < 4; ++side) {
        const V a = corners[side], b = corners[(side + 1) % 4];
        const V along = sub(b, a);
        const V inward = normalized(cross(V{0, 0, 1}, along));
        // The ground may rise along a long wall: sample it, and reach well above it.
        double wallTop = topZ;
        const int columns = columnsFor(std::sqrt(dot(along, along)), 0.25);
        for (int c = 0; c <= columns; ++c) {
            const V p = add(a, mul(along, double(c) / columns));
            wallTop = std::max(wallTop, model.groundAt(p.x, p.y));
        }
        mesh.addGrid(V{a.x, a.y, floorZ}, along, V{0, 0, wallTop + 0.5 - floorZ}, columns, 1, inward, model, local);
    }
    mesh.addGrid(add(corners[0], V{0, 0, floorZ}), sub(corners[1], corners[0]), sub(corners[3], corners[0]),
                 columnsFor(e.sizeX, 0.5), columnsFor(e.sizeY, 0.5), V{0, 0, 1}, model, local);
    return mesh.geometry();
}

osg::Vec4 capColorFor(const osg::Vec4& pipeColor) {
    osg::Vec4 c = pipeColor;
    for (int i = 0; i < 3; ++i) c[i] = std::min(1.0f, c[i] * 0.75f + 0.3f);
    c[3] = 1.0f;
    return c;
}

osg::Vec4 boreColor() { return osg::Vec4(0.06f, 0.06f, 0.07f, 1.0f); }

namespace {
// Points of a section outline around the axis, in the plane perpendicular to it: a circle of
// `radius`, or the width x height rectangle (sides horizontal and vertical, as ducts are laid).
std::vector<V> sectionOutline(const CrossSection& section, const V& tangent, double shrink) {
    V side = cross(tangent, V{0, 0, 1});
    if (dot(side, side) < 1e-12) side = V{1, 0, 0};  // a vertical pipe
    side = normalized(side);
    const V up = normalized(cross(side, tangent));
    std::vector<V> outline;
    if (section.shape == CrossSection::Shape::Rectangular) {
        const double w = section.widthM / 2 - shrink, h = section.heightM / 2 - shrink;
        for (auto [s, u] : {std::pair{-1, -1}, {1, -1}, {1, 1}, {-1, 1}})
            outline.push_back(add(mul(side, s * w), mul(up, u * h)));
    } else {
        const double r = section.diameterM / 2 - shrink;
        const int n = 32;
        for (int i = 0; i < n; ++i) {
            const double a = 2 * M_PI * i / n;
            outline.push_back(add(mul(side, r * std::cos(a)), mul(up, r * std::sin(a))));
        }
    }
    return outline;
}

// Moves outline points (relative to `centre`) along the axis onto the plane.
std::vector<V> projectOntoPlane(const std::vector<V>& outline, const V& centre, const V& tangent,
                                const SectionPlane& plane) {
    std::vector<V> result;
    const double along = dot(plane.normal, tangent);
    for (const V& offset : outline) {
        const V p = add(centre, offset);
        result.push_back(sub(p, mul(tangent, signedDistance(plane, p) / along)));
    }
    return result;
}

void addFan(MeshBuffer& mesh, const std::vector<V>& outline, const V& centre, const V& normal, const V& origin,
            const osg::Vec4& color) {
    const osg::Vec3 n = toVec3(normal);
    const unsigned middle = mesh.addVertex(toLocal(centre, origin), n, color);
    const unsigned first = unsigned(mesh.vertices.size());
    for (const V& p : outline) mesh.addVertex(toLocal(p, origin), n, color);
    for (unsigned i = 0; i < outline.size(); ++i)
        mesh.addTriangle(middle, first + i, first + (i + 1) % unsigned(outline.size()));
}

void addRing(MeshBuffer& mesh, const std::vector<V>& outer, const std::vector<V>& inner, const V& normal,
             const V& origin, const osg::Vec4& color) {
    const osg::Vec3 n = toVec3(normal);
    const unsigned first = unsigned(mesh.vertices.size());
    for (size_t i = 0; i < outer.size(); ++i) {
        mesh.addVertex(toLocal(outer[i], origin), n, color);
        mesh.addVertex(toLocal(inner[i], origin), n, color);
    }
    const unsigned count = unsigned(outer.size());
    for (unsigned i = 0; i < count; ++i) {
        const unsigned o0 = first + 2 * i, i0 = o0 + 1, o1 = first + 2 * ((i + 1) % count), i1 = o1 + 1;
        mesh.addTriangle(o0, o1, i1);
        mesh.addTriangle(o0, i1, i0);
    }
}
}  // namespace

int appendSegmentCaps(MeshBuffer& mesh, const Segment& segment, const SectionPlane& plane, const Vec3d& origin,
                      const osg::Vec4& capColor) {
    const CrossSection& section = segment.section;
    const double halfSize = section.verticalExtentM() / 2;
    const double wall = section.wallThicknessM;
    const bool ring = section.shape == CrossSection::Shape::Circular && wall > 0 && wall < halfSize * 0.9;
    int caps = 0;
    for (size_t i = 1; i < segment.points.size(); ++i) {
        const V a = segment.points[i - 1], b = segment.points[i];
        const double da = signedDistance(plane, a), db = signedDistance(plane, b);
        if ((da > 0) == (db > 0)) continue;
        const V tangent = normalized(sub(b, a));
        // A pipe nearly parallel to the plane would give an endless sliver: its back faces show
        // the cut instead.
        if (std::abs(dot(plane.normal, tangent)) < 0.15) continue;
        const V centre = add(a, mul(sub(b, a), da / (da - db)));
        // Lifted a hair towards the viewer's side so the cap wins the depth test over the cut
        // pipe's own surfaces at the same place.
        const V lift = mul(plane.normal, 0.002);
        const V normal = plane.normal;
        auto outer = projectOntoPlane(sectionOutline(section, tangent, 0), centre, tangent, plane);
        for (auto& p : outer) p = add(p, lift);
        if (ring) {
            auto inner = projectOntoPlane(sectionOutline(section, tangent, wall), centre, tangent, plane);
            for (auto& p : inner) p = add(p, lift);
            addRing(mesh, outer, inner, normal, origin, capColor);
            addFan(mesh, inner, add(centre, lift), normal, origin, boreColor());
        } else {
            addFan(mesh, outer, add(centre, lift), normal, origin, capColor);
        }
        ++caps;
    }
    return caps;
}

}  // namespace subterra
