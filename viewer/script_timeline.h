#pragma once
// The script's timeline actions (script.h lists them), as the timeline panel performs them.
#include <nlohmann/json.hpp>
#include <string>

#include "scene_session.h"
#include "ui_state.h"

namespace subterra {

// What a timeline action asks of the script runner besides its effect.
struct TimelineActionWait {
    int frames = -1;          // >= 0: wait this many window frames before the next action
    bool pauseAfter = false;  // pause playback when that wait is over
    bool untilExportEnds = false;  // wait until the export just requested has ended
};

// Performs `what` ("timeline_seek", ...); false with `error` when it fails or is unknown.
bool performTimelineAction(const std::string& what, const nlohmann::json& action, SceneSession& session, ViewerUi& ui,
                           TimelineActionWait& wait, std::string& error);

}  // namespace subterra
