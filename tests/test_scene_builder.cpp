// Scene builder geometry: tube vertices against analytic values, frames along bends, feature ids.
#include <catch2/catch.hpp>
#include <cmath>
#include <osg/Geode>

#include "feature_meshes.h"
#include "model_fixtures.h"
#include "scene_builder.h"
#include "scene_support.h"
#include "tube_mesh.h"

using namespace subterra;

namespace {
float distanceToLine(const osg::Vec3& p, const osg::Vec3& a, const osg::Vec3& b) {
    osg::Vec3 direction = b - a;
    direction.normalize();
    const osg::Vec3 offset = p - a;
    return (offset - direction * (offset * direction)).length();
}

Segment straightPipe(const std::string& id, Vec3d from, Vec3d to, double diameterM) {
    return model_fixtures::pipe(id, UtilityKind::Water, diameterM, {from, to});
}
}  // namespace

TEST_CASE("A straight tube's ring vertices lie at its radius from the axis", "[scene][tube]") {
    MeshBuffer mesh;
    mesh.beginFeature("p1");
    const osg::Vec3 a(0, 0, 0), b(10, 0, -1);
    appendTube(mesh, {a, b}, 0.3f, 12, osg::Vec4(0, 0, 1, 1));
    // 2 rings of 12, then 2 caps of their own 12 rim vertices (flat normals).
    REQUIRE(mesh.vertices.size() == 2 * 12 + 2 * 12);
    for (int i = 0; i < 24; ++i) CHECK(distanceToLine(mesh.vertices[i], a, b) == Approx(0.3f).margin(1e-5));
    // Side normals are radial: perpendicular to the axis.
    osg::Vec3 axis = b - a;
    axis.normalize();
    for (int i = 0; i < 24; ++i) CHECK(std::abs(mesh.normals[i] * axis) < 1e-5f);
    // Sides, then each cap as a fan of sides - 2 triangles, all wound the same way seen from outside.
    REQUIRE(mesh.triangleCount() == 2 * 12 + 2 * 10);
    auto facing = [&](size_t t) {
        const osg::Vec3& p0 = mesh.vertices[mesh.indices[3 * t]];
        return (mesh.vertices[mesh.indices[3 * t + 1]] - p0) ^ (mesh.vertices[mesh.indices[3 * t + 2]] - p0);
    };
    const float sideWinding = facing(0) * mesh.normals[mesh.indices[0]] > 0 ? 1.0f : -1.0f;
    for (size_t t = 0; t < 24; ++t) CHECK(facing(t) * mesh.normals[mesh.indices[3 * t]] * sideWinding > 0);
    for (size_t t = 24; t < mesh.triangleCount(); ++t)
        CHECK(facing(t) * axis * (t < 34 ? -1.0f : 1.0f) * sideWinding > 0);
}

TEST_CASE("Tube frames do not twist around a horizontal bend", "[scene][tube]") {
    const std::vector<osg::Vec3> points = {{0, 0, 0}, {10, 0, 0}, {10, 10, 0}, {0, 10, 0}};
    const auto frames = polylineFrames(points);
    REQUIRE(frames.size() == 4);
    for (const auto& f : frames) {
        // For a line in a horizontal plane the rotation-minimising frame keeps b vertical.
        CHECK(std::abs(f.b.z()) == Approx(1.0f).margin(1e-5));
        CHECK(std::abs(f.n * f.t) < 1e-5f);
    }
    // Bend rings are widened by 1/cos(45 deg) so the wall thickness stays true.
    CHECK(frames[1].scale == Approx(std::sqrt(2.0f)).margin(1e-4));
}

TEST_CASE("A rectangular duct keeps its top face up and its true width and height", "[scene][tube]") {
    MeshBuffer mesh;
    mesh.beginFeature("d1");
    appendDuct(mesh, {{0, 0, -1}, {5, 0, -1}}, 0.6f, 0.4f, osg::Vec4(1, 0, 0, 1));
    float minY = 1e9f, maxY = -1e9f, minZ = 1e9f, maxZ = -1e9f;
    for (const auto& v : mesh.vertices) {
        minY = std::min(minY, v.y()), maxY = std::max(maxY, v.y());
        minZ = std::min(minZ, v.z()), maxZ = std::max(maxZ, v.z());
    }
    CHECK(maxY - minY == Approx(0.6f).margin(1e-5));
    CHECK(maxZ - minZ == Approx(0.4f).margin(1e-5));
    CHECK(maxZ == Approx(-0.8f).margin(1e-5));
}

TEST_CASE("Merged geometry maps every vertex back to its feature id", "[scene][picking]") {
    Model model;
    model.segments.push_back(straightPipe("W-1", {0, 0, -1}, {10, 0, -1}, 0.3));
    model.segments.push_back(straightPipe("W-2", {0, 5, -1}, {10, 5, -1}, 0.3));
    const BuiltScene scene = buildScene(model, SceneStyle{});
    REQUIRE(scene.layers.count("water") == 1);
    const auto geometries = scene_test::layerGeometries(scene, "water");
    REQUIRE(geometries.size() == 1);  // both pipes merged into one geometry
    const osg::Geometry* geometry = geometries.front();
    const auto* vertices = static_cast<const osg::Vec3Array*>(geometry->getVertexArray());
    int first = 0, second = 0;
    for (unsigned i = 0; i < vertices->size(); ++i) {
        const std::string id = featureIdOfVertex(*geometry, i);
        const float localY = (*vertices)[i].y() + float(scene.origin.y);
        if (id == "W-1") {
            CHECK(std::abs(localY - 0.0f) < 0.2f);
            ++first;
        } else if (id == "W-2") {
            CHECK(std::abs(localY - 5.0f) < 0.2f);
            ++second;
        } else {
            FAIL("vertex " << i << " has no feature id");
        }
    }
    CHECK(first > 0);
    CHECK(first == second);
}

TEST_CASE("Geometry is built relative to a local origin so UTM coordinates keep millimetres", "[scene][precision]") {
    Model model;
    const double x0 = 500000.123, y0 = 3450000.456;
    model.segments.push_back(straightPipe("W-1", {x0, y0, -1.5}, {x0 + 2, y0, -1.5}, 0.2));
    const BuiltScene scene = buildScene(model, SceneStyle{});
    CHECK(std::abs(scene.origin.x - x0) < 1000);
    const osg::Matrixd matrix = scene.world->getMatrix();
    CHECK(matrix.getTrans().x() == Approx(scene.origin.x));
    const osg::Geometry* geometry = scene_test::layerGeometries(scene, "water").front();
    const auto* vertices = static_cast<const osg::Vec3Array*>(geometry->getVertexArray());
    // The centreline start: a float relative to the origin plus the double origin is exact to 1 mm.
    double best = 1e9;
    for (const auto& v : *vertices)
        best = std::min(best, std::hypot(v.x() + scene.origin.x - x0, v.y() + scene.origin.y - y0));
    CHECK(best < 0.001);
}

TEST_CASE("Assumed depths are drawn see-through and hidden layers are masked", "[scene]") {
    Model model;
    Segment known = straightPipe("W-1", {0, 0, -1}, {10, 0, -1}, 0.3);
    Segment assumed = straightPipe("W-2", {0, 5, -1}, {10, 5, -1}, 0.3);
    assumed.depthSource = DepthSource::Assumed;
    model.segments = {known, assumed};
    SceneStyle style;
    const BuiltScene scene = buildScene(model, style);
    const auto geometries = scene_test::layerGeometries(scene, "water");
    REQUIRE(geometries.size() == 2);
    const auto* colors = static_cast<const osg::Vec4Array*>(geometries[1]->getColorArray());
    CHECK((*colors)[0].a() == Approx(style.assumedDepthAlpha));
    CHECK(geometries[1]->getStateSet()->getRenderingHint() == osg::StateSet::TRANSPARENT_BIN);

    style.layers["water"].visible = false;
    CHECK(buildScene(model, style).layers.at("water")->getNodeMask() == 0u);
}

TEST_CASE("Collinear vertices of a line add no rings, real bends are kept", "[scene][tube]") {
    auto ringsOf = [](const std::vector<Vec3d>& points) {
        Segment s = straightPipe("W-1", points.front(), points.back(), 0.3);
        s.points = points;
        MeshBuffer mesh;
        appendSegment(mesh, s, Vec3d{}, osg::Vec4(0, 0, 1, 1));
        return mesh.lineIndices.size() / 2 + 1;  // centreline vertices = rings
    };
    std::vector<Vec3d> straight;
    for (int i = 0; i <= 10; ++i) straight.push_back({i * 10.0, 0, -1.2 - i * 0.001});
    CHECK(ringsOf(straight) == 2);
    std::vector<Vec3d> bent = {{0, 0, -1}, {10, 0, -1}, {10, 10, -1}};
    CHECK(ringsOf(bent) == 3);
}
