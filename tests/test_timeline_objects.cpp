// Tracks of named objects (timeline_parameters.h): section, excavation, annotation and
// camera.follow targets, their errors, the cut state they give (timeline_cuts.h), the follow
// camera's path (camera_follow.h) and a project round trip.
#include <catch2/catch.hpp>
#include <algorithm>
#include <cmath>

#include "camera_follow.h"
#include "fixtures.h"
#include "json_reader.h"
#include "timeline_json.h"
#include "project.h"
#include "timeline_cuts.h"

using namespace subterra;

namespace {
TimelineNames projectNames() {
    TimelineNames names;
    names.layers = {"water", "sewer"};
    names.sections = std::vector<std::string>{"cross"};
    names.excavations = std::vector<std::string>{"street pit"};
    names.annotations = std::vector<std::string>{"callout1", "title"};
    return names;
}

std::optional<Timeline> read(const std::string& json, Problems& problems) {
    const nlohmann::json value = nlohmann::json::parse(json);
    return readTimeline(JsonReader(value, "$.timeline", "test.subterra.json", problems), projectNames());
}

double planDistanceToPiece(const osg::Vec3d& p, const osg::Vec2d& a, const osg::Vec2d& b) {
    const osg::Vec2d ab = b - a, ap = osg::Vec2d(p.x(), p.y()) - a;
    const double u = std::clamp((ap * ab) / ab.length2(), 0.0, 1.0);
    return (ap - ab * u).length();
}

Segment pipe(const std::string& id, std::vector<Vec3d> points) {
    Segment s;
    s.id = id;
    s.layer = "sewer";
    s.utility = UtilityKind::Sewer;
    s.points = std::move(points);
    return s;
}
}  // namespace

TEST_CASE("Object targets: names with spaces, properties, and what is wrong with bad ones", "[timeline][objects]") {
    const TimelineNames names = projectNames();
    std::string error;
    auto open = parseParameterTarget("excavation.street pit.open", names, error);
    REQUIRE(open);
    CHECK(open->kind == ParameterKind::ExcavationOpen);
    CHECK(open->name == "street pit");
    CHECK(parseParameterTarget("excavation.street pit.size", names, error)->minValues == 2);
    CHECK(parseParameterTarget("section.cross.offset", names, error)->kind == ParameterKind::SectionOffset);
    CHECK(parseParameterTarget("annotation.callout1.opacity", names, error)->name == "callout1");
    CHECK(parseParameterTarget("camera.follow", names, error)->maxValues == 2);

    CHECK_FALSE(parseTarget("excavation.x.open", names, error));
    CHECK(error.find("no excavation named 'x'; the project has: 'street pit'") != std::string::npos);
    CHECK_FALSE(parseTarget("section.cross.tilt", names, error));
    CHECK(error.find("unknown section property 'tilt'") != std::string::npos);
    CHECK(error.find("offset, enabled") != std::string::npos);
    CHECK_FALSE(parseTarget("annotation.callout9.opacity", names, error));
    CHECK(error.find("no annotation named 'callout9'") != std::string::npos);
    CHECK_FALSE(parseTarget("excavation.open", names, error));
    CHECK(error.find("excavation.NAME.PROPERTY") != std::string::npos);
}

TEST_CASE("Bad object tracks give clear errors with their JSON path", "[timeline][objects][errors]") {
    Problems problems;
    auto timeline = read(R"({"duration_s": 5, "tracks": [
        {"target": "excavation.x.open", "keys": [{"t": 0, "value": 0}]},
        {"target": "excavation.street pit.size", "keys": [{"t": 0, "value": [1, 2]}, {"t": 1, "value": 3}]},
        {"target": "camera.follow", "keys": [{"t": 0, "value": 0}]},
        {"target": "camera.follow", "follow": {"layer": "gas", "ids": ["G-1"]}, "keys": [{"t": 0, "value": 0}]},
        {"target": "camera.follow", "follow": {"layer": "sewer", "ids": []}, "keys": [{"t": 0, "value": 0}]},
        {"target": "annotation.callout1.opacity", "keys": [{"t": 0, "value": [1, 2]}]},
        {"target": "excavation.street pit.open", "keys": [{"t": 0, "value": 0}, {"t": 5, "value": 1}]}]})",
                         problems);
    INFO(fixtures::problemLines(problems));
    REQUIRE(timeline);
    CHECK(fixtures::countProblems(problems, {"$.timeline.tracks[0].target", "no excavation named 'x'"}) == 1);
    CHECK(fixtures::countProblems(problems, {"$.timeline.tracks[1].keys[1].value", "has 1 numbers, the first key 2"}) ==
          1);
    CHECK(fixtures::countProblems(problems, {"$.timeline.tracks[2].follow", "missing"}) == 1);
    CHECK(fixtures::countProblems(problems, {"$.timeline.tracks[3].follow.layer", "unknown layer 'gas'"}) == 1);
    CHECK(fixtures::countProblems(problems, {"$.timeline.tracks[4].follow.ids", "non-empty array"}) == 1);
    CHECK(fixtures::countProblems(problems, {"$.timeline.tracks[5].keys[0].value", "expected 1 number, got 2"}) == 1);
    CHECK(problems.size() == 6);
    REQUIRE(timeline->tracks.size() == 1);  // the good one survives
    CHECK(timeline->tracks[0].target == "excavation.street pit.open");
}

TEST_CASE("Excavation tracks open the box from nothing, section tracks move and switch planes", "[timeline][objects]") {
    Cuts base;
    Excavation pit;
    pit.name = "street pit";
    pit.enabled = false;
    pit.sizeX = 6, pit.sizeY = 15, pit.depthM = 4.5;
    base.excavations.push_back(pit);
    std::string error;
    auto plane = planeSection({10, 0, 0}, {1, 0, 0}, error);
    REQUIRE(plane);
    plane->name = "cross";
    base.sections.push_back(*plane);

    const Cuts closed = animatedCuts(base, {{"excavation.street pit.open", {0}}});
    CHECK_FALSE(closed.excavations[0].enabled);
    CHECK(sameCuts(closed, base));  // nothing to draw: the scene stays as built
    const Cuts half = animatedCuts(base, {{"excavation.street pit.open", {0.5}}});
    CHECK(half.excavations[0].enabled);
    CHECK(half.excavations[0].sizeY == Approx(7.5));
    CHECK(half.excavations[0].depthM == Approx(2.25));
    CHECK_FALSE(sameCuts(half, base));
    // Barely open (a 4.5 cm deep hole) still counts as closed.
    CHECK_FALSE(animatedCuts(base, {{"excavation.street pit.open", {0.01}}}).excavations[0].enabled);
    // "open" scales what the other tracks set, whatever the order of the targets.
    const Cuts moved = animatedCuts(base, {{"excavation.street pit.open", {1}},
                                           {"excavation.street pit.depth", {2}},
                                           {"excavation.street pit.centre", {5, 6}}});
    CHECK(moved.excavations[0].depthM == Approx(2));
    CHECK(moved.excavations[0].centreY == Approx(6));

    const Cuts shifted = animatedCuts(base, {{"section.cross.offset", {-4}}});
    CHECK(shifted.sections[0].point.x == Approx(6));
    CHECK_FALSE(animatedCuts(base, {{"section.cross.enabled", {0}}}).sections[0].enabled);
}

TEST_CASE("camera.follow: the eye rides along the pipe run, above it, looking ahead", "[timeline][objects][follow]") {
    Model model;
    // An L-shaped run: east along y = 0, then north along x = 40; the second pipe is digitised
    // backwards (north to south) and must be turned.
    model.segments.push_back(pipe("S-1", {{0, 0, -2}, {40, 0, -2}}));
    model.segments.push_back(pipe("S-2", {{40, 30, -2}, {40, 0, -2}}));
    CameraFollow follow;
    follow.layer = "sewer";
    follow.ids = {"S-1", "S-2"};
    follow.heightM = 5;
    follow.behindM = 6;
    follow.lookAheadM = 8;
    std::string error;
    auto path = FollowPath::build(model, follow, error);
    INFO(error);
    REQUIRE(path);
    CHECK(path->lengthM() == Approx(70));
    CHECK(path->pointAt(55).y == Approx(15));
    CHECK(path->pointAt(55).x == Approx(40));

    CameraSpec previous = path->cameraAt(0, 40);
    double largestStep = 0, smallestStep = 1e9;
    for (int i = 1; i <= 100; ++i) {
        const CameraSpec camera = path->cameraAt(i / 100.0, 40);
        // Along the run (once the eye, 6 m behind, is on it): 5 m above it and within a few
        // metres of it in plan (the corner is rounded).
        const double toRun = std::min(planDistanceToPiece(camera.eye, {0, 0}, {40, 0}),
                                      planDistanceToPiece(camera.eye, {40, 0}, {40, 30}));
        if (i >= 10) CHECK(toRun < 1.5);
        CHECK(camera.eye.z() == Approx(3));
        CHECK(camera.target.z() == Approx(-2));
        const double step = (camera.eye - previous.eye).length();
        largestStep = std::max(largestStep, step), smallestStep = std::min(smallestStep, step);
        previous = camera;
    }
    // The end: past the corner, heading north, looking north.
    CHECK(previous.eye.x() == Approx(40).margin(0.01));
    CHECK(previous.target.y() > previous.eye.y() + 5);
    // Even speed: no jumps at the corner (each 1 % of the run is 0.7 m; the corner shortens it a little).
    CHECK(largestStep < 0.75);
    CHECK(smallestStep > 0.4);

    follow.ids = {"S-1", "S-9"};
    CHECK_FALSE(FollowPath::build(model, follow, error));
    CHECK(error == "no pipe 'S-9' in layer 'sewer'");
}

TEST_CASE("Object tracks and follow options survive a project save and load", "[timeline][objects][project]") {
    const std::string dir = fixtures::freshDir("timeline_objects_round_trip");
    fixtures::writeText(dir + "/sewer.geojson", R"({"type": "FeatureCollection", "features": []})");
    const std::string path = fixtures::writeText(dir + "/p.subterra.json", R"({
      "subterra": 1, "layers": [{"name": "sewer", "source": "sewer.geojson"}],
      "excavations": [{"name": "pit", "centre": [0, 0], "size": [4, 4], "depth_m": 2}],
      "annotations": {"callouts": [{"id": "main", "anchor": [0, 0, 0], "text": "Main"}]},
      "timeline": {"duration_s": 4, "tracks": [
        {"target": "excavation.pit.open", "keys": [{"t": 0, "value": 0}, {"t": 4, "value": 1}]},
        {"target": "annotation.main.opacity", "keys": [{"t": 0, "value": 0}, {"t": 1, "value": 1}]},
        {"target": "reveal.sewer", "order": "flow", "flow_attribute": "Q", "keys": [{"t": 0, "value": 0}]},
        {"target": "camera.follow", "follow": {"layer": "sewer", "ids": ["S-1", "S-2"], "height_m": 4},
         "keys": [{"t": 0, "value": [0, 1]}]}]}})");
    auto load = loadProject(path);
    INFO(fixtures::problemLines(load.problems));
    REQUIRE(load.project);
    CHECK(load.problems.empty());
    std::string error;
    REQUIRE(saveProject(*load.project, path).into(error));
    auto again = loadProject(path);
    REQUIRE(again.project);
    REQUIRE(again.project->timeline);
    const Timeline& t = *again.project->timeline;
    REQUIRE(t.tracks.size() == 4);
    CHECK(t.tracks[0].target == "excavation.pit.open");
    CHECK(t.tracks[2].revealAlongFlow);
    CHECK(t.tracks[2].flowAttribute == "Q");
    REQUIRE(t.tracks[3].follow);
    CHECK(t.tracks[3].follow->ids == std::vector<std::string>{"S-1", "S-2"});
    CHECK(t.tracks[3].follow->heightM == 4);
    CHECK(again.project->annotations.callouts.at(0).id == "main");
}

TEST_CASE("The sample district's explainer reads cleanly and uses every kind of track", "[timeline][sample]") {
    auto load = loadProject(fixtures::sourceDir() + "/sample-data/district/district.subterra.json");
    INFO(fixtures::problemLines(load.problems));
    REQUIRE(load.project);
    REQUIRE(load.project->timeline);
    CHECK(load.problems.empty());
    const Timeline& timeline = *load.project->timeline;
    for (const std::string prefix : {"camera", "camera.follow", "terrain.opacity", "layers.", "reveal.", "flow.",
                                     "excavation.", "section.", "annotation."}) {
        const bool used = std::any_of(timeline.tracks.begin(), timeline.tracks.end(), [&](const Track& track) {
            return prefix == "camera" ? track.target == "camera" : track.target.rfind(prefix, 0) == 0;
        });
        INFO(prefix);
        CHECK(used);
    }
}
