// The sidebar's "Checks" section: run the project's clearance and cover rules, list what breaks
// them (a click flies to it), show the red markers, export CSV or GeoJSON beside the project.
#include <imgui.h>

#include "panels.h"
#include "theme.h"

namespace subterra {

namespace {
void exportButton(SceneSession& session, ViewerUi& ui, const char* label, const char* suffix, double now) {
    if (!ImGui::SmallButton(label)) return;
    const std::string path = besideProject(session, suffix);
    std::string error;
    ui.say(exportChecks(session, ui.checks, path, error) ? "Conflicts written to " + path : "Not written: " + error, now);
}
}  // namespace

void drawChecks(SceneSession& session, ViewerUi& ui, double now) {
    sectionTitle("Checks");
    ChecksView& checks = ui.checks;
    if (ImGui::Button(checks.results ? "Run again" : "Run clearance and cover checks")) {
        runViewerChecks(session, checks);
        ui.say(std::to_string(checks.count()) + " violations of the project's rules", now);
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("The project's \"checks\" rules, as `subterra check` runs them");
    if (!checks.results) return;
    ImGui::SameLine();
    ImGui::Checkbox("Markers", &checks.showMarkers);
    if (checks.count() == 0) {
        ImGui::TextDisabled("No violations");
        return;
    }
    const auto lines = violationLines(session, checks);
    const float rowHeight = ImGui::GetTextLineHeightWithSpacing();
    ImGui::BeginChild("violations", ImVec2(0, rowHeight * float(std::min<size_t>(lines.size(), 6)) + 6 * ui.scale), true,
                      ImGuiWindowFlags_HorizontalScrollbar);
    for (size_t i = 0; i < lines.size(); ++i) {
        ImGui::PushID(int(i));
        if (ImGui::Selectable(lines[i].c_str())) goToViolation(session, checks, i, ui.viewport.aspect());
        ImGui::PopID();
    }
    ImGui::EndChild();
    exportButton(session, ui, "Export GeoJSON", ".conflicts.geojson", now);
    ImGui::SameLine();
    exportButton(session, ui, "Export CSV", ".conflicts.csv", now);
}

}  // namespace subterra
