// Where an export goes: a path field with the default beside the project, a clear line when the
// folder does not exist, and a question before an existing file is replaced. The written path is
// said in the status bar.
#include <imgui.h>

#include <optional>

#include "panels.h"

namespace subterra {

void drawExportPathDialog(SceneSession& session, ViewerUi& ui, double now) {
    ExportPrompt& prompt = ui.exportPrompt;
    if (!prompt.open) return;
    const char* title = "Export to file###exportpath";
    if (!ImGui::IsPopupOpen(title)) ImGui::OpenPopup(title);
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    if (!ImGui::BeginPopupModal(title, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    ImGui::TextUnformatted(exportTitle(prompt.kind));
    ImGui::SetNextItemWidth(620 * ui.scale);
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    const bool entered =
        ImGui::InputText("##exportpath", prompt.path, sizeof prompt.path, ImGuiInputTextFlags_EnterReturnsTrue);
    if (ImGui::IsItemEdited()) prompt.confirmOverwrite = false, prompt.error.clear();
    if (!prompt.error.empty())
        ImGui::TextColored(ImVec4(0.8f, 0.2f, 0.15f, 1.0f), "Not written: %s", prompt.error.c_str());
    ImGui::Spacing();
    bool cancel = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape));
    std::optional<bool> write;  // with overwrite or not
    if (prompt.confirmOverwrite) {
        ImGui::Text("%s already exists. Replace it?", prompt.path);
        if (ImGui::Button("Replace")) write = true;
    } else if (ImGui::Button("Write") || entered) {
        write = false;
    }
    if (write) {
        const std::string written = acceptExportPrompt(session, prompt, ui.checks, ui.profile, *write);
        if (!written.empty()) ui.say(written, now);
    }
    ImGui::SameLine();
    cancel = ImGui::Button("Cancel") || cancel;
    if (cancel) prompt.open = false;
    if (!prompt.open) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

}  // namespace subterra
