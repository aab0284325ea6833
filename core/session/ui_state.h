#pragma once
// The viewer's transient UI state, shared by the panels, the input handler and the main loop.
// Nothing here is saved: what is saved lives in SceneSession's project.
#include <optional>
#include <osg/Vec3d>
#include <string>

#include "checks_view.h"
#include "crossings_view.h"
#include "cut_handle_drag.h"
#include "export_prompt.h"
#include "find_view.h"
#include "key_events.h"
#include "measure_tool.h"
#include "profile_view.h"
#include "picking.h"
#include "timeline_ui.h"

namespace subterra {

struct ViewportRect {
    int x = 0, y = 0, width = 1, height = 1;  // window coordinates (not framebuffer), y from the top
    double aspect() const { return height > 0 ? double(width) / height : 1.0; }
};

// The Save As dialog (save_as_dialog.cpp): a path field, and a question before overwriting.
struct SaveAsUi {
    bool open = false;
    bool confirmOverwrite = false;  // the path exists: asking before writing over it
    bool quitAfter = false;         // opened by the quit question's "Save and quit"
    char path[1024] = "";
    std::string error;  // why the last attempt did not save, shown in the dialog
};

struct ViewerUi {
    float scale = 1.0f;  // HiDPI content scale
    bool showSidebar = true;
    bool flyMode = false;
    bool quitDialogOpen = false;
    bool quitNow = false;  // the main loop ends after this frame
    bool requestSave = false;
    bool requestScreenshot = false;
    int screenshotScale = 1;  // 1 = window size, 2 = twice, ...
    ViewportRect viewport;    // where the 3D scene is drawn
    PickResult hover;         // what is under the cursor this frame
    double frameMs = 0;       // smoothed time per frame
    std::string message;      // shown in the status bar for a few seconds
    double messageUntil = 0;
    char newViewName[64] = "";
    MeasureTool measure;          // when active, scene clicks measure instead of selecting
    CutHandleDrag cutHandles;     // drag handles on the cuts; while one is held the camera stays put
    ChecksView checks;            // the last clearance and cover check and its markers
    ProfileView profile;          // the longitudinal profile being drawn
    unsigned profileTexture = 0;  // the profile window's GL texture, and the drawing it holds
    int profileTextureVersion = -1;
    TimelineUi timeline;  // the timeline panel (timeline_panel.cpp)
    SaveAsUi saveAs;
    FindView find;              // the Find box (search_panel.cpp)
    ExportPrompt exportPrompt;  // where an export goes (export_path_dialog.cpp)
    CrossingsView crossings;    // the Crossings window (crossings_panel.cpp)
    KeyEventQueue keys;         // key presses and releases not yet handed to ImGui (viewer_app.cpp)
    int frameDelayMs = 0;       // a script's slow frames: each frame waits this long after drawing

    // Shows the Save As dialog, proposing `path`.
    void openSaveAs(const std::string& path, bool quitAfter = false) {
        saveAs = SaveAsUi{};
        saveAs.open = true;
        saveAs.quitAfter = quitAfter;
        path.copy(saveAs.path, sizeof saveAs.path - 1);
    }

    void say(const std::string& text, double now) {
        message = text;
        messageUntil = now + 6.0;
    }
};

}  // namespace subterra
