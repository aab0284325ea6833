#pragma once
// Scripted mode: a JSON file of actions the viewer performs one by one, a few frames apart, so
// tests (and people reproducing a bug) drive the real window under Xvfb. Format:
//   {"actions": [{"do": "select", "id": "W-12", "layer": "water"},
//                {"do": "layer_opacity", "layer": "buildings", "opacity": 0.3},
//                {"do": "view", "name": "street"}, {"do": "screenshot", "path": "out.png"},
//                {"do": "quit"}]}
// Actions: select (id, optional layer, optional kind: segment, node, building or area, for an
// EPANET/SWMM id that names a link and a node), clear_selection, layer_visible (layer, visible),
// layer_opacity (layer, opacity), layer_color (layer, color "#rrggbb"), terrain_opacity
// (opacity), view (name), save_view (name), home, preset (name: top|front|side), focus,
// color_by (mode: layer, material, diameter, install year, depth knowledge), find (query, optional expect_count; one hit is selected and focused),
// camera (eye [x,y,z], target [x,y,z]), orbit (yaw_deg, pitch_deg about the view centre),
// look (yaw_deg, pitch_deg about the eye), fly (forward, right, up metres), click (x, y window pixels: select what is there, as a mouse
// click does), click_centre, wheel (x, y, steps), expect_selection (id; "" = nothing; optional kind), wait (frames), screenshot (path: the window with its
// panels), add_section (as a project "sections" entry), add_excavation (as an "excavations"
// entry), drag_cut_handle (cut, handle: move|east|west|north|south|rotate|depth|start|end|level,
// to [x,y] at the handle's level or [x,y,z]: a mouse drag from the handle to where the window
// shows that point), show_cut_handles (visible), run_checks (optional expect_count),
// check_go_to (index: select and fly to that violation), export_checks (path .csv|.geojson),
// profile (path as `subterra profile --path`, optional export [".svg"/".png" files]),
// set_clearance_rule (between [kind|"*", kind|"*"], min_m or null), set_cover_rule (utility
// kind|"*", min_m or null), add_callout (optional text: at the selection), measure_tool (kind: distance, horizontal, vertical,
// depth, clearance or off; then clicks measure), undo, redo (the last annotation or cut edit), expect_annotations (callouts,
// measurements: counts), open (paths [...]: as files dropped on the window), close_window (as the close button: the unsaved-changes question), render (path, size "WxH": the scene offscreen), save (the project), quit (discards
// unsaved changes with a warning on stderr).
// Timeline (script_timeline.cpp): timeline_panel (expanded: open or collapse it), timeline_seek (t: preview that time), timeline_add_key (target,
// optional t, default the playhead: from the current view/settings), timeline_move_key (target,
// index or t, to), timeline_delete_key (target, index or t), timeline_select (target, index or t:
// the key editor shows it), timeline_play (frames: play at real
// time for that many window frames, optional loop), timeline_preview (on), timeline_expect
// (target + keys count, playhead_min, previewing), timeline_export (dir, optional mp4, size "WxH",
// frames "A-B": as Export frames...; the script waits until it has ended unless "wait": false),
// timeline_cancel_export (as the dialog's Cancel).
// wait_for_file (path, optional timeout_s, default 60, at most 600): the script pauses, the window
// keeps drawing and taking real input (a test drives it with xdotool meanwhile), until that file
// exists; an error after the timeout. The frame cap of scripted runs does not count these frames.
#include <chrono>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "scene_session.h"
#include "ui_state.h"

namespace subterra {

struct ScriptRequests {
    std::string windowScreenshot;    // read back the window after this frame
    std::string offscreenPath;       // render offscreen
    int offscreenWidth = 0, offscreenHeight = 0;
    std::vector<std::string> openPaths;  // as files dropped on the window
    bool quit = false;
};

class Script {
  public:
    // Reads and checks the file; nullopt with `error` (one line naming the file) when unusable.
    static std::optional<Script> load(const std::string& path, std::string& error);

    bool finished() const { return next_ >= actions_.size() && waitForFile_.empty(); }
    // True while wait_for_file holds the script: its own timeout, not the frame cap, ends it.
    bool waitingForFile() const { return !waitForFile_.empty(); }
    // Called every frame: waits a few frames between actions so the window shows the effect of
    // the previous one, then performs the next. False with `error` when an action fails.
    bool step(SceneSession& session, ViewerUi& ui, ScriptRequests& requests, std::string& error);

  private:
    bool perform(const nlohmann::json& action, SceneSession& session, ViewerUi& ui, ScriptRequests& requests,
                 std::string& error);
    std::string path_;
    std::vector<nlohmann::json> actions_;
    size_t next_ = 0;
    int waitFrames_ = 3;  // ImGui lays windows out over the first frames
    bool pauseAfterWait_ = false;  // timeline_play: pause once its frames have passed
    bool waitForExport_ = false;   // timeline_export: the next action waits until it has ended
    std::string waitForFile_;      // wait_for_file: the next action waits until this file exists
    double waitForFileTimeoutS_ = 0;
    std::chrono::steady_clock::time_point waitForFileUntil_;
    // wait_for_file: true while the file is missing and time is left; false with `error` after.
    bool stillWaitingForFile(std::string& error);
};

}  // namespace subterra
