// The viewer opened on data files (no project): a section added there makes the session changed,
// Ctrl+S shows the Save As dialog, and Save As writes a project that keeps the section. Hidden
// [.] like the other viewer tests; CTest's viewer.scripted runs them under Xvfb.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "fixtures.h"

namespace fs = std::filesystem;
using Catch::Matchers::Contains;

namespace {
// Runs the viewer on a copy of tests/data/swmm_streets.inp in a fresh folder with a section
// added first, then `actions` (which take the window screenshot `name`.png); returns the folder.
std::string viewWithSection(const std::string& name, const std::string& actions, fixtures::CommandResult& result) {
    REQUIRE(std::getenv("DISPLAY") != nullptr);
    const std::string dir = fixtures::freshDir(name);
    fs::copy_file(fixtures::sourceDir() + "/tests/data/swmm_streets.inp", dir + "/streets.inp");
    fixtures::writeText(
        dir + "/actions.json",
        R"({"actions": [{"do": "add_section", "name": "street cut", "vertical": [[60, -10], [60, 10]]},)" + actions +
            "]}");
    result = fixtures::runSubterra({"view", "streets.inp", "--script", "actions.json", "--size", "1600x900"}, dir);
    INFO(result.out << result.err);
    REQUIRE(result.exitCode == 0);
    CHECK(fs::file_size(dir + "/" + name + ".png") > 1000);
    return dir;
}
}  // namespace

TEST_CASE("Scripted viewer on a data file: Ctrl+S opens Save As, which writes the added section", "[.][viewer]") {
    fixtures::CommandResult result;
    const std::string dir = viewWithSection("viewer_save_as", R"(
        {"do": "ctrl_s"},
        {"do": "wait", "frames": 3},
        {"do": "screenshot", "path": "viewer_save_as.png"},
        {"do": "save_as", "path": "streets.subterra.json"},
        {"do": "quit"})",
                                            result);
    INFO(result.err);
    CHECK_THAT(result.err, !Contains("unsaved changes"));  // saved before the quit
    std::ifstream file(dir + "/streets.subterra.json");
    const nlohmann::json saved = nlohmann::json::parse(file);
    CHECK(saved.at("layers").at(0).at("source") == "streets.inp");
    CHECK(saved.at("sections").at(0).at("name") == "street cut");
}

TEST_CASE("Scripted viewer on a data file: quitting with an added section warns that it is not saved", "[.][viewer]") {
    fixtures::CommandResult result;
    viewWithSection("viewer_data_quit", R"(
        {"do": "close_window"},
        {"do": "wait", "frames": 3},
        {"do": "screenshot", "path": "viewer_data_quit.png"},
        {"do": "quit"})",
                    result);
    INFO(result.err);
    CHECK_THAT(result.err, Contains("unsaved changes"));  // the window asked; the script's quit discards
}
