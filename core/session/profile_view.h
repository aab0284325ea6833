#pragma once
// The viewer's longitudinal profile: a path (as `subterra profile --path` takes it) built from the
// selection or typed, its profile drawn through the same SVG as the CLI's, and its exports. No
// ImGui here: the panel and the test script share it.
#include <optional>
#include <osg/Image>
#include <string>

#include "profile.h"
#include "scene_session.h"

namespace subterra {

struct ProfileView {
    std::string pathText;  // "S-1,S-2", "from:MH-1 to:MH-9" or "x1,y1;x2,y2"
    std::optional<Profile> profile;
    std::string svg;
    osg::ref_ptr<osg::Image> image;  // the drawing, for the panel's texture
    int imageVersion = 0;            // changes with every new drawing
    std::string error;               // why the last drawing failed
    bool open = false;               // the drawing's window is shown
};

// Adds the selection to the path: a line continues a run of line ids (or starts one), a node
// starts "from:NODE" or completes it with " to:NODE". false when nothing usable is selected.
bool addSelectionToPath(const SceneSession& session, ProfileView& view);
// Builds and draws the profile of view.pathText; false with view.error set when it cannot.
bool drawProfile(const SceneSession& session, ProfileView& view);
// Writes the drawing as .svg or .png (by the extension); false + `error`.
[[nodiscard]] bool exportProfile(const ProfileView& view, const std::string& path, std::string& error);

}  // namespace subterra
