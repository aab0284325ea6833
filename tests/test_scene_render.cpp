// Rendering tested by rendering: pixels where a feature must show, and no jitter at UTM coordinates.
#include <catch2/catch.hpp>
#include <cmath>

#include "image_io.h"
#include "model_fixtures.h"
#include "offscreen_renderer.h"
#include "render_support.h"
#include "scene_builder.h"
#include "utility_colors.h"

using namespace subterra;

namespace {
// A flat 60 x 60 m ground at z = `groundZ` around (x0, y0), and a 1 m water main along x at 1.5 m
// depth (centreline), through (x0, y0).
Model pipeUnderGround(double x0, double y0, double groundZ = 0) {
    Model model;
    model.terrain = model_fixtures::flatGround(60, 4, x0, y0, groundZ);
    model.segments.push_back(model_fixtures::pipe("W-1", UtilityKind::Water, 1.0,
                                                  {{x0 - 25, y0, groundZ - 1.5}, {x0 + 25, y0, groundZ - 1.5}}));
    return model;
}

osg::ref_ptr<osg::Image> renderTopView(OffscreenRenderer& renderer, const BuiltScene& scene, double x0, double y0,
                                       double height) {
    CameraSpec camera;
    camera.eye = osg::Vec3d(x0, y0, height);
    camera.target = osg::Vec3d(x0, y0, 0);
    camera.up = osg::Vec3d(0, 1, 0);
    std::string error;
    auto image = renderer.render(scene.root.get(), camera, error);
    INFO(error);
    REQUIRE(image);
    return image;
}

bool isBlueDominant(const osg::Vec4ub& p) { return p.b() > p.r() + 40 && p.b() > p.g() + 15; }
}  // namespace

TEST_CASE("A water main shows in APWA blue through the translucent ground", "[render][pixels]") {
    auto renderer = render_test::makeRenderer(320, 240);
    SceneStyle style;
    style.terrainOpacity = 0.35f;
    const BuiltScene scene = buildScene(pipeUnderGround(0, 0), style);
    auto image = renderTopView(*renderer, scene, 0, 0, 40);
    std::string error;
    writePng(*image, std::string(SUBTERRA_TEST_OUTPUT_DIR) + "/pipe_through_ground.png").into(error);
    const osg::Vec4ub onPipe = pixelAt(*image, 160, 120);
    INFO("pixel on the pipe: " << int(onPipe.r()) << "," << int(onPipe.g()) << "," << int(onPipe.b()));
    CHECK(isBlueDominant(onPipe));
    const osg::Vec4ub offPipe = pixelAt(*image, 160, 30);
    INFO("pixel beside the pipe: " << int(offPipe.r()) << "," << int(offPipe.g()) << "," << int(offPipe.b()));
    CHECK_FALSE(isBlueDominant(offPipe));
}

TEST_CASE("An opaque ground hides the pipe below it", "[render][pixels]") {
    auto renderer = render_test::makeRenderer(320, 240);
    SceneStyle style;
    style.terrainOpacity = 1.0f;
    const BuiltScene scene = buildScene(pipeUnderGround(0, 0), style);
    auto image = renderTopView(*renderer, scene, 0, 0, 40);
    const osg::Vec4ub onPipe = pixelAt(*image, 160, 120);
    const osg::Vec4ub offPipe = pixelAt(*image, 160, 30);
    CHECK_FALSE(isBlueDominant(onPipe));
    // Same ground either side: the pipe leaves no trace through an opaque ground.
    CHECK(std::abs(int(onPipe.r()) - int(offPipe.r())) < 12);
    CHECK(std::abs(int(onPipe.b()) - int(offPipe.b())) < 12);
}

TEST_CASE("A close-up at UTM coordinates renders like the same scene at the origin (no jitter)",
          "[render][precision]") {
    auto renderer = render_test::makeRenderer(320, 240);
    SceneStyle style;
    const double utmX = 500000.0, utmY = 3450000.0;
    const BuiltScene atOrigin = buildScene(pipeUnderGround(0, 0), style);
    const BuiltScene atUtm = buildScene(pipeUnderGround(utmX, utmY), style);
    // 1 m wide field of view: the pipe (1 m) fills the frame; float jitter would show as ragged edges.
    auto near = [](double x, double y) {
        CameraSpec camera;
        camera.eye = osg::Vec3d(x + 0.3, y - 1.2, -0.2);
        camera.target = osg::Vec3d(x + 0.3, y, -1.5);
        camera.fovYDeg = 40;
        return camera;
    };
    std::string error;
    auto a = renderer->render(atOrigin.root.get(), near(0, 0), error);
    auto b = renderer->render(atUtm.root.get(), near(utmX, utmY), error);
    REQUIRE(a);
    REQUIRE(b);
    writePng(*b, std::string(SUBTERRA_TEST_OUTPUT_DIR) + "/closeup_utm.png").into(error);
    const ImageDiff diff = compareImages(*a, *b, 24);
    INFO("mean " << diff.meanAbsDiff << ", over " << diff.fractionOver << ", max " << diff.maxDiff);
    CHECK(diff.fractionOver < 0.005);
    CHECK(diff.meanAbsDiff < 1.0);
    // And the frame really shows the pipe: blue in the middle.
    CHECK(isBlueDominant(pixelAt(*b, 160, 120)));
}
