#include "scene_inputs.h"

#include <strings.h>

#include "crs.h"
#include "cut_arguments.h"
#include "format_importer.h"
#include "json_text.h"
#include "source_text.h"
#include "terrain_importer.h"
#include "utility_colors.h"

#include <nlohmann/json.hpp>

namespace subterra {

namespace {
bool endsWith(const std::string& text, const std::string& suffix) {
    return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}
}  // namespace

bool isProjectFile(const std::string& path) {
    if (endsWith(path, ".subterra.json")) return true;
    if (!endsWith(path, ".json")) return false;
    std::string error;
    const auto text = readSourceText(path, error);  // not a FIFO, not beyond the text cap
    if (!text || jsonNestingBeyond(*text, kMaxJsonDepth)) return false;
    const auto document = nlohmann::json::parse(*text, nullptr, false);
    return document.is_object() && document.contains("subterra");
}

SceneStyle styleFromProject(const Project& project) {
    SceneStyle style;
    style.terrainOpacity = project.terrainOpacity;
    style.cuts = project.cuts;
    for (const auto& layer : project.layers) style.layers[layer.spec.name] = lookOf(layer);
    return style;
}

LayerLook lookOf(const ProjectLayer& layer) {
    LayerLook look;
    look.visible = layer.visible;
    look.opacity = layer.opacity;
    if (layer.color) look.color = toVec4(*layer.color);
    return look;
}

Project projectOf(const LoadedInputs& inputs) {
    if (inputs.project) return *inputs.project;
    Project project;
    project.crs = inputs.request.projectCrs;
    project.terrain = inputs.request.terrain;
    for (const auto& spec : inputs.request.layers) {
        ProjectLayer layer;
        layer.spec = spec;
        project.layers.push_back(layer);
    }
    return project;
}

namespace {
void applyCutOptions(const InputOptions& options, Cuts& cuts, Problems& problems) {
    if (options.noCuts) enableCutsByName(cuts, {}, true, problems);
    if (!options.enableCuts.empty()) enableCutsByName(cuts, options.enableCuts, options.noCuts, problems);
    std::string error;
    for (const auto& text : options.sections) {
        if (auto plane = parseSectionArgument(text, error)) cuts.sections.push_back(*plane);
        else problems.push_back({Severity::Error, "", "", error});
    }
    for (const auto& text : options.excavations) {
        if (auto excavation = parseExcavationArgument(text, error)) cuts.excavations.push_back(*excavation);
        else problems.push_back({Severity::Error, "", "", error});
    }
}
// A plain raster among the inputs (`subterra info dem.tif`) is the DEM, unless --dem names one.
std::vector<std::string> nonRasterInputs(const InputOptions& options, TerrainSpec& terrain, Problems& problems) {
    std::vector<std::string> files;
    for (const auto& input : options.inputs) {
        if (findFormatImporter(input) || !isRasterOnlyFile(input)) {
            files.push_back(input);
        } else if (!options.dem.empty() || !terrain.dem.empty()) {
            problems.push_back({Severity::Error, input, "",
                                "a raster input is taken as the DEM, and the DEM is already '" +
                                    (options.dem.empty() ? terrain.dem : options.dem) + "'"});
        } else {
            terrain.dem = input;
        }
    }
    return files;
}
// --input-crs for every layer whose file declares no CRS, --dem-unit for the DEM's heights.
void applyDeclarations(const InputOptions& options, LoadRequest& request, Problems& problems) {
    std::string error;
    if (!options.inputCrs.empty() && !crsToWkt(options.inputCrs, error))
        problems.push_back({Severity::Error, "", "--input-crs", error});
    else if (!options.inputCrs.empty())
        for (auto& layer : request.layers) layer.fallbackCrs = options.inputCrs;
    for (const auto& text : options.fields) {
        if (auto assignment = parseFieldAssignment(text, error))
            for (auto& layer : request.layers) layer.fieldOverrides.set(assignment->first, assignment->second);
        else problems.push_back({Severity::Error, "", "--field", error});
    }
    if (options.demUnit.empty()) return;
    request.terrain.heightUnit = parseUnitName(options.demUnit);
    if (!request.terrain.heightUnit)
        problems.push_back(
            {Severity::Error, "", "--dem-unit", "unknown unit '" + options.demUnit + "' (use m, ft or us-ft)"});
}

// A --field that no layer could use is a typo the user must hear about, not a silent no-op.
void reportUnusedFieldOptions(const InputOptions& options, const LoadResult& load, Problems& problems) {
    std::string error;
    for (const auto& text : options.fields) {
        const auto assignment = parseFieldAssignment(text, error);
        if (!assignment) continue;
        bool used = false;
        for (const auto& layer : load.layers) {
            const FieldRef* ref = layer.mapping.get(assignment->first);
            used = used || (ref && strcasecmp(ref->field.c_str(), assignment->second.field.c_str()) == 0);
        }
        if (!used)
            problems.push_back(
                {Severity::Error, "", "--field " + text,
                 "no layer has a field '" + assignment->second.field + "' (`subterra info` lists them)"});
    }
}
}  // namespace

LoadedInputs loadInputs(const InputOptions& options) {
    LoadedInputs result;
    LoadRequest request;
    const bool oneProject = options.inputs.size() == 1 && isProjectFile(options.inputs[0]);
    if (oneProject) {
        ProjectLoad projectLoad = loadProject(options.inputs[0]);
        result.problems = projectLoad.problems;
        if (!projectLoad.project) return result;
        result.project = std::move(projectLoad.project);
        request = result.project->loadRequest();
        result.style = styleFromProject(*result.project);
    } else {
        for (const auto& input : options.inputs)
            if (isProjectFile(input))
                result.problems.push_back(
                    {Severity::Error, input, "", "a project file cannot be mixed with other inputs"});
        if (hasErrors(result.problems)) return result;
        request.layers =
            layerSpecsForFiles(nonRasterInputs(options, request.terrain, result.problems), result.problems);
    }
    if (!options.dem.empty()) request.terrain.dem = options.dem;
    if (!options.crs.empty()) request.projectCrs = options.crs;
    applyDeclarations(options, request, result.problems);
    if (hasErrors(result.problems)) return result;
    if (options.terrainOpacity) result.style.terrainOpacity = float(*options.terrainOpacity);
    applyCutOptions(options, result.style.cuts, result.problems);
    result.terrainOpacityFromOptions = options.terrainOpacity.has_value();
    result.cutsFromOptions =
        options.noCuts || !options.enableCuts.empty() || !options.sections.empty() || !options.excavations.empty();
    result.request = request;
    result.load = loadModel(request);
    result.problems.insert(result.problems.end(), result.load.problems.begin(), result.load.problems.end());
    reportUnusedFieldOptions(options, result.load, result.problems);
    return result;
}

}  // namespace subterra
