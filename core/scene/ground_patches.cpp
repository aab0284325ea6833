#include "ground_patches.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <iterator>
#include <osg/BlendFunc>
#include <osg/Depth>
#include <osg/PolygonOffset>

#include "local_coords.h"
#include "polygon_mesh.h"

namespace subterra {

namespace {
// Where the patch lies: on the DEM where it covers the point, else at the level the importer gave.
struct Drape {
    const Terrain* terrain = nullptr;
    double fallbackZ = 0;
    Vec3d origin;
    double maxEdge = 1e30;  // split triangles and outline edges longer than this (local units = metres)

    osg::Vec3 lie(osg::Vec3 local, double lift) const {
        const double x = local.x() + origin.x, y = local.y() + origin.y;
        std::optional<double> z;
        if (terrain && terrain->covers(x, y)) z = terrain->sample(x, y);
        local.z() = float(z.value_or(fallbackZ) + lift - origin.z);
        return local;
    }
};

void addDraped(MeshBuffer& mesh, const Drape& drape, const osg::Vec3& a, const osg::Vec3& b, const osg::Vec3& c,
               const osg::Vec4& color, int depth) {
    const float longest = std::max({(a - b).length(), (b - c).length(), (c - a).length()});
    if (longest > drape.maxEdge && depth < 6) {
        const osg::Vec3 ab = (a + b) * 0.5f, bc = (b + c) * 0.5f, ca = (c + a) * 0.5f;
        addDraped(mesh, drape, a, ab, ca, color, depth + 1);
        addDraped(mesh, drape, ab, b, bc, color, depth + 1);
        addDraped(mesh, drape, ca, bc, c, color, depth + 1);
        addDraped(mesh, drape, ab, bc, ca, color, depth + 1);
        return;
    }
    const osg::Vec3 up(0, 0, 1);
    const unsigned i = mesh.addVertex(drape.lie(a, kGroundPatchLiftM), up, color);
    const unsigned j = mesh.addVertex(drape.lie(b, kGroundPatchLiftM), up, color);
    const unsigned k = mesh.addVertex(drape.lie(c, kGroundPatchLiftM), up, color);
    mesh.addTriangle(i, j, k);
}

void addOutline(MeshBuffer& mesh, const Drape& drape, const std::vector<osg::Vec3>& ring, const osg::Vec4& color) {
    const osg::Vec3 up(0, 0, 1);
    for (size_t i = 0; i < ring.size(); ++i) {
        const osg::Vec3 &a = ring[i], &b = ring[(i + 1) % ring.size()];
        const int steps = std::clamp(int(std::ceil((b - a).length() / std::min(drape.maxEdge, 1e6))), 1, 256);
        unsigned previous = mesh.addVertex(drape.lie(a, 2 * kGroundPatchLiftM), up, color);
        for (int s = 1; s <= steps; ++s) {
            const unsigned next =
                mesh.addVertex(drape.lie(a + (b - a) * (float(s) / float(steps)), 2 * kGroundPatchLiftM), up, color);
            mesh.addLine(previous, next);
            previous = next;
        }
    }
}
}  // namespace

osg::Vec4 groundPatchColor(PatchKind kind, const std::string& landUse) {
    switch (kind) {
        case PatchKind::Road: return {0.30f, 0.31f, 0.33f, 0.85f};    // asphalt
        case PatchKind::Parcel: return {0.92f, 0.86f, 0.62f, 0.12f};  // a faint lot; its outline reads
        case PatchKind::Water: return {0.24f, 0.52f, 0.86f, 0.75f};   // open water
        case PatchKind::Area: break;
    }
    // All green-dominant (the patch reads as "ground cover" whatever the land use), in different tones.
    static const osg::Vec4 palette[] = {{0.45f, 0.75f, 0.35f, 0.5f}, {0.62f, 0.80f, 0.30f, 0.5f},
                                        {0.30f, 0.66f, 0.48f, 0.5f}, {0.33f, 0.58f, 0.22f, 0.5f},
                                        {0.55f, 0.82f, 0.52f, 0.5f}, {0.42f, 0.72f, 0.18f, 0.5f}};
    if (landUse.empty()) return palette[0];
    uint32_t hash = 2166136261u;  // FNV-1a: the same land use gets the same colour in every run
    for (unsigned char c : landUse) hash = (hash ^ c) * 16777619u;
    return palette[1 + hash % (std::size(palette) - 1)];
}

void appendGroundPatch(MeshBuffer& mesh, const GroundPatch& patch, const Model& model, const Vec3d& origin,
                       const osg::Vec4& color) {
    if (patch.outline.size() < 3) return;
    Drape drape;
    drape.terrain = model.terrain && !model.terrain->empty() ? &*model.terrain : nullptr;
    drape.fallbackZ = patch.outline.front().z;
    drape.origin = origin;
    if (drape.terrain) drape.maxEdge = 2 * std::max(drape.terrain->cellX, drape.terrain->cellY);
    std::vector<osg::Vec3> ring;
    for (const auto& p : patch.outline) ring.push_back(toLocal({p.x, p.y, origin.z}, origin));
    MeshBuffer flat;  // the plan polygon, tessellated at z = 0
    appendPolygon(flat, {ring}, osg::Vec3(0, 0, 1), color);
    mesh.beginFeature(patch.id, FeatureKind::Patch);
    for (size_t t = 0; t + 2 < flat.indices.size(); t += 3)
        addDraped(mesh, drape, flat.vertices[flat.indices[t]], flat.vertices[flat.indices[t + 1]],
                  flat.vertices[flat.indices[t + 2]], color, 0);
    const osg::Vec4 edge(color.r() * 0.55f, color.g() * 0.55f, color.b() * 0.55f, 1.0f);
    addOutline(mesh, drape, ring, edge);
}

void applyGroundPatchState(osg::StateSet& state) {
    state.setMode(GL_BLEND, osg::StateAttribute::ON);
    state.setAttributeAndModes(new osg::BlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA));
    state.setAttributeAndModes(new osg::Depth(osg::Depth::LEQUAL, 0.0, 1.0, true));
    // Seen from far away the lift is below the depth buffer's resolution: pull the patch forward
    // in depth too, as decals are, so the ground does not speckle through it.
    state.setAttributeAndModes(new osg::PolygonOffset(-2.0f, -8.0f));
    state.setRenderingHint(osg::StateSet::TRANSPARENT_BIN);
}

}  // namespace subterra
