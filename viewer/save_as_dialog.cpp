// Save As: a path field (the default next to the first data file), a clear line when the folder
// does not exist, and a question before an existing file is overwritten (it is kept as .bak).
#include <imgui.h>

#include <filesystem>

#include "panels.h"

namespace subterra {

namespace {
void saved(SceneSession& session, ViewerUi& ui, double now) {
    ui.say("Saved " + session.project().path + " (a previous file there is kept as .bak)", now);
    if (ui.saveAs.quitAfter) ui.quitNow = true;
    ui.saveAs.open = false;
    ImGui::CloseCurrentPopup();
}

void trySave(SceneSession& session, ViewerUi& ui, double now, bool overwrite) {
    std::error_code ec;
    if (!overwrite && std::filesystem::exists(ui.saveAs.path, ec) &&
        !std::filesystem::is_directory(ui.saveAs.path, ec)) {
        ui.saveAs.confirmOverwrite = true;
        return;
    }
    if (session.saveAs(ui.saveAs.path, overwrite, ui.saveAs.error)) saved(session, ui, now);
    ui.saveAs.confirmOverwrite = false;
}
}  // namespace

void drawSaveAsDialog(SceneSession& session, ViewerUi& ui, double now) {
    SaveAsUi& dialog = ui.saveAs;
    if (!dialog.open) return;
    const char* title = "Save project as";
    if (!ImGui::IsPopupOpen(title)) ImGui::OpenPopup(title);
    const ImVec2 centre = ImGui::GetMainViewport()->GetCenter();
    ImGui::SetNextWindowPos(centre, ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    if (!ImGui::BeginPopupModal(title, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    ImGui::TextUnformatted("Project file (layers, sections, annotations, views and the explainer):");
    ImGui::SetNextItemWidth(560 * ui.scale);
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    const bool entered =
        ImGui::InputText("##path", dialog.path, sizeof dialog.path, ImGuiInputTextFlags_EnterReturnsTrue);
    if (ImGui::IsItemEdited()) dialog.confirmOverwrite = false, dialog.error.clear();
    if (!dialog.error.empty())
        ImGui::TextColored(ImVec4(1.0f, 0.45f, 0.4f, 1.0f), "Not saved: %s", dialog.error.c_str());
    ImGui::Spacing();
    bool cancel = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape));
    if (dialog.confirmOverwrite) {
        ImGui::Text("%s already exists. Overwrite it? (the old file is kept as .bak)", dialog.path);
        if (ImGui::Button("Overwrite")) trySave(session, ui, now, true);
        ImGui::SameLine();
        cancel = ImGui::Button("Cancel") || cancel;
    } else {
        if (ImGui::Button("Save") || entered) trySave(session, ui, now, false);
        ImGui::SameLine();
        cancel = ImGui::Button("Cancel") || cancel;
    }
    if (cancel && dialog.open) {
        dialog.open = false;  // and a "Save as... and quit" stays
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

}  // namespace subterra
