#pragma once
// The script's actions for a planner's questions: Find and its marks, the Crossings window, the
// violation list's filter and sort, export prompts, and keys tapped inside one (slow) frame.
#include <vector>

#include "script_actions.h"

namespace subterra {

// find, clear_find, crossings, ...: entries of scriptActions(), in documentation order.
std::vector<ScriptAction> plannerScriptActions();

}  // namespace subterra
