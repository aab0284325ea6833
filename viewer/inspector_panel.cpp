// The inspector: everything known about the selected feature, and how its depth is known.
#include <imgui.h>

#include <cstdio>

#include "panels.h"
#include "theme.h"

namespace subterra {

namespace {
void row(const char* label, const std::string& value) {
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    ImGui::TextDisabled("%s", label);
    ImGui::TableSetColumnIndex(1);
    ImGui::TextWrapped("%s", value.c_str());
}

std::string metres(double value, int decimals = 2) {
    char text[64];
    std::snprintf(text, sizeof text, "%.*f m", decimals, value);
    return text;
}

const char* depthExplanation(DepthSource source) {
    switch (source) {
        case DepthSource::Measured3D: return "measured: 3D coordinates in the source";
        case DepthSource::Invert: return "from invert levels";
        case DepthSource::CoverDepth: return "from cover depth below the ground";
        case DepthSource::Assumed: return "ASSUMED: default cover for its kind, not surveyed";
    }
    return "";
}

// Both tables share one label column width, so facts and source attributes line up.
bool beginTable(const char* id) {
    if (!ImGui::BeginTable(id, 2, ImGuiTableFlags_RowBg)) return false;
    ImGui::TableSetupColumn("label", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 7.5f);
    ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthStretch);
    return true;
}

void depthRow(DepthSource source) {
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    ImGui::TextDisabled("depth known");
    ImGui::TableSetColumnIndex(1);
    if (source == DepthSource::Assumed) ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.75f, 0.35f, 0.0f, 1.0f));
    ImGui::TextWrapped("%s", depthExplanation(source));
    if (source == DepthSource::Assumed) ImGui::PopStyleColor();
}

void segmentRows(const Model& model, const Segment& s) {
    const SegmentFacts f = segmentFacts(model, s);
    row("layer", s.layer);
    row("utility", toString(s.utility));
    char size[96];
    if (s.section.shape == CrossSection::Shape::Circular)
        std::snprintf(size, sizeof size, "%.0f mm%s", s.section.diameterM * 1000,
                      s.section.assumed ? " (assumed)" : "");
    else
        std::snprintf(size, sizeof size, "%.0f x %.0f mm%s", s.section.widthM * 1000, s.section.heightM * 1000,
                      s.section.assumed ? " (assumed)" : "");
    row(s.section.shape == CrossSection::Shape::Circular ? "diameter" : "width x height", size);
    row("material", s.material.empty() ? "unknown" : s.material);
    row("installed", s.installYear > 0 ? std::to_string(s.installYear) : "unknown");
    if (!s.status.empty()) row("status", s.status);
    row("length", metres(f.length3dM) + " (plan " + metres(f.planLengthM) + ")");
    char slope[64];
    std::snprintf(slope, sizeof slope, "%.2f %% %s", std::abs(f.slopePercent),
                  f.slopePercent >= 0 ? "falling from start" : "rising from start");
    row("slope", slope);
    row("depth at start", metres(f.depthStartM) + " to centre, cover " + metres(f.coverStartM));
    row("depth at end", metres(f.depthEndM) + " to centre, cover " + metres(f.coverEndM));
    depthRow(s.depthSource);
}

void nodeRows(const Node& n) {
    row("layer", n.layer);
    row("kind", std::string(toString(n.kind)) + ", " + toString(n.utility));
    row("ground level", metres(n.groundZ));
    row("invert level", metres(n.invertZ));
    row("depth", metres(n.groundZ - n.invertZ));
    row("size", metres(n.sizeM));
    depthRow(n.depthSource);
}

void buildingRows(const Building& b) {
    row("layer", b.layer);
    row("height", metres(b.heightM, 1));
    row("ground level", metres(b.baseZ));
    row("basement", b.basementDepthM > 0 ? metres(b.basementDepthM, 1) + " below ground" : "none recorded");
}

void areaRows(const GroundPatch& area) {
    row("layer", area.layer);
    row("land use", area.landUse.empty() ? "not stated" : area.landUse);
    row("outline", std::to_string(area.outline.size()) + " points");
}

void attributeRows(const std::map<std::string, std::string>& attributes) {
    if (attributes.empty()) return;
    sectionTitle("Source attributes");
    if (beginTable("attributes")) {
        for (const auto& [key, value] : attributes) row(key.c_str(), value.empty() ? "(empty)" : value);
        ImGui::EndTable();
    }
}
}  // namespace

// It appears without taking the keyboard: a Find that selects a feature keeps typing in the Find box.
void drawInspector(SceneSession& session, ViewerUi& ui) {
    const FeatureRef feature = session.selectedFeature();
    if (!feature.found()) return;
    const float width = 360 * ui.scale;
    const ImGuiViewport* main = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(
        ImVec2(main->WorkPos.x + main->WorkSize.x - width - 8 * ui.scale, main->WorkPos.y + 8 * ui.scale),
        ImGuiCond_Always);
    ImGui::SetNextWindowSize(ImVec2(width, 0), ImGuiCond_Always);
    ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0), ImVec2(width, float(ui.viewport.height) - 16 * ui.scale));
    bool open = true;
    const char* kind = feature.segment ? "Segment " : feature.node ? "Node " : feature.building ? "Building " : "Area ";
    const std::string title = kind + session.selection()->featureId + "###inspector";
    if (ImGui::Begin(title.c_str(), &open,
                     ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                         ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoFocusOnAppearing)) {
        if (beginTable("facts")) {
            if (feature.segment) segmentRows(session.model(), *feature.segment);
            if (feature.node) nodeRows(*feature.node);
            if (feature.building) buildingRows(*feature.building);
            if (feature.patch) areaRows(*feature.patch);
            ImGui::EndTable();
        }
        const auto& attributes = feature.segment    ? feature.segment->attributes
                                 : feature.node     ? feature.node->attributes
                                 : feature.building ? feature.building->attributes
                                                    : feature.patch->attributes;
        attributeRows(attributes);
        ImGui::Spacing();
        if (ImGui::Button("Focus (F)")) session.focusSelection(ui.viewport.aspect());
        if (feature.segment) {
            ImGui::SameLine();
            if (ImGui::Button(ui.crossings.open ? "Hide crossings" : "Crossings..."))
                ui.crossings.open = !ui.crossings.open;
            if (ImGui::IsItemHovered())
                ImGui::SetTooltip("Every line that crosses this one or comes within the largest clearance rule");
        }
    }
    ImGui::End();
    if (!open) session.clearSelection();
}

}  // namespace subterra
