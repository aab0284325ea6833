#pragma once
// Drag handles on the enabled sections and excavations, drawn over the scene: press on one and
// drag to move, resize, rotate or deepen the cut (one undo step per drag). Plan handles move on
// the horizontal plane through them, up-and-down handles on a vertical plane facing the camera.
#include <optional>
#include <osg/Vec2d>

#include "scene_session.h"
#include "ui_state.h"

namespace subterra {

// Call once per frame after ImGui::NewFrame and before CameraInput::update: draws the handles,
// and takes the mouse (ui.cutHandles.active) while one is pressed, so the camera stays put.
void updateCutHandles(SceneSession& session, ViewerUi& ui);

// The same drag as the mouse makes, in window coordinates (for the test script and the above).
bool beginCutHandleDrag(SceneSession& session, ViewerUi& ui, double x, double y);  // false: no handle there
void dragCutHandleTo(SceneSession& session, ViewerUi& ui, double x, double y);
void endCutHandleDrag(ViewerUi& ui);

// Where a project-CRS point shows in the window; nullopt behind the camera.
std::optional<osg::Vec2d> windowPointOf(SceneSession& session, const ViewportRect& viewport, const Vec3d& point);

}  // namespace subterra
