#pragma once
// The scripted mode's actions as one table (name, help, handler): script.cpp holds the viewer's,
// script_timeline.cpp the timeline's; `subterra view --script-actions` prints them as
// docs/viewer-script.md.
#include <chrono>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "scene_session.h"
#include "ui_state.h"

namespace subterra {

struct ScriptRequests {
    std::string windowScreenshot;  // read back the window after this frame
    std::string offscreenPath;     // render offscreen
    int offscreenWidth = 0, offscreenHeight = 0;
    std::vector<std::string> openPaths;  // as files dropped on the window
    bool quit = false;
};

// What the script waits for before its next action; wait, wait_for_file and timeline actions set it.
struct ScriptWait {
    int frames = 3;                 // window frames; ImGui lays windows out over the first frames
    bool pauseAfterFrames = false;  // timeline_play: pause once its frames have passed
    bool untilExportEnds = false;   // timeline_export: wait until the export it requested has ended
    std::string file;               // wait_for_file: wait until this file exists
    double fileTimeoutS = 0;
    std::chrono::steady_clock::time_point fileDeadline;
};

// What an action acts on.
struct ScriptContext {
    SceneSession& session;
    ViewerUi& ui;
    ScriptRequests& requests;
    ScriptWait& wait;
    const std::string& scriptPath;  // names the file in problems of actions read as project entries
};

// Performs one action; false with `error` (without the file and action, which the caller adds).
using ScriptActionHandler = bool (*)(const nlohmann::json& action, ScriptContext& context, std::string& error);

struct ScriptAction {
    const char* name;  // the action's "do"
    const char* help;  // one line: its arguments and effect
    ScriptActionHandler run;
};

// Every action, in documentation order.
const std::vector<ScriptAction>& scriptActions();
// The actions as a Markdown page (docs/viewer-script.md).
std::string scriptActionsMarkdown();
// The string `key` of an action; "" when it is missing or not a string.
std::string actionText(const nlohmann::json& action, const char* key);
// The number `key` of an action; false with "needs a number" when it is missing or not a number.
[[nodiscard]] bool actionNumber(const nlohmann::json& action, const char* key, double& out, std::string& error);

}  // namespace subterra
