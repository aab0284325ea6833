#pragma once
// The timeline panel's transient state: playhead, playback, the selected key and a running
// export. Nothing here is saved; the timeline itself lives in the session's project.
#include <memory>
#include <optional>
#include <string>

#include "animation_export.h"

namespace subterra {

struct TimelineUi {
    bool expanded = false;              // collapsed to its title bar until opened: the scene keeps the room
    std::optional<bool> shownExpanded;  // what the window showed last frame (a change is applied)
    double playheadS = 0;
    bool playing = false;
    bool loop = true;
    std::string selectedTarget;  // the selected key: track and index ("" = none)
    int selectedKey = -1;
    bool keyDragMoved = false;         // the key drag in progress has moved its key (later steps undo with it)
    std::string addTarget = "camera";  // the track "Add key" adds to
    // The camera the preview last set: a different camera means the user navigated, which
    // leaves the preview (free navigation again).
    std::optional<CameraSpec> previewCamera;

    // Export: the dialog's fields, then a job stepped one frame per window frame.
    bool exportDialogOpen = false;
    char exportDir[512] = "";
    char exportMp4[512] = "";
    bool exportWantsMp4 = false;
    int exportSize[2] = {1920, 1080};
    std::optional<AnimationExportOptions> exportRequest;  // started by the main loop (offscreen GL)
    std::shared_ptr<AnimationExport> exportJob;
    bool exportCancel = false;  // Cancel pressed: the main loop ends the job between frames
    double exportStartedAt = 0;
    std::string exportStatus;  // the last export's outcome, shown in the dialog
    bool exportBusy() const { return exportRequest.has_value() || exportJob != nullptr; }
};

}  // namespace subterra
