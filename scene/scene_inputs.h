#pragma once
// What the commands load: one project file, or data files with options (--dem, --crs).
// Shared by the CLI and the viewer so both see exactly the same scene.
#include <optional>
#include <string>
#include <vector>

#include "model_loader.h"
#include "project.h"
#include "scene_builder.h"

namespace subterra {

struct InputOptions {
    std::vector<std::string> inputs;   // one project file, or vector data files
    std::string dem;                   // overrides the project's DEM
    std::string crs;                   // overrides the project's CRS
    std::optional<double> terrainOpacity;
    // Cuts: enable the project's cuts by name (--cut), switch them all off (--no-cuts), or add
    // ones given as numbers (--section, --excavation; see cut_arguments.h).
    std::vector<std::string> enableCuts;
    bool noCuts = false;
    std::vector<std::string> sections, excavations;
};

struct LoadedInputs {
    std::optional<Project> project;    // set when the input was a project file
    LoadResult load;
    SceneStyle style;
    Problems problems;                 // the project's and the importers', in order
};

// A project file: "*.subterra.json", or any JSON object with a top-level "subterra" key.
bool isProjectFile(const std::string& path);

LoadedInputs loadInputs(const InputOptions& options);

SceneStyle styleFromProject(const Project& project);

}  // namespace subterra
