// The sidebar's "Checks" section: run the project's clearance and cover rules, list what breaks
// them (a click flies to it), show the red markers, export CSV or GeoJSON beside the project.
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

void exportButton(SceneSession& session, ViewerUi& ui, const char* label, const char* suffix, double now) {
    if (!ImGui::SmallButton(label)) return;
    const std::string path = besideProject(session, suffix);
    std::string error;
    ui.say(exportChecks(session, ui.checks, path, error) ? "Conflicts written to " + path : "Not written: " + error,
           now);
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
    const auto lines = violationLines(session, checks);
    const float rowHeight = ImGui::GetTextLineHeightWithSpacing();
    ImGui::BeginChild("violations", ImVec2(0, rowHeight * float(std::min<size_t>(lines.size(), 6)) + 6 * ui.scale),
                      true, ImGuiWindowFlags_HorizontalScrollbar);
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
