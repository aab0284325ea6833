// The viewer for a planner, under Xvfb (hidden [.] like the other viewer tests; CTest's
// viewer.scripted runs them): what crosses the selected pipe, listed and flown to; Find marking
// every match in violet, clearing the marks, and naming an unknown field; the violation list
// filtered and sorted; exports that ask where to write; key taps inside one slow frame.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>

#include "fixtures.h"
#include "image_io.h"

using namespace subterra;
namespace fs = std::filesystem;

namespace {
constexpr int kSceneX0 = 330;  // right of the side panel at 1600x900

// The Find marks' violet (0.55, 0.1, 1), lit, or half blended where something hides it.
bool isViolet(const osg::Vec4ub& p) {
    return p.b() > 180 && p.b() > p.r() + 50 && p.b() > p.g() + 100 && p.r() > p.g() + 30;
}

int countScene(const std::string& path, bool (*test)(const osg::Vec4ub&)) {
    std::string error;
    const osg::ref_ptr<osg::Image> image = readPng(path, error);
    INFO(path << ": " << error);
    REQUIRE(image);
    int count = 0;
    for (int y = 30; y < image->t() - 30; ++y)
        for (int x = kSceneX0; x < image->s(); ++x) count += test(pixelAt(*image, x, y)) ? 1 : 0;
    return count;
}
}  // namespace

TEST_CASE("Scripted viewer: crossings of a pipe, Find marks and errors, the violation list and its export",
          "[.][viewer]") {
    REQUIRE(std::getenv("DISPLAY") != nullptr);
    const std::string dir = fixtures::freshDir("viewer_planner");
    fixtures::copySampleProject(dir);
    fs::create_directories(dir + "/out");
    const auto result = fixtures::runViewerScript(dir, R"({"actions": [
        {"do": "select", "id": "W-0002"},
        {"do": "crossings", "expect_count": 12, "expect_ids": ["T-0025", "HC-0038", "GC-0004", "HC-0040", "GC-0006", "HC-0042",
                                                   "HC-0043", "GC-0008", "P-0031", "G-0031", "S-0051", "D-0052"]},
        {"do": "screenshot", "path": "crossings.png"},
        {"do": "crossing_go_to", "index": 0},
        {"do": "expect_selection", "id": "W-0002"},
        {"do": "screenshot", "path": "crossing_flown.png"},
        {"do": "crossings", "open": false},
        {"do": "clear_selection"},
        {"do": "home"},
        {"do": "find", "query": "depth < 1.5", "expect_error": "no field 'depth'; fields: id, layer"},
        {"do": "expect_marked", "expect_count": 0},
        {"do": "screenshot", "path": "find_error.png"},
        {"do": "find", "query": "utility = gas", "expect_count": 49},
        {"do": "expect_marked", "expect_count": 49},
        {"do": "screenshot", "path": "find_marked.png"},
        {"do": "clear_find"},
        {"do": "expect_marked", "expect_count": 0},
        {"do": "screenshot", "path": "find_cleared.png"},
        {"do": "run_checks", "expect_count": 6},
        {"do": "checks_list", "filter": "WATER", "order": "id", "expect_count": 4, "expect_first": "G-0005"},
        {"do": "checks_list", "filter": "water", "order": "severity", "expect_count": 4, "expect_first": "W-0031"},
        {"do": "screenshot", "path": "checks_list.png"},
        {"do": "checks_list", "filter": "", "order": "distance", "expect_count": 6, "expect_first": "D-0010"},
        {"do": "export_prompt", "what": "conflicts.csv", "expect_default": "district.conflicts.csv"},
        {"do": "screenshot", "path": "export_prompt.png"},
        {"do": "export_prompt", "what": "conflicts.csv", "path": "out/mine.csv", "accept": true},
        {"do": "expect_message", "contains": "out/mine.csv"},
        {"do": "quit"}
    ]})");
    INFO(result.out << result.err);
    REQUIRE(result.exitCode == 0);
    CHECK(fs::exists(dir + "/out/mine.csv"));
    CHECK_FALSE(fs::exists(dir + "/district.conflicts.csv"));  // nothing written where it was not asked to be
    // Every gas line marked in violet; none before the search, none once it is cleared.
    CHECK(countScene(dir + "/find_error.png", isViolet) < 50);
    CHECK(countScene(dir + "/find_marked.png", isViolet) > 2000);
    CHECK(countScene(dir + "/find_cleared.png", isViolet) < 50);
}

TEST_CASE("Scripted viewer: key taps inside one slow frame take effect, and Find keeps the keyboard after Enter",
          "[.][viewer]") {
    REQUIRE(std::getenv("DISPLAY") != nullptr);
    const std::string dir = fixtures::freshDir("viewer_key_taps");
    fixtures::copySampleProject(dir);
    // 250 ms frames; each tap_keys presses and releases its keys before the next frame.
    const auto result = fixtures::runViewerScript(dir, R"({"actions": [
        {"do": "frame_delay", "ms": 250},
        {"do": "layer_visible", "layer": "power", "visible": false},
        {"do": "tap_keys", "keys": ["ctrl+s"]},
        {"do": "wait", "frames": 2},
        {"do": "expect_saved"},
        {"do": "find_focus", "text": "W-0002"},
        {"do": "wait", "frames": 2},
        {"do": "tap_keys", "keys": ["enter"]},
        {"do": "wait", "frames": 2},
        {"do": "expect_selection", "id": "W-0002"},
        {"do": "expect_find_focus", "focused": true},
        {"do": "screenshot", "path": "before_w.png"},
        {"do": "tap_keys", "keys": ["w", "w", "w", "a", "s", "d"]},
        {"do": "wait", "frames": 8},
        {"do": "screenshot", "path": "after_w.png"},
        {"do": "quit"}
    ]})");
    INFO(result.out << result.err);
    REQUIRE(result.exitCode == 0);
    // Ctrl+S wrote the hidden power layer (expect_saved saw the project clean, too).
    const std::string saved = fixtures::readFile(dir + "/district.subterra.json");
    const size_t power = saved.find("\"name\": \"power\"");
    REQUIRE(power != std::string::npos);
    CHECK(saved.substr(power, 300).find("\"visible\": false") != std::string::npos);
    // The camera did not fly: the scene is the same picture (the Find box shows the letters typed).
    std::string error;
    const auto before = readPng(dir + "/before_w.png", error), after = readPng(dir + "/after_w.png", error);
    REQUIRE(before);
    REQUIRE(after);
    int differing = 0;
    for (int y = 30; y < before->t() - 30; ++y)
        for (int x = kSceneX0 + 10; x < before->s() - 400; ++x)
            differing += pixelAt(*before, x, y) != pixelAt(*after, x, y);
    CHECK(differing < 200);
}
