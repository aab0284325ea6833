// Annotations in the project file: a save round trip, and malformed entries reported with their
// JSON path while the good ones are kept.
#include <catch2/catch.hpp>

#include "fixtures.h"
#include "project.h"

using namespace subterra;

namespace {
std::string projectWith(const std::string& dir, const std::string& annotations) {
    return fixtures::writeText(dir + "/a.subterra.json",
                               R"({"subterra": 1, "layers": [{"name": "water", "source": "w.geojson"}],
      "annotations": )" + annotations +
                                   "}");
}
}  // namespace

TEST_CASE("Annotations survive a save and load", "[annotations][project]") {
    const std::string dir = fixtures::freshDir("annotations_round_trip");
    const std::string path = projectWith(dir, R"({
      "callouts": [{"anchor": {"layer": "water", "id": "W-1"}, "text": "{material} DN{diameter_mm}",
                    "offset_px": [60, -40], "always_on_top": false, "x_note": "kept",
                    "style": {"size_px": 22, "background": "none", "color": "#ff0000"}}],
      "layer_labels": [{"layer": "water", "text": "{id}"}],
      "title": {"text": "Section A", "subtitle": "2026"},
      "measurements": [{"type": "clearance", "a": {"layer": "water", "id": "W-1"}, "b": {"layer": "water", "id": "W-2"}},
                       {"type": "depth", "at": [1, 2, 3]},
                       {"type": "horizontal", "a": [0, 0, 0], "b": {"layer": "water", "id": "W-2", "at": [4, 5, 6]}}]
    })");
    auto first = loadProject(path);
    INFO(fixtures::problemLines(first.problems));
    REQUIRE(first.project);
    CHECK(first.problems.size() == 1);  // only the unknown key, which is kept
    CHECK(fixtures::countProblems(first.problems, {"callouts[0].x_note", "unknown key"}) == 1);
    Project project = *first.project;
    REQUIRE(project.annotations.callouts.size() == 1);
    project.annotations.callouts[0].text = "edited";
    std::string error;
    REQUIRE(saveProject(project, path).into(error));
    auto second = loadProject(path);
    INFO(fixtures::problemLines(second.problems));
    REQUIRE(second.project);
    const Annotations& a = second.project->annotations;
    REQUIRE(a.callouts.size() == 1);
    CHECK(a.callouts[0].text == "edited");
    CHECK(a.callouts[0].anchor.featureId == "W-1");
    CHECK(a.callouts[0].offsetYPx == -40);
    CHECK_FALSE(a.callouts[0].alwaysOnTop);
    CHECK(a.callouts[0].style.sizePx == 22);
    CHECK(a.callouts[0].style.background[3] == 0);
    CHECK(a.callouts[0].style.color[0] == 1.0f);
    CHECK(a.layerLabels.size() == 1);
    REQUIRE(a.title);
    CHECK(a.title->subtitle == "2026");
    REQUIRE(a.measurements.size() == 3);
    CHECK(a.measurements[0].kind == MeasurementKind::Clearance);
    CHECK(a.measurements[1].kind == MeasurementKind::DepthBelowGround);
    CHECK(a.measurements[1].a.point->z == 3);
    CHECK(a.measurements[2].b.point->x == 4);
    CHECK(fixtures::readFile(path).find("\"x_note\": \"kept\"") != std::string::npos);
}

TEST_CASE("Malformed annotation entries are reported with their path, good ones stay", "[annotations][project]") {
    const std::string dir = fixtures::freshDir("annotations_malformed");
    const std::string path = projectWith(dir, R"({
      "callouts": [{"text": "no anchor"}, 42, {"anchor": [1, 2], "text": "short point"},
                   {"anchor": {"layer": "water"}, "text": "no id"}, {"anchor": [1, 2, 3], "text": "good"}],
      "layer_labels": {"layer": "water"},
      "measurements": [{"type": "angle", "a": [0, 0, 0], "b": [1, 1, 1]}, {"type": "clearance", "a": [0, 0, 0], "b": [1, 1, 1]},
                       {"type": "distance", "a": [0, 0, 0], "b": [1, 1, 1], "style": {"size_px": 1000}}],
      "title": "not an object"
    })");
    auto load = loadProject(path);
    const auto& p = load.problems;
    INFO(fixtures::problemLines(p));
    REQUIRE(load.project);
    CHECK(fixtures::countProblems(p, {"$.annotations.callouts[0].anchor", "missing"}) == 1);
    CHECK(fixtures::countProblems(p, {"$.annotations.callouts[1]", "expected an object"}) == 1);
    CHECK(fixtures::countProblems(p, {"$.annotations.callouts[2].anchor", "3 numbers"}) == 1);
    CHECK(fixtures::countProblems(p, {"$.annotations.callouts[3].anchor", "needs \"layer\" and \"id\""}) == 1);
    CHECK(fixtures::countProblems(p, {"$.annotations.layer_labels", "expected an array"}) == 1);
    CHECK(fixtures::countProblems(p, {"$.annotations.measurements[0].type", "unknown measurement 'angle'"}) == 1);
    CHECK(fixtures::countProblems(p, {"$.annotations.measurements[1]", "needs two pipes"}) == 1);
    CHECK(fixtures::countProblems(p, {"$.annotations.measurements[2].style.size_px", "between 4 and 200"}) == 1);
    CHECK(fixtures::countProblems(p, {"$.annotations.title", "expected an object"}) == 1);
    REQUIRE(load.project->annotations.callouts.size() == 1);
    CHECK(load.project->annotations.callouts[0].text == "good");
    CHECK(load.project->annotations.measurements.size() == 1);
}
