#include "export_prompt.h"

#include <cstdio>
#include <cstring>
#include <filesystem>

#include "ui_state.h"

namespace fs = std::filesystem;

namespace subterra {

namespace {
const char* suffixOf(ExportKind kind) {
    switch (kind) {
        case ExportKind::ChecksCsv: return ".conflicts.csv";
        case ExportKind::ChecksGeoJson: return ".conflicts.geojson";
        case ExportKind::ProfileSvg: return ".profile.svg";
        case ExportKind::ProfilePng: return ".profile.png";
    }
    return "";
}

bool write(SceneSession& session, ViewerUi& ui, ExportKind kind, const std::string& path, std::string& error) {
    if (kind == ExportKind::ChecksCsv || kind == ExportKind::ChecksGeoJson)
        return exportChecks(session, ui.checks, path, error);
    if (!ui.profile.image) return error = "draw a profile first", false;
    return exportProfile(ui.profile, path, error);
}
}  // namespace

bool parseExportKind(const std::string& name, ExportKind& kind) {
    for (ExportKind k :
         {ExportKind::ChecksCsv, ExportKind::ChecksGeoJson, ExportKind::ProfileSvg, ExportKind::ProfilePng})
        if (name == suffixOf(k) + 1) return kind = k, true;
    return false;
}

const char* exportTitle(ExportKind kind) {
    switch (kind) {
        case ExportKind::ChecksCsv: return "Export violations as CSV";
        case ExportKind::ChecksGeoJson: return "Export violations as GeoJSON";
        case ExportKind::ProfileSvg: return "Export the profile as SVG";
        case ExportKind::ProfilePng: return "Export the profile as PNG";
    }
    return "Export";
}

std::string defaultExportPath(const SceneSession& session, ExportKind kind) {
    // Save As's proposal names the project file, or one beside the first data file: the export goes beside it.
    std::string base = session.defaultSavePath();
    for (const char* ending : {".subterra.json", ".json"})
        if (base.size() > std::strlen(ending) &&
            base.compare(base.size() - std::strlen(ending), std::string::npos, ending) == 0) {
            base.resize(base.size() - std::strlen(ending));
            break;
        }
    std::error_code ec;
    const fs::path absolute = fs::absolute(base + suffixOf(kind), ec);
    return ec ? base + suffixOf(kind) : absolute.lexically_normal().string();
}

void openExportPrompt(const SceneSession& session, ExportPrompt& prompt, ExportKind kind) {
    prompt = ExportPrompt{};
    prompt.open = true;
    prompt.kind = kind;
    std::snprintf(prompt.path, sizeof prompt.path, "%s", defaultExportPath(session, kind).c_str());
}

bool acceptExportPrompt(SceneSession& session, ViewerUi& ui, bool overwrite, double now) {
    ExportPrompt& prompt = ui.exportPrompt;
    const std::string path = prompt.path;
    std::error_code ec;
    prompt.error.clear();
    if (path.empty()) return prompt.error = "no file name given", false;
    if (fs::is_directory(path, ec)) return prompt.error = path + " is a folder, not a file", false;
    const fs::path folder = fs::absolute(path, ec).parent_path();
    if (!fs::is_directory(folder, ec)) return prompt.error = "the folder " + folder.string() + " does not exist", false;
    if (!overwrite && fs::exists(path, ec)) return prompt.confirmOverwrite = true, false;
    prompt.confirmOverwrite = false;
    std::string error;
    if (!write(session, ui, prompt.kind, path, error)) return prompt.error = error, false;
    ui.say("Written to " + fs::absolute(path, ec).lexically_normal().string(), now);
    prompt.open = false;
    return true;
}

}  // namespace subterra
