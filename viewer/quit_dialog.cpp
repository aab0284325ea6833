// Asks before unsaved changes are thrown away.
#include <imgui.h>

#include "panels.h"

namespace subterra {

void drawQuitDialog(SceneSession& session, ViewerUi& ui, double now) {
    if (!ui.quitDialogOpen) return;
    if (!session.dirty()) {
        ui.quitNow = true;
        return;
    }
    if (!ImGui::IsPopupOpen("Unsaved changes")) ImGui::OpenPopup("Unsaved changes");
    const ImVec2 centre = ImGui::GetMainViewport()->GetCenter();
    ImGui::SetNextWindowPos(centre, ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    if (ImGui::BeginPopupModal("Unsaved changes", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::TextUnformatted(session.hasProjectFile() ? "The project has changes that are not saved."
                                                        : "The sections, annotations and settings added to these data "
                                                          "files are not saved.");
        ImGui::Spacing();
        if (ImGui::Button(session.hasProjectFile() ? "Save and quit" : "Save as... and quit")) {
            std::string error;
            if (!session.hasProjectFile()) {  // Save As asks where; it quits once saved
                ui.openSaveAs(session.defaultSavePath(), true);
                ui.quitDialogOpen = false;
            } else if (session.save(error)) {
                ui.quitNow = true;
            } else {
                ui.say("Could not save: " + error, now);
                ui.quitDialogOpen = false;
            }
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (ImGui::Button("Quit without saving")) {
            ui.quitNow = true;
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
            ui.quitDialogOpen = false;
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }
}

}  // namespace subterra
