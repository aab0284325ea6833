// Dragging a cut's handles in the viewer under Xvfb (hidden [.] like the other viewer tests;
// CTest's viewer.scripted runs it): the handles show over the scene, a drag on a pit's side
// resizes it with the opposite side fixed, a drag on its ring rotates it, undo takes a drag back,
// and the saved project holds the result.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "fixtures.h"
#include "image_io.h"

namespace fs = std::filesystem;
using namespace subterra;
using Catch::Detail::Approx;

TEST_CASE("Scripted viewer: drag handles resize and rotate a pit, undo takes a drag back", "[.][viewer]") {
    REQUIRE(std::getenv("DISPLAY") != nullptr);
    const std::string dir = fixtures::freshDir("viewer_cut_handles");
    fixtures::copySampleProject(dir);
    // The pit: 4 x 3 m at (352268, 3451150), so its east side is at x + 2 and its rotation ring
    // beyond the north-east corner, 1 m further east.
    const auto result = fixtures::runViewerScript(dir, R"({"actions": [
        {"do": "view", "name": "excavation"},
        {"do": "add_excavation", "name": "probe", "centre": [352268, 3451150], "size": [4, 3], "depth_m": 2},
        {"do": "show_cut_handles", "visible": false},
        {"do": "screenshot", "path": "hidden.png"},
        {"do": "show_cut_handles", "visible": true},
        {"do": "screenshot", "path": "handles.png"},
        {"do": "drag_cut_handle", "cut": "probe", "handle": "east", "to": [352271, 3451150]},
        {"do": "drag_cut_handle", "cut": "probe", "handle": "rotate", "to": [352267, 3451153.5]},
        {"do": "screenshot", "path": "rotated.png"},
        {"do": "undo"},
        {"do": "save"},
        {"do": "quit"}
    ]})");
    INFO(result.out << result.err);
    REQUIRE(result.exitCode == 0);

    std::string error;
    const auto hidden = readPng(dir + "/hidden.png", error);
    const auto shown = readPng(dir + "/handles.png", error);
    REQUIRE(hidden);
    REQUIRE(shown);
    int changed = 0;
    for (int y = 0; y < 900; ++y)
        for (int x = 0; x < 1600; ++x) {
            const osg::Vec4ub a = pixelAt(*hidden, x, y), b = pixelAt(*shown, x, y);
            changed += std::abs(a.r() - b.r()) + std::abs(a.g() - b.g()) + std::abs(a.b() - b.b()) > 60 ? 1 : 0;
        }
    CHECK(changed > 300);  // seven handles and the rim outline

    std::ifstream file(dir + "/district.subterra.json");
    const nlohmann::json saved = nlohmann::json::parse(file);
    const nlohmann::json* probe = nullptr;
    for (const auto& e : saved.at("excavations"))
        if (e.at("name") == "probe") probe = &e;
    REQUIRE(probe);
    // The east side moved 1 m east (through the window's projection: within a few centimetres);
    // the west side stayed at x - 2.
    CHECK(probe->at("size").at(0).get<double>() == Approx(5).margin(0.05));
    CHECK(probe->at("centre").at(0).get<double>() == Approx(352268.5).margin(0.03));
    CHECK(probe->at("size").at(1).get<double>() == Approx(3));
    CHECK(probe->value("rotation_deg", 0.0) == Approx(0).margin(1e-9));  // the rotation was undone
}
