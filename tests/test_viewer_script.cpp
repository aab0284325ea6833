// The interactive viewer, driven by a script in a real window under Xvfb: the selected pipe is
// highlighted, the panels show text, and the project is saved as edited. Hidden from the plain
// unit run ([.]: it needs a display); CTest runs it through tests/viewer/run_under_xvfb.sh,
// which skips it with a message where xvfb-run is not installed.
#include <catch2/catch.hpp>
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "fixtures.h"
#include "image_io.h"

namespace fs = std::filesystem;
using namespace subterra;

namespace {
// Window layout of a 1600x900 viewer at content scale 1 (viewer_app.cpp, layers_panel.cpp).
constexpr int kSidebarWidth = 330;

bool isHighlight(const osg::Vec4ub& p) { return p.r() < 90 && p.g() > 170 && p.b() > 190; }

int countPixels(const osg::Image& image, int x0, int y0, int x1, int y1, bool (*test)(const osg::Vec4ub&)) {
    int count = 0;
    for (int y = y0; y < y1; ++y)
        for (int x = x0; x < x1; ++x) count += test(pixelAt(image, x, y)) ? 1 : 0;
    return count;
}

bool isText(const osg::Vec4ub& p) { return p.r() < 90 && p.g() < 90 && p.b() < 90; }

osg::ref_ptr<osg::Image> readScreenshot(const std::string& path) {
    std::string error;
    osg::ref_ptr<osg::Image> image = readPng(path, error);
    INFO(error);
    REQUIRE(image);
    REQUIRE(image->s() == 1600);
    REQUIRE(image->t() == 900);
    return image;
}
}  // namespace

TEST_CASE("Scripted viewer: selection highlight, panels and the saved project", "[.][viewer]") {
    REQUIRE(std::getenv("DISPLAY") != nullptr);  // run through tests/viewer/run_under_xvfb.sh
    const std::string dir = fixtures::freshDir("viewer_script");
    const std::string project = fixtures::copySampleProject(dir);
    fixtures::writeText(dir + "/actions.json", R"({"actions": [
        {"do": "select", "layer": "water", "id": "W-0001"},
        {"do": "focus"},
        {"do": "terrain_opacity", "opacity": 0.1},
        {"do": "layer_opacity", "layer": "buildings", "opacity": 0.3},
        {"do": "screenshot", "path": "selected.png"},
        {"do": "clear_selection"},
        {"do": "screenshot", "path": "cleared.png"},
        {"do": "render", "path": "offscreen.png", "size": "640x360"},
        {"do": "save_view", "name": "pipe W-0001"},
        {"do": "save"},
        {"do": "quit"}
    ]})");
    const auto result = fixtures::runSubterra({"view", project, "--script", "actions.json", "--size", "1600x900"}, dir);
    INFO(result.out << result.err);
    REQUIRE(result.exitCode == 0);

    // Focus puts the selected pipe in the middle of the scene viewport, drawn in highlight cyan.
    const auto selected = readScreenshot(dir + "/selected.png");
    const int centreX = kSidebarWidth + (1600 - kSidebarWidth) / 2, centreY = 900 / 2;
    const int box = 60;
    CHECK(countPixels(*selected, centreX - box, centreY - box, centreX + box, centreY + box, isHighlight) > 30);
    // Clearing the selection removes the highlight.
    const auto cleared = readScreenshot(dir + "/cleared.png");
    CHECK(countPixels(*cleared, kSidebarWidth, 30, 1600, 860, isHighlight) == 0);
    // The layers panel and the inspector (top right, while selected) show text.
    CHECK(countPixels(*selected, 8, 80, kSidebarWidth - 8, 400, isText) > 300);
    // The inspector (top right) shows while something is selected and closes with the selection;
    // the scene behind it has dark pixels too (manholes), hence the comparison.
    const int inspectorText = countPixels(*selected, 1240, 30, 1590, 300, isText);
    CHECK(inspectorText > countPixels(*cleared, 1240, 30, 1590, 300, isText) + 300);
    CHECK(fs::file_size(dir + "/offscreen.png") > 1000);

    // The save kept the old file as .bak and wrote what was changed.
    REQUIRE(fs::exists(project + ".bak"));
    std::ifstream file(project);
    const nlohmann::json saved = nlohmann::json::parse(file);
    CHECK(saved["terrain"]["opacity"].get<double>() == Approx(0.1));
    bool buildingsChecked = false;
    for (const auto& layer : saved["layers"])
        if (layer["name"] == "buildings") {
            CHECK(layer["style"]["opacity"].get<double>() == Approx(0.3));
            buildingsChecked = true;
        }
    CHECK(buildingsChecked);
    REQUIRE(saved["views"].contains("pipe W-0001"));
    CHECK(saved["views"].contains("street"));  // existing views kept
}

TEST_CASE("Viewer --frames N --screenshot writes the window after N frames", "[.][viewer]") {
    REQUIRE(std::getenv("DISPLAY") != nullptr);
    const std::string dir = fixtures::freshDir("viewer_frames");
    const std::string project = fixtures::copySampleProject(dir);
    const auto result = fixtures::runSubterra(
        {"view", project, "--view", "street", "--frames", "4", "--screenshot", "street.png"}, dir);
    INFO(result.out << result.err);
    REQUIRE(result.exitCode == 0);
    CHECK(result.out.find("ms/frame") != std::string::npos);
    const auto image = readScreenshot(dir + "/street.png");
    CHECK(countPixels(*image, 8, 80, kSidebarWidth - 8, 400, isText) > 300);
    CHECK_FALSE(fs::exists(project + ".bak"));  // nothing changed, nothing saved
}

TEST_CASE("Viewer scripts with a wrong action fail with the action named", "[.][viewer]") {
    REQUIRE(std::getenv("DISPLAY") != nullptr);
    const std::string dir = fixtures::freshDir("viewer_bad_script");
    const std::string project = fixtures::copySampleProject(dir);
    fixtures::writeText(dir + "/bad.json", R"({"actions": [{"do": "select", "id": "NO-SUCH-PIPE"}]})");
    const auto result = fixtures::runSubterra({"view", project, "--script", "bad.json"}, dir);
    CHECK(result.exitCode == 1);
    CHECK(result.err.find("/actions/0 (select): no feature 'NO-SUCH-PIPE'") != std::string::npos);
}

TEST_CASE("Viewer scripts pick a node or a link that share an id by its kind", "[.][viewer]") {
    REQUIRE(std::getenv("DISPLAY") != nullptr);
    const std::string dir = fixtures::freshDir("viewer_select_kind");
    // EPANET ids are per kind: junction "10" and pipe "10" are two features.
    fixtures::writeText(dir + "/net.inp",
                        "[JUNCTIONS]\n 10 5\n 11 5\n[RESERVOIRS]\n R1 8\n[PIPES]\n"
                        " 10 R1 10 50 200 100 0 Open\n 11 10 11 50 200 100 0 Open\n"
                        "[COORDINATES]\n R1 0 0\n 10 50 0\n 11 100 0\n[END]\n");
    fixtures::writeText(dir + "/kinds.json", R"({"actions": [
        {"do": "select", "id": "10", "kind": "node"},
        {"do": "expect_selection", "id": "10", "kind": "node"},
        {"do": "select", "id": "10"},
        {"do": "expect_selection", "id": "10", "kind": "segment"},
        {"do": "select", "id": "10", "kind": "valve"}]})");
    const auto result = fixtures::runSubterra({"view", "net.inp", "--script", "kinds.json"}, dir);
    CHECK(result.exitCode == 1);  // at the last action, so every check before it held
    CHECK(result.err.find("/actions/4 (select): unknown kind 'valve'") != std::string::npos);
}

TEST_CASE("Viewer: a click in the window selects what is under it, and clicking the sky clears", "[.][viewer]") {
    REQUIRE(std::getenv("DISPLAY") != nullptr);
    const std::string dir = fixtures::freshDir("viewer_click");
    const std::string project = fixtures::copySampleProject(dir);
    fixtures::writeText(dir + "/click.json", R"({"actions": [
        {"do": "layer_opacity", "layer": "buildings", "opacity": 1.0},
        {"do": "select", "id": "B-0002"},
        {"do": "focus"},
        {"do": "clear_selection"},
        {"do": "click_centre"},
        {"do": "expect_selection", "id": "B-0002"},
        {"do": "orbit", "yaw_deg": 30, "pitch_deg": 20},
        {"do": "wheel", "x": 965, "y": 450, "steps": 2},
        {"do": "camera", "eye": [352026.5, 3451020, 50], "target": [352026.5, 3451049, 80]},
        {"do": "click", "x": 965, "y": 300},
        {"do": "expect_selection", "id": ""},
        {"do": "color_by", "mode": "depth knowledge"},
        {"do": "find", "query": "W-0001", "expect_count": 1},
        {"do": "expect_selection", "id": "W-0001"},
        {"do": "camera", "eye": [352026.5, 3451020, 8], "target": [352026.5, 3451049, 4.5]},
        {"do": "fly", "up": -9},
        {"do": "look", "pitch_deg": 12},
        {"do": "screenshot", "path": "below.png"},
        {"do": "quit"}
    ]})");
    const auto result = fixtures::runSubterra({"view", project, "--script", "click.json"}, dir);
    INFO(result.out << result.err);
    REQUIRE(result.exitCode == 0);
    // Below the ground (no clamping), looking up: pipes fill the view where the sky would be.
    const auto below = readScreenshot(dir + "/below.png");
    auto saturated = [](const osg::Vec4ub& p) {
        return std::max({p.r(), p.g(), p.b()}) - std::min({p.r(), p.g(), p.b()}) > 90;
    };
    CHECK(countPixels(*below, kSidebarWidth, 30, 1600, 450, +saturated) > 20000);
}
