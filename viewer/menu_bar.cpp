// The menu bar: file actions, camera presets, named views.
#include <imgui.h>

#include "panels.h"

namespace subterra {

float menuBarHeight() { return ImGui::GetFrameHeight(); }

namespace {
void viewMenu(SceneSession& session, ViewerUi& ui) {
    if (!ImGui::BeginMenu("View")) return;
    const double aspect = ui.viewport.aspect();
    const Extent extent = session.model().extent();
    if (ImGui::MenuItem("Home", "H")) session.home(aspect);
    if (ImGui::MenuItem("Top", "1")) session.camera().preset(CameraController::Preset::Top, extent, aspect);
    if (ImGui::MenuItem("Front (from south)", "2"))
        session.camera().preset(CameraController::Preset::Front, extent, aspect);
    if (ImGui::MenuItem("Side (from east)", "3"))
        session.camera().preset(CameraController::Preset::Side, extent, aspect);
    ImGui::Separator();
    if (ImGui::MenuItem("Focus selection", "F", false, session.selection().has_value())) session.focusSelection(aspect);
    ImGui::MenuItem("Fly mode", "G", &ui.flyMode);
    ImGui::MenuItem("Side panel", "Tab", &ui.showSidebar);
    ImGui::EndMenu();
}

void viewsMenu(SceneSession& session, ViewerUi& ui, double now) {
    if (!ImGui::BeginMenu("Views")) return;
    if (!session.hasProjectFile()) {
        ImGui::TextDisabled("Named views need a project file");
    } else {
        if (session.project().views.empty()) ImGui::TextDisabled("The project has no named views yet");
        for (const auto& [name, view] : session.project().views)
            if (ImGui::MenuItem(name.c_str())) session.goToView(name);
        ImGui::Separator();
        ImGui::TextUnformatted("Save the current view as");
        ImGui::SetNextItemWidth(180 * ui.scale);
        const bool entered = ImGui::InputTextWithHint("##viewname", "name", ui.newViewName, sizeof ui.newViewName,
                                                      ImGuiInputTextFlags_EnterReturnsTrue);
        ImGui::SameLine();
        if ((ImGui::Button("Save view") || entered) && ui.newViewName[0]) {
            session.saveView(ui.newViewName);
            ui.say(std::string("Saved the view '") + ui.newViewName + "' (Ctrl+S writes the project)", now);
            ui.newViewName[0] = 0;
            ImGui::CloseCurrentPopup();
        }
    }
    ImGui::EndMenu();
}
}  // namespace

void drawMenuBar(SceneSession& session, ViewerUi& ui, double now) {
    if (!ImGui::BeginMainMenuBar()) return;
    if (ImGui::BeginMenu("File")) {
        if (ImGui::MenuItem("Save project", "Ctrl+S")) ui.requestSave = true;  // Save As without a project file
        if (ImGui::MenuItem("Save as...")) ui.openSaveAs(session.defaultSavePath());
        if (ImGui::BeginMenu("Screenshot size")) {
            for (int s = 1; s <= 3; ++s) {
                const std::string label = s == 1 ? "Window size" : std::to_string(s) + "x window size";
                if (ImGui::MenuItem(label.c_str(), nullptr, ui.screenshotScale == s)) ui.screenshotScale = s;
            }
            ImGui::EndMenu();
        }
        if (ImGui::MenuItem("Screenshot", "F12")) ui.requestScreenshot = true;
        ImGui::Separator();
        if (ImGui::MenuItem("Quit", "Ctrl+Q")) ui.quitDialogOpen = true;
        ImGui::EndMenu();
    }
    viewMenu(session, ui);
    viewsMenu(session, ui, now);
    if (ImGui::BeginMenu("Help")) {
        ImGui::TextUnformatted(
            "Left drag: orbit about the point under the cursor\n"
            "Right or middle drag (or Shift+left): pan\n"
            "Wheel: zoom towards the cursor\n"
            "W A S D, Q E: fly (Shift: faster); G: fly mode, left drag looks around\n"
            "Click: select; Esc: clear; F: focus selection; H: home\n"
            "1 / 2 / 3: top / front / side; Tab: side panel\n"
            "Ctrl+S: save project (Save as... without one); Ctrl+Q: quit; F12: screenshot");
        ImGui::EndMenu();
    }
    ImGui::EndMainMenuBar();
}

}  // namespace subterra
