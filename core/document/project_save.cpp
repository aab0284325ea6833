// Saving a project: the in-memory state is merged into the document that was loaded, so keys this
// version does not know survive; the write is atomic and the previous file is kept as a backup.
#include <cmath>
#include <filesystem>

#include "project.h"
#include "atomic_file.h"
#include "project_sections.h"

namespace fs = std::filesystem;

namespace subterra {

namespace {
std::string relativeTo(const std::string& source, const std::string& projectPath) {
    if (source.find(':') != std::string::npos || source.empty()) return source;  // connection strings
    const fs::path base = fs::absolute(projectPath).parent_path();
    return fs::absolute(source).lexically_relative(base).generic_string();
}

// A float as the short decimal it was written as (0.35, not 0.3499999940395355).
double tidy(float value) { return std::round(double(value) * 1e6) / 1e6; }

// Ensures `json[key]` is an object (a loaded project may hold a wrong type there, already reported).
nlohmann::json& objectAt(nlohmann::json& json, const char* key) {
    nlohmann::json& value = json[key];
    if (!value.is_object()) value = nlohmann::json::object();
    return value;
}

// A length field keeps its unit only when the user set one: a unit written here would turn off the
// unit inference of a field the user named without one (and change what the project means).
void mergeFieldRef(nlohmann::json& entry, const FieldRef& ref, bool isLength) {
    if (!isLength || (!ref.unitExplicit && !entry.is_object())) {
        entry = ref.field;
        return;
    }
    if (!entry.is_object()) entry = nlohmann::json::object();
    entry["field"] = ref.field;
    if (ref.unitExplicit) entry["unit"] = toString(ref.unit);
    else entry.erase("unit");
}

void mergeLayer(nlohmann::json& json, const ProjectLayer& layer, const std::string& path) {
    json["name"] = layer.spec.name;
    json["source"] = relativeTo(layer.spec.source, path);
    if (!layer.spec.table.empty()) json["table"] = layer.spec.table;
    if (layer.spec.type) json["type"] = toString(*layer.spec.type);
    if (layer.spec.utility) json["utility"] = toString(*layer.spec.utility);
    if (!layer.spec.sourceCrs.empty()) json["crs"] = layer.spec.sourceCrs;
    if (layer.spec.nodeElevation == LayerSpec::NodeElevation::Centreline) json["node_elevation"] = "centreline";
    json["visible"] = layer.visible;
    auto& style = objectAt(json, "style");
    if (layer.color) style["color"] = toHexColor(*layer.color);
    style["opacity"] = tidy(layer.opacity);
    if (layer.spec.mapping.fields.empty()) return;
    auto& mapping = objectAt(json, "mapping");
    for (const auto& [role, ref] : layer.spec.mapping.fields) {
        for (const auto& info : mappingRoles())
            if (info.role == role) mergeFieldRef(mapping[info.key], ref, info.isLength);
    }
}

nlohmann::json toDocument(const Project& project, const std::string& path) {
    nlohmann::json doc = project.document.is_object() ? project.document : nlohmann::json::object();
    doc["subterra"] = Project::kSchemaVersion;
    doc["name"] = project.name;
    if (!project.crs.empty()) doc["crs"] = project.crs;
    auto& terrain = objectAt(doc, "terrain");
    if (!project.terrain.dem.empty()) terrain["dem"] = relativeTo(project.terrain.dem, path);
    if (project.terrain.flatLevelM) terrain["flat_level_m"] = *project.terrain.flatLevelM;
    if (project.terrain.heightUnit) terrain["unit"] = toString(*project.terrain.heightUnit);
    terrain["opacity"] = tidy(project.terrainOpacity);
    nlohmann::json layers = nlohmann::json::array();
    const auto& oldLayers =
        doc.contains("layers") && doc["layers"].is_array() ? doc["layers"] : nlohmann::json::array();
    for (size_t i = 0; i < project.layers.size(); ++i) {
        nlohmann::json layer =
            i < oldLayers.size() && oldLayers[i].is_object() ? oldLayers[i] : nlohmann::json::object();
        mergeLayer(layer, project.layers[i], path);
        layers.push_back(std::move(layer));
    }
    doc["layers"] = std::move(layers);
    const nlohmann::json oldViews =
        doc.contains("views") && doc["views"].is_object() ? doc["views"] : nlohmann::json::object();
    nlohmann::json views = nlohmann::json::object();
    for (const auto& [name, v] : project.views) {
        nlohmann::json view =
            oldViews.contains(name) && oldViews[name].is_object() ? oldViews[name] : nlohmann::json::object();
        view["eye"] = {v.eye.x, v.eye.y, v.eye.z};
        view["target"] = {v.target.x, v.target.y, v.target.z};
        view["up"] = {v.up.x, v.up.y, v.up.z};
        view["fov_deg"] = v.fovDeg;
        views[name] = std::move(view);
    }
    doc["views"] = std::move(views);
    writeCutsSection(doc, project.cuts);
    writeAnnotationsSection(doc, project.annotations);
    writeTimelineSection(doc, project.timeline);
    writeChecksSection(doc, project.checks);
    return doc;
}

}  // namespace

Status saveProject(const Project& project, const std::string& path) {
    const std::string text = toDocument(project, path).dump(2) + "\n";
    return writeFileAtomically(path, text, {/*keepBackup=*/true});
}

}  // namespace subterra
