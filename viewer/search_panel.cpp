// The Find box at the top of the side panel: an id or an attribute expression. Every match is
// marked in the scene (violet) and listed to click through; one match is selected and focused at
// once; emptying the box clears the marks. After Enter the box keeps the keyboard, so typing on
// does not fly the camera.
#include <imgui.h>

#include "find_view.h"
#include "panels.h"
#include "theme.h"

namespace subterra {

namespace {
void hitList(SceneSession& session, ViewerUi& ui) {
    const SearchResult& result = ui.find.result;
    const float rowHeight = ImGui::GetTextLineHeightWithSpacing();
    // Up to 8 rows without a scroll bar: the child's padding comes on top of the rows.
    const float padding = 2 * ImGui::GetStyle().WindowPadding.y;
    ImGui::BeginChild("hits", ImVec2(0, std::min<float>(8, float(result.hits.size())) * rowHeight + padding), true);
    ImGuiListClipper clipper;
    clipper.Begin(int(result.hits.size()));
    while (clipper.Step())
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const SearchHit& hit = result.hits[size_t(i)];
            const auto& selection = session.selection();
            const bool selected = selection && selection->featureId == hit.id && selection->layer == hit.layer &&
                                  selection->kind == hit.kind;
            const std::string label =
                hit.id + "  (" + hit.layer + ", " + featureKindName(hit.kind) + ")##" + std::to_string(i);
            if (ImGui::Selectable(label.c_str(), selected)) {
                session.select(hit.layer, hit.id, hit.kind);
                session.focusSelection(ui.viewport.aspect());
            }
        }
    ImGui::EndChild();
}
}  // namespace

void drawSearch(SceneSession& session, ViewerUi& ui, double now) {
    FindView& find = ui.find;
    sectionTitle("Find");
    const float clearWidth = find.searched ? ImGui::CalcTextSize("Clear").x + 2 * ImGui::GetStyle().FramePadding.x +
                                                 ImGui::GetStyle().ItemSpacing.x
                                           : 0.0f;
    ImGui::SetNextItemWidth(-1 - clearWidth);
    if (ui.find.takeFocus) ImGui::SetKeyboardFocusHere(), ui.find.takeFocus = false;
    const bool entered = ImGui::InputTextWithHint("##find", "id, or material = 'cast iron' and year < 1960", find.query,
                                                  sizeof find.query, ImGuiInputTextFlags_EnterReturnsTrue);
    find.focused = ImGui::IsItemActive();
    if (entered) {
        // Enter lets go of the box; take it back at once and keep the keys from the camera meanwhile.
        ImGui::SetKeyboardFocusHere(-1);
        ImGui::CaptureKeyboardFromApp(true);
        if (find.query[0] == '\0') {
            clearFind(session, find);
        } else {
            runFind(session, find, find.query, ui.viewport.aspect());
            if (find.result.hits.size() == 1)
                ui.say("Found " + find.result.hits[0].layer + " " + find.result.hits[0].id, now);
        }
    } else if (ImGui::IsItemEdited() && find.query[0] == '\0' && find.searched) {
        clearFind(session, find);  // the box emptied: the marks go with the query
    }
    if (find.searched) {
        ImGui::SameLine();
        if (ImGui::Button("Clear")) clearFind(session, find);
    }
    if (!find.searched) return;
    if (!find.result.error.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.75f, 0.15f, 0.1f, 1.0f));
        ImGui::TextWrapped("%s", find.result.error.c_str());
        ImGui::PopStyleColor();
        return;
    }
    const size_t count = find.result.hits.size();
    if (count > SceneSession::kMaxMarked)
        ImGui::TextDisabled("%zu matches, the first %zu marked in violet", count, SceneSession::kMaxMarked);
    else if (count > 1) ImGui::TextDisabled("%zu matches, marked in violet", count);
    else ImGui::TextDisabled("%zu match%s", count, count == 1 ? "" : "es");
    if (count >= 2) hitList(session, ui);
}

}  // namespace subterra
