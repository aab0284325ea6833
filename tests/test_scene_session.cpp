// SceneSession keeps one truth, the project: edits change it and the scene's style is derived from it.
#include <catch2/catch.hpp>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "fixtures.h"
#include "annotation_edits.h"
#include "scene_session.h"
#include "timeline_edits.h"

namespace fs = std::filesystem;

using namespace subterra;

namespace {
Segment waterPipe() {
    Segment pipe;
    pipe.id = "W-1";
    pipe.layer = "water";
    pipe.section.diameterM = 0.2;
    pipe.points = {{0, 0, -1}, {10, 0, -1}};
    return pipe;
}

// As loadInputs leaves data files: no project file, the layers in the request.
LoadedInputs dataFiles() {
    LoadedInputs inputs;
    inputs.load.model.segments.push_back(waterPipe());
    LayerSpec spec;
    spec.name = "water";
    spec.source = "water.gpkg";
    inputs.request.layers.push_back(spec);
    return inputs;
}

// A project file with one layer, and the command line's --terrain-opacity 0.9 and a --section.
LoadedInputs projectWithOptions(const std::string& path) {
    LoadedInputs inputs = dataFiles();
    Project project;
    project.path = path;
    project.layers.push_back(ProjectLayer{inputs.request.layers[0], true, std::nullopt, 1.0f});
    inputs.project = project;
    inputs.style = styleFromProject(project);
    inputs.style.terrainOpacity = 0.9f;
    inputs.terrainOpacityFromOptions = true;
    std::string error;
    inputs.style.cuts.sections.push_back(*horizontalSection(-1.0, error));
    inputs.cutsFromOptions = true;
    return inputs;
}
}  // namespace

TEST_CASE("SceneSession on data files holds a project for them in memory", "[session]") {
    SceneSession session(dataFiles());
    REQUIRE(session.project().layers.size() == 1);
    CHECK_FALSE(session.hasProjectFile());
    session.setLayerOpacity("water", 0.4f);
    session.setLayerVisible("water", false);
    CHECK(session.project().layers[0].opacity == 0.4f);         // the edit is in the project...
    CHECK(session.style().layers.at("water").opacity == 0.4f);  // ...and the style follows it
    CHECK_FALSE(session.look("water").visible);
    CHECK(session.dirty());  // no file yet, but Save As keeps the changes: quitting asks
    std::string error;
    CHECK_FALSE(session.save(error));
    CHECK_THAT(error, Catch::Contains("opened on data files"));
}

TEST_CASE("SceneSession on data files is changed by a section, a callout or a key", "[session]") {
    std::string error;
    SceneSession withSection(dataFiles());
    CHECK_FALSE(withSection.dirty());
    Cuts cuts = withSection.cuts();
    cuts.sections.push_back(*horizontalSection(-1.0, error));
    withSection.beginCutEdit();
    withSection.setCuts(cuts);
    CHECK(withSection.dirty());

    SceneSession withCallout(dataFiles());
    REQUIRE(withCallout.select("water", "W-1"));
    REQUIRE(addCalloutAtSelection(withCallout));
    CHECK(withCallout.dirty());

    SceneSession withKey(dataFiles());
    REQUIRE(addKeyFromCurrentState(withKey, "terrain.opacity", 2.0, error));
    CHECK(withKey.dirty());
}

TEST_CASE("SceneSession Save As from data files writes a project that reopens with the same edits", "[session]") {
    const std::string dir = fixtures::freshDir("session_save_as");
    fixtures::writeText(dir + "/pipes.geojson", R"({"type": "FeatureCollection", "features": []})");
    LoadedInputs inputs = dataFiles();
    inputs.request.layers[0].source = dir + "/pipes.geojson";
    SceneSession session(inputs);
    const std::string path = dir + "/pipes.subterra.json";
    CHECK(fs::path(session.defaultSavePath()) == fs::path(path));  // next to the first data file

    std::string error;
    Cuts cuts = session.cuts();
    cuts.sections.push_back(*horizontalSection(-1.5, error));
    session.beginCutEdit();
    session.setCuts(cuts);
    REQUIRE(session.select("water", "W-1"));
    REQUIRE(addCalloutAtSelection(session));
    session.setLayerOpacity("water", 0.4f);
    REQUIRE(session.dirty());

    CHECK_FALSE(session.saveAs(dir + "/no such folder/p.subterra.json", false, error));
    CHECK_THAT(error, Catch::Contains("does not exist") && Catch::Contains("no such folder"));
    CHECK(session.dirty());
    CHECK_FALSE(session.hasProjectFile());

    REQUIRE(session.saveAs(path, false, error));
    CHECK(session.hasProjectFile());
    CHECK(session.project().path == path);
    CHECK_FALSE(session.dirty());
    CHECK(session.save(error));  // Ctrl+S now writes the same file

    CHECK_FALSE(session.saveAs(path, false, error));  // the viewer asks before overwriting
    CHECK_THAT(error, Catch::Contains("already exists"));
    REQUIRE(session.saveAs(path, true, error));
    CHECK(fs::exists(path + ".bak"));  // the previous file is kept

    const ProjectLoad reopened = loadProject(path);
    INFO(fixtures::problemLines(reopened.problems));
    REQUIRE(reopened.project);
    const Project& project = *reopened.project;
    CHECK(project.name == "pipes");
    REQUIRE(project.layers.size() == 1);
    CHECK(project.layers[0].spec.name == "water");
    CHECK(fs::equivalent(project.layers[0].spec.source, dir + "/pipes.geojson"));
    CHECK(project.layers[0].opacity == Approx(0.4f));
    REQUIRE(project.cuts.sections.size() == 1);
    CHECK(project.cuts.sections[0].kind == SectionPlane::Kind::Horizontal);
    CHECK(project.cuts.sections[0].point.z == Approx(-1.5));
    REQUIRE(project.annotations.callouts.size() == 1);
    CHECK(project.annotations.callouts[0].anchor.featureId == "W-1");
    CHECK(project.annotations.callouts[0].text == session.project().annotations.callouts[0].text);
}

TEST_CASE("SceneSession shows the command line's display options without writing them", "[session]") {
    const std::string path = fixtures::freshDir("session_options") + "/p.subterra.json";
    SceneSession session(projectWithOptions(path));
    CHECK(session.terrainOpacity() == 0.9f);
    CHECK(session.style().terrainOpacity == 0.9f);
    CHECK(session.project().terrainOpacity == Approx(0.35f));
    CHECK(session.cuts().sections.size() == 1);
    CHECK(session.project().cuts.sections.empty());

    session.setLayerOpacity("water", 0.5f);  // an edit of something else: the options stay
    CHECK(session.dirty());
    std::string error;
    REQUIRE(session.save(error));
    const auto saved = nlohmann::json::parse(fixtures::readFile(path));
    CHECK_FALSE(saved.contains("sections"));                                 // the --section was not saved...
    CHECK(saved.at("terrain").at("opacity").get<double>() == Approx(0.35));  // ...nor --terrain-opacity

    session.setTerrainOpacity(0.6f);  // the user's own setting replaces the option and is saved
    CHECK(session.project().terrainOpacity == 0.6f);
    CHECK(session.style().terrainOpacity == 0.6f);
    session.setCuts(session.cuts());  // an edit of the cuts takes what is shown into the project
    CHECK(session.project().cuts.sections.size() == 1);
}

TEST_CASE("SceneSession edits every file of one layer name together", "[session]") {
    LoadedInputs inputs = dataFiles();  // a/water.gpkg and b/water.gpkg: one "water" layer in the scene
    inputs.request.layers.push_back(inputs.request.layers[0]);
    inputs.request.layers[1].source = "b/water.gpkg";
    SceneSession session(inputs);
    REQUIRE(session.project().layers.size() == 2);
    session.setLayerVisible("water", false);
    session.setLayerOpacity("water", 0.3f);
    for (const ProjectLayer& layer : session.project().layers) {
        CHECK_FALSE(layer.visible);
        CHECK(layer.opacity == 0.3f);
    }
    CHECK_FALSE(session.look("water").visible);
    CHECK(session.look("water").opacity == 0.3f);
}

TEST_CASE("SceneSession shows edits of a layer its project does not list, and keeps them out of it", "[session]") {
    LoadedInputs inputs = dataFiles();
    inputs.request.layers.clear();  // the model has "water", the project no layer
    SceneSession session(inputs);
    session.setLayerOpacity("water", 0.25f);
    CHECK(session.look("water").opacity == 0.25f);
    CHECK(session.project().layers.empty());
    CHECK_FALSE(session.dirty());
}
