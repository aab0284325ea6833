#pragma once
// The viewer's file exports (violations as CSV or GeoJSON, the profile as SVG or PNG) ask where to
// write: a path prompt with a default beside the project (or beside the first data file), never
// silently into the working folder. This is what the prompt does, without ImGui; export_dialog
// draws it and the test script drives it.
#include <string>

#include "checks_view.h"
#include "profile_view.h"
#include "scene_session.h"

namespace subterra {

enum class ExportKind { ChecksCsv, ChecksGeoJson, ProfileSvg, ProfilePng };

struct ExportPrompt {
    bool open = false;
    ExportKind kind = ExportKind::ChecksCsv;
    char path[1024] = "";
    bool confirmOverwrite = false;  // the path exists: asking before writing over it
    std::string error;              // why the last attempt did not write, shown in the prompt
};

// "conflicts.csv", ... by name, for the script; false for an unknown name.
[[nodiscard]] bool parseExportKind(const std::string& name, ExportKind& kind);
const char* exportTitle(ExportKind kind);  // "Export violations as CSV", ...
// The proposed file, absolute: "<project>.conflicts.csv" beside the project file, or beside the
// first data file of a session opened on data files.
std::string defaultExportPath(const SceneSession& session, ExportKind kind);
// Opens the prompt on the default path.
void openExportPrompt(const SceneSession& session, ExportPrompt& prompt, ExportKind kind);
// Writes the export (of `checks` or `profile`, by the prompt's kind) to prompt.path; on success
// closes the prompt and returns "Written to <absolute path>" for the status bar, else keeps it open
// with prompt.error and returns "". An existing file is overwritten only with `overwrite`
// (otherwise confirmOverwrite is set and nothing is written).
std::string acceptExportPrompt(SceneSession& session, ExportPrompt& prompt, const ChecksView& checks,
                               const ProfileView& profile, bool overwrite);

}  // namespace subterra
