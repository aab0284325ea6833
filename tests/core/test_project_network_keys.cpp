// Project layer keys for network model files: "crs" (the CRS the file's coordinates are in) and
// "node_elevation" (EPANET: ground or centreline); both read, checked and written back on save.
#include <catch2/catch.hpp>
#include <fstream>

#include "fixtures.h"
#include "project.h"

using namespace subterra;

TEST_CASE("project: network layer keys crs and node_elevation", "[project][inp]") {
    const std::string dir = fixtures::freshDir("project_network_keys");
    const std::string path = fixtures::writeText(dir + "/net.subterra.json", R"({
      "subterra": 1,
      "layers": [
        { "name": "ky4", "source": "ky4.inp", "crs": "EPSG:3547", "node_elevation": "centreline" },
        { "name": "bad", "source": "x.inp", "crs": "EPSG:999999", "node_elevation": "roof" }
      ]
    })");
    const ProjectLoad load = loadProject(path);
    REQUIRE(load.project);
    REQUIRE(load.project->layers.size() == 2);
    const LayerSpec& ky4 = load.project->layers[0].spec;
    CHECK(ky4.sourceCrs == "EPSG:3547");
    CHECK(ky4.nodeElevation == LayerSpec::NodeElevation::Centreline);
    const LayerSpec& bad = load.project->layers[1].spec;
    CHECK(bad.sourceCrs.empty());
    CHECK(bad.nodeElevation == LayerSpec::NodeElevation::Ground);
    INFO(fixtures::problemLines(load.problems));
    CHECK(fixtures::countProblems(load.problems, {"unknown CRS 'EPSG:999999'"}) == 1);
    CHECK(fixtures::countProblems(load.problems, {"expected \"ground\" or \"centreline\""}) == 1);

    std::string error;
    REQUIRE(saveProject(*load.project, dir + "/saved.subterra.json").into(error));
    const ProjectLoad again = loadProject(dir + "/saved.subterra.json");
    REQUIRE(again.project);
    CHECK(again.project->layers[0].spec.sourceCrs == "EPSG:3547");
    CHECK(again.project->layers[0].spec.nodeElevation == LayerSpec::NodeElevation::Centreline);
}
