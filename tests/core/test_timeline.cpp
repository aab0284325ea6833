// Timeline model: interpolation values and smoothness, target paths, project-file errors and the
// save round trip (scene/timeline.h).
#include <catch2/catch.hpp>
#include <cmath>

#include "fixtures.h"
#include "json_reader.h"
#include "timeline_json.h"
#include "project.h"
#include "timeline.h"

using namespace subterra;

namespace {
Track scalarTrack(std::vector<std::pair<double, double>> keys, Interpolation interpolation) {
    Track track;
    track.target = "terrain.opacity";
    for (auto [t, v] : keys) track.keys.push_back({t, {v}, interpolation});
    return track;
}

double at(const Track& track, double t) { return evaluateTrack(track, t)[0]; }

// Reads `json` as a timeline of a project with layers water and sewer.
std::optional<Timeline> read(const std::string& json, Problems& problems) {
    const nlohmann::json value = nlohmann::json::parse(json);
    const std::string file = "test.subterra.json";
    return readTimeline(JsonReader(value, "$.timeline", file, problems), {"water", "sewer"});
}
}  // namespace

TEST_CASE("Keys are hit exactly whatever the interpolation", "[timeline]") {
    for (auto mode : {Interpolation::Linear, Interpolation::Smooth, Interpolation::Ease, Interpolation::Hold}) {
        const Track track = scalarTrack({{0, 1}, {2, 5}, {3, -1}, {6, 2}}, mode);
        INFO(toString(mode));
        CHECK(at(track, 0) == Approx(1));
        CHECK(at(track, 2) == Approx(5));
        CHECK(at(track, 3) == Approx(-1));
        CHECK(at(track, 6) == Approx(2));
        CHECK(at(track, -1) == Approx(1));  // before the first key
        CHECK(at(track, 9) == Approx(2));   // after the last
    }
}

TEST_CASE("Values between keys follow the interpolation", "[timeline]") {
    CHECK(at(scalarTrack({{0, 0}, {4, 8}}, Interpolation::Linear), 1) == Approx(2));
    CHECK(at(scalarTrack({{0, 0}, {4, 8}}, Interpolation::Hold), 3.9) == Approx(0));
    const Track ease = scalarTrack({{0, 0}, {4, 8}}, Interpolation::Ease);
    CHECK(at(ease, 2) == Approx(4));  // symmetric
    CHECK(at(ease, 1) < 2);           // slow start
    CHECK(at(ease, 3) > 6);           // slow end
    // Two smooth keys ease in and out like smoothstep; the middle is halfway.
    CHECK(at(scalarTrack({{0, 0}, {4, 8}}, Interpolation::Smooth), 2) == Approx(4));
}

TEST_CASE("Smooth keys have no velocity jump, linear and ease keys do", "[timeline]") {
    const double h = 1e-5;
    auto jumpAt = [&](const Track& track, double t) {
        const double left = (at(track, t) - at(track, t - h)) / h, right = (at(track, t + h) - at(track, t)) / h;
        return std::abs(right - left);
    };
    // Uneven key spacing and values: the velocity must still match on both sides of each inner key.
    const Track smooth = scalarTrack({{0, 0}, {1, 4}, {3.5, 5}, {4, 1}, {7, 3}}, Interpolation::Smooth);
    for (double t : {1.0, 3.5, 4.0}) {
        INFO("key at " << t);
        CHECK(jumpAt(smooth, t) < 1e-3);
    }
    // It moves through inner keys (not a stop-and-go): velocity at t=1 is clearly not zero.
    CHECK(std::abs(at(smooth, 1 + h) - at(smooth, 1)) / h > 0.5);
    const Track linear = scalarTrack({{0, 0}, {1, 4}, {3.5, 5}}, Interpolation::Linear);
    CHECK(jumpAt(linear, 1) > 1);
    const Track ease = scalarTrack({{0, 0}, {1, 4}, {3.5, 5}}, Interpolation::Ease);
    CHECK(std::abs(at(ease, 1 + h) - at(ease, 1)) / h < 1e-3);  // stops at the key
}

TEST_CASE("Target paths are parsed and unknown ones named", "[timeline]") {
    const std::vector<std::string> layers = {"water", "sewer"};
    std::string error;
    auto target = parseTarget("layers.water.opacity", layers, error);
    REQUIRE(target);
    CHECK(target->kind == TrackKind::LayerOpacity);
    CHECK(target->layer == "water");
    CHECK(parseTarget("flow.sewer", layers, error)->kind == TrackKind::Flow);
    CHECK(parseTarget("reveal.water", layers, error)->kind == TrackKind::Reveal);
    CHECK(parseTarget("excavation.pit.size", layers, error)->kind == TrackKind::Parameter);
    CHECK(parseTarget("annotation.a1.opacity", layers, error)->kind == TrackKind::Parameter);
    CHECK_FALSE(parseTarget("reveal.gas", layers, error));
    CHECK(error.find("unknown layer 'gas'") != std::string::npos);
    CHECK_FALSE(parseTarget("layers.water.colour", layers, error));
    CHECK(error.find("layers.water.colour") != std::string::npos);
    CHECK_FALSE(parseTarget("sky.brightness", layers, error));
    CHECK(error.find("unknown target 'sky.brightness'") != std::string::npos);
}

TEST_CASE("Bad timelines give one clear error each, with the JSON path", "[timeline][errors]") {
    Problems problems;
    CHECK_FALSE(read(R"({"duration_s": -2, "tracks": []})", problems));
    CHECK(fixtures::countProblems(problems, {"$.timeline.duration_s", "greater than 0", "-2"}) == 1);

    problems.clear();
    auto timeline = read(R"({"duration_s": 5, "tracks": [
        {"target": "terrain.opacity", "keys": [{"t": 0, "value": 1}, {"t": 3, "value": 0}, {"t": 2, "value": 1}]},
        {"target": "layers.gas.opacity", "keys": [{"t": 0, "value": 1}]},
        {"target": "reveal.water", "keys": [{"t": 0, "value": 0}, {"t": 7, "value": 1}]},
        {"target": "flow.sewer", "keys": [{"t": 0, "value": 1}]}]})",
                         problems);
    INFO(fixtures::problemLines(problems));
    REQUIRE(timeline);
    CHECK(fixtures::countProblems(problems,
                                  {"$.timeline.tracks[0].keys[2].t", "keys out of order", "2 s comes after 3 s"}) == 1);
    CHECK(fixtures::countProblems(problems, {"$.timeline.tracks[1].target", "unknown layer 'gas'"}) == 1);
    CHECK(fixtures::countProblems(problems, {"$.timeline.tracks[2].keys[1].t", "outside the timeline"}) == 1);
    CHECK(problems.size() == 3);
    REQUIRE(timeline->tracks.size() == 1);  // the good track survives the bad ones
    CHECK(timeline->tracks[0].target == "flow.sewer");

    problems.clear();
    read(R"({"duration_s": 5, "tracks": [{"target": "camera", "keys": [{"t": 0, "eye": [0, 0, 10]}]},
        {"target": "layers.water.visible", "keys": [{"t": 0, "value": "yes"}]},
        {"target": "terrain.opacity", "keys": [{"t": 0, "value": 1, "interp": "bouncy"}]}]})",
         problems);
    INFO(fixtures::problemLines(problems));
    CHECK(fixtures::countProblems(problems, {"tracks[0].keys[0]", "needs \"eye\" and \"target\""}) == 1);
    CHECK(fixtures::countProblems(problems, {"tracks[1].keys[0].value", "expected a number"}) == 1);
    CHECK(fixtures::countProblems(problems, {"tracks[2].keys[0].interp", "unknown interpolation 'bouncy'"}) == 1);
}

TEST_CASE("A timeline survives a project save and load", "[timeline][project]") {
    const std::string dir = fixtures::freshDir("timeline_round_trip");
    fixtures::writeText(dir + "/water.geojson", R"({"type": "FeatureCollection", "features": []})");
    const std::string path = fixtures::writeText(dir + "/p.subterra.json", R"({
      "subterra": 1, "layers": [{"name": "water", "source": "water.geojson"}],
      "timeline": {"duration_s": 4, "fps": 24, "tracks": [
        {"target": "camera", "keys": [{"t": 0, "eye": [0, -50, 30], "target": [0, 0, 0]},
                                      {"t": 4, "eye": [10, -40, 20], "target": [0, 0, -2], "fov_deg": 40, "interp": "linear"}]},
        {"target": "reveal.water", "from": [5, 6], "keys": [{"t": 1, "value": 0, "interp": "ease"}, {"t": 3, "value": 1}]},
        {"target": "flow.water", "speed_mps": 3, "spacing_m": 5, "keys": [{"t": 0, "value": 1}]}]}})");
    auto load = loadProject(path);
    INFO(fixtures::problemLines(load.problems));
    REQUIRE(load.project);
    REQUIRE(load.project->timeline);
    std::string error;
    REQUIRE(saveProject(*load.project, path).into(error));
    auto again = loadProject(path);
    REQUIRE(again.project);
    REQUIRE(again.project->timeline);
    const Timeline& t = *again.project->timeline;
    CHECK(t.durationS == 4);
    CHECK(t.fps == 24);
    CHECK(t.frameCount() == 96);
    REQUIRE(t.tracks.size() == 3);
    CHECK(t.tracks[0].keys[1].value == std::vector<double>{10, -40, 20, 0, 0, -2, 0, 0, 1, 40});
    CHECK(t.tracks[0].keys[0].interpolation == Interpolation::Smooth);
    CHECK(t.tracks[1].keys[0].interpolation == Interpolation::Ease);
    REQUIRE(t.tracks[1].revealFrom);
    CHECK((*t.tracks[1].revealFrom)[1] == 6);
    CHECK(t.tracks[2].flowSpeedMps == 3);
    CHECK(t.tracks[2].flowSpacingM == 5);
}
