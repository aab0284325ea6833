// Object tracks rendered headless: an excavation opening, a section plane moving and switching,
// a callout fading in, and the follow camera handed out by the player (timeline_apply.h).
#include "animation_fixture.h"

using namespace subterra;
using namespace animation_fixture;

namespace {
Cuts closedPit() {
    Cuts cuts;
    Excavation pit;
    pit.name = "pit";
    pit.enabled = false;  // drawn only while its track opens it
    pit.centreX = 0, pit.centreY = 4;
    pit.sizeX = 20, pit.sizeY = 14;
    pit.depthM = 4;
    cuts.excavations.push_back(pit);
    return cuts;
}
}  // namespace

// Top view: the pit spans columns ~48-112 and rows ~23-67; between the pipes (rows 40-50) its
// floor shows the deepest stratum, where the closed pit shows the see-through ground.
TEST_CASE("Excavation track: the pit is closed at the start and opens to its full size", "[animation][pixels][cuts]") {
    Timeline timeline;
    timeline.durationS = 2;
    timeline.tracks.push_back(track("excavation.pit.open", {{0, 0}, {2, 1}}));
    Fixture f(timeline, true, closedPit());
    Fixture plain(Timeline{}, true);
    const auto closed = f.at(0, "pit_closed.png"), half = f.at(1, "pit_half.png"), open = f.at(2, "pit_open.png");
    CHECK(sameBytes(*closed, *plain.at(0)));  // closed: exactly the scene without a pit
    const int openChanged = changedPixels(*closed, *open, 40, 50, 55, 105);
    const int halfChanged = changedPixels(*closed, *half, 40, 50, 55, 105);
    INFO("changed between the pipes: half open " << halfChanged << ", open " << openChanged);
    CHECK(openChanged > 400);  // the whole floor shows
    CHECK(halfChanged > 50);
    CHECK(halfChanged < openChanged - 100);                    // half the size: the middle only
    CHECK(changedPixels(*closed, *open, 40, 50, 0, 30) == 0);  // outside the pit: the same ground
    // Open again later: the same bytes (the cut state is a function of the time only).
    f.at(0.3);
    CHECK(sameBytes(*open, *f.at(2)));
}

TEST_CASE("Section tracks move the plane and switch it off", "[animation][pixels][cuts]") {
    Cuts cuts;
    std::string error;
    auto plane = planeSection({0, 0, 0}, {1, 0, 0}, error);  // cuts away everything east of x = 0
    REQUIRE(plane);
    plane->name = "cut";
    cuts.sections.push_back(*plane);
    Timeline timeline;
    timeline.durationS = 3;
    timeline.tracks.push_back(track("section.cut.offset", {{0, 0}, {1, -15}}));
    timeline.tracks.push_back(track("section.cut.enabled", {{0, 1}, {2, 0}}, Interpolation::Hold));
    Fixture f(timeline, true, cuts);
    const auto start = f.at(0, "section_start.png"), moved = f.at(1, "section_moved.png"),
               off = f.at(2.5, "section_off.png");
    // The water main's row: west half drawn, east half cut away; then the plane moves 15 m west.
    CHECK(bluePixels(*start, 48, 58, 40, 75) > 60);
    CHECK(bluePixels(*start, 48, 58, 85, 120) == 0);
    CHECK(bluePixels(*moved, 48, 58, 40, 75) == 0);
    CHECK(bluePixels(*moved, 48, 58, 18, 28) > 20);  // west of x = -15 it is still there
    CHECK(bluePixels(*off, 48, 58, 40, 75) > 60);
    CHECK(bluePixels(*off, 48, 58, 85, 120) > 60);
}

TEST_CASE("Annotation track: the callout's region is empty at the start and shows after the fade",
          "[animation][pixels][annotations]") {
    Annotations notes;
    Callout callout;
    callout.id = "note";
    callout.anchor.point = Vec3d{0, 4, 0};
    callout.text = "PIT";
    callout.style.sizePx = 300;  // readable in a 160 x 90 picture (sizes are per 1080 pixels)
    callout.offsetXPx = -450;
    callout.offsetYPx = 250;
    notes.callouts.push_back(callout);
    Timeline timeline;
    timeline.durationS = 2;
    timeline.tracks.push_back(track("annotation.note.opacity", {{0, 0}, {0.5, 0}, {1.5, 1}}));
    Fixture f(timeline, true, {}, notes);
    Fixture plain(Timeline{}, true);
    const auto hidden = f.at(0, "callout_hidden.png"), fading = f.at(1, "callout_fading.png"),
               shown = f.at(2, "callout_shown.png");
    CHECK(sameBytes(*hidden, *plain.at(0)));  // opacity 0: not drawn at all
    // The box and its text sit up and to the left of the anchor (the picture's centre).
    const int shownChanged = changedPixels(*hidden, *shown, 0, 44, 0, 79);
    INFO("changed up-left: fading " << changedPixels(*hidden, *fading, 0, 44, 0, 79) << ", shown " << shownChanged);
    CHECK(shownChanged > 300);
    CHECK(changedPixels(*hidden, *shown, 0, 89, 120, 159) == 0);  // nothing on the right
    // Halfway through the fade the box is there but fainter: fewer pixels differ strongly.
    CHECK(changedPixels(*hidden, *fading, 0, 44, 0, 79, 60) < changedPixels(*hidden, *shown, 0, 44, 0, 79, 60));
    CHECK(changedPixels(*hidden, *fading, 0, 44, 0, 79) > 100);
}

TEST_CASE("camera.follow in the player: blends from the keyed camera onto the pipe run", "[animation][follow]") {
    Timeline timeline;
    timeline.durationS = 2;
    Track follow;
    follow.target = "camera.follow";
    follow.follow = CameraFollow{"sewer", {"S-1"}, 4, 5, 6};
    follow.keys.push_back({0, {0.5, 0}, Interpolation::Linear});
    follow.keys.push_back({2, {1.0, 1}, Interpolation::Linear});
    timeline.tracks.push_back(follow);
    Fixture f(timeline, true);
    REQUIRE(f.player->problems().empty());
    const CameraSpec start = f.player->apply(0).camera;
    CHECK(start.eye.x() == Approx(topCamera().eye.x()));  // weight 0: the camera without the track
    CHECK(start.eye.z() == Approx(45));
    const CameraSpec end = f.player->apply(2).camera;
    // Weight 1 at the sewer's east end (x = 25, y = 8, z = -2.5): 5 m back, 4 m above.
    CHECK(end.eye.x() == Approx(20).margin(0.1));
    CHECK(end.eye.y() == Approx(8).margin(0.01));
    CHECK(end.eye.z() == Approx(-2.45 + 4).margin(0.1));
    CHECK(end.target.x() > end.eye.x() + 5);

    timeline.tracks[0].follow->ids = {"S-1", "S-404"};
    Fixture broken(timeline, true);
    REQUIRE(broken.player->problems().size() == 1);
    CHECK(broken.player->problems()[0].where == "$.timeline.tracks[0].follow.ids");
    CHECK(broken.player->problems()[0].message == "no pipe 'S-404' in layer 'sewer'");
}
