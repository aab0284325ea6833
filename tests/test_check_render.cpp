// Check results in 3D: markers in pure red, visible through an opaque ground; `render --check`.
#include <catch2/catch.hpp>

#include "check_markers.h"
#include "fixtures.h"
#include "image_io.h"
#include "model_fixtures.h"
#include "offscreen_renderer.h"
#include "scene_builder.h"
#include "utility_colors.h"

using namespace subterra;

namespace {
bool isMarkerRed(const osg::Vec4ub& p) { return p.r() > 240 && p.g() < 12 && p.b() < 12; }

int markerPixels(const osg::Image& image) {
    int count = 0;
    for (int y = 0; y < image.t(); ++y)
        for (int x = 0; x < image.s(); ++x) count += isMarkerRed(pixelAt(image, x, y));
    return count;
}

// A gas main laid through a power duct bank 1.2 m under an opaque 40 x 40 m ground at z = 0.
Model clash() {
    Model model;
    model.terrain = model_fixtures::flatGround(40, 3);
    Segment gas = model_fixtures::pipe("G-1", UtilityKind::Gas, 0.2, {{-15, 0, -1.2}, {15, 0, -1.2}});
    gas.depthSource = DepthSource::Measured3D;
    Segment power = model_fixtures::pipe("P-1", UtilityKind::Power, 0, {{0, -15, -1.2}, {0, 15, -1.2}});
    power.depthSource = DepthSource::Measured3D;
    power.section = {CrossSection::Shape::Rectangular, 0, 0.6, 0.25, false, false, {}};
    model.segments = {gas, power};
    return model;
}
}  // namespace

TEST_CASE("check markers show in pure red through an opaque ground, at the conflict", "[check][render][pixels]") {
    const Model model = clash();
    const CheckResults results = runChecks(model, CheckRules{});
    REQUIRE(results.clearance.size() == 1);
    SceneStyle style;
    style.terrainOpacity = 1.0f;
    const BuiltScene plain = buildScene(model, style);
    const BuiltScene marked = buildScene(model, style);
    marked.world->addChild(buildCheckMarkers(results, model, marked.origin, 1.0));

    RenderSettings settings;
    settings.width = 320, settings.height = 240;
    std::string error;
    auto renderer = OffscreenRenderer::create(settings, error);
    INFO(error);
    REQUIRE(renderer);
    CameraSpec camera;
    camera.eye = osg::Vec3d(0, -2, 40);
    camera.target = osg::Vec3d(0, 0, 0);
    auto withMarkers = renderer->render(marked.root.get(), camera, error);
    auto without = renderer->render(plain.root.get(), camera, error);
    REQUIRE(withMarkers);
    REQUIRE(without);
    writePng(*withMarkers, std::string(SUBTERRA_TEST_OUTPUT_DIR) + "/check_markers.png").into(error);
    CHECK(isMarkerRed(pixelAt(*withMarkers, 160, 120)));  // the conflict is in the middle of the view
    CHECK_FALSE(isMarkerRed(pixelAt(*withMarkers, 20, 20)));
    CHECK(markerPixels(*withMarkers) > 100);
    CHECK(markerPixels(*without) == 0);
}

TEST_CASE("render --check marks the sample district's conflicts", "[check][render][cli]") {
    const std::string dir = fixtures::freshDir("check_render");
    const std::string project = fixtures::sourceDir() + "/sample-data/district/district.subterra.json";
    const auto marked = fixtures::runSubterra(
        {"render", project, "--check", "--view", "top", "--size", "480x320", "-o", "marked.png"}, dir);
    INFO(marked.err);
    REQUIRE(marked.exitCode == 0);
    CHECK(marked.err.find("6 clearance and 0 cover violations marked") != std::string::npos);
    const auto plain =
        fixtures::runSubterra({"render", project, "--view", "top", "--size", "480x320", "-o", "plain.png"}, dir);
    REQUIRE(plain.exitCode == 0);
    std::string error;
    const auto markedImage = readPng(dir + "/marked.png", error);
    const auto plainImage = readPng(dir + "/plain.png", error);
    REQUIRE(markedImage);
    REQUIRE(plainImage);
    CHECK(markerPixels(*markedImage) > 6);
    CHECK(markerPixels(*plainImage) == 0);
}
