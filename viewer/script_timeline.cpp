#include "script_timeline.h"

#include <algorithm>
#include <cstdio>

#include "timeline_edit.h"
#include "timeline_edits.h"
#include "timeline_export.h"
#include "timeline_playback.h"

namespace subterra {

namespace {
bool number(const nlohmann::json& action, const char* key, double& out, std::string& error) {
    auto it = action.find(key);
    if (it == action.end() || !it->is_number()) return error = std::string("needs a number \"") + key + "\"", false;
    out = it->get<double>();
    return true;
}

// The key an action names: by "index", or by its time "t" (within a frame).
bool findKey(const nlohmann::json& action, SceneSession& session, const std::string& target, size_t& index,
             std::string& error) {
    const Track* track = session.timeline() ? session.timeline()->findTrack(target) : nullptr;
    if (!track) return error = "no track '" + target + "'", false;
    if (action.contains("index") && action["index"].is_number_unsigned()) {
        index = action["index"].get<size_t>();
        if (index >= track->keys.size()) return error = "track '" + target + "' has no key " + std::to_string(index), false;
        return true;
    }
    double t = 0;
    if (!number(action, "t", t, error)) return error = "needs \"index\" or \"t\" of the key", false;
    const auto near = keyNear(*session.timeline(), target, t, 0.5 / session.timeline()->fps);
    if (!near) return error = "track '" + target + "' has no key at " + std::to_string(t) + " s", false;
    index = *near;
    return true;
}

bool requestExport(const nlohmann::json& action, ViewerUi& ui, std::string& error) {
    AnimationExportOptions options;
    options.outputDir = action.value("dir", std::string());
    options.mp4 = action.value("mp4", std::string());
    const std::string size = action.value("size", std::string("1920x1080"));
    if (std::sscanf(size.c_str(), "%dx%d", &options.settings.width, &options.settings.height) != 2)
        return error = "\"size\" must look like 1920x1080", false;
    const std::string frames = action.value("frames", std::string());
    if (!frames.empty() && std::sscanf(frames.c_str(), "%d-%d", &options.firstFrame, &options.lastFrame) != 2)
        return error = "\"frames\" must look like 0-9", false;
    ui.timeline.exportRequest = options;
    ui.timeline.exportDialogOpen = true;  // shows its progress and Cancel
    return true;
}
}  // namespace

bool performTimelineAction(const std::string& what, const nlohmann::json& action, SceneSession& session, ViewerUi& ui,
                           TimelineActionWait& wait, std::string& error) {
    TimelineUi& t = ui.timeline;
    const std::string target = action.value("target", std::string());
    double value = 0;
    if (what == "timeline_panel") {
        t.expanded = action.value("expanded", true);
        return true;
    }
    if (what != "timeline_add_key" && !session.timeline())
        return error = "the project has no timeline", false;
    if (what == "timeline_seek") {
        if (!number(action, "t", value, error)) return false;
        t.playing = false;
        seekTimeline(session, t, value);
    } else if (what == "timeline_add_key") {
        value = action.contains("t") ? action.value("t", 0.0) : t.playheadS;
        return addKeyFromCurrentState(session, target, value, error);
    } else if (what == "timeline_move_key") {
        size_t index = 0;
        if (!findKey(action, session, target, index, error) || !number(action, "to", value, error)) return false;
        std::optional<size_t> moved;
        editTimeline(session, "move key", [&](Timeline& tl) { moved = moveKey(tl, target, index, value); });
        if (!moved) return error = "another key of '" + target + "' is at " + std::to_string(value) + " s", false;
    } else if (what == "timeline_delete_key") {
        size_t index = 0;
        if (!findKey(action, session, target, index, error)) return false;
        editTimeline(session, "delete key", [&](Timeline& tl) { deleteKey(tl, target, index); });
    } else if (what == "timeline_select") {  // as a click on the key: the panel's editor shows it
        size_t index = 0;
        if (!findKey(action, session, target, index, error)) return false;
        t.selectedTarget = target, t.selectedKey = int(index);
    } else if (what == "timeline_play") {
        if (!number(action, "frames", value, error)) return false;
        t.loop = action.value("loop", t.loop);
        t.playing = true;
        seekTimeline(session, t, t.playheadS);
        wait.frames = std::max(0, int(value));
        wait.pauseAfter = true;
    } else if (what == "timeline_preview") {
        if (action.value("on", true)) seekTimeline(session, t, t.playheadS);
        else leavePreview(session, t);
    } else if (what == "timeline_expect") {
        const Track* track = session.timeline()->findTrack(target);
        const size_t keys = track ? track->keys.size() : 0;
        if (action.contains("keys") && action.value("keys", size_t(0)) != keys)
            return error = "expected " + std::to_string(action.value("keys", size_t(0))) + " keys on '" + target +
                           "', found " + std::to_string(keys), false;
        if (action.contains("playhead_min") && t.playheadS < action.value("playhead_min", 0.0))
            return error = "the playhead is at " + std::to_string(t.playheadS) + " s", false;
        if (action.contains("previewing") && action.value("previewing", false) != session.previewing())
            return error = std::string("preview is ") + (session.previewing() ? "on" : "off"), false;
    } else if (what == "timeline_export") {
        wait.untilExportEnds = action.value("wait", true);
        return requestExport(action, ui, error);
    } else if (what == "timeline_cancel_export") {
        if (!t.exportBusy()) return error = "no export is running", false;
        cancelTimelineExport(ui, 0);
    } else {
        return error = "unknown action", false;
    }
    return true;
}

}  // namespace subterra
