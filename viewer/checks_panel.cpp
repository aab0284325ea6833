// The sidebar's "Checks" section: run the project's clearance and cover rules, list what breaks
// them (filtered by text, worst first or by distance or id; a click flies to it), show the red
// markers, export CSV or GeoJSON where the export prompt says.
#include <imgui.h>

#include <algorithm>

#include "panels.h"
#include "theme.h"

namespace subterra {

namespace {
constexpr UtilityKind kKinds[] = {UtilityKind::Water, UtilityKind::Sewer,   UtilityKind::Storm,   UtilityKind::Gas,
                                  UtilityKind::Power, UtilityKind::Telecom, UtilityKind::Heating, UtilityKind::Other};

// A utility kind or "*" (any); true when the user picked another.
bool kindCombo(const char* id, std::optional<UtilityKind>& kind, bool allowAny, float width) {
    bool changed = false;
    ImGui::SetNextItemWidth(width);
    const std::string preview = kind || allowAny ? kindName(kind) : "kind...";
    if (ImGui::BeginCombo(id, preview.c_str())) {
        if (allowAny && ImGui::Selectable("*", !kind)) kind.reset(), changed = true;
        for (UtilityKind k : kKinds)
            if (ImGui::Selectable(toString(k), kind == k)) kind = k, changed = true;
        ImGui::EndCombo();
    }
    return changed;
}

// A metres field; the first change of a drag records the undo step.
bool metresField(SceneSession& session, const char* id, double& metres, float width) {
    float value = float(metres);
    ImGui::SetNextItemWidth(width);
    const bool changed = ImGui::DragFloat(id, &value, 0.01f, 0.0f, 20.0f, "%.2f m");
    if (ImGui::IsItemActivated()) session.beginRulesEdit();
    if (changed) metres = std::max(0.0f, value);
    return changed;
}

// The rule table: clearance between kinds, cover per kind; every edit is one undo step. Edits go
// to a copy: beginRulesEdit() records the session's rules, which are still the ones before it.
void rulesEditor(SceneSession& session, float scale) {
    if (!ImGui::TreeNode("Rules")) return;
    CheckRules rules = session.checkRules();
    bool changed = false;
    const float kindWidth = 78 * scale, metresWidth = 70 * scale;
    ImGui::TextDisabled("Clearance between");
    for (size_t i = 0; i < rules.clearance.size(); ++i) {
        ClearanceRule& rule = rules.clearance[i];
        ImGui::PushID(int(i));
        bool kindChanged = kindCombo("##a", rule.a, true, kindWidth);
        ImGui::SameLine();
        kindChanged |= kindCombo("##b", rule.b, true, kindWidth);
        if (kindChanged) session.beginRulesEdit(), changed = true;
        ImGui::SameLine();
        changed |= metresField(session, "##min", rule.minM, metresWidth);
        ImGui::SameLine();
        if (ImGui::SmallButton("x")) {
            session.beginRulesEdit();
            rules.clearance.erase(rules.clearance.begin() + long(i--));
            changed = true;
        }
        ImGui::PopID();
    }
    if (ImGui::SmallButton("Add clearance rule")) {
        session.beginRulesEdit();
        rules.clearance.push_back({UtilityKind::Water, UtilityKind::Sewer, 1.0});
        changed = true;
    }
    ImGui::TextDisabled("Least cover");
    bool anyCover = rules.coverAnyM.has_value();
    if (ImGui::Checkbox("every other kind", &anyCover)) {
        session.beginRulesEdit();
        rules = withCoverRule(rules, std::nullopt, anyCover ? std::optional<double>(0.3) : std::nullopt);
        changed = true;
    }
    if (rules.coverAnyM) {
        ImGui::SameLine();
        double metres = *rules.coverAnyM;
        if (metresField(session, "##anycover", metres, metresWidth)) rules.coverAnyM = metres, changed = true;
    }
    std::optional<UtilityKind> removeKind;
    for (auto& [kind, metres] : rules.coverM) {
        ImGui::PushID(toString(kind));
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(toString(kind));
        ImGui::SameLine(kindWidth + 20 * scale);
        changed |= metresField(session, "##cover", metres, metresWidth);
        ImGui::SameLine();
        if (ImGui::SmallButton("x")) removeKind = kind;
        ImGui::PopID();
    }
    if (removeKind) {
        session.beginRulesEdit();
        rules = withCoverRule(rules, removeKind, std::nullopt);
        changed = true;
    }
    std::optional<UtilityKind> newKind;
    if (kindCombo("##addcover", newKind, false, kindWidth * 1.6f) && newKind && !rules.coverM.count(*newKind)) {
        session.beginRulesEdit();
        rules = withCoverRule(rules, newKind, rules.coverAnyM.value_or(0.3));
        changed = true;
    }
    ImGui::SameLine();
    ImGui::TextDisabled("add a kind's cover");
    if (changed) session.setCheckRules(rules);
    ImGui::TreePop();
}

void exportButton(const SceneSession& session, ViewerUi& ui, const char* label, ExportKind kind) {
    if (ImGui::SmallButton(label)) openExportPrompt(session, ui.exportPrompt, kind);
}

// The filter box and the order: worst first, nearest first, or by id.
void listControls(ChecksView& checks, float scale) {
    ImGui::SetNextItemWidth(150 * scale);
    ImGui::InputTextWithHint("##filter", "filter: id, utility", checks.filter, sizeof checks.filter);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-1);
    const char* names[] = {"worst first", "by distance", "by id"};
    int order = int(checks.order);
    if (ImGui::Combo("##order", &order, names, 3)) checks.order = ViolationOrder(order);
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip(
            "worst first: clashes, then serious, then minor, each by the largest shortfall (as "
            "`subterra check`); by distance: the smallest clearance or cover; by id");
}

// The list, tall enough to read and resizable by its bottom edge; a click flies to the violation.
void violationList(SceneSession& session, ViewerUi& ui) {
    ChecksView& checks = ui.checks;
    const std::vector<size_t>& rows = violationRows(checks);
    ImGui::TextDisabled("%zu of %zu shown", rows.size(), checks.count());
    const float rowHeight = ImGui::GetTextLineHeightWithSpacing();
    if (checks.listHeightPx <= 0) checks.listHeightPx = rowHeight * 16 + 8 * ui.scale;  // 16 rows to start
    const float height = std::min(checks.listHeightPx, rowHeight * float(std::max<size_t>(rows.size(), 3)) +
                                                           8 * ui.scale + ImGui::GetStyle().ScrollbarSize);
    ImGui::BeginChild("violations", ImVec2(0, height), true,
                      ImGuiWindowFlags_HorizontalScrollbar | ImGuiWindowFlags_AlwaysVerticalScrollbar);
    ImGuiListClipper clipper;
    clipper.Begin(int(rows.size()));
    while (clipper.Step())
        for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
            const size_t i = rows[size_t(r)];
            ImGui::PushID(int(i));
            if (ImGui::Selectable(checks.lines[i].c_str()))
                goToViolation(session, checks, violationIndex(checks, i), ui.viewport.aspect());
            if (ImGui::IsItemHovered())
                ImGui::SetTooltip("%s", checks.lines[i].c_str());  // the line is wider than the panel
            ImGui::PopID();
        }
    ImGui::EndChild();
    // A grip under the list: drag it to make the list taller or shorter (ImGui 1.86 children do not resize).
    ImGui::InvisibleButton("##listgrip", ImVec2(-1, 6 * ui.scale));
    if (ImGui::IsItemHovered() || ImGui::IsItemActive()) ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeNS);
    if (ImGui::IsItemActive())
        checks.listHeightPx = std::clamp(height + ImGui::GetIO().MouseDelta.y, rowHeight * 3, rowHeight * 80);
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    const float y = (a.y + b.y) / 2, x = (a.x + b.x) / 2;
    ImGui::GetWindowDrawList()->AddLine(ImVec2(x - 14 * ui.scale, y), ImVec2(x + 14 * ui.scale, y),
                                        ImGui::GetColorU32(ImGuiCol_TextDisabled), 2 * ui.scale);
}
}  // namespace

void drawChecks(SceneSession& session, ViewerUi& ui, double now) {
    sectionTitle("Checks");
    ChecksView& checks = ui.checks;
    if (checks.scrollIntoView) ImGui::SetScrollHereY(0.0f), checks.scrollIntoView = false;
    if (ImGui::Button(checks.results ? "Run again" : "Run clearance and cover checks")) {
        runViewerChecks(session, checks);
        ui.say(std::to_string(checks.count()) + " violations of the project's rules", now);
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("The project's \"checks\" rules, as `subterra check` runs them");
    if (checks.results) {
        ImGui::SameLine();
        ImGui::Checkbox("Markers", &checks.showMarkers);
    }
    rulesEditor(session, ui.scale);
    if (!checks.results) return;
    if (checks.count() == 0) {
        ImGui::TextDisabled("No violations");
        return;
    }
    listControls(checks, ui.scale);
    violationList(session, ui);
    exportButton(session, ui, "Export GeoJSON...", ExportKind::ChecksGeoJson);
    ImGui::SameLine();
    exportButton(session, ui, "Export CSV...", ExportKind::ChecksCsv);
}

}  // namespace subterra
