// The Crossings window: every line that crosses the selected one in plan or comes within the
// project's largest clearance rule, along the selected line, with its clearance, which is above
// and the vertical gap there; a row broken by a rule in red; a click flies to the crossing.
#include <imgui.h>

#include <cstdio>

#include "panels.h"

namespace subterra {

namespace {
void cell(const char* format, double value) {
    char text[32];
    std::snprintf(text, sizeof text, format, value);
    ImGui::TextUnformatted(text);
}

void crossingRow(SceneSession& session, ViewerUi& ui, size_t i) {
    const Crossing& c = ui.crossings.rows[i];
    const Segment& other = session.model().segments[c.other];
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    const bool broken = c.breaksRule();
    if (broken) ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.78f, 0.1f, 0.08f, 1.0f));
    char along[32];
    std::snprintf(along, sizeof along, "%.1f m##%zu", c.alongM, i);
    if (ImGui::Selectable(along, ui.crossings.current == i, ImGuiSelectableFlags_SpanAllColumns))
        goToCrossing(session, ui.crossings, i, ui.viewport.aspect());
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", crossingLine(session.model(), c).c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(other.id.c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(toString(other.utility));
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(sizeText(other.section).c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(c.planCrossings == 0 ? (c.otherAbove ? "near, above" : "near, below")
                                                : (c.otherAbove ? "above" : "below"));
    ImGui::TableNextColumn();
    cell("%.2f m", c.verticalGapM);
    ImGui::TableNextColumn();
    cell("%.2f m", c.clearanceM);
    ImGui::TableNextColumn();
    if (c.requiredM) cell(broken ? "%.2f m  !" : "%.2f m", *c.requiredM);
    else ImGui::TextDisabled("none");
    if (broken) ImGui::PopStyleColor();
}
}  // namespace

void drawCrossingsWindow(SceneSession& session, ViewerUi& ui) {
    CrossingsView& view = ui.crossings;
    if (!view.open) return;
    refreshCrossings(session, view);
    const FeatureRef feature = session.selectedFeature();
    const ImGuiViewport* main = ImGui::GetMainViewport();
    const float width = std::min(float(ui.viewport.width) - 20 * ui.scale, 760 * ui.scale);
    // At the bottom left of the scene, clear of the inspector at the top right; movable and resizable.
    ImGui::SetNextWindowPos(ImVec2(main->Pos.x + float(ui.viewport.x) + 10 * ui.scale,
                                   main->Pos.y + float(ui.viewport.y + ui.viewport.height) - 10 * ui.scale),
                            ImGuiCond_FirstUseEver, ImVec2(0, 1));
    ImGui::SetNextWindowSize(ImVec2(width, 330 * ui.scale), ImGuiCond_FirstUseEver);
    const std::string title =
        (feature.segment ? "Crossings of " + feature.segment->id : std::string("Crossings")) + "###crossings";
    if (ImGui::Begin(title.c_str(), &view.open, ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoFocusOnAppearing)) {
        if (!feature.segment) {
            ImGui::TextDisabled("Select a pipe or cable to list what crosses it.");
        } else {
            ImGui::TextDisabled(
                "%zu lines cross %s in plan or come within %.2f m (the largest clearance rule); "
                "along the line from its start. Click a row to fly there.",
                view.rows.size(), feature.segment->id.c_str(), view.withinM);
            const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV |
                                          ImGuiTableFlags_ScrollY | ImGuiTableFlags_Resizable |
                                          ImGuiTableFlags_SizingFixedFit;
            if (ImGui::BeginTable("crossings", 8, flags)) {
                ImGui::TableSetupScrollFreeze(0, 1);
                for (const char* name :
                     {"along", "id", "utility", "size", "position", "vertical gap", "clearance", "rule"})
                    ImGui::TableSetupColumn(name);
                ImGui::TableHeadersRow();
                ImGuiListClipper clipper;
                clipper.Begin(int(view.rows.size()));
                while (clipper.Step())
                    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) crossingRow(session, ui, size_t(i));
                ImGui::EndTable();
            }
        }
    }
    ImGui::End();
}

}  // namespace subterra
