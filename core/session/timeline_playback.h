#pragma once
// Playhead, playback and camera preview of the timeline, shared by the panel and the script.
#include "scene_session.h"
#include "timeline_ui.h"

namespace subterra {

// Moves the playhead to `timeS` (clamped into the timeline) and previews that time.
void seekTimeline(SceneSession& session, TimelineUi& ui, double timeS);

// Once per window frame, before the panels: a user who navigated the camera takes it back from
// the preview (playback pauses); while playing the playhead advances by `dt` seconds of real
// time, wrapping at the end when looping, else stopping there.
void advanceTimeline(SceneSession& session, TimelineUi& ui, double dt);

// Scene back to the current settings, camera left where it is and free to navigate.
void leavePreview(SceneSession& session, TimelineUi& ui);

}  // namespace subterra
