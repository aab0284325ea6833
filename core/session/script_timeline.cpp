#include "script_timeline.h"

#include <algorithm>
#include <cstdio>

#include "timeline_keys.h"
#include "timeline_edits.h"
#include "timeline_export_job.h"
#include "timeline_playback.h"

namespace subterra {

namespace {
std::string targetOf(const nlohmann::json& action) { return action.value("target", std::string()); }

// The key an action names: by "index", or by its time "t" (within a frame).
bool findKey(const nlohmann::json& action, SceneSession& session, const std::string& target, size_t& index,
             std::string& error) {
    const Track* track = session.timeline() ? session.timeline()->findTrack(target) : nullptr;
    if (!track) return error = "no track '" + target + "'", false;
    if (action.contains("index") && action["index"].is_number_unsigned()) {
        index = action["index"].get<size_t>();
        if (index >= track->keys.size())
            return error = "track '" + target + "' has no key " + std::to_string(index), false;
        return true;
    }
    double t = 0;
    if (!actionNumber(action, "t", t, error)) return error = "needs \"index\" or \"t\" of the key", false;
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

// Most timeline actions need the project's timeline; timeline_panel and timeline_add_key do not.
template <ScriptActionHandler run>
bool onTimeline(const nlohmann::json& action, ScriptContext& context, std::string& error) {
    if (!context.session.timeline()) return error = "the project has no timeline", false;
    return run(action, context, error);
}

bool doPanel(const nlohmann::json& action, ScriptContext& context, std::string&) {
    context.ui.timeline.expanded = action.value("expanded", true);
    return true;
}

bool doSeek(const nlohmann::json& action, ScriptContext& context, std::string& error) {
    double t = 0;
    if (!actionNumber(action, "t", t, error)) return false;
    context.ui.timeline.playing = false;
    seekTimeline(context.session, context.ui.timeline, t);
    return true;
}

bool doAddKey(const nlohmann::json& action, ScriptContext& context, std::string& error) {
    const double t = action.contains("t") ? action.value("t", 0.0) : context.ui.timeline.playheadS;
    return addKeyFromCurrentState(context.session, targetOf(action), t, error);
}

bool doMoveKey(const nlohmann::json& action, ScriptContext& context, std::string& error) {
    const std::string target = targetOf(action);
    size_t index = 0;
    double to = 0;
    if (!findKey(action, context.session, target, index, error) || !actionNumber(action, "to", to, error)) return false;
    std::optional<size_t> moved;
    editTimeline(context.session, "move key", [&](Timeline& tl) { moved = moveKey(tl, target, index, to); });
    if (!moved) return error = "another key of '" + target + "' is at " + std::to_string(to) + " s", false;
    return true;
}

bool doDeleteKey(const nlohmann::json& action, ScriptContext& context, std::string& error) {
    const std::string target = targetOf(action);
    size_t index = 0;
    if (!findKey(action, context.session, target, index, error)) return false;
    editTimeline(context.session, "delete key", [&](Timeline& tl) { deleteKey(tl, target, index); });
    return true;
}

bool doSelectKey(const nlohmann::json& action, ScriptContext& context, std::string& error) {  // as a click on the key
    const std::string target = targetOf(action);
    size_t index = 0;
    if (!findKey(action, context.session, target, index, error)) return false;
    context.ui.timeline.selectedTarget = target;
    context.ui.timeline.selectedKey = int(index);
    return true;
}

bool doPlay(const nlohmann::json& action, ScriptContext& context, std::string& error) {
    TimelineUi& t = context.ui.timeline;
    double frames = 0;
    if (!actionNumber(action, "frames", frames, error)) return false;
    t.loop = action.value("loop", t.loop);
    t.playing = true;
    seekTimeline(context.session, t, t.playheadS);
    context.wait.frames = std::max(0, int(frames));
    context.wait.pauseAfterFrames = true;
    return true;
}

bool doPreview(const nlohmann::json& action, ScriptContext& context, std::string&) {
    TimelineUi& t = context.ui.timeline;
    if (action.value("on", true)) seekTimeline(context.session, t, t.playheadS);
    else leavePreview(context.session, t);
    return true;
}

bool doExpect(const nlohmann::json& action, ScriptContext& context, std::string& error) {
    const SceneSession& session = context.session;
    const std::string target = targetOf(action);
    const Track* track = session.timeline()->findTrack(target);
    const size_t keys = track ? track->keys.size() : 0;
    if (action.contains("keys") && action.value("keys", size_t(0)) != keys)
        return error = "expected " + std::to_string(action.value("keys", size_t(0))) + " keys on '" + target +
                       "', found " + std::to_string(keys),
               false;
    const double playheadS = context.ui.timeline.playheadS;
    if (action.contains("playhead_min") && playheadS < action.value("playhead_min", 0.0))
        return error = "the playhead is at " + std::to_string(playheadS) + " s", false;
    if (action.contains("previewing") && action.value("previewing", false) != session.previewing())
        return error = std::string("preview is ") + (session.previewing() ? "on" : "off"), false;
    return true;
}

bool doExport(const nlohmann::json& action, ScriptContext& context, std::string& error) {
    context.wait.untilExportEnds = action.value("wait", true);
    return requestExport(action, context.ui, error);
}

bool doCancelExport(const nlohmann::json&, ScriptContext& context, std::string& error) {
    if (!context.ui.timeline.exportBusy()) return error = "no export is running", false;
    cancelTimelineExport(context.ui, 0);
    return true;
}
}  // namespace

std::vector<ScriptAction> timelineScriptActions() {
    return {
        {"timeline_panel", "expanded: open or collapse the timeline panel", doPanel},
        {"timeline_seek", "t: preview that time", onTimeline<doSeek>},
        {"timeline_add_key", "target, optional t (default the playhead): a key from the current view/settings",
         doAddKey},
        {"timeline_move_key", "target, index or t of the key, to: its new time", onTimeline<doMoveKey>},
        {"timeline_delete_key", "target, index or t: delete that key", onTimeline<doDeleteKey>},
        {"timeline_select", "target, index or t: as a click on the key, the key editor shows it",
         onTimeline<doSelectKey>},
        {"timeline_play", "frames, optional loop: play at real time for that many window frames, then pause",
         onTimeline<doPlay>},
        {"timeline_preview", "on: preview the playhead's time, or leave the preview", onTimeline<doPreview>},
        {"timeline_expect", "target + keys count, playhead_min, previewing: fail unless each given one holds",
         onTimeline<doExpect>},
        {"timeline_export",
         "dir, optional mp4, size \"WxH\", frames \"A-B\": as Export frames...; the script waits until it has ended unless "
         "\"wait\": false",
         onTimeline<doExport>},
        {"timeline_cancel_export", "as the export dialog's Cancel", onTimeline<doCancelExport>},
    };
}

}  // namespace subterra
