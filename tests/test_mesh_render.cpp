// A CAD mesh drawn by the scene builder: in its material colour, lit, at its place in UTM
// coordinates, and pickable by its id like any other feature.
#include <catch2/catch.hpp>
#include <osg/Geode>
#include <osg/Geometry>

#include "image_io.h"
#include "offscreen_renderer.h"
#include "picking.h"
#include "scene_builder.h"
#include "utility_colors.h"

using namespace subterra;

namespace {
// A closed box from (x0, y0, z0) to (x1, y1, z1) as a Mesh with one material.
Mesh boxMesh(const std::string& id, Vec3d lo, Vec3d hi, std::array<float, 4> color) {
    Mesh mesh;
    mesh.id = id;
    mesh.layer = "cad";
    const double xs[2] = {lo.x, hi.x}, ys[2] = {lo.y, hi.y}, zs[2] = {lo.z, hi.z};
    // Each face has its own 4 vertices so its normal is flat: (axis, side) -> corners in order.
    for (int axis = 0; axis < 3; ++axis)
        for (int side = 0; side < 2; ++side) {
            const auto base = uint32_t(mesh.vertices.size());
            std::array<float, 3> normal{0, 0, 0};
            normal[size_t(axis)] = side ? 1.0f : -1.0f;
            for (int corner = 0; corner < 4; ++corner) {
                int c[3];
                c[axis] = side;
                c[(axis + 1) % 3] = corner & 1;
                c[(axis + 2) % 3] = (corner >> 1) & 1;
                mesh.vertices.push_back({xs[c[0]], ys[c[1]], zs[c[2]]});
                mesh.normals.push_back(normal);
            }
            mesh.triangles.push_back({base, base + 1, base + 3});
            mesh.triangles.push_back({base, base + 3, base + 2});
        }
    mesh.parts.push_back({"paint", color, 0, uint32_t(mesh.triangles.size())});
    return mesh;
}

Model modelWithBox(double x0, double y0) {
    Model model;
    model.flatGroundZ = 0;
    model.meshes.push_back(boxMesh("pump-station", {x0 - 5, y0 - 5, -3}, {x0 + 5, y0 + 5, 1}, {0.85f, 0.15f, 0.1f, 1}));
    Mesh marker = boxMesh("marker", {x0 + 20, y0 + 20, 0}, {x0 + 21, y0 + 21, 1}, {0.5f, 0.5f, 0.5f, 1});
    model.meshes.push_back(marker);  // widens the extent so the box is not the whole frame
    return model;
}

bool isRedDominant(const osg::Vec4ub& p) { return p.r() > p.g() + 60 && p.r() > p.b() + 60; }
}  // namespace

TEST_CASE("A red CAD mesh renders red where it is placed, and nowhere else", "[render][pixels][mesh]") {
    const double x0 = 352000, y0 = 3452000;
    SceneStyle style;
    style.terrainOpacity = 0.35f;
    const BuiltScene scene = buildScene(modelWithBox(x0, y0), style);
    REQUIRE(scene.triangles >= 24);
    RenderSettings settings;
    settings.width = 320;
    settings.height = 240;
    settings.background = backgroundColor();
    std::string error;
    auto renderer = OffscreenRenderer::create(settings, error);
    INFO(error);
    REQUIRE(renderer);
    CameraSpec camera;  // straight down onto the box; 35 degrees vertical field of view
    camera.eye = osg::Vec3d(x0, y0, 60);
    camera.target = osg::Vec3d(x0, y0, 0);
    camera.up = osg::Vec3d(0, 1, 0);
    auto image = renderer->render(scene.root.get(), camera, error);
    INFO(error);
    REQUIRE(image);
    writePng(*image, std::string(SUBTERRA_TEST_OUTPUT_DIR) + "/cad_mesh_top.png").into(error);
    const osg::Vec4ub centre = pixelAt(*image, 160, 120);
    INFO("centre " << int(centre.r()) << "," << int(centre.g()) << "," << int(centre.b()));
    CHECK(isRedDominant(centre));
    // 60 m above, the frame is ~38 m high: the box (10 m) spans ~64 px; 90 px off centre is ground.
    const osg::Vec4ub beside = pixelAt(*image, 160 + 90, 120);
    INFO("beside " << int(beside.r()) << "," << int(beside.g()) << "," << int(beside.b()));
    CHECK_FALSE(isRedDominant(beside));

    const PickResult hit = pickRay(scene, osg::Vec3d(x0 + 2, y0 + 1, 100), osg::Vec3d(x0 + 2, y0 + 1, -100));
    REQUIRE(hit.feature);
    CHECK(hit.feature->layer == "cad");
    CHECK(hit.feature->featureId == "pump-station");
    CHECK(hit.feature->point.z() == Approx(1).margin(1e-3));
}

TEST_CASE("A layer colour from the project replaces the mesh's material colour", "[render][mesh]") {
    SceneStyle style;
    style.layers["cad"].color = osg::Vec4(0.1f, 0.2f, 0.9f, 1);
    const BuiltScene scene = buildScene(modelWithBox(0, 0), style);
    std::vector<const osg::Geometry*> geometries;
    struct Collect : osg::NodeVisitor {
        std::vector<const osg::Geometry*>& out;
        explicit Collect(std::vector<const osg::Geometry*>& o) : osg::NodeVisitor(TRAVERSE_ALL_CHILDREN), out(o) {}
        void apply(osg::Geode& g) override {
            for (unsigned i = 0; i < g.getNumDrawables(); ++i)
                if (auto* geometry = g.getDrawable(i)->asGeometry()) out.push_back(geometry);
        }
    } collect(geometries);
    scene.layers.at("cad")->accept(collect);
    REQUIRE(!geometries.empty());
    const auto* colors = dynamic_cast<const osg::Vec4Array*>(geometries[0]->getColorArray());
    REQUIRE(colors);
    REQUIRE(!colors->empty());
    CHECK((*colors)[0].b() == Approx(0.9f));
    CHECK((*colors)[0].r() == Approx(0.1f));
}
