// SWMM subcatchments drawn as ground patches: the committed L-shaped fixture is read through the
// model loader, rendered from straight above, and its colour must appear inside the polygon
// (both arms) and not in the notch of the L nor beyond it.
#include <catch2/catch.hpp>
#include <cmath>

#include "fixtures.h"
#include "ground_patches.h"
#include "model_loader.h"
#include "render_support.h"

using namespace subterra;

namespace {
constexpr int kWidth = 320, kHeight = 240;
constexpr double kFovYDeg = 35, kEyeZ = 150;
const osg::Vec3d kTarget(30, 30, 0);

LoadResult loadFixture() {
    LayerSpec spec;
    spec.name = "storm";
    spec.source = fixtures::sourceDir() + "/tests/data/swmm_subcatchment.inp";
    LoadRequest request;
    request.layers.push_back(spec);
    request.terrain.flatLevelM = 12;  // the junction's rim: invert 10 + max depth 2
    return loadModel(request);
}

// Pinhole projection of a ground point (at z) for the camera straight above kTarget, north up.
std::pair<int, int> pixelOf(double x, double y, double z) {
    const double halfHeightM = (kEyeZ - z) * std::tan(kFovYDeg / 2 * M_PI / 180);
    const double pxPerM = (kHeight / 2.0) / halfHeightM;
    return {int(std::lround(kWidth / 2.0 + (x - kTarget.x()) * pxPerM)),
            int(std::lround(kHeight / 2.0 - (y - kTarget.y()) * pxPerM))};
}

osg::ref_ptr<osg::Image> renderTop(const Model& model, const std::string& name) {
    CameraSpec camera;
    camera.eye = {kTarget.x(), kTarget.y(), kEyeZ};
    camera.target = kTarget;
    camera.up = {0, 1, 0};
    camera.fovYDeg = kFovYDeg;
    return render_test::renderModel(model, camera, kWidth, kHeight, name);
}

bool isPatchGreen(const osg::Vec4ub& p) { return p.g() > p.r() + 12 && p.g() > p.b() + 25; }
using render_test::rgb;
}  // namespace

TEST_CASE("SWMM subcatchment: read as a ground patch with its land use, at its outlet's ground", "[swmm][patches]") {
    const LoadResult load = loadFixture();
    INFO(fixtures::problemLines(load.problems));
    CHECK(load.problems.empty());
    REQUIRE(load.model.patches.size() == 1);
    const GroundPatch& patch = load.model.patches[0];
    CHECK(patch.id == "L1");
    CHECK(patch.landUse == "Park");  // 70 % of [COVERAGES]
    REQUIRE(patch.outline.size() == 6);
    for (const auto& p : patch.outline) CHECK(p.z == Approx(12.0));
    CHECK(patch.outline[1].x == Approx(60.0));
    REQUIRE(load.layers.size() == 1);
    CHECK(load.layers[0].countsByKind.at("subcatchments") == 1);
    CHECK(load.layers[0].countsByKind.at("subcatchment polygon vertices") == 6);
}

TEST_CASE("SWMM subcatchment patch: its colour inside the L, not in the notch nor outside",
          "[render][pixels][swmm][patches]") {
    const LoadResult load = loadFixture();
    REQUIRE(load.model.patches.size() == 1);
    auto image = renderTop(load.model, "swmm_subcatchment_top");
    const double z = 12.3;
    const auto [gx, gy] = pixelOf(75, 30, z);  // bare ground, away from the patch and the pipe
    const osg::Vec4ub ground = pixelAt(*image, gx, gy);
    INFO("bare ground " << rgb(ground));
    REQUIRE_FALSE(isPatchGreen(ground));
    for (const auto& [x, y] : std::vector<std::pair<double, double>>{{10, 10}, {10, 45}, {45, 10}, {5, 55}, {55, 5}}) {
        const auto [px, py] = pixelOf(x, y, z);
        const osg::Vec4ub inside = pixelAt(*image, px, py);
        INFO("inside (" << x << ", " << y << ") at pixel " << px << "," << py << ": " << rgb(inside));
        CHECK(isPatchGreen(inside));
    }
    // The notch of the L and beyond its edges: the same ground as far away.
    for (const auto& [x, y] :
         std::vector<std::pair<double, double>>{{40, 40}, {25, 55}, {55, 25}, {-5, 30}, {30, -5}}) {
        const auto [px, py] = pixelOf(x, y, z);
        const osg::Vec4ub outside = pixelAt(*image, px, py);
        INFO("outside (" << x << ", " << y << ") at pixel " << px << "," << py << ": " << rgb(outside));
        CHECK_FALSE(isPatchGreen(outside));
        CHECK(std::abs(int(outside.g()) - int(ground.g())) <= 4);
        CHECK(std::abs(int(outside.r()) - int(ground.r())) <= 4);
    }
}

TEST_CASE("A ground patch is split finer than the DEM's cells and draped on it", "[patches]") {
    Model model;
    Terrain slope;  // 11 x 11 samples, 10 m apart, z = x / 10 (a 10 % slope eastwards)
    slope.columns = slope.rows = 11;
    slope.cellX = slope.cellY = 10;
    slope.originX = 0;
    slope.originY = 100;
    for (int row = 0; row < 11; ++row)
        for (int column = 0; column < 11; ++column) slope.heights.push_back(float(column));
    model.terrain = slope;
    GroundPatch patch;
    patch.id = "S";
    patch.outline = {{5, 5, 99}, {95, 5, 99}, {95, 95, 99}, {5, 95, 99}};  // z from the source: unused over the DEM
    MeshBuffer mesh;
    const Vec3d origin{0, 0, 0};
    appendGroundPatch(mesh, patch, model, origin, groundPatchColor(PatchKind::Area, ""));
    REQUIRE(mesh.triangleCount() > 2 * 16);  // 90 m edges over 10 m cells: split, not 2 big triangles
    for (const auto& v : mesh.vertices) {
        INFO("vertex " << v.x() << ", " << v.y() << ", " << v.z());
        CHECK(v.z() >= v.x() / 10 + kGroundPatchLiftM - 1e-3);      // never below the ground
        CHECK(v.z() <= v.x() / 10 + 2 * kGroundPatchLiftM + 1e-3);  // fill 0.3 m, outline 0.6 m above
    }
    CHECK_FALSE(mesh.lineIndices.empty());  // the outline
}
