// JSON inputs that used to crash or mislead (issue 16): a number beyond double range anywhere in
// a project (nlohmann throws out_of_range, not parse_error), a CityJSON attribute nested 100,000
// levels deep (a stack overflow when serialised), and syntax errors given as a byte offset.
#include <catch2/catch.hpp>

#include "cityjson_importer.h"
#include "fixtures.h"
#include "json_text.h"
#include "project.h"

using namespace subterra;
using Catch::Contains;

namespace {
ProjectLoad loadProjectText(const std::string& test, const std::string& text) {
    return loadProject(fixtures::writeText(fixtures::freshDir(test) + "/p.subterra.json", text));
}

const char* kLayers = R"("layers": [{"name": "pipes", "source": "pipes.geojson"}])";
}  // namespace

TEST_CASE("json inputs: a number beyond double range in a project is one error naming line and column",
          "[json][bad-input]") {
    struct Case {
        std::string name, text, expected;
    };
    const std::vector<Case> cases{
        {"view",
         std::string(R"({"subterra": 1, )") + kLayers +
             ",\n \"views\": {\"v\": {\"eye\": [1e400, 0, 0], \"target\": [0, 0, 0]}}}",
         "number 1e400 (in \"eye\") is beyond the range of a double"},
        {"timeline",
         std::string(R"({"subterra": 1, )") + kLayers +
             ",\n \"timeline\": {\"duration_s\": 5, \"tracks\": [{\"target\": \"camera\", \"keys\": "
             "[{\"t\": -1e400}]}]}}",
         "number -1e400 (in \"t\") is beyond the range of a double"},
    };
    for (const auto& [name, text, expected] : cases) {
        INFO(name);
        ProjectLoad load;
        REQUIRE_NOTHROW(load = loadProjectText("json_out_of_range_" + name, text));
        CHECK_FALSE(load.project);
        REQUIRE(load.problems.size() == 1);
        CHECK_THAT(load.problems[0].toLine(), Contains("p.subterra.json: line 2, column "));
        CHECK_THAT(load.problems[0].message, Contains(expected));
    }
}

TEST_CASE("json inputs: nesting beyond the cap is refused before parsing, in a project and in CityJSON",
          "[json][bad-input]") {
    const std::string deep = std::string(100000, '[') + std::string(100000, ']');
    const ProjectLoad load = loadProjectText("json_deep_project", R"({"subterra": 1, "name": )" + deep + "}");
    REQUIRE(load.problems.size() == 1);
    CHECK_THAT(load.problems[0].message, Contains("nested deeper than 256 levels"));
    CHECK(load.problems[0].where ==
          "line 1, column " + std::to_string(std::string(R"({"subterra": 1, "name": )").size() + 256));

    // The attribute of a building, as the issue's file had it: the file is refused, nothing crashes.
    const std::string dir = fixtures::freshDir("json_deep_cityjson");
    const std::string path = fixtures::writeText(
        dir + "/deep.city.json",
        R"({"type":"CityJSON","version":"2.0","CityObjects":{"B1":{"type":"Building","attributes":{"a":)" +
            std::string(100000, '{') + std::string(100000, '}') + R"(},"geometry":[]}},"vertices":[]})");
    LayerSpec spec;
    spec.source = path;
    spec.name = "deep";
    const LayerImport layer = importCityJson(spec, ImportContext{"", [](double, double) { return 0.0; }});
    REQUIRE(layer.problems.size() == 1);
    CHECK_THAT(layer.problems[0].toLine(), Contains("deep.city.json: line 1, column "));
    CHECK_THAT(layer.problems[0].message, Contains("nested deeper than 256 levels"));
}

TEST_CASE("json inputs: nesting is counted outside strings only", "[json]") {
    CHECK_FALSE(jsonNestingBeyond(R"({"a": "[[[[[[[[", "b": [[1]]})", 3));
    CHECK(jsonNestingBeyond(R"({"a": [[["\"]"]]]})", 3) == 8);
    CHECK(lineColumnAt("ab\ncd", 0) == "line 1, column 1");
    CHECK(lineColumnAt("ab\ncd", 3) == "line 2, column 1");
    CHECK(lineColumnAt("ab\ncd", 4) == "line 2, column 2");
}
