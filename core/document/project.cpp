#include "project.h"

#include <cctype>
#include <cstdio>
#include <filesystem>
#include <sstream>

#include "project_sections.h"
#include "crs.h"
#include "gis_layer_options_reader.h"
#include "json_reader.h"
#include "json_text.h"
#include "placement_reader.h"
#include "source_text.h"

namespace fs = std::filesystem;

namespace subterra {

namespace {
// Sources are relative to the project file, except connection strings ("PG:...") and absolute paths.
std::string resolveSource(const std::string& source, const std::string& projectPath) {
    if (source.empty() || fs::path(source).is_absolute() || source.find(':') != std::string::npos) return source;
    return (fs::path(projectPath).parent_path() / source).lexically_normal().string();
}

std::optional<FieldRef> readFieldRef(const JsonReader& mapping, const MappingRoleInfo& role) {
    const auto& v = mapping.at(role.key);
    if (v.is_string()) return FieldRef{v.get<std::string>(), role.defaultUnit, false, false};
    JsonReader entry = mapping.child(role.key);
    if (!v.is_object() || !entry.has("field")) {
        entry.error("expected a field name or {\"field\": ..., \"unit\": ...}");
        return std::nullopt;
    }
    auto field = entry.string("field");
    if (!field) return std::nullopt;
    FieldRef ref{*field, role.defaultUnit, false, false};
    if (auto unitText = entry.string("unit")) {
        auto unit = parseLengthUnit(*unitText);
        if (!unit) entry.errorAt("unit", "unknown unit '" + *unitText + "' (use mm, cm, m, in, ft or us-ft)");
        else ref.unit = *unit, ref.unitExplicit = true;
    }
    entry.warnUnknownKeys({"field", "unit"});
    return ref;
}

AttributeMapping readMapping(const JsonReader& mapping) {
    AttributeMapping result;
    if (!mapping.value().is_object()) {
        mapping.error("expected an object");
        return result;
    }
    for (const auto& item : mapping.value().items()) {
        const MappingRoleInfo* role = findMappingRole(item.key());
        if (!role) {
            mapping.errorAt(item.key().c_str(), "unknown mapping role");
            continue;
        }
        if (auto ref = readFieldRef(mapping, *role)) result.set(role->role, *ref);
    }
    return result;
}

void readStyle(const JsonReader& style, ProjectLayer& layer) {
    if (auto color = style.string("color")) {
        layer.color = parseHexColor(*color);
        if (!layer.color) style.errorAt("color", "expected a colour like \"#1f5fd6\"");
    }
    if (auto opacity = style.number("opacity")) layer.opacity = float(std::clamp(*opacity, 0.0, 1.0));
    style.warnUnknownKeys({"color", "opacity"});
}

// "crs" names the CRS the layer's coordinates are in, for every kind of layer: files that declare
// none (EPANET, SWMM, a shapefile without .prj) and files that declare a wrong one (it overrides);
// CAD meshes reject it (their placement is in the project CRS). "node_elevation" says what EPANET
// node elevations are ("ground" or "centreline" of the pipes).
void readNetworkKeys(const JsonReader& entry, LayerSpec& spec) {
    if (auto crs = entry.string("crs")) {
        std::string error;
        if (crsToWkt(*crs, error)) spec.sourceCrs = *crs;
        else entry.errorAt("crs", "unknown CRS '" + *crs + "': " + error);
    }
    if (auto rule = entry.string("node_elevation")) {
        if (*rule == "ground") spec.nodeElevation = LayerSpec::NodeElevation::Ground;
        else if (*rule == "centreline" || *rule == "centerline")
            spec.nodeElevation = LayerSpec::NodeElevation::Centreline;
        else entry.errorAt("node_elevation", "expected \"ground\" or \"centreline\", not '" + *rule + "'");
    }
}

// "results": an EPANET report whose link flows give the flow direction (epanet_report.h).
void readResultsKey(const JsonReader& entry, LayerSpec& spec, const std::string& projectPath) {
    if (auto results = entry.string("results")) spec.results = resolveSource(*results, projectPath);
}

std::optional<ProjectLayer> readLayer(const JsonReader& entry, const std::string& projectPath) {
    if (!entry.value().is_object()) {
        entry.error("expected an object");
        return std::nullopt;
    }
    ProjectLayer layer;
    auto source = entry.string("source");
    if (!source || source->empty()) {
        if (!entry.has("source")) entry.errorAt("source", "missing: every layer needs a source");
        else if (source) entry.errorAt("source", "empty: every layer needs a source");
        return std::nullopt;
    }
    layer.spec.source = resolveSource(*source, projectPath);
    layer.spec.table = entry.string("table").value_or("");
    layer.spec.name =
        entry.string("name").value_or(layer.spec.table.empty() ? fs::path(*source).stem().string() : layer.spec.table);
    if (auto type = entry.string("type")) {
        layer.spec.type = parseFeatureType(*type);
        if (!layer.spec.type) entry.errorAt("type", "unknown type '" + *type + "' (use segments, nodes or buildings)");
    }
    if (auto utility = entry.string("utility")) {
        layer.spec.utility = parseUtilityKind(*utility);
        if (!layer.spec.utility) entry.errorAt("utility", "unknown utility kind '" + *utility + "'");
    }
    layer.visible = entry.boolean("visible").value_or(true);
    if (entry.has("style")) readStyle(entry.child("style"), layer);
    if (entry.has("mapping")) layer.spec.mapping = readMapping(entry.child("mapping"));
    if (entry.has("placement")) layer.spec.placement = readPlacement(entry.child("placement"));
    readNetworkKeys(entry, layer.spec);
    readResultsKey(entry, layer.spec, projectPath);
    readGisLayerOptions(entry, layer.spec.gis);
    entry.warnUnknownKeys({"name", "source", "table", "type", "utility", "visible", "style", "mapping", "placement",
                           "crs", "node_elevation", "results", "sql", "bbox", "dxf_layers", "dxf_diameter_pattern"});
    return layer;
}

void readTerrain(const JsonReader& terrain, Project& project) {
    if (auto dem = terrain.string("dem")) project.terrain.dem = resolveSource(*dem, project.path);
    if (auto level = terrain.number("flat_level_m")) {
        if (defaults::kFlatLevelM.accepts(*level)) project.terrain.flatLevelM = *level;
        else terrain.errorAt("flat_level_m", outOfRange(defaults::kFlatLevelM, *level));
    }
    if (auto opacity = terrain.number("opacity")) project.terrainOpacity = float(std::clamp(*opacity, 0.0, 1.0));
    if (auto unit = terrain.string("unit")) {  // the DEM's height unit, when the raster does not say
        project.terrain.heightUnit = parseUnitName(*unit);
        if (!project.terrain.heightUnit) terrain.errorAt("unit", "unknown unit '" + *unit + "' (use m, ft or us-ft)");
    }
    terrain.warnUnknownKeys({"dem", "flat_level_m", "opacity", "unit"});
}

std::optional<NamedView> readView(const JsonReader& view) {
    auto eye = view.vec3("eye"), target = view.vec3("target");
    if (!eye || !target) {
        if (!view.has("eye") || !view.has("target")) view.error("a view needs \"eye\" and \"target\"");
        return std::nullopt;
    }
    NamedView result;
    result.eye = {(*eye)[0], (*eye)[1], (*eye)[2]};
    result.target = {(*target)[0], (*target)[1], (*target)[2]};
    if (auto up = view.vec3("up")) result.up = {(*up)[0], (*up)[1], (*up)[2]};
    if (auto fov = view.number("fov_deg")) {
        if (defaults::kFieldOfViewDeg.accepts(*fov)) result.fovDeg = *fov;
        else view.errorAt("fov_deg", "must be between 1 and 170 degrees");
    }
    view.warnUnknownKeys({"eye", "target", "up", "fov_deg"});
    return result;
}

void readDocument(const JsonReader& root, Project& project) {
    auto version = root.number("subterra");
    if (!version) {
        if (!root.has("subterra")) root.errorAt("subterra", "missing schema version (expected \"subterra\": 1)");
    } else if (*version != Project::kSchemaVersion) {
        root.errorAt("subterra", "schema version " + std::to_string(int(*version)) + " is not supported (expected 1)");
    }
    project.name = root.string("name").value_or(fs::path(project.path).stem().string());
    project.crs = root.string("crs").value_or("");
    if (root.has("terrain")) readTerrain(root.child("terrain"), project);
    if (root.has("layers")) {
        JsonReader layers = root.child("layers");
        if (!layers.value().is_array()) layers.error("expected an array of layers");
        else
            for (size_t i = 0; i < layers.value().size(); ++i)
                if (auto layer = readLayer(layers.element(i), project.path))
                    project.layers.push_back(std::move(*layer));
    }
    if (root.has("views")) {
        JsonReader views = root.child("views");
        if (!views.value().is_object()) views.error("expected an object of named views");
        else
            for (const auto& item : views.value().items())
                if (auto view = readView(views.child(item.key().c_str()))) project.views[item.key()] = *view;
    }
    readCutsSection(root, project.cuts);
    readAnnotationsSection(root, project.annotations);
    readTimelineSection(root, timelineNames(project), project.timeline);
    readChecksSection(root, project.checks);
    root.warnUnknownKeys({"subterra", "name", "crs", "terrain", "layers", "views", "sections", "excavations", "strata",
                          "timeline", "checks", "annotations"});
}
}  // namespace

TimelineNames timelineNames(const Project& project) {
    TimelineNames names;
    for (const auto& layer : project.layers) names.layers.push_back(layer.spec.name);
    names.sections.emplace();
    for (const auto& section : project.cuts.sections) names.sections->push_back(section.name);
    names.excavations.emplace();
    for (const auto& excavation : project.cuts.excavations) names.excavations->push_back(excavation.name);
    names.annotations = annotationIds(project.annotations);
    return names;
}

ProjectLoad loadProject(const std::string& path) {
    ProjectLoad result;
    std::string error;
    const auto text = readSourceText(path, error);
    if (!text) {
        result.problems.push_back({Severity::Error, path, "", error});
        return result;
    }
    Project project;
    project.path = path;
    auto document = parseJsonText(path, *text, result.problems);
    if (!document) return result;
    project.document = std::move(*document);
    const JsonReader root(project.document, "$", path, result.problems);
    if (!project.document.is_object()) {
        root.error("expected a JSON object");
        return result;
    }
    try {
        readDocument(root, project);
    } catch (const nlohmann::json::exception& e) {  // a reader that trusted a type: never a crash
        root.error(std::string("cannot be read: ") + e.what());
        return result;
    }
    if (project.layers.empty() && !hasErrors(result.problems))
        result.problems.push_back({Severity::Error, path, "$.layers", "the project has no layers"});
    result.project = std::move(project);
    return result;
}

LoadRequest Project::loadRequest() const {
    LoadRequest request;
    request.projectCrs = crs;
    request.terrain = terrain;
    for (const auto& layer : layers) request.layers.push_back(layer.spec);
    return request;
}

const ProjectLayer* Project::findLayer(const std::string& layerName) const {
    for (const auto& layer : layers)
        if (layer.spec.name == layerName) return &layer;
    return nullptr;
}

}  // namespace subterra
