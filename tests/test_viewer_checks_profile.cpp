// The viewer's Checks and Profile sections under Xvfb (hidden [.] like the other viewer tests;
// CTest's viewer.scripted runs them): the sample's six conflicts found and marked in red, a
// conflict flown to and its line selected, the export; a profile between two manholes drawn in
// its window and exported as SVG and PNG.
#include <catch2/catch.hpp>
#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>

#include "fixtures.h"
#include "image_io.h"

using namespace subterra;

namespace {
int countPixels(const osg::Image& image, int x0, int y0, int x1, int y1, bool (*test)(const osg::Vec4ub&)) {
    int count = 0;
    for (int y = y0; y < y1; ++y)
        for (int x = x0; x < x1; ++x) count += test(pixelAt(image, x, y)) ? 1 : 0;
    return count;
}
bool isMarkerRed(const osg::Vec4ub& p) { return p.r() > 240 && p.g() < 25 && p.b() < 25; }
// The profile drawing's sewer bands (#3aa142-ish green) on its white paper.
bool isProfileGreen(const osg::Vec4ub& p) { return p.g() > 140 && p.r() < 90 && p.b() < 90; }

osg::ref_ptr<osg::Image> read(const std::string& path) {
    std::string error;
    osg::ref_ptr<osg::Image> image = readPng(path, error);
    INFO(error);
    REQUIRE(image);
    return image;
}
}  // namespace

TEST_CASE("Scripted viewer: checks marked and flown to, a profile between manholes drawn and exported", "[.][viewer]") {
    REQUIRE(std::getenv("DISPLAY") != nullptr);
    const std::string dir = fixtures::freshDir("viewer_checks_profile");
    fixtures::copySampleProject(dir);
    const auto result = fixtures::runViewerScript(dir, R"({"actions": [
        {"do": "layer_visible", "layer": "power", "visible": false},
        {"do": "screenshot", "path": "before.png"},
        {"do": "run_checks", "expect_count": 6},
        {"do": "screenshot", "path": "checks.png"},
        {"do": "check_go_to", "index": 0},
        {"do": "expect_selection", "id": "D-0010"},
        {"do": "export_checks", "path": "conflicts.geojson"},
        {"do": "profile", "path": "from:SMH-0001 to:SMH-0012", "export": ["profile.svg", "profile.png"]},
        {"do": "screenshot", "path": "profile_window.png"},
        {"do": "quit"}
    ]})");
    INFO(result.out << result.err);
    REQUIRE(result.exitCode == 0);

    // Red markers appear over the scene (power cables, also red-ish, are hidden for this).
    const int sceneX0 = 330;
    CHECK(countPixels(*read(dir + "/before.png"), sceneX0, 30, 1600, 860, isMarkerRed) < 20);
    CHECK(countPixels(*read(dir + "/checks.png"), sceneX0, 30, 1600, 860, isMarkerRed) > 200);

    std::ifstream file(dir + "/conflicts.geojson");
    const nlohmann::json conflicts = nlohmann::json::parse(file);
    CHECK(conflicts.at("features").size() == 6);
    CHECK(conflicts.at("features").at(0).at("properties").at("id_a") == "D-0010");

    CHECK(fixtures::readFile(dir + "/profile.svg").find("SMH-0012") != std::string::npos);
    const auto png = read(dir + "/profile.png");
    CHECK(countPixels(*png, 0, 0, png->s(), png->t(), isProfileGreen) > 2000);  // the SVG's drawing
    // The profile window, at the bottom of the scene, shows the drawing's green sewer bands.
    CHECK(countPixels(*read(dir + "/profile_window.png"), sceneX0, 450, 1600, 860, isProfileGreen) > 500);
}

TEST_CASE("Scripted viewer: an edited rule changes the checks, undo restores it, save writes it", "[.][viewer]") {
    REQUIRE(std::getenv("DISPLAY") != nullptr);
    const std::string dir = fixtures::freshDir("viewer_check_rules");
    fixtures::copySampleProject(dir);
    // 1 m between water and sewer finds more than the six clashes; undone, the six are back; then a
    // gas cover of 5 m (every gas pipe is shallower) is kept and saved.
    const auto result = fixtures::runViewerScript(dir, R"({"actions": [
        {"do": "run_checks", "expect_count": 6},
        {"do": "set_clearance_rule", "between": ["water", "sewer"], "min_m": 1.0},
        {"do": "run_checks"},
        {"do": "export_checks", "path": "strict.csv"},
        {"do": "undo"},
        {"do": "run_checks", "expect_count": 6},
        {"do": "set_cover_rule", "utility": "gas", "min_m": 5},
        {"do": "save"},
        {"do": "quit"}
    ]})");
    INFO(result.out << result.err);
    REQUIRE(result.exitCode == 0);
    const std::string strict = fixtures::readFile(dir + "/strict.csv");
    CHECK(std::count(strict.begin(), strict.end(), '\n') > 7);  // header + more than six
    CHECK(strict.find("water,sewer") != std::string::npos);
    std::ifstream file(dir + "/district.subterra.json");
    const nlohmann::json saved = nlohmann::json::parse(file);
    CHECK(saved.at("checks").at("cover").at("gas") == 5);
    for (const auto& rule : saved.at("checks").at("clearance"))
        CHECK(rule.at("between") != nlohmann::json({"water", "sewer"}));
}
