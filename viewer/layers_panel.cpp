// The side panel: layers (visibility, colour swatch = legend, opacity), ground and x-ray.
#include <imgui.h>

#include <algorithm>
#include <map>

#include "panels.h"
#include "theme.h"
#include "defaults.h"

namespace subterra {

namespace {
// Layer names in the project's order (the order the user wrote, or gave the data files in).
std::vector<std::string> layerOrder(SceneSession& session) {
    std::vector<std::string> names;
    auto add = [&](const std::string& name) {
        if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
    };
    for (const auto& l : session.project().layers)  // files of one name are one layer, listed once
        if (session.scene().layers.count(l.spec.name)) add(l.spec.name);
    for (const auto& [name, group] : session.scene().layers) add(name);
    return names;
}

std::map<std::string, int> featureCounts(const Model& model) {
    std::map<std::string, int> counts;
    for (const auto& s : model.segments) ++counts[s.layer];
    for (const auto& n : model.nodes) ++counts[n.layer];
    for (const auto& b : model.buildings) ++counts[b.layer];
    return counts;
}

void layerRow(SceneSession& session, const std::string& name, int count, float scale) {
    ImGui::PushID(name.c_str());
    LayerLook look = session.look(name);
    if (ImGui::Checkbox("##visible", &look.visible)) session.setLayerVisible(name, look.visible);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Show or hide %s", name.c_str());
    ImGui::SameLine();
    const osg::Vec4 c = session.displayColor(name);
    float rgb[3] = {c.r(), c.g(), c.b()};
    if (ImGui::ColorEdit3("##colour", rgb, ImGuiColorEditFlags_NoInputs | ImGuiColorEditFlags_NoLabel))
        session.setLayerColor(name, osg::Vec4(rgb[0], rgb[1], rgb[2], 1.0f));
    ImGui::SameLine();
    if (!look.visible) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
    ImGui::TextUnformatted(name.c_str());
    if (!look.visible) ImGui::PopStyleColor();
    ImGui::SameLine(ImGui::GetContentRegionMax().x - 120 * scale);
    ImGui::SetNextItemWidth(120 * scale);
    float opacity = look.opacity;
    if (ImGui::SliderFloat("##opacity", &opacity, 0.05f, 1.0f, "%.2f")) session.setLayerOpacity(name, opacity);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s: %d features; opacity", name.c_str(), count);
    ImGui::PopID();
}

void groundSection(SceneSession& session, ViewerUi& ui) {
    static float beforeXray = float(defaults::kTerrainOpacity.value);
    sectionTitle("Ground");
    float opacity = session.terrainOpacity();
    ImGui::SetNextItemWidth(-1);
    if (ImGui::SliderFloat("##ground", &opacity, 0.0f, 1.0f, "ground opacity %.2f")) session.setTerrainOpacity(opacity);
    bool xray = session.terrainOpacity() <= 0.12f;
    if (ImGui::Checkbox("X-ray (see through the ground)", &xray)) {
        if (xray) {
            beforeXray = std::max(session.terrainOpacity(), 0.2f);
            session.setTerrainOpacity(0.08f);
        } else {
            session.setTerrainOpacity(beforeXray);
        }
    }
    (void)ui;
}

void colorBySection(SceneSession& session, float scale) {
    const ColorBy modes[] = {ColorBy::Layer, ColorBy::Material, ColorBy::Diameter, ColorBy::Year, ColorBy::DepthSource};
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Colour by");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-1);
    if (ImGui::BeginCombo("##colorby", toString(session.colorBy()))) {
        for (ColorBy mode : modes)
            if (ImGui::Selectable(toString(mode), mode == session.colorBy())) session.setColorBy(mode);
        ImGui::EndCombo();
    }
    for (const auto& entry : session.legend()) {
        const ImVec4 c(entry.color.r(), entry.color.g(), entry.color.b(), 1.0f);
        ImGui::ColorButton(entry.label.c_str(), c, ImGuiColorEditFlags_NoTooltip, ImVec2(14 * scale, 14 * scale));
        ImGui::SameLine();
        ImGui::Text("%s", entry.label.c_str());
        ImGui::SameLine(ImGui::GetContentRegionMax().x - 50 * scale);
        ImGui::TextDisabled("%5d", entry.count);
    }
}

void legendNote() {
    sectionTitle("Legend");
    ImGui::TextWrapped(
        "Solid: depth measured, from invert levels or from cover depth. "
        "See-through: depth assumed (no survey data). Cyan: the selection. "
        "Clicks go through layers below full opacity.");
}
}  // namespace

void drawSidebar(SceneSession& session, ViewerUi& ui, double now) {
    if (!ui.showSidebar) return;
    const ImGuiViewport* main = ImGui::GetMainViewport();
    const float width = kSidebarWidth * ui.scale;
    ImGui::SetNextWindowPos(ImVec2(main->WorkPos.x, main->WorkPos.y));
    ImGui::SetNextWindowSize(ImVec2(width, main->WorkSize.y - statusBarHeight()));
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                                   ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoBringToFrontOnFocus;
    if (ImGui::Begin("Layers", nullptr, flags)) {
        if (!session.project().name.empty()) {
            ImGui::TextWrapped("%s", session.project().name.c_str());
            ImGui::Spacing();
        }
        drawSearch(session, ui, now);
        sectionTitle("Colour");
        colorBySection(session, ui.scale);
        sectionTitle("Layers");
        const auto counts = featureCounts(session.model());
        for (const auto& name : layerOrder(session)) {
            auto it = counts.find(name);
            layerRow(session, name, it == counts.end() ? 0 : it->second, ui.scale);
        }
        groundSection(session, ui);
        drawCuts(session, ui, now);
        drawChecks(session, ui, now);
        drawProfileSection(session, ui, now);
        legendNote();
    }
    ImGui::End();
}

}  // namespace subterra
