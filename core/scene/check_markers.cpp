#include "check_markers.h"

#include <algorithm>
#include <cmath>
#include <osg/Depth>
#include <osg/Geode>
#include <set>

#include "feature_meshes.h"
#include "shader_library.h"

namespace subterra {

namespace {
void appendBall(MeshBuffer& mesh, const osg::Vec3& centre, float radius, const osg::Vec4& color) {
    constexpr int kRings = 10, kSides = 16;
    const unsigned first = unsigned(mesh.vertices.size());
    for (int r = 0; r <= kRings; ++r) {
        const double polar = M_PI * r / kRings;
        for (int s = 0; s <= kSides; ++s) {
            const double azimuth = 2 * M_PI * s / kSides;
            const osg::Vec3 n(float(std::sin(polar) * std::cos(azimuth)), float(std::sin(polar) * std::sin(azimuth)),
                              float(std::cos(polar)));
            mesh.addVertex(centre + n * radius, n, color);
        }
    }
    for (int r = 0; r < kRings; ++r)
        for (int s = 0; s < kSides; ++s) {
            const unsigned a = first + r * (kSides + 1) + s, b = a + kSides + 1;
            mesh.addTriangle(a, b, a + 1);
            mesh.addTriangle(a + 1, b, b + 1);
        }
}
}  // namespace

double markerRadiusFor(const Extent& e) { return std::max(0.5, std::max(e.maxX - e.minX, e.maxY - e.minY) / 150); }

const osg::Vec4& markerColor() {
    static const osg::Vec4 red(1, 0, 0, 1);
    return red;
}

osg::ref_ptr<osg::Node> buildCheckMarkers(const CheckResults& results, const Model& model, const Vec3d& origin,
                                          double radiusM) {
    // The lines in conflict, a little fatter than themselves and red: they show over their own tube.
    MeshBuffer tint;
    std::set<size_t> tinted;
    for (const auto& v : results.clearance) tinted.insert({v.a, v.b});
    for (const auto& v : results.cover) tinted.insert(v.segment);
    for (size_t index : tinted) {
        Segment fatter = model.segments[index];
        fatter.section.diameterM *= 1.15, fatter.section.widthM *= 1.15, fatter.section.heightM *= 1.15;
        appendSegment(tint, fatter, origin, osg::Vec4(0.95f, 0.1f, 0.1f, 1));
    }
    MeshBuffer balls;
    for (const auto& v : results.clearance) {
        balls.beginFeature(model.segments[v.a].id + " x " + model.segments[v.b].id);
        const Vec3d m{(v.pointA.x + v.pointB.x) / 2, (v.pointA.y + v.pointB.y) / 2, (v.pointA.z + v.pointB.z) / 2};
        appendBall(balls, toLocal(m, origin), float(radiusM), markerColor());
    }
    for (const auto& v : results.cover) {
        balls.beginFeature(model.segments[v.segment].id + " cover");
        appendBall(balls, toLocal(v.point, origin), float(radiusM * 0.7), markerColor());
    }
    osg::ref_ptr<osg::Group> group = new osg::Group;
    group->setName("check markers");
    if (!tint.empty()) {
        osg::ref_ptr<osg::Geode> geode = new osg::Geode;
        geode->addDrawable(tint.toGeometry());
        group->addChild(geode);
    }
    if (!balls.empty()) {
        osg::ref_ptr<osg::Geode> geode = new osg::Geode;
        geode->addDrawable(balls.toGeometry());
        osg::StateSet* state = geode->getOrCreateStateSet();
        state->setAttributeAndModes(shaderProgram("marker"), osg::StateAttribute::ON);
        state->setAttributeAndModes(new osg::Depth(osg::Depth::ALWAYS, 0.0, 1.0, false));
        state->setRenderBinDetails(200, "RenderBin");  // after the ground (bin 100)
        group->addChild(geode);
    }
    return group;
}

}  // namespace subterra
