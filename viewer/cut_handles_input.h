#pragma once
// Drag handles on the enabled sections and excavations, drawn over the scene: press on one and
// drag to move, resize, rotate or deepen the cut (one undo step per drag). Plan handles move on
// the horizontal plane through them, up-and-down handles on a vertical plane facing the camera.
#include <optional>
#include <osg/Vec2d>

#include "scene_pointer.h"

namespace subterra {

// Call once per frame after ImGui::NewFrame and before CameraInput::update: draws the handles,
// and takes the mouse (ui.cutHandles.active) while one is pressed, so the camera stays put.
void updateCutHandles(SceneSession& session, ViewerUi& ui);

}  // namespace subterra
