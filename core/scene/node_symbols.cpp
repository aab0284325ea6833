#include "node_symbols.h"

#include <cmath>

#include "local_coords.h"
#include "tube_mesh.h"

namespace subterra {

namespace {
// A cone along the x axis: base circle of `radius` at `base`, apex `length` further along +x (or
// -x with a negative length); the base is left open, it always meets the other cone.
void appendCone(MeshBuffer& mesh, const osg::Vec3& base, float radius, float length, const osg::Vec4& color) {
    constexpr int kSides = 16;
    const osg::Vec3 apex = base + osg::Vec3(length, 0, 0);
    const float slope = radius / std::fabs(length);
    for (int i = 0; i < kSides; ++i) {
        const float a0 = 2 * float(M_PI) * i / kSides, a1 = 2 * float(M_PI) * (i + 1) / kSides;
        const osg::Vec3 p0 = base + osg::Vec3(0, std::cos(a0), std::sin(a0)) * radius;
        const osg::Vec3 p1 = base + osg::Vec3(0, std::cos(a1), std::sin(a1)) * radius;
        const float sign = length > 0 ? 1.f : -1.f;
        osg::Vec3 n0(sign * slope, std::cos(a0), std::sin(a0)), n1(sign * slope, std::cos(a1), std::sin(a1));
        n0.normalize(), n1.normalize();
        osg::Vec3 nApex = n0 + n1;
        nApex.normalize();
        const unsigned v0 = mesh.addVertex(p0, n0, color), v1 = mesh.addVertex(p1, n1, color);
        const unsigned v2 = mesh.addVertex(apex, nApex, color);
        if (length > 0) mesh.addTriangle(v0, v1, v2);
        else mesh.addTriangle(v1, v0, v2);
    }
}

// An axis-aligned box from `bottom` (centre of its base) up by `height`.
void appendBox(MeshBuffer& mesh, const osg::Vec3& bottom, float sizeX, float sizeY, float height,
               const osg::Vec4& color) {
    const osg::Vec3 centre = bottom + osg::Vec3(0, 0, height / 2);
    appendDuct(mesh, {centre - osg::Vec3(sizeX / 2, 0, 0), centre + osg::Vec3(sizeX / 2, 0, 0)}, sizeY, height, color);
}

osg::Vec4 shade(const osg::Vec4& color, float factor) {
    return osg::Vec4(color.r() * factor, color.g() * factor, color.b() * factor, color.a());
}
}  // namespace

bool appendNodeSymbol(MeshBuffer& mesh, const Node& node, const Vec3d& origin, const osg::Vec4& color) {
    const osg::Vec3 at = toLocal({node.position.x, node.position.y, node.groundZ}, origin);
    const float size = float(node.sizeM);
    switch (node.kind) {
        case NodeKind::Tank: {  // a short wide cylinder standing on its base, with a darker roof band
            const float height = float(std::max(node.heightM, 1.0));
            appendTube(mesh, {at, at + osg::Vec3(0, 0, height)}, size / 2, 32, color);
            appendTube(mesh, {at + osg::Vec3(0, 0, height), at + osg::Vec3(0, 0, height + size * 0.08f)}, size * 0.52f,
                       32, shade(color, 0.7f));
            return true;
        }
        case NodeKind::Reservoir:  // a flat basin whose top is the water level
            appendBox(mesh, at - osg::Vec3(0, 0, 1.0f), size, size, 1.0f, shade(color, 0.9f));
            return true;
        case NodeKind::Pump: {  // a box on the link with a motor block on top
            const osg::Vec3 centre = toLocal(node.position, origin);
            appendBox(mesh, centre - osg::Vec3(0, 0, size / 2), size, size, size, shade(color, 0.8f));
            appendBox(mesh, centre + osg::Vec3(0, 0, size / 2), size * 0.5f, size * 0.5f, size * 0.4f,
                      shade(color, 0.6f));
            return true;
        }
        case NodeKind::Valve: {  // two cones tip to tip (the drawing-office valve symbol) with a stem
            const osg::Vec3 centre = toLocal(node.position, origin);
            appendCone(mesh, centre - osg::Vec3(size / 2, 0, 0), size / 2, size / 2, color);
            appendCone(mesh, centre + osg::Vec3(size / 2, 0, 0), size / 2, -size / 2, color);
            appendTube(mesh, {centre, centre + osg::Vec3(0, 0, size * 0.7f)}, size * 0.08f, 8, shade(color, 0.7f));
            return true;
        }
        case NodeKind::Outfall: {  // a headwall from the invert to the ground
            const osg::Vec3 bottom = toLocal({node.position.x, node.position.y, node.invertZ}, origin);
            appendBox(mesh, bottom, size * 0.4f, size * 2, std::max(0.3f, at.z() - bottom.z()), shade(color, 0.75f));
            return true;
        }
        case NodeKind::Storage: {  // a wide chamber from the invert to the ground
            const osg::Vec3 bottom = toLocal({node.position.x, node.position.y, node.invertZ}, origin);
            if (at.z() > bottom.z()) appendTube(mesh, {bottom, at}, size / 2, 24, shade(color, 0.85f));
            return true;
        }
        case NodeKind::Inlet: {  // a dark grate flush with the street over its catch basin
            const osg::Vec3 bottom = toLocal({node.position.x, node.position.y, node.invertZ}, origin);
            if (at.z() - 0.05f > bottom.z())
                appendBox(mesh, bottom, size * 0.8f, size * 0.5f, at.z() - 0.05f - bottom.z(), shade(color, 0.8f));
            appendBox(mesh, at - osg::Vec3(0, 0, 0.01f), size, size * 0.6f, 0.05f, shade(color, 0.35f));
            return true;
        }
        default: return false;
    }
}

}  // namespace subterra
