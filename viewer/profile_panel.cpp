// Longitudinal profiles in the viewer: the sidebar's "Profile" section builds the path (from the
// selection or typed as `subterra profile --path` takes it); a window shows the drawing, which is
// the CLI's own SVG, and exports it as SVG or PNG where the export prompt says.
#include <GLFW/glfw3.h>
#include <imgui.h>

#include <algorithm>

#include "panels.h"
#include "theme.h"

namespace subterra {

namespace {
// Uploads the drawing when it changed. Restores the texture binding, which OSG tracks itself.
void updateTexture(ViewerUi& ui) {
    if (!ui.profile.image || ui.profileTextureVersion == ui.profile.imageVersion) return;
    GLint previous = 0;
    glGetIntegerv(GL_TEXTURE_BINDING_2D, &previous);
    if (!ui.profileTexture) glGenTextures(1, &ui.profileTexture);
    glBindTexture(GL_TEXTURE_2D, ui.profileTexture);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    const osg::Image& image = *ui.profile.image;
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, image.s(), image.t(), 0, GL_RGBA, GL_UNSIGNED_BYTE, image.data());
    glBindTexture(GL_TEXTURE_2D, GLuint(previous));
    ui.profileTextureVersion = ui.profile.imageVersion;
}

void exportButton(const SceneSession& session, ViewerUi& ui, const char* label, ExportKind kind) {
    if (ImGui::Button(label)) openExportPrompt(session, ui.exportPrompt, kind);
}
}  // namespace

void drawProfileSection(SceneSession& session, ViewerUi& ui, double now) {
    sectionTitle("Profile");
    ProfileView& view = ui.profile;
    char buffer[512];
    std::snprintf(buffer, sizeof buffer, "%s", view.pathText.c_str());
    ImGui::SetNextItemWidth(-1);
    const bool entered = ImGui::InputTextWithHint("##profilepath", "S-1,S-2 or from:MH-1 to:MH-9 or x,y;x,y", buffer,
                                                  sizeof buffer, ImGuiInputTextFlags_EnterReturnsTrue);
    view.pathText = buffer;
    if (ImGui::Button("Add selection")) {
        if (!addSelectionToPath(session, view)) ui.say("Select a line or a manhole first", now);
    }
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("A selected line continues the run of lines; a selected manhole sets from: and then to:");
    ImGui::SameLine();
    if ((ImGui::Button("Draw profile") || entered) && !drawProfile(session, view)) ui.say(view.error, now);
    ImGui::SameLine();
    if (ImGui::Button("Clear")) view.pathText.clear();
}

void drawProfileWindow(SceneSession& session, ViewerUi& ui, double) {
    ProfileView& view = ui.profile;
    if (!view.open || !view.image) return;
    updateTexture(ui);
    const ImGuiViewport* main = ImGui::GetMainViewport();
    const float width = std::min(float(ui.viewport.width) - 20 * ui.scale, 1100 * ui.scale);
    // At the bottom left of the scene (above the timeline when that is open).
    ImGui::SetNextWindowPos(ImVec2(main->Pos.x + float(ui.viewport.x) + 10 * ui.scale,
                                   main->Pos.y + float(ui.viewport.y + ui.viewport.height) - 10 * ui.scale),
                            ImGuiCond_FirstUseEver, ImVec2(0, 1));
    ImGui::SetNextWindowSize(ImVec2(width, width * 0.42f), ImGuiCond_FirstUseEver);
    if (ImGui::Begin("Profile", &view.open)) {
        exportButton(session, ui, "Export SVG...", ExportKind::ProfileSvg);
        ImGui::SameLine();
        exportButton(session, ui, "Export PNG...", ExportKind::ProfilePng);
        ImGui::SameLine();
        ImGui::TextDisabled("%.1f m, %zu crossings, %zu manholes", view.profile->lengthM,
                            view.profile->crossings.size(), view.profile->manholes.size());
        // The drawing fitted to the window, keeping its proportions; rows are stored bottom-up.
        const ImVec2 room = ImGui::GetContentRegionAvail();
        const float aspect = float(view.image->t()) / float(view.image->s());
        const float w = std::max(1.0f, std::min(room.x, room.y / aspect));
        ImGui::Image(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(ui.profileTexture)), ImVec2(w, w * aspect),
                     ImVec2(0, 1), ImVec2(1, 0));
    }
    ImGui::End();
}

}  // namespace subterra
