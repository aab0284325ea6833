#include "theme.h"

#include <imgui.h>

#include <filesystem>

namespace subterra {

void applyTheme(float scale) {
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // panel layout is fixed; no imgui.ini files left in the user's folder
    const char* font = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
    if (std::filesystem::exists(font)) io.Fonts->AddFontFromFileTTF(font, 15.0f * scale);
    // else ImGui's built-in font: smaller, but everything still works

    ImGui::StyleColorsLight();
    ImGuiStyle& style = ImGui::GetStyle();
    style.WindowRounding = 0;
    style.FrameRounding = 3;
    style.GrabRounding = 3;
    style.PopupRounding = 4;
    style.WindowBorderSize = 0;
    style.FrameBorderSize = 0;
    style.WindowPadding = ImVec2(12, 10);
    style.FramePadding = ImVec2(6, 4);
    style.ItemSpacing = ImVec2(8, 6);
    style.ScrollbarSize = 12;
    ImVec4* c = style.Colors;
    c[ImGuiCol_WindowBg] = ImVec4(0.97f, 0.97f, 0.96f, 0.97f);
    c[ImGuiCol_PopupBg] = ImVec4(0.99f, 0.99f, 0.98f, 0.98f);
    c[ImGuiCol_MenuBarBg] = ImVec4(0.92f, 0.92f, 0.91f, 1.0f);
    c[ImGuiCol_FrameBg] = ImVec4(0.88f, 0.89f, 0.90f, 1.0f);
    c[ImGuiCol_FrameBgHovered] = ImVec4(0.82f, 0.86f, 0.92f, 1.0f);
    c[ImGuiCol_SliderGrab] = ImVec4(0.24f, 0.45f, 0.72f, 1.0f);
    c[ImGuiCol_SliderGrabActive] = ImVec4(0.16f, 0.36f, 0.64f, 1.0f);
    c[ImGuiCol_CheckMark] = ImVec4(0.16f, 0.36f, 0.64f, 1.0f);
    c[ImGuiCol_Header] = ImVec4(0.82f, 0.86f, 0.92f, 1.0f);
    c[ImGuiCol_Separator] = ImVec4(0.80f, 0.80f, 0.80f, 1.0f);
    c[ImGuiCol_TitleBgActive] = ImVec4(0.86f, 0.88f, 0.91f, 1.0f);
    c[ImGuiCol_TitleBg] = ImVec4(0.90f, 0.91f, 0.92f, 1.0f);
    style.ScaleAllSizes(scale);
}

void sectionTitle(const char* text) {
    ImGui::Spacing();
    ImGui::TextDisabled("%s", text);
    ImGui::Separator();
}

}  // namespace subterra
