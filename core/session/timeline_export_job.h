#pragma once
// The viewer's "Export frames...": the same export as `subterra animate` (animation_export.h),
// stepped one frame per window frame so the window stays live with a progress bar and Cancel.
#include "scene_session.h"
#include "ui_state.h"

namespace subterra {

// Starts a requested export or renders its next frame; ends it when done. Call between window
// frames with the window's GL context released (the export renders in its own offscreen one).
void stepTimelineExport(SceneSession& session, ViewerUi& ui, double now);

// Stops a running export at the next step: the frames written so far are complete files.
void cancelTimelineExport(ViewerUi& ui, double now);

// The export dialog's folder and MP4 path, when still empty: beside the project (or here).
void fillExportDefaults(SceneSession& session, TimelineUi& t);

}  // namespace subterra
