#pragma once
// A small animated scene for the timeline render tests: a water main and a sewer under flat
// ground, seen from above at 160 x 90, rendered headless frame by frame through a TimelinePlayer
// (with the model: cuts and follow cameras work), annotations drawn over it faded by their tracks.
#include <catch2/catch.hpp>
#include <cstring>
#include <memory>

#include "annotation_overlay.h"
#include "image_io.h"
#include "model_fixtures.h"
#include "offscreen_renderer.h"
#include "render_support.h"
#include "scene_builder.h"
#include "timeline_apply.h"
#include "utility_colors.h"

namespace animation_fixture {

using namespace subterra;

// A 50 m water main along x (y = 0) and a sewer along x at y = 8 falling from west to east,
// under a flat ground at z = 0.
inline Model twoPipes() {
    Model model;
    model.terrain = model_fixtures::flatGround(80, 2);
    model.segments.push_back(model_fixtures::pipe("W-1", UtilityKind::Water, 1.2, {{-25, 0, -1.5}, {25, 0, -1.5}}));
    model.segments.push_back(model_fixtures::pipe("S-1", UtilityKind::Sewer, 1.2, {{-25, 8, -2.0}, {25, 8, -2.5}}));
    return model;
}

inline Track track(const std::string& target, std::vector<std::pair<double, double>> keys,
                   Interpolation interpolation = Interpolation::Linear) {
    Track t;
    t.target = target;
    for (auto [time, value] : keys) t.keys.push_back({time, {value}, interpolation});
    return t;
}

inline CameraSpec topCamera() {
    CameraSpec top;
    top.eye = osg::Vec3d(0, 4, 45);
    top.target = osg::Vec3d(0, 4, 0);
    top.up = osg::Vec3d(0, 1, 0);
    return top;
}

struct Fixture {
    Model model = twoPipes();
    Timeline timeline;
    SceneStyle style;
    BuiltScene scene;
    std::unique_ptr<TimelinePlayer> player;
    std::unique_ptr<OffscreenRenderer> renderer;
    PreparedAnnotations annotations;
    AnnotationOverlay overlay{PreparedAnnotations{}};
    osg::ref_ptr<osg::Group> root;

    // `withModel`: the player gets the model (cuts, follow); `cuts` and `annotations` as a project's.
    explicit Fixture(Timeline t, bool withModel = false, Cuts cuts = {}, const Annotations& notes = {})
        : timeline(std::move(t)) {
        style.terrainOpacity = 0.2f;
        style.cuts = std::move(cuts);
        addRevealOrigins(style, timeline);
        scene = buildScene(model, style);
        player = withModel ? std::make_unique<TimelinePlayer>(scene, model, style, timeline, topCamera())
                           : std::make_unique<TimelinePlayer>(scene, style, timeline, topCamera());
        Problems problems;
        annotations = prepareAnnotations(model, notes, "test", problems);
        root = new osg::Group;
        root->addChild(scene.root.get());
        root->addChild(overlay.camera());
        renderer = render_test::makeRenderer(160, 90, 0);
    }

    osg::ref_ptr<osg::Image> at(double timeS, const std::string& saveAs = "") {
        const TimelineFrame frame = player->apply(timeS);
        overlay.setContent(fadedAnnotations(annotations, frame.annotationOpacity));
        overlay.update(overlayViewFor(frame.camera, 160, 90), &scene);
        std::string error;
        auto image = renderer->render(root.get(), frame.camera, error);
        INFO(error);
        REQUIRE(image);
        if (!saveAs.empty()) writePng(*image, std::string(SUBTERRA_TEST_OUTPUT_DIR) + "/" + saveAs).into(error);
        return image;
    }
};

inline bool isBlue(const osg::Vec4ub& p) { return p.b() > p.r() + 40 && p.b() > p.g() + 15; }

// Blue pixels in rows y0..y1 (from the top) and columns x0..x1.
inline int bluePixels(const osg::Image& image, int y0, int y1, int x0, int x1) {
    int count = 0;
    for (int y = y0; y <= y1; ++y)
        for (int x = x0; x <= x1; ++x) count += isBlue(pixelAt(image, x, y));
    return count;
}

// Pixels that differ by more than `tolerance` in any channel, within rows y0..y1 and columns x0..x1.
inline int changedPixels(const osg::Image& a, const osg::Image& b, int y0, int y1, int x0, int x1, int tolerance = 12) {
    int count = 0;
    for (int y = y0; y <= y1; ++y)
        for (int x = x0; x <= x1; ++x) {
            const osg::Vec4ub p = pixelAt(a, x, y), q = pixelAt(b, x, y);
            bool differs = false;
            for (int c = 0; c < 3; ++c) differs |= std::abs(int(p[c]) - int(q[c])) > tolerance;
            count += differs;
        }
    return count;
}

inline bool sameBytes(const osg::Image& a, const osg::Image& b) {
    return a.getTotalSizeInBytes() == b.getTotalSizeInBytes() &&
           std::memcmp(a.data(), b.data(), a.getTotalSizeInBytes()) == 0;
}

}  // namespace animation_fixture
