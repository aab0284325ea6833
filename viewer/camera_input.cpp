#include "camera_input.h"

#include <GLFW/glfw3.h>
#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "annotation_edits.h"

namespace subterra {

namespace {
constexpr double kRadiansPerPixel = 0.005;

bool insideViewport(const ViewportRect& v, const ImVec2& p) {
    return p.x >= v.x && p.y >= v.y && p.x < v.x + v.width && p.y < v.y + v.height;
}

double sceneSize(const SceneSession& session) {
    const Extent e = session.model().extent();
    return e.valid() ? std::max({e.maxX - e.minX, e.maxY - e.minY, 10.0}) : 100.0;
}
}  // namespace

void CameraInput::update(SceneSession& session, ViewerUi& ui, double dtSeconds, double now) {
    ImGuiIO& io = ImGui::GetIO();
    CameraController& camera = session.camera();
    const ImVec2 mouse = io.MousePos;
    const bool overScene = !io.WantCaptureMouse && !ui.cutHandles.active && insideViewport(ui.viewport, mouse);
    if (overScene || button_ >= 0) ui.hover = pickAt(session, camera, ui.viewport, mouse.x, mouse.y);
    else ui.hover = PickResult{};

    if (button_ < 0 && overScene) {
        for (int b = 0; b < 3; ++b) {
            if (!ImGui::IsMouseClicked(b)) continue;
            button_ = (b == 0 && io.KeyShift) ? 1 : b;
            physical_ = b;
            moved_ = false;
            // Orbit and pan about what is under the cursor; in empty sky, about the view centre.
            pivot_ = ui.hover.nearest ? *ui.hover.nearest : camera.target();
            dragDepth_ = std::max(0.5, (pivot_ - camera.eye()) * camera.direction());
            break;
        }
    }
    if (button_ >= 0) {
        const ImVec2 delta = io.MouseDelta;
        const ImVec2 dragged = ImGui::GetMouseDragDelta(physical_, 0.0f);
        if (std::abs(dragged.x) + std::abs(dragged.y) > 4) moved_ = true;
        if (moved_ && (delta.x != 0 || delta.y != 0)) {
            if (button_ == 0 && ui.flyMode) {
                camera.look(-delta.x * kRadiansPerPixel * 0.6, -delta.y * kRadiansPerPixel * 0.6);
            } else if (button_ == 0) {
                camera.orbit(pivot_, -delta.x * kRadiansPerPixel, -delta.y * kRadiansPerPixel);
            } else {
                camera.pan(delta.x, delta.y, dragDepth_, ui.viewport.height);
            }
        }
        if (!io.MouseDown[physical_]) {
            if (!moved_ && physical_ == 0) clickAt(session, ui, mouse.x, mouse.y, now);
            button_ = -1;
        }
    }
    if (overScene && io.MouseWheel != 0) wheelAt(session, ui.viewport, mouse.x, mouse.y, io.MouseWheel);
    keys(session, ui, dtSeconds, now);
}

void CameraInput::keys(SceneSession& session, ViewerUi& ui, double dtSeconds, double now) {
    ImGuiIO& io = ImGui::GetIO();
    if (io.WantCaptureKeyboard) return;
    CameraController& camera = session.camera();
    const double aspect = ui.viewport.aspect();
    // Flight speed scales with the scene: a 1 km district is crossed in about ten seconds.
    const double speed = sceneSize(session) / 10.0 * (io.KeyShift ? 4.0 : 1.0) * dtSeconds;
    const double forward = ImGui::IsKeyDown(GLFW_KEY_W) - ImGui::IsKeyDown(GLFW_KEY_S);
    const double right = ImGui::IsKeyDown(GLFW_KEY_D) - ImGui::IsKeyDown(GLFW_KEY_A);
    const double up = ImGui::IsKeyDown(GLFW_KEY_E) - ImGui::IsKeyDown(GLFW_KEY_Q);
    if (!io.KeyCtrl && (forward != 0 || right != 0 || up != 0)) camera.fly(forward * speed, right * speed, up * speed);

    if (io.KeyCtrl) {
        if (ImGui::IsKeyPressed(GLFW_KEY_S, false)) ui.requestSave = true;
        if (ImGui::IsKeyPressed(GLFW_KEY_Q, false)) ui.quitDialogOpen = true;
        if (ImGui::IsKeyPressed(GLFW_KEY_Z, false) && undoAnnotationEdit(session)) ui.say("Undone", now);
        if (ImGui::IsKeyPressed(GLFW_KEY_Y, false) && redoAnnotationEdit(session)) ui.say("Redone", now);
        return;
    }
    const Extent extent = session.model().extent();
    if (ImGui::IsKeyPressed(GLFW_KEY_F, false)) session.focusSelection(aspect);
    if (ImGui::IsKeyPressed(GLFW_KEY_H, false)) session.home(aspect);
    if (ImGui::IsKeyPressed(GLFW_KEY_1, false)) camera.preset(CameraController::Preset::Top, extent, aspect);
    if (ImGui::IsKeyPressed(GLFW_KEY_2, false)) camera.preset(CameraController::Preset::Front, extent, aspect);
    if (ImGui::IsKeyPressed(GLFW_KEY_3, false)) camera.preset(CameraController::Preset::Side, extent, aspect);
    if (ImGui::IsKeyPressed(GLFW_KEY_G, false)) {
        ui.flyMode = !ui.flyMode;
        ui.say(ui.flyMode ? "Fly mode: W A S D Q E to move, drag to look" : "Orbit mode", now);
    }
    if (ImGui::IsKeyPressed(GLFW_KEY_TAB, false)) ui.showSidebar = !ui.showSidebar;
    if (ImGui::IsKeyPressed(GLFW_KEY_ESCAPE, false)) {
        session.clearSelection();
        ui.measure.stop();
    }
    if (ImGui::IsKeyPressed(GLFW_KEY_F12, false)) ui.requestScreenshot = true;
}

}  // namespace subterra
