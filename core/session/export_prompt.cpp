#include "export_prompt.h"

#include <cstdio>
#include <cstring>
#include <filesystem>

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

bool write(SceneSession& session, const ChecksView& checks, const ProfileView& profile, ExportKind kind,
           const std::string& path, std::string& error) {
    if (kind == ExportKind::ChecksCsv || kind == ExportKind::ChecksGeoJson)
        return exportChecks(session, checks, path, error);
    if (!profile.image) return error = "draw a profile first", false;
    return exportProfile(profile, path, error);
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

std::string acceptExportPrompt(SceneSession& session, ExportPrompt& prompt, const ChecksView& checks,
                               const ProfileView& profile, bool overwrite) {
    const std::string path = prompt.path;
    std::error_code ec;
    prompt.error.clear();
    if (path.empty()) return prompt.error = "no file name given", "";
    if (fs::is_directory(path, ec)) return prompt.error = path + " is a folder, not a file", "";
    const fs::path folder = fs::absolute(path, ec).parent_path();
    if (!fs::is_directory(folder, ec)) return prompt.error = "the folder " + folder.string() + " does not exist", "";
    if (!overwrite && fs::exists(path, ec)) return prompt.confirmOverwrite = true, "";
    prompt.confirmOverwrite = false;
    std::string error;
    if (!write(session, checks, profile, prompt.kind, path, error)) return prompt.error = error, "";
    prompt.open = false;
    return "Written to " + fs::absolute(path, ec).lexically_normal().string();
}

}  // namespace subterra
