// The status bar: cursor position in the project CRS, depth of what is under it, frame time.
#include <imgui.h>

#include <cmath>
#include <cstdio>

#include "panels.h"

namespace subterra {

float statusBarHeight() { return ImGui::GetFrameHeight() + 4; }

void drawStatusBar(const SceneSession& session, const ViewerUi& ui, double now) {
    const ImGuiViewport* main = ImGui::GetMainViewport();
    const float height = statusBarHeight();
    ImGui::SetNextWindowPos(ImVec2(main->Pos.x, main->Pos.y + main->Size.y - height));
    ImGui::SetNextWindowSize(ImVec2(main->Size.x, height));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(10 * ui.scale, 2));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(0.92f, 0.92f, 0.91f, 1.0f));
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing;
    if (ImGui::Begin("##status", nullptr, flags)) {
        ImGui::AlignTextToFramePadding();
        char text[256];
        const PickResult& hover = ui.hover;
        if (hover.nearest) {
            const osg::Vec3d p = *hover.nearest;
            std::snprintf(text, sizeof text, "E %.2f   N %.2f   Z %.2f m", p.x(), p.y(), p.z());
            ImGui::TextUnformatted(text);
            ImGui::SameLine(0, 24 * ui.scale);
            const double depth = session.model().groundAt(p.x(), p.y()) - p.z();
            if (hover.feature && *hover.nearest == hover.feature->point)
                std::snprintf(text, sizeof text, "%s %s: %.2f m %s ground", hover.feature->layer.c_str(),
                              hover.feature->featureId.c_str(), std::abs(depth), depth >= 0 ? "below" : "above");
            else std::snprintf(text, sizeof text, "ground");
            ImGui::TextUnformatted(text);
        } else {
            ImGui::TextDisabled("cursor over the sky");
        }
        if (now < ui.messageUntil) {
            ImGui::SameLine(0, 24 * ui.scale);
            ImGui::TextColored(ImVec4(0.10f, 0.35f, 0.65f, 1.0f), "%s", ui.message.c_str());
        }
        std::snprintf(text, sizeof text, "%s%s%.1f ms/frame", session.dirty() ? "unsaved changes   " : "",
                      ui.flyMode ? "fly mode   " : "", ui.frameMs);
        ImGui::SameLine(ImGui::GetWindowWidth() - ImGui::CalcTextSize(text).x - 12 * ui.scale);
        ImGui::TextUnformatted(text);
    }
    ImGui::End();
    ImGui::PopStyleColor();
    ImGui::PopStyleVar();
}

}  // namespace subterra
