#pragma once
// The script's timeline actions, as the timeline panel performs them.
#include <vector>

#include "script_actions.h"

namespace subterra {

// timeline_panel, timeline_seek, ...: entries of scriptActions(), in documentation order.
std::vector<ScriptAction> timelineScriptActions();

}  // namespace subterra
