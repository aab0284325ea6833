#pragma once
// The project file (*.subterra.json): the single source of truth for a user's work.
// Format: docs/project-format.md. Unknown keys are kept when saving.
#include <array>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "cuts.h"
#include "check_rules.h"
#include "annotations.h"
#include "color.h"
#include "layer_spec.h"
#include "model_loader.h"
#include "problem.h"
#include "result.h"
#include "timeline.h"
#include "defaults.h"

namespace subterra {

struct ProjectLayer {
    LayerSpec spec;
    bool visible = true;
    std::optional<Rgba> color;  // empty = by utility kind (APWA)
    float opacity = 1.0f;
};

struct NamedView {
    Vec3d eye, target, up{0, 0, 1};
    double fovDeg = defaults::kFieldOfViewDeg.value;
};

struct Project {
    static constexpr int kSchemaVersion = 1;
    std::string path;  // where it was loaded from; relative paths are resolved against it
    std::string name;
    std::string crs;
    TerrainSpec terrain;
    float terrainOpacity = float(defaults::kTerrainOpacity.value);
    std::vector<ProjectLayer> layers;
    std::map<std::string, NamedView> views;
    Cuts cuts;                         // section planes, excavations, strata
    std::optional<Timeline> timeline;  // explainer animation (timeline.h)
    CheckRules checks;                 // "checks": clearance and cover rules (defaults when absent)
    Annotations annotations;           // callouts, labels, title card, measurements (annotations.h)
    nlohmann::json document;           // the file as read, so keys this version does not know survive a save

    LoadRequest loadRequest() const;
    const ProjectLayer* findLayer(const std::string& name) const;
};

struct ProjectLoad {
    std::optional<Project> project;  // empty when the file cannot be used at all
    Problems problems;               // wrong keys and types, each with its JSON path
};

// What the project's timeline tracks may name: layers, sections, excavations, annotation ids.
TimelineNames timelineNames(const Project& project);

ProjectLoad loadProject(const std::string& path);

// Writes atomically (temporary file, fsync, rename); the previous file is kept as `path + ".bak"`.
Status saveProject(const Project& project, const std::string& path);

}  // namespace subterra
