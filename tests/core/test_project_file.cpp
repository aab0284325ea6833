// The project file (docs/project-format.md): the committed sample, a save round trip that keeps
// what this version does not know, and broken files reported with their JSON path.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "fixtures.h"
#include "project.h"
#include "vector_importer.h"

namespace fs = std::filesystem;
using namespace subterra;

namespace {
// A project in `dir` whose data lies in dir/data; unknown keys at every level.
const char* kProjectText = R"({
  "subterra": 1,
  "name": "Round trip",
  "crs": "EPSG:32651",
  "x_vendor": {"created_by": "another tool", "ids": [1, 2, 3]},
  "terrain": {"dem": "data/dem.tif", "opacity": 0.35, "flat_level_m": 4.0, "x_source": "survey 2021"},
  "layers": [
    {
      "name": "water",
      "source": "data/water.geojson",
      "type": "segments",
      "utility": "water",
      "visible": false,
      "x_note": "checked by J.",
      "style": {"color": "#1f5fd680", "opacity": 0.8, "x_dash": [2, 1]},
      "mapping": {
        "id": "PIPE_ID",
        "diameter": "diameter",
        "cover": {"field": "COVER", "unit": "cm"},
        "material": "MATERIAL"
      }
    },
    {"name": "sewer", "source": "data/sewer.gpkg", "table": "sewer"}
  ],
  "views": {
    "overview": {"eye": [352000, 3451000, 300], "target": [352300, 3451200, 0], "fov_deg": 40, "x_label": "Fig. 1"},
    "street": {"eye": [352100, 3451100, 2], "target": [352150, 3451100, 1], "up": [0, 0, 1]}
  }
})";

std::string writeProject(const std::string& dir, const std::string& text, const std::string& name = "p.subterra.json") {
    return fixtures::writeText(dir + "/" + name, text);
}

ProjectLoad loadText(const std::string& testName, const std::string& text) {
    const std::string dir = fixtures::freshDir(testName);
    return loadProject(writeProject(dir, text));
}

// The one problem whose JSON path is `where`, or a failure listing them all.
const Problem* problemAt(const ProjectLoad& load, const std::string& where) {
    for (const auto& p : load.problems)
        if (p.where == where) return &p;
    FAIL_CHECK("no problem at " << where << "; problems:\n" << fixtures::problemLines(load.problems));
    return nullptr;
}
}  // namespace

TEST_CASE("project: the committed sample district loads with its layers and views", "[project][sample]") {
    const std::string path = fixtures::sourceDir() + "/sample-data/district/district.subterra.json";
    if (!fs::exists(path)) {
        FAIL("the sample project is missing: " << path);
    }
    const ProjectLoad load = loadProject(path);
    INFO(fixtures::problemLines(load.problems));
    CHECK(load.problems.empty());
    REQUIRE(load.project);
    const Project& project = *load.project;
    CHECK(project.crs == "EPSG:32651");
    // sample-data/README.md: one layer per table of district.gpkg (the generator may add tables:
    // the count is the file's, not a number copied here), views overview, street and top.
    const nlohmann::json document = nlohmann::json::parse(fixtures::readFile(path));
    CHECK(project.layers.size() == document["layers"].size());
    std::string error;
    auto tables = listVectorLayers(fs::path(path).parent_path() / "district.gpkg", error);
    std::vector<std::string> layerTables;
    for (const auto& layer : project.layers) layerTables.push_back(layer.spec.table);
    std::sort(tables.begin(), tables.end());
    std::sort(layerTables.begin(), layerTables.end());
    CHECK(layerTables == tables);
    CHECK(project.layers.size() >= 10);
    for (const char* name : {"water", "sewer", "storm", "gas", "power", "telecom", "heating", "house_connections",
                             "manholes", "buildings"}) {
        INFO(name);
        const ProjectLayer* layer = project.findLayer(name);
        REQUIRE(layer);
        CHECK(layer->spec.table == name);
        CHECK(fs::exists(layer->spec.source));  // resolved against the project file's folder
        CHECK(fs::path(layer->spec.source).filename() == "district.gpkg");
    }
    CHECK(project.views.size() == 5);
    for (const char* view : {"overview", "street", "top", "section", "excavation"})
        CHECK(project.views.count(view) == 1);
    // The cuts the README shows, kept disabled so plain renders show the whole district.
    REQUIRE(project.cuts.sections.size() == 1);
    REQUIRE(project.cuts.excavations.size() == 1);
    CHECK_FALSE(project.cuts.sections[0].enabled);
    CHECK_FALSE(project.cuts.excavations[0].enabled);
    CHECK(project.views.at("overview").eye.x > 300000);  // UTM coordinates, not a local frame
    CHECK(fs::exists(project.terrain.dem));
    const FieldRef* dn = project.findLayer("water")->spec.mapping.get(MappingRole::Diameter);
    REQUIRE(dn);
    CHECK(dn->field == "DN");
    CHECK(dn->unit == LengthUnit::Millimetre);
    CHECK(dn->unitExplicit);
    CHECK(project.findLayer("manholes")->spec.type == FeatureType::Nodes);
    const LoadRequest request = project.loadRequest();
    CHECK(request.layers.size() == project.layers.size());
    CHECK(request.projectCrs == "EPSG:32651");
}

TEST_CASE("project: a full project file is read into the model of the format", "[project]") {
    const std::string dir = fixtures::freshDir("project_read");
    const std::string path = writeProject(dir, kProjectText);
    const ProjectLoad load = loadProject(path);
    REQUIRE(load.project);
    const Project& p = *load.project;
    CHECK_FALSE(hasErrors(load.problems));
    CHECK(p.name == "Round trip");
    CHECK(p.terrain.dem == dir + "/data/dem.tif");
    CHECK(p.terrain.flatLevelM == 4.0);
    CHECK(p.terrainOpacity == Approx(0.35));
    REQUIRE(p.layers.size() == 2);
    const ProjectLayer& water = p.layers[0];
    CHECK(water.spec.source == dir + "/data/water.geojson");
    CHECK_FALSE(water.visible);
    CHECK(water.spec.type == FeatureType::Segments);
    CHECK(water.spec.utility == UtilityKind::Water);
    REQUIRE(water.color);
    CHECK((*water.color)[2] == Approx(0xd6 / 255.0));
    CHECK((*water.color)[3] == Approx(0x80 / 255.0));
    CHECK(water.opacity == Approx(0.8));
    const FieldRef* diameter = water.spec.mapping.get(MappingRole::Diameter);
    REQUIRE(diameter);
    CHECK(diameter->unit == LengthUnit::Millimetre);  // the role's default...
    CHECK_FALSE(diameter->unitExplicit);              // ...which the importer may still correct
    const FieldRef* cover = water.spec.mapping.get(MappingRole::Cover);
    REQUIRE(cover);
    CHECK(cover->unit == LengthUnit::Centimetre);
    CHECK(cover->unitExplicit);
    CHECK(p.layers[1].spec.name == "sewer");
    CHECK(p.layers[1].spec.table == "sewer");
    CHECK(p.views.at("overview").fovDeg == 40);
    CHECK(p.views.at("street").fovDeg == 35);  // the default
    CHECK(p.views.at("overview").target.y == 3451200);
}

TEST_CASE("project: unknown keys are warnings with their JSON path", "[project][errors]") {
    const ProjectLoad load = loadText("project_unknown_keys", kProjectText);
    REQUIRE(load.project);
    CHECK_FALSE(hasErrors(load.problems));
    for (const char* where : {"$.x_vendor", "$.terrain.x_source", "$.layers[0].x_note", "$.layers[0].style.x_dash",
                              "$.views.overview.x_label"}) {
        INFO(where);
        const Problem* p = problemAt(load, where);
        REQUIRE(p);
        CHECK(p->severity == Severity::Warning);
        CHECK(p->message.find("unknown key") != std::string::npos);
    }
    CHECK(load.problems.size() == 5);
}

TEST_CASE("project: save keeps unknown keys and relative paths and backs up the old file", "[project][save]") {
    const std::string dir = fixtures::freshDir("project_save");
    const std::string path = writeProject(dir, kProjectText);
    ProjectLoad load = loadProject(path);
    REQUIRE(load.project);
    Project project = *load.project;
    project.name = "Renamed";
    project.layers[1].visible = false;
    project.views["top"] = NamedView{{352150, 3451100, 500}, {352150, 3451100, 0}, {0, 1, 0}, 30};

    std::string error;
    REQUIRE(saveProject(project, path).into(error));
    CHECK(error.empty());
    // The previous version is kept as a backup, byte for byte; no temporary file is left.
    CHECK(fixtures::readFile(path + ".bak") == kProjectText);
    CHECK_FALSE(fs::exists(path + ".tmp"));

    const nlohmann::json saved = nlohmann::json::parse(fixtures::readFile(path));
    CHECK(saved["name"] == "Renamed");
    CHECK(saved["x_vendor"]["created_by"] == "another tool");
    CHECK(saved["x_vendor"]["ids"] == nlohmann::json({1, 2, 3}));
    CHECK(saved["terrain"]["x_source"] == "survey 2021");
    CHECK(saved["layers"][0]["x_note"] == "checked by J.");
    CHECK(saved["layers"][0]["style"]["x_dash"] == nlohmann::json({2, 1}));
    CHECK(saved["views"]["overview"]["x_label"] == "Fig. 1");
    // Paths stay relative to the project file.
    CHECK(saved["layers"][0]["source"] == "data/water.geojson");
    CHECK(saved["layers"][1]["source"] == "data/sewer.gpkg");
    CHECK(saved["terrain"]["dem"] == "data/dem.tif");
    // What the user wrote keeps its meaning: a field named without a unit stays without one
    // (so its unit is still inferred), an explicit unit stays, a colour keeps its alpha.
    CHECK(saved["layers"][0]["mapping"]["diameter"] == "diameter");
    CHECK(saved["layers"][0]["mapping"]["cover"] == nlohmann::json({{"field", "COVER"}, {"unit", "cm"}}));
    CHECK(saved["layers"][0]["style"]["color"] == "#1f5fd680");
    CHECK(saved["terrain"]["opacity"] == 0.35);
    CHECK(saved["layers"][1]["visible"] == false);

    // The saved file loads to the same project.
    const ProjectLoad again = loadProject(path);
    CHECK_FALSE(hasErrors(again.problems));
    REQUIRE(again.project);
    CHECK(again.project->name == "Renamed");
    CHECK(again.project->layers.size() == 2);
    CHECK(again.project->layers[0].spec.source == dir + "/data/water.geojson");
    CHECK(again.project->views.size() == 3);
    CHECK(again.project->views.at("top").up.y == 1);
    CHECK_FALSE(again.project->layers[0].spec.mapping.get(MappingRole::Diameter)->unitExplicit);

    // A second save backs up the first save, not the original.
    const std::string firstSave = fixtures::readFile(path);
    REQUIRE(saveProject(*again.project, path).into(error));
    CHECK(fixtures::readFile(path + ".bak") == firstSave);
}

TEST_CASE("project: saving elsewhere rewrites paths relative to the new place", "[project][save]") {
    const std::string dir = fixtures::freshDir("project_save_as");
    const ProjectLoad load = loadProject(writeProject(dir, kProjectText));
    REQUIRE(load.project);
    fs::create_directories(dir + "/copies/v2");
    const std::string copy = dir + "/copies/v2/copy.subterra.json";
    std::string error;
    REQUIRE(saveProject(*load.project, copy).into(error));
    CHECK_FALSE(fs::exists(copy + ".bak"));  // nothing was there to back up
    const nlohmann::json saved = nlohmann::json::parse(fixtures::readFile(copy));
    CHECK(saved["layers"][0]["source"] == "../../data/water.geojson");
    CHECK(saved["terrain"]["dem"] == "../../data/dem.tif");
    const ProjectLoad reloaded = loadProject(copy);
    REQUIRE(reloaded.project);
    CHECK(fs::path(reloaded.project->layers[0].spec.source).lexically_normal() ==
          fs::path(dir + "/data/water.geojson"));
}

TEST_CASE("project: saving into a missing folder fails with a message and writes nothing", "[project][save][errors]") {
    const std::string dir = fixtures::freshDir("project_save_fail");
    const ProjectLoad load = loadProject(writeProject(dir, kProjectText));
    REQUIRE(load.project);
    std::string error;
    const std::string target = dir + "/no/such/dir/p.subterra.json";
    CHECK_FALSE(saveProject(*load.project, target).into(error));
    CHECK(error.find(dir + "/no/such/dir/p.subterra.json") != std::string::npos);
    CHECK(error.find("cannot write") != std::string::npos);
    CHECK_FALSE(fs::exists(dir + "/no"));
}

TEST_CASE("project: a file that is not valid JSON gives the line, column and reason", "[project][errors]") {
    const std::string text = "{\"subterra\": 1,\n \"layers\": [}";
    const ProjectLoad load = loadText("project_bad_json", text);
    CHECK_FALSE(load.project);
    REQUIRE(load.problems.size() == 1);
    CHECK(load.problems[0].severity == Severity::Error);
    CHECK_THAT(load.problems[0].message, Catch::StartsWith("not valid JSON: syntax error while parsing value"));
    // The parser stops at the '}' that cannot start an array element: line 2, column 13.
    CHECK(load.problems[0].where == "line 2, column 13");
    CHECK_THAT(load.problems[0].toLine(), Catch::Contains("p.subterra.json: line 2, column 13: not valid JSON"));
}

TEST_CASE("project: wrong types are reported with their JSON path", "[project][errors]") {
    const ProjectLoad load = loadText("project_wrong_types", R"({"subterra": 1, "name": 7,
      "layers": [{"source": "a.gpkg", "visible": "yes", "style": {"opacity": "high", "color": "blue"}},
                 {"source": "b.gpkg", "mapping": {"diameter": 150}}],
      "views": {"v": {"eye": [1, 2], "target": [0, 0, 0]}}})");
    const Problem* name = problemAt(load, "$.name");
    REQUIRE(name);
    CHECK(name->message == "expected a string, found number");
    const Problem* opacity = problemAt(load, "$.layers[0].style.opacity");
    REQUIRE(opacity);
    CHECK(opacity->severity == Severity::Error);
    CHECK(opacity->message == "expected a number, found string");
    CHECK(opacity->toLine().find("p.subterra.json: $.layers[0].style.opacity: expected a number") != std::string::npos);
    REQUIRE(problemAt(load, "$.layers[0].visible"));
    REQUIRE(problemAt(load, "$.layers[0].style.color"));
    const Problem* diameter = problemAt(load, "$.layers[1].mapping.diameter");
    REQUIRE(diameter);
    CHECK(diameter->message.find("expected a field name") != std::string::npos);
    REQUIRE(problemAt(load, "$.views.v.eye"));
    // The layers that can be read still are.
    REQUIRE(load.project);
    CHECK(load.project->layers.size() == 2);
}

TEST_CASE("project: a layer without a source is an error at its path", "[project][errors]") {
    const ProjectLoad load = loadText("project_no_source", R"({"subterra": 1, "layers": [
      {"name": "water", "table": "water"}, {"name": "gas", "source": ""}, {"name": "ok", "source": "x.gpkg"}]})");
    const Problem* missing = problemAt(load, "$.layers[0].source");
    REQUIRE(missing);
    CHECK(missing->severity == Severity::Error);
    CHECK(missing->message.find("missing") != std::string::npos);
    const Problem* empty = problemAt(load, "$.layers[1].source");
    REQUIRE(empty);
    CHECK(empty->severity == Severity::Error);
    REQUIRE(load.project);
    REQUIRE(load.project->layers.size() == 1);
    CHECK(load.project->layers[0].spec.name == "ok");
}

TEST_CASE("project: an unknown unit and an unknown mapping role are errors", "[project][errors]") {
    const ProjectLoad load = loadText("project_bad_unit", R"({"subterra": 1, "layers": [{"source": "a.gpkg",
      "mapping": {"diameter": {"field": "DN", "unit": "furlong"}, "diametre": "DN"}}]})");
    const Problem* unit = problemAt(load, "$.layers[0].mapping.diameter.unit");
    REQUIRE(unit);
    CHECK(unit->severity == Severity::Error);
    CHECK(unit->message.find("unknown unit 'furlong'") != std::string::npos);
    const Problem* role = problemAt(load, "$.layers[0].mapping.diametre");
    REQUIRE(role);
    CHECK(role->message.find("unknown mapping role") != std::string::npos);
}

TEST_CASE("project: an unsupported schema version is an error", "[project][errors]") {
    const ProjectLoad newer = loadText("project_version_2", R"({"subterra": 2, "layers": [{"source": "a.gpkg"}]})");
    const Problem* version = problemAt(newer, "$.subterra");
    REQUIRE(version);
    CHECK(version->severity == Severity::Error);
    CHECK(version->message.find("schema version 2 is not supported") != std::string::npos);
    const ProjectLoad missing = loadText("project_version_missing", R"({"layers": [{"source": "a.gpkg"}]})");
    REQUIRE(problemAt(missing, "$.subterra"));
    CHECK(hasErrors(missing.problems));
}

TEST_CASE("project: files that cannot be a project at all", "[project][errors]") {
    const std::string dir = fixtures::freshDir("project_unusable");
    const ProjectLoad missing = loadProject(dir + "/nothing.subterra.json");
    CHECK_FALSE(missing.project);
    REQUIRE(missing.problems.size() == 1);
    CHECK(missing.problems[0].toLine() == "error: " + dir + "/nothing.subterra.json: file not found");

    const ProjectLoad array = loadText("project_array", "[1, 2, 3]");
    CHECK_FALSE(array.project);
    REQUIRE(problemAt(array, "$"));

    const ProjectLoad noLayers = loadText("project_no_layers", R"({"subterra": 1, "layers": []})");
    const Problem* none = problemAt(noLayers, "$.layers");
    REQUIRE(none);
    CHECK(none->message == "the project has no layers");

    const ProjectLoad layersObject = loadText("project_layers_object", R"({"subterra": 1, "layers": {"a": 1}})");
    const Problem* notArray = problemAt(layersObject, "$.layers");
    REQUIRE(notArray);
    CHECK(notArray->message.find("expected an array") != std::string::npos);
}

TEST_CASE("project: colours parse from hex and print back", "[project]") {
    const auto c = parseHexColor("#1f5fd6");
    REQUIRE(c);
    CHECK((*c)[0] == Approx(0x1f / 255.0));
    CHECK((*c)[3] == 1.0f);
    CHECK(toHexColor(*c) == "#1f5fd6");
    CHECK(toHexColor(*parseHexColor("#1f5fd680")) == "#1f5fd680");
    CHECK_FALSE(parseHexColor("1f5fd6"));
    CHECK_FALSE(parseHexColor("#1f5fd"));
    CHECK_FALSE(parseHexColor("#zz5fd6"));
    CHECK_FALSE(parseHexColor("#1f5fdg"));
    CHECK_FALSE(parseHexColor("#1f5fd6 0"));
}
