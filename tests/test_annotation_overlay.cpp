// The annotation overlay rendered headless: a callout's box holds text and its leader reaches the
// projected anchor; labels of a whole layer warn once about a missing template field.
#include <catch2/catch.hpp>
#include <cmath>

#include "annotation_overlay.h"
#include "image_io.h"
#include "offscreen_renderer.h"
#include "scene_builder.h"
#include "utility_colors.h"

using namespace subterra;

namespace {
Model threePipes() {
    Model model;
    model.flatGroundZ = 0;
    for (int i = 0; i < 3; ++i) {
        Segment pipe;
        pipe.id = "W-" + std::to_string(i + 1);
        pipe.layer = "water";
        pipe.utility = UtilityKind::Water;
        pipe.material = "PE";
        pipe.section.diameterM = 0.6;
        pipe.points = {{-20, i * 8.0, -1.5}, {20, i * 8.0, -1.5}};
        model.segments.push_back(pipe);
    }
    return model;
}

bool isLeaderRed(const osg::Vec4ub& p) { return p.r() > 150 && p.g() < 90 && p.b() < 90; }
bool isDark(const osg::Vec4ub& p) { return p.r() < 90 && p.g() < 90 && p.b() < 90; }
}  // namespace

TEST_CASE("A callout renders a text box and a leader that reaches its pipe", "[annotations][render][pixels]") {
    const Model model = threePipes();
    Annotations annotations;
    Callout callout;
    callout.anchor = {"water", "W-1", std::nullopt};  // middle of W-1: (0, 0, -1.5)
    callout.text = "{material} DN{diameter_mm}";
    callout.style.leaderColor = {0.9f, 0.05f, 0.05f, 1.0f};
    callout.style.sizePx = 36;
    callout.offsetXPx = 220;
    callout.offsetYPx = 160;
    annotations.callouts.push_back(callout);
    Problems problems;
    AnnotationOverlay overlay(prepareAnnotations(model, annotations, "test", problems));
    CHECK(problems.empty());
    REQUIRE(overlay.content().labels.size() == 1);
    CHECK(overlay.content().labels[0].text == "PE DN600");

    RenderSettings settings;
    settings.width = 960;
    settings.height = 540;
    settings.background = backgroundColor();
    std::string error;
    auto renderer = OffscreenRenderer::create(settings, error);
    INFO(error);
    REQUIRE(renderer);
    CameraSpec camera;
    camera.eye = osg::Vec3d(-10, -45, 25);
    camera.target = osg::Vec3d(0, 8, -1.5);
    const BuiltScene scene = buildScene(model, SceneStyle{});
    osg::ref_ptr<osg::Group> frame = new osg::Group;
    frame->addChild(scene.root.get());
    frame->addChild(overlay.camera());
    const OverlayView view = overlayViewFor(camera, settings.width, settings.height);
    overlay.update(view, &scene);
    CHECK(overlay.stats().labelsShown == 1);
    auto image = renderer->render(frame.get(), camera, error);
    REQUIRE(image);
    writePng(*image, std::string(SUBTERRA_TEST_OUTPUT_DIR) + "/callout_overlay.png").into(error);

    // The anchor on screen (y from the top, as pixelAt counts).
    const osg::Vec4d clip = osg::Vec4d(0, 0, -1.5, 1) * (view.view * view.projection);
    const double ax = (clip.x() / clip.w() + 1) / 2 * settings.width;
    const double ay = settings.height - (clip.y() / clip.w() + 1) / 2 * settings.height;
    int redNearAnchor = 0;
    for (int dy = -5; dy <= 5; ++dy)
        for (int dx = -5; dx <= 5; ++dx) redNearAnchor += isLeaderRed(pixelAt(*image, int(ax) + dx, int(ay) + dy));
    CHECK(redNearAnchor >= 4);
    // The leader leaves the anchor towards the box (up and right): red pixels 12-30 px away there.
    const double scale = settings.height / 1080.0;
    int redOnLeader = 0;
    for (int dy = 0; dy <= 30; ++dy)
        for (int dx = 0; dx <= 30; ++dx) {
            const double distance = std::hypot(dx, dy);
            if (distance >= 12 && distance <= 30)
                redOnLeader += isLeaderRed(pixelAt(*image, int(ax) + dx, int(ay) - dy));
        }
    CHECK(redOnLeader >= 8);
    // The box is centred at the offset: pale background with dark glyphs in it.
    const int bx = int(ax + callout.offsetXPx * scale), by = int(ay - callout.offsetYPx * scale);
    int dark = 0, pale = 0;
    for (int dy = -6; dy <= 6; ++dy)
        for (int dx = -40; dx <= 40; ++dx) {
            const osg::Vec4ub p = pixelAt(*image, bx + dx, by + dy);
            dark += isDark(p);
            pale += p.r() > 235 && p.g() > 235 && p.b() > 235;
        }
    CHECK(dark > 40);
    CHECK(pale > 200);
}

TEST_CASE("Layer labels with a missing field: the rest renders, one warning", "[annotations][template]") {
    const Model model = threePipes();
    Annotations annotations;
    LayerLabels labels;
    labels.layer = "water";
    labels.text = "{id} {owner} {material}";
    annotations.layerLabels.push_back(labels);
    LayerLabels missingLayer;
    missingLayer.layer = "gas";
    missingLayer.text = "{id}";
    annotations.layerLabels.push_back(missingLayer);
    Problems problems;
    const PreparedAnnotations content = prepareAnnotations(model, annotations, "p.subterra.json", problems);
    REQUIRE(content.labels.size() == 3);
    CHECK(content.labels[1].text == "W-2 ? PE");
    REQUIRE(problems.size() == 2);
    CHECK(
        problems[0].toLine() ==
        "warning: p.subterra.json: $.annotations.layer_labels[0]: template \"{id} {owner} {material}\": no field 'owner' (shown as ?)");
    CHECK(problems[1].toLine().find("layer 'gas' has no features to label") != std::string::npos);
}
