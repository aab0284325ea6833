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
    std::vector<std::string> inputs;  // one project file, or vector data files
    std::string dem;                  // overrides the project's DEM
    std::string crs;                  // overrides the project's CRS
    std::string inputCrs;             // the CRS of inputs that declare none (--input-crs)
    std::string demUnit;              // the DEM's height unit (--dem-unit), overrides the project's
    std::vector<std::string> fields;  // --field ROLE=FIELD[:UNIT], for the layers that have FIELD
    std::optional<double> terrainOpacity;
    // Cuts: enable the project's cuts by name (--cut), switch them all off (--no-cuts), or add
    // ones given as numbers (--section, --excavation; see cut_arguments.h).
    std::vector<std::string> enableCuts;
    bool noCuts = false;
    std::vector<std::string> sections, excavations;
};

struct LoadedInputs {
    std::optional<Project> project;  // set when the input was a project file
    LoadRequest request;             // what was loaded (the project's layers, or the data files')
    LoadResult load;
    SceneStyle style;   // the project's, with the display options below applied
    Problems problems;  // the project's and the importers', in order
    // Whether the command line's display options changed `style` from the project's settings:
    // --terrain-opacity; --cut, --no-cuts, --section, --excavation.
    bool terrainOpacityFromOptions = false;
    bool cutsFromOptions = false;
};

// A project file: "*.subterra.json", or any JSON object with a top-level "subterra" key.
bool isProjectFile(const std::string& path);

LoadedInputs loadInputs(const InputOptions& options);

SceneStyle styleFromProject(const Project& project);
// How a project layer's settings draw (visibility, opacity, colour).
LayerLook lookOf(const ProjectLayer& layer);
// The project a session works on: the project file's, or for data files one held in memory with
// their layers, CRS and terrain (no path: it has never been saved).
Project projectOf(const LoadedInputs& inputs);

}  // namespace subterra
