// The Find box at the top of the side panel: an id or an attribute expression; one hit is
// selected and focused at once, several are listed to click through.
#include <imgui.h>

#include "feature_search.h"
#include "panels.h"
#include "theme.h"

namespace subterra {

void drawSearch(SceneSession& session, ViewerUi& ui, double now) {
    static char query[256] = "";
    static SearchResult result;
    static bool searched = false;
    sectionTitle("Find");
    ImGui::SetNextItemWidth(-1);
    if (ImGui::InputTextWithHint("##find", "id, or material = 'cast iron' and year < 1960", query, sizeof query,
                                 ImGuiInputTextFlags_EnterReturnsTrue)) {
        result = searchFeatures(session.model(), query);
        searched = true;
        if (result.hits.size() == 1) {
            session.select(result.hits[0].layer, result.hits[0].id, result.hits[0].kind);
            session.focusSelection(ui.viewport.aspect());
            ui.say("Found " + result.hits[0].layer + " " + result.hits[0].id, now);
        }
    }
    if (!searched) return;
    if (!result.error.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.75f, 0.15f, 0.1f, 1.0f));
        ImGui::TextWrapped("%s", result.error.c_str());
        ImGui::PopStyleColor();
        return;
    }
    ImGui::TextDisabled("%zu match%s", result.hits.size(), result.hits.size() == 1 ? "" : "es");
    if (result.hits.size() < 2) return;
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

}  // namespace subterra
