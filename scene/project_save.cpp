// Saving a project: the in-memory state is merged into the document that was loaded, so keys this
// version does not know survive; the write is atomic and the previous file is kept as a backup.
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <unistd.h>

#include "project.h"

namespace fs = std::filesystem;

namespace subterra {

namespace {
std::string relativeTo(const std::string& source, const std::string& projectPath) {
    if (source.find(':') != std::string::npos || source.empty()) return source;  // connection strings
    const fs::path base = fs::absolute(projectPath).parent_path();
    return fs::absolute(source).lexically_relative(base).generic_string();
}

nlohmann::json fieldRefJson(const FieldRef& ref) {
    return {{"field", ref.field}, {"unit", toString(ref.unit)}};
}

void mergeLayer(nlohmann::json& json, const ProjectLayer& layer, const std::string& path) {
    json["name"] = layer.spec.name;
    json["source"] = relativeTo(layer.spec.source, path);
    if (!layer.spec.table.empty()) json["table"] = layer.spec.table;
    if (layer.spec.type) json["type"] = toString(*layer.spec.type);
    if (layer.spec.utility) json["utility"] = toString(*layer.spec.utility);
    json["visible"] = layer.visible;
    auto& style = json["style"];
    if (layer.color) style["color"] = toHexColor(*layer.color);
    style["opacity"] = layer.opacity;
    if (layer.spec.mapping.fields.empty()) return;
    auto& mapping = json["mapping"];
    for (const auto& [role, ref] : layer.spec.mapping.fields) {
        for (const auto& info : mappingRoles())
            if (info.role == role) mapping[info.key] = info.isLength ? fieldRefJson(ref) : nlohmann::json(ref.field);
    }
}

nlohmann::json toDocument(const Project& project, const std::string& path) {
    nlohmann::json doc = project.document.is_object() ? project.document : nlohmann::json::object();
    doc["subterra"] = Project::kSchemaVersion;
    doc["name"] = project.name;
    if (!project.crs.empty()) doc["crs"] = project.crs;
    auto& terrain = doc["terrain"];
    if (!project.terrain.dem.empty()) terrain["dem"] = relativeTo(project.terrain.dem, path);
    terrain["flat_level_m"] = project.terrain.flatLevelM;
    terrain["opacity"] = project.terrainOpacity;
    nlohmann::json layers = nlohmann::json::array();
    const auto& oldLayers = doc.contains("layers") && doc["layers"].is_array() ? doc["layers"] : nlohmann::json::array();
    for (size_t i = 0; i < project.layers.size(); ++i) {
        nlohmann::json layer = i < oldLayers.size() && oldLayers[i].is_object() ? oldLayers[i] : nlohmann::json::object();
        mergeLayer(layer, project.layers[i], path);
        layers.push_back(std::move(layer));
    }
    doc["layers"] = std::move(layers);
    nlohmann::json views = nlohmann::json::object();
    for (const auto& [name, v] : project.views)
        views[name] = {{"eye", {v.eye.x, v.eye.y, v.eye.z}}, {"target", {v.target.x, v.target.y, v.target.z}},
                       {"up", {v.up.x, v.up.y, v.up.z}}, {"fov_deg", v.fovDeg}};
    doc["views"] = std::move(views);
    return doc;
}

bool writeFileDurably(const std::string& path, const std::string& text, std::string& error) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0) {
        error = path + ": cannot write (" + std::strerror(errno) + ")";
        return false;
    }
    size_t written = 0;
    while (written < text.size()) {
        const ssize_t n = ::write(fd, text.data() + written, text.size() - written);
        if (n < 0) break;
        written += size_t(n);
    }
    const bool ok = written == text.size() && ::fsync(fd) == 0;
    if (!ok) error = path + ": write failed (" + std::strerror(errno) + ")";
    ::close(fd);
    return ok;
}
}  // namespace

bool saveProject(const Project& project, const std::string& path, std::string& error) {
    const std::string text = toDocument(project, path).dump(2) + "\n";
    const std::string temporary = path + ".tmp";
    if (!writeFileDurably(temporary, text, error)) {
        fs::remove(temporary);
        return false;
    }
    std::error_code ec;
    if (fs::exists(path)) fs::copy_file(path, path + ".bak", fs::copy_options::overwrite_existing, ec);
    if (ec) {
        error = path + ".bak: cannot keep a backup (" + ec.message() + "); project not saved";
        fs::remove(temporary);
        return false;
    }
    fs::rename(temporary, path, ec);
    if (ec) {
        error = path + ": cannot replace (" + ec.message() + ")";
        return false;
    }
    return true;
}

}  // namespace subterra
