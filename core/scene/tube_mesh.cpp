#include "tube_mesh.h"

#include <algorithm>
#include <cmath>

namespace subterra {

namespace {
osg::Vec3 normalized(osg::Vec3 v) {
    v.normalize();
    return v;
}

osg::Vec3 reflect(const osg::Vec3& v, const osg::Vec3& axis, float axisLength2) {
    return v - axis * (2.0f * (axis * v) / axisLength2);
}

// First frame: n horizontal and across the line, b "up" — or, for a vertical line, n along x.
void initialNormals(const osg::Vec3& t, osg::Vec3& n, osg::Vec3& b) {
    const osg::Vec3 up(0, 0, 1);
    osg::Vec3 across = t ^ up;
    if (across.length2() < 1e-8f) across = osg::Vec3(1, 0, 0) ^ t;
    n = normalized(across);
    b = normalized(n ^ t);
}
}  // namespace

int tubeSides(double diameterM) {
    // Smooth normals make few sides read as round; city-wide scenes hold millions of thin pipes.
    if (diameterM < 0.1) return 6;
    if (diameterM < 0.25) return 8;
    if (diameterM < 0.5) return 12;
    if (diameterM < 1.0) return 16;
    return 24;
}

int roundSides(int fullSides, Detail detail) { return detail == Detail::Full ? fullSides : std::max(4, fullSides / 3); }

std::vector<PolylineFrame> polylineFrames(const std::vector<osg::Vec3>& points) {
    const size_t count = points.size();
    std::vector<PolylineFrame> frames(count);
    std::vector<osg::Vec3> segmentDirections(count - 1);
    for (size_t i = 0; i + 1 < count; ++i) segmentDirections[i] = normalized(points[i + 1] - points[i]);
    for (size_t i = 0; i < count; ++i) {
        const osg::Vec3& in = segmentDirections[i == 0 ? 0 : i - 1];
        const osg::Vec3& out = segmentDirections[std::min(i, count - 2)];
        osg::Vec3 t = in + out;
        frames[i].t = t.length2() > 1e-8f ? normalized(t) : out;  // a full U-turn keeps the outgoing direction
        const float cosHalf = std::max(frames[i].t * out, 0.5f);  // cap the widening at sharp bends
        frames[i].scale = 1.0f / cosHalf;
    }
    initialNormals(frames[0].t, frames[0].n, frames[0].b);
    for (size_t i = 0; i + 1 < count; ++i) {
        const osg::Vec3 v1 = points[i + 1] - points[i];
        const float c1 = v1.length2();
        const osg::Vec3 nL = reflect(frames[i].n, v1, c1);
        const osg::Vec3 tL = reflect(frames[i].t, v1, c1);
        const osg::Vec3 v2 = frames[i + 1].t - tL;
        const float c2 = v2.length2();
        frames[i + 1].n = normalized(c2 > 1e-12f ? reflect(nL, v2, c2) : nL);
        frames[i + 1].b = normalized(frames[i + 1].n ^ frames[i + 1].t);
    }
    return frames;
}

void appendTube(MeshBuffer& mesh, const std::vector<osg::Vec3>& points, float radius, int sides,
                const osg::Vec4& color) {
    if (points.size() < 2) return;
    const auto frames = polylineFrames(points);
    const unsigned first = unsigned(mesh.vertices.size());
    for (size_t i = 0; i < points.size(); ++i) {
        const PolylineFrame& f = frames[i];
        mesh.atPathPoint(i);
        // The bend widens the ring only in the bend's plane; an approximation that widens evenly
        // is off by less than the tessellation for the gentle bends of pipes.
        for (int s = 0; s < sides; ++s) {
            const float angle = 2.0f * float(M_PI) * float(s) / float(sides);
            const osg::Vec3 radial = f.n * std::cos(angle) + f.b * std::sin(angle);
            mesh.addVertex(points[i] + radial * (radius * (i == 0 || i + 1 == points.size() ? 1.0f : f.scale)), radial,
                           color);
        }
    }
    for (size_t i = 0; i + 1 < points.size(); ++i)
        for (int s = 0; s < sides; ++s) {
            const unsigned a = first + unsigned(i * sides + s), b = first + unsigned(i * sides + (s + 1) % sides);
            mesh.addTriangle(a, b + sides, a + sides);
            mesh.addTriangle(a, b, b + sides);
        }
    // Flat caps: their own vertices, so the cap normal is the line's direction. A fan from one
    // rim vertex: sides - 2 triangles, where a fan from the centre needs sides.
    for (int end = 0; end < 2; ++end) {
        const size_t i = end == 0 ? 0 : points.size() - 1;
        const osg::Vec3 normal = end == 0 ? -frames[i].t : frames[i].t;
        mesh.atPathPoint(i);
        const unsigned rim = unsigned(mesh.vertices.size());
        for (int s = 0; s < sides; ++s) mesh.addVertex(mesh.vertices[first + i * sides + s], normal, color);
        for (int s = 1; s + 1 < sides; ++s) {
            if (end == 0) mesh.addTriangle(rim, rim + s + 1, rim + s);
            else mesh.addTriangle(rim, rim + s, rim + s + 1);
        }
    }
}

void appendDuct(MeshBuffer& mesh, const std::vector<osg::Vec3>& points, float width, float height,
                const osg::Vec4& color) {
    if (points.size() < 2) return;
    const auto frames = polylineFrames(points);
    // Corner offsets in (n, b) units, counter-clockwise seen along the line, and each face's normal.
    const float hw = width / 2, hh = height / 2;
    const float corner[4][2] = {{hw, -hh}, {hw, hh}, {-hw, hh}, {-hw, -hh}};
    const unsigned perRing = 8;  // two vertices per corner: flat shading needs a normal per face
    const unsigned first = unsigned(mesh.vertices.size());
    for (size_t i = 0; i < points.size(); ++i) {
        const PolylineFrame& f = frames[i];
        mesh.atPathPoint(i);
        const float scale = i == 0 || i + 1 == points.size() ? 1.0f : f.scale;
        for (int face = 0; face < 4; ++face) {
            const osg::Vec3 normal = normalized(f.n * (corner[face][0] + corner[(face + 1) % 4][0]) +
                                                f.b * (corner[face][1] + corner[(face + 1) % 4][1]));
            for (int k = 0; k < 2; ++k) {
                const float* c = corner[(face + k) % 4];
                mesh.addVertex(points[i] + (f.n * c[0] + f.b * c[1]) * scale, normal, color);
            }
        }
    }
    for (size_t i = 0; i + 1 < points.size(); ++i)
        for (unsigned face = 0; face < 4; ++face) {
            const unsigned a = first + unsigned(i) * perRing + face * 2, b = a + 1;
            mesh.addTriangle(a, b, b + perRing);
            mesh.addTriangle(a, b + perRing, a + perRing);
        }
    for (int end = 0; end < 2; ++end) {
        const size_t i = end == 0 ? 0 : points.size() - 1;
        const osg::Vec3 normal = end == 0 ? -frames[i].t : frames[i].t;
        mesh.atPathPoint(i);
        unsigned quad[4];
        for (int c = 0; c < 4; ++c) quad[c] = mesh.addVertex(mesh.vertices[first + i * perRing + c * 2], normal, color);
        if (end == 0) mesh.addTriangle(quad[0], quad[2], quad[1]), mesh.addTriangle(quad[0], quad[3], quad[2]);
        else mesh.addTriangle(quad[0], quad[1], quad[2]), mesh.addTriangle(quad[0], quad[2], quad[3]);
    }
}

void appendChannel(MeshBuffer& mesh, const std::vector<osg::Vec3>& points, const std::vector<osg::Vec2>& surface,
                   float thickness, const osg::Vec4& color) {
    if (points.size() < 2 || surface.size() < 2) return;
    // The outline: the surface left to right, then down the right edge, along the flat bottom and
    // up the left edge (clockwise seen along the line, so each edge's outward normal is (-dy, dx)).
    float bottom = surface[0].y();
    for (const auto& p : surface) bottom = std::min(bottom, p.y());
    std::vector<osg::Vec2> outline = surface;
    outline.emplace_back(surface.back().x(), bottom - thickness);
    outline.emplace_back(surface.front().x(), bottom - thickness);
    const size_t edges = outline.size();  // closed
    const auto frames = polylineFrames(points);
    const unsigned perRing = unsigned(edges * 2), first = unsigned(mesh.vertices.size());
    for (size_t i = 0; i < points.size(); ++i) {
        const PolylineFrame& f = frames[i];
        mesh.atPathPoint(i);
        const float scale = i == 0 || i + 1 == points.size() ? 1.0f : f.scale;
        for (size_t e = 0; e < edges; ++e) {
            const osg::Vec2 &a = outline[e], &b = outline[(e + 1) % edges];
            const osg::Vec3 normal = normalized(f.n * (a.y() - b.y()) + f.b * (b.x() - a.x()));
            for (const osg::Vec2& c : {a, b})
                mesh.addVertex(points[i] + (f.n * c.x() + f.b * c.y()) * scale, normal, color);
        }
    }
    for (size_t i = 0; i + 1 < points.size(); ++i)
        for (unsigned e = 0; e < edges; ++e) {
            const unsigned a = first + unsigned(i) * perRing + e * 2, b = a + 1;
            mesh.addTriangle(a, b, b + perRing);
            mesh.addTriangle(a, b + perRing, a + perRing);
        }
    // End caps: one quad per surface edge, from the surface down to the flat bottom (the outline
    // is a height field above the bottom, so the quads tile it).
    for (int end = 0; end < 2; ++end) {
        const size_t i = end == 0 ? 0 : points.size() - 1;
        const PolylineFrame& f = frames[i];
        const osg::Vec3 normal = end == 0 ? -f.t : f.t;
        mesh.atPathPoint(i);
        auto at = [&](float x, float y) { return mesh.addVertex(points[i] + f.n * x + f.b * y, normal, color); };
        for (size_t k = 0; k + 1 < surface.size(); ++k) {
            const unsigned a = at(surface[k].x(), surface[k].y()), b = at(surface[k + 1].x(), surface[k + 1].y());
            const unsigned c = at(surface[k + 1].x(), bottom - thickness), d = at(surface[k].x(), bottom - thickness);
            mesh.addTriangle(a, b, c);
            mesh.addTriangle(a, c, d);
        }
    }
}

}  // namespace subterra
