#pragma once
// Scripted mode: a JSON file of actions the viewer performs one by one, a few frames apart, so
// tests (and people reproducing a bug) drive the real window under Xvfb:
//   {"actions": [{"do": "select", "id": "W-12"}, {"do": "screenshot", "path": "out.png"}, {"do": "quit"}]}
// The actions and their arguments are the table scriptActions() (script.cpp, the timeline's in
// script_timeline.cpp); docs/viewer-script.md is that table as printed by `subterra view --script-actions`.
#include <chrono>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "script_actions.h"

namespace subterra {

class Script {
  public:
    // Reads and checks the file; nullopt with `error` (one line naming the file) when unusable.
    static std::optional<Script> load(const std::string& path, std::string& error);

    bool finished() const { return next_ >= actions_.size() && wait_.file.empty(); }
    // True while wait_for_file holds the script: its own timeout, not the frame cap, ends it.
    bool waitingForFile() const { return !wait_.file.empty(); }
    // Called every frame: waits a few frames between actions so the window shows the effect of
    // the previous one, then performs the next. False with `error` when an action fails.
    [[nodiscard]] bool step(SceneSession& session, ViewerUi& ui, ScriptRequests& requests, std::string& error);

  private:
    bool perform(const nlohmann::json& action, SceneSession& session, ViewerUi& ui, ScriptRequests& requests,
                 std::string& error);
    // wait_for_file: true while the file is missing and time is left; false with `error` after.
    bool stillWaitingForFile(std::string& error);
    std::string path_;
    std::vector<nlohmann::json> actions_;
    size_t next_ = 0;
    ScriptWait wait_;
};

}  // namespace subterra
