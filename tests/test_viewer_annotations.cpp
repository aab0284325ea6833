// The viewer's annotation editing in a real window under Xvfb (hidden [.] like the other viewer
// tests; CTest's viewer.scripted runs it): a callout at the selection, a depth measured with the
// measure tool by a click, undo and redo, and the saved project (the sample's own callout kept).
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "fixtures.h"

namespace fs = std::filesystem;

TEST_CASE("Scripted viewer: callout, measure tool, undo/redo and save", "[.][viewer]") {
    REQUIRE(std::getenv("DISPLAY") != nullptr);
    const std::string dir = fixtures::freshDir("viewer_annotations");
    fixtures::copySampleProject(dir);
    const auto result = fixtures::runViewerScript(dir, R"({"actions": [
        {"do": "select", "layer": "water", "id": "W-0001"},
        {"do": "focus"},
        {"do": "add_callout", "text": "Main {id} DN{diameter_mm}"},
        {"do": "measure_tool", "kind": "depth"},
        {"do": "click_centre"},
        {"do": "measure_tool", "kind": "off"},
        {"do": "expect_annotations", "callouts": 2, "measurements": 1},
        {"do": "render", "path": "annotated.png", "size": "640x360"},
        {"do": "undo"},
        {"do": "expect_annotations", "callouts": 2, "measurements": 0},
        {"do": "undo"},
        {"do": "undo"},
        {"do": "expect_annotations", "callouts": 1, "measurements": 0},
        {"do": "redo"},
        {"do": "redo"},
        {"do": "redo"},
        {"do": "expect_annotations", "callouts": 2, "measurements": 1},
        {"do": "save"},
        {"do": "quit"}
    ]})");
    INFO(result.out << result.err);
    REQUIRE(result.exitCode == 0);
    CHECK(fs::file_size(dir + "/annotated.png") > 1000);
    std::ifstream file(dir + "/district.subterra.json");
    const nlohmann::json saved = nlohmann::json::parse(file);
    const auto& annotations = saved.at("annotations");
    // The sample ships one callout (the explainer fades it in); the new one comes after it.
    CHECK(annotations.at("callouts").at(0).at("id") == "water main");
    CHECK(annotations.at("callouts").at(1).at("text") == "Main {id} DN{diameter_mm}");
    CHECK(annotations.at("callouts").at(1).at("anchor").at("id") == "W-0001");
    CHECK(annotations.at("measurements").at(0).at("type") == "depth");
    CHECK(annotations.at("measurements").at(0).at("at").contains("layer"));  // what the click hit
}
