// Key edits of the timeline panel (scene/timeline_keys.h): every edit keeps each track's keys
// strictly increasing and inside the timeline, so the saved project reads back.
#include <catch2/catch.hpp>

#include "fixtures.h"
#include "json_reader.h"
#include "timeline_json.h"
#include "timeline_keys.h"

using namespace subterra;

namespace {
Keyframe key(double t, double v, Interpolation interpolation = Interpolation::Smooth) {
    return {t, {v}, interpolation};
}

std::vector<double> times(const Timeline& timeline, const std::string& target) {
    std::vector<double> out;
    for (const auto& k : timeline.findTrack(target)->keys) out.push_back(k.timeS);
    return out;
}

bool strictlyIncreasing(const Timeline& timeline) {
    for (const auto& track : timeline.tracks)
        for (size_t i = 1; i < track.keys.size(); ++i)
            if (!(track.keys[i - 1].timeS < track.keys[i].timeS)) return false;
    return true;
}

// The timeline as the project file holds it, read back: must give no errors.
bool readsBack(const Timeline& timeline) {
    Problems problems;
    const nlohmann::json json = timelineToJson(timeline);
    const auto read = readTimeline(JsonReader(json, "$.timeline", "test.subterra.json", problems), {"water"});
    for (const auto& p : problems) UNSCOPED_INFO(p.toLine());
    return read.has_value() && problems.empty();
}
}  // namespace

TEST_CASE("Adding keys keeps them in order, makes the track and replaces a key at the same time", "[timeline][edit]") {
    Timeline timeline;
    timeline.durationS = 10;
    CHECK(addKey(timeline, "terrain.opacity", key(5, 0.5)) == 0);
    REQUIRE(timeline.findTrack("terrain.opacity"));
    CHECK(addKey(timeline, "terrain.opacity", key(2, 0.2)) == 0);
    CHECK(addKey(timeline, "terrain.opacity", key(8, 0.8)) == 2);
    CHECK(addKey(timeline, "terrain.opacity", key(3, 0.3)) == 1);
    CHECK(times(timeline, "terrain.opacity") == std::vector<double>{2, 3, 5, 8});
    // Same time (within a millisecond): replaced, not doubled.
    CHECK(addKey(timeline, "terrain.opacity", key(5.0004, 0.9)) == 2);
    CHECK(times(timeline, "terrain.opacity").size() == 4);
    CHECK(timeline.findTrack("terrain.opacity")->keys[2].value[0] == Approx(0.9));
    // Outside the timeline: clamped to its ends.
    CHECK(addKey(timeline, "terrain.opacity", key(-3, 0)) == 0);
    CHECK(addKey(timeline, "terrain.opacity", key(42, 1)) == 5);
    CHECK(times(timeline, "terrain.opacity") == std::vector<double>{0, 2, 3, 5.0004, 8, 10});
    CHECK(strictlyIncreasing(timeline));
    CHECK(readsBack(timeline));
}

TEST_CASE("Moving a key re-sorts the track and refuses a time another key holds", "[timeline][edit]") {
    Timeline timeline;
    for (double t : {1.0, 4.0, 7.0}) addKey(timeline, "layers.water.opacity", key(t, t / 10));
    // Past its neighbour: the key goes to its new place with its value.
    const auto moved = moveKey(timeline, "layers.water.opacity", 0, 5.5);
    REQUIRE(moved);
    CHECK(*moved == 1);
    CHECK(times(timeline, "layers.water.opacity") == std::vector<double>{4, 5.5, 7});
    CHECK(timeline.findTrack("layers.water.opacity")->keys[1].value[0] == Approx(0.1));
    // Onto another key's time: nothing changes.
    CHECK_FALSE(moveKey(timeline, "layers.water.opacity", 1, 7.0));
    CHECK(times(timeline, "layers.water.opacity") == std::vector<double>{4, 5.5, 7});
    // No such key or track.
    CHECK_FALSE(moveKey(timeline, "layers.water.opacity", 3, 2.0));
    CHECK_FALSE(moveKey(timeline, "camera", 0, 2.0));
    // Clamped into the timeline.
    CHECK(moveKey(timeline, "layers.water.opacity", 2, 99) == std::optional<size_t>(2));
    CHECK(times(timeline, "layers.water.opacity").back() == Approx(timeline.durationS));
    CHECK(strictlyIncreasing(timeline));
    CHECK(readsBack(timeline));
}

TEST_CASE("Deleting keys, the track goes with its last key", "[timeline][edit]") {
    Timeline timeline;
    addKey(timeline, "reveal.water", key(0, 0));
    addKey(timeline, "reveal.water", key(6, 1));
    CHECK_FALSE(deleteKey(timeline, "reveal.water", 2));
    CHECK(deleteKey(timeline, "reveal.water", 0));
    CHECK(times(timeline, "reveal.water") == std::vector<double>{6});
    CHECK(deleteKey(timeline, "reveal.water", 0));
    CHECK(timeline.findTrack("reveal.water") == nullptr);
    CHECK(timeline.tracks.empty());
}

TEST_CASE("A key's value and interpolation change in place, a value of another size is refused", "[timeline][edit]") {
    Timeline timeline;
    addKey(timeline, "terrain.opacity", key(1, 0.5, Interpolation::Linear));
    addKey(timeline, "terrain.opacity", key(3, 1.0, Interpolation::Linear));
    CHECK(setKeyValue(timeline, "terrain.opacity", 0, {0.0}));
    CHECK(setKeyInterpolation(timeline, "terrain.opacity", 0, Interpolation::Hold));
    CHECK_FALSE(setKeyValue(timeline, "terrain.opacity", 0, {0.0, 1.0}));
    CHECK_FALSE(setKeyValue(timeline, "terrain.opacity", 5, {0.0}));
    const Track& track = *timeline.findTrack("terrain.opacity");
    CHECK(track.keys[0].interpolation == Interpolation::Hold);
    // Hold keeps the edited value until the next key.
    CHECK(evaluateTrack(track, 2.9)[0] == Approx(0.0));
    CHECK(keyNear(timeline, "terrain.opacity", 3.02, 0.05) == std::optional<size_t>(1));
    CHECK_FALSE(keyNear(timeline, "terrain.opacity", 2.0, 0.05));
}
