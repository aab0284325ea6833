#pragma once
// Mouse and keyboard -> camera moves and selection clicks, read from ImGui's input state (which
// the GLFW backend fills), so panels get the events they are under and the scene gets the rest.
#include "scene_pointer.h"

namespace subterra {

class CameraInput {
  public:
    // Call once per frame, after ImGui::NewFrame and before the panels.
    void update(SceneSession& session, ViewerUi& ui, double dtSeconds, double now);

  private:
    void keys(SceneSession& session, ViewerUi& ui, double dtSeconds, double now);
    int button_ = -1;       // what the drag does: 0 orbit (or look), 1 and 2 pan; -1 = no drag
    int physical_ = -1;     // the mouse button held
    bool moved_ = false;    // further than a click
    osg::Vec3d pivot_;      // orbit/pan reference point, project CRS
    double dragDepth_ = 1;  // distance of the pivot from the eye along the view direction
};

}  // namespace subterra
