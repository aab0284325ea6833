#pragma once
// What a mouse does in the scene, in window coordinates: pick, click to select (or measure), zoom
// with the wheel, grab and drag a cut's handle. The viewer's input handlers call these with the
// real mouse, the test script with the positions it names, so both behave the same. No ImGui.
#include <optional>
#include <osg/Vec2d>

#include "scene_session.h"
#include "ui_state.h"

namespace subterra {

// The ray under a window position (window coordinates, y down) in the scene viewport.
PickResult pickAt(const SceneSession& session, CameraController& camera, const ViewportRect& viewport, double x,
                  double y);

// A click in the scene at a window position: selects the feature under it, or clears the selection.
void clickAt(SceneSession& session, ViewerUi& ui, double x, double y, double now);
// The mouse wheel at a window position: `steps` > 0 zooms in towards the point under it.
void wheelAt(SceneSession& session, const ViewportRect& viewport, double x, double y, double steps);

// The handle of an enabled cut nearest to window position (x, y), within grabbing distance.
std::optional<CutHandle> cutHandleAt(SceneSession& session, const ViewerUi& ui, double x, double y);
// A drag on a handle, in window coordinates, as the mouse makes it.
bool beginCutHandleDrag(SceneSession& session, ViewerUi& ui, double x, double y);  // false: no handle there
void dragCutHandleTo(SceneSession& session, ViewerUi& ui, double x, double y);
void endCutHandleDrag(ViewerUi& ui);

// Where a project-CRS point shows in the window; nullopt behind the camera.
std::optional<osg::Vec2d> windowPointOf(SceneSession& session, const ViewportRect& viewport, const Vec3d& point);

}  // namespace subterra
