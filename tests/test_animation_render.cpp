// Timeline tracks rendered headless: reveal, flow, layer and terrain opacity, camera, and the
// same frame giving the same bytes whatever was rendered before it (timeline_apply.h).
#include "animation_fixture.h"

using namespace subterra;
using namespace animation_fixture;

// In the top view the water main runs along the picture's row 53 or so (y = 0 is below the
// centre y = 4), from column ~35 (x = -25) to ~125 (x = 25).
TEST_CASE("Reveal: no pipe of the layer at the start, half of it halfway, all of it at the end",
          "[animation][pixels]") {
    Timeline timeline;
    timeline.durationS = 2;
    timeline.tracks.push_back(track("reveal.water", {{0, 0}, {2, 1}}));
    Fixture f(timeline);
    const auto start = f.at(0, "reveal_start.png"), half = f.at(1, "reveal_half.png"), end = f.at(2, "reveal_end.png");
    const int rowTop = 48, rowBottom = 58;
    INFO("blue pixels at start " << bluePixels(*start, rowTop, rowBottom, 0, 159) << ", half "
                                 << bluePixels(*half, rowTop, rowBottom, 0, 159) << ", end "
                                 << bluePixels(*end, rowTop, rowBottom, 0, 159));
    CHECK(bluePixels(*start, rowTop, rowBottom, 0, 159) == 0);
    // Grows from the first point (west, left): at half time the left half is there, not the right.
    CHECK(bluePixels(*half, rowTop, rowBottom, 40, 75) > 60);
    CHECK(bluePixels(*half, rowTop, rowBottom, 85, 120) == 0);
    CHECK(bluePixels(*end, rowTop, rowBottom, 40, 75) > 60);
    CHECK(bluePixels(*end, rowTop, rowBottom, 85, 120) > 60);
}

TEST_CASE("Reveal grows from the given start point", "[animation][pixels]") {
    Timeline timeline;
    timeline.durationS = 2;
    timeline.tracks.push_back(track("reveal.water", {{0, 0}, {2, 1}}));
    timeline.tracks[0].revealFrom = std::array<double, 2>{30, 0};  // east end
    Fixture f(timeline);
    const auto half = f.at(1);
    CHECK(bluePixels(*half, 48, 58, 40, 75) == 0);
    CHECK(bluePixels(*half, 48, 58, 85, 120) > 60);
}

TEST_CASE("Flow: pulses move along the pipe over time, nothing else changes", "[animation][pixels]") {
    Timeline timeline;
    timeline.durationS = 4;
    timeline.tracks.push_back(track("flow.sewer", {{0, 1}}));
    timeline.tracks[0].flowSpeedMps = 4;
    timeline.tracks[0].flowSpacingM = 10;
    Fixture f(timeline);
    const auto a = f.at(0, "flow_a.png"), b = f.at(1.25, "flow_b.png");
    // The sewer's row (y = 8, above the centre): pixels differ along it; the water main's row does not.
    int sewerChanged = 0, waterChanged = 0;
    for (int x = 40; x <= 120; ++x) {
        for (int y = 30; y <= 40; ++y) sewerChanged += pixelAt(*a, x, y) != pixelAt(*b, x, y);
        for (int y = 50; y <= 56; ++y) waterChanged += pixelAt(*a, x, y) != pixelAt(*b, x, y);
    }
    INFO("changed pixels on the sewer " << sewerChanged << ", on the water main " << waterChanged);
    CHECK(sewerChanged > 50);
    CHECK(waterChanged == 0);
    // One full spacing later (10 m at 4 m/s) the pulses are where they were.
    CHECK(sameBytes(*a, *f.at(2.5)));
}

TEST_CASE("The same frame renders the same bytes whatever came before", "[animation][determinism]") {
    Timeline timeline;
    timeline.durationS = 3;
    timeline.tracks.push_back(track("reveal.water", {{0, 0}, {3, 1}}, Interpolation::Smooth));
    timeline.tracks.push_back(track("flow.sewer", {{0, 0}, {1, 1}}));
    timeline.tracks.push_back(track("layers.sewer.opacity", {{0, 1}, {3, 0.3}}));
    timeline.tracks.push_back(track("terrain.opacity", {{0, 0.8}, {3, 0.1}}));
    Fixture f(timeline);
    const auto first = f.at(1.7);
    f.at(0.2);
    f.at(2.9);
    CHECK(sameBytes(*first, *f.at(1.7)));
}

TEST_CASE("Layer opacity, visibility and terrain opacity tracks", "[animation][pixels]") {
    Timeline timeline;
    timeline.durationS = 3;
    timeline.tracks.push_back(track("layers.water.opacity", {{0, 1}, {2, 0}}));
    timeline.tracks.push_back(track("layers.sewer.visible", {{0, 1}, {1, 0}}));
    timeline.tracks.push_back(track("terrain.opacity", {{0, 0}, {3, 1}}));
    Fixture f(timeline);
    const auto start = f.at(0), faded = f.at(1.5, "opacity_faded.png"), gone = f.at(2), ground = f.at(3);
    const int full = bluePixels(*start, 48, 58, 40, 120);
    CHECK(full > 200);
    CHECK(bluePixels(*faded, 48, 58, 40, 120) < full);  // see-through: mixed with the ground
    CHECK(bluePixels(*gone, 48, 58, 40, 120) == 0);
    // The sewer is hidden from t = 1 (hold): its row looks like bare ground.
    CHECK(pixelAt(*start, 80, 35) != pixelAt(*gone, 80, 35));
    CHECK(pixelAt(*gone, 80, 35) == pixelAt(*gone, 80, 75));
    // An opaque ground at the end hides everything: the picture is one colour in the middle.
    CHECK(pixelAt(*ground, 80, 53) == pixelAt(*ground, 80, 20));
}

TEST_CASE("The camera track moves the camera, object channels are handed out", "[animation]") {
    Timeline timeline;
    timeline.durationS = 2;
    Track camera;
    camera.target = "camera";
    camera.keys.push_back({0, {0, -50, 30, 0, 0, 0, 0, 0, 1, 30}, Interpolation::Smooth});
    camera.keys.push_back({2, {20, -40, 10, 0, 0, -2, 0, 0, 1, 50}, Interpolation::Smooth});
    timeline.tracks.push_back(camera);
    timeline.tracks.push_back(track("excavation.pit.depth", {{0, 1}, {2, 3}}));
    Fixture f(timeline);
    TimelineFrame frame = f.player->apply(1);
    CHECK(frame.camera.eye.x() == Approx(10));
    CHECK(frame.camera.fovYDeg == Approx(40));
    CHECK(frame.camera.target.z() == Approx(-1));
    CHECK(frame.parameters.at("excavation.pit.depth")[0] == Approx(2));
}
