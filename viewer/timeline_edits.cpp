#include "timeline_edits.h"

#include "timeline_edit.h"

namespace subterra {

void editTimeline(SceneSession& session, const std::string& what, const std::function<void(Timeline&)>& edit,
                  bool continuing) {
    if (!continuing || session.undoStack().undoLabel() != what) session.undoStack().push(what, session.editState());
    if (!session.timeline()) session.timeline() = Timeline{};
    edit(*session.timeline());
    session.timelineChanged();
}

std::string trackLabel(const std::string& target) {
    if (target == "camera") return "Camera";
    if (target == "terrain.opacity") return "Terrain opacity";
    for (const char* prefix : {"reveal.", "flow."}) {
        const std::string p = prefix;
        if (target.rfind(p, 0) == 0) return target.substr(p.size()) + " " + p.substr(0, p.size() - 1);
    }
    if (target.rfind("layers.", 0) == 0) {
        const size_t dot = target.rfind('.');
        if (dot > 7) return target.substr(7, dot - 7) + " " + target.substr(dot + 1);
    }
    return target;
}

std::vector<std::string> keyableTargets(const SceneSession& session) {
    std::vector<std::string> targets = {"camera", "terrain.opacity"};
    for (const auto& entry : session.scene().layers) {
        const std::string& layer = entry.first;
        for (const char* pattern : {"layers.%s.opacity", "layers.%s.visible", "reveal.%s", "flow.%s"}) {
            std::string target = pattern;
            target.replace(target.find("%s"), 2, layer);
            targets.push_back(target);
        }
    }
    return targets;
}

std::optional<TrackTarget> parseSessionTarget(const SceneSession& session, const std::string& target, std::string& error) {
    std::vector<std::string> layers;
    for (const auto& entry : session.scene().layers) layers.push_back(entry.first);
    return parseTarget(target, layers, error);
}

std::vector<double> currentTrackValue(SceneSession& session, const std::string& target, double timeS,
                                      std::string& error) {
    const auto parsed = parseSessionTarget(session, target, error);
    if (!parsed) return {};
    switch (parsed->kind) {
        case TrackKind::Camera: {
            const CameraSpec c = session.camera().spec();
            return {c.eye.x(), c.eye.y(), c.eye.z(), c.target.x(), c.target.y(), c.target.z(),
                    c.up.x(),  c.up.y(),  c.up.z(),  c.fovYDeg};
        }
        case TrackKind::TerrainOpacity: return {session.terrainOpacity()};
        case TrackKind::LayerOpacity: return {session.look(parsed->layer).opacity};
        case TrackKind::LayerVisible: return {session.look(parsed->layer).visible ? 1.0 : 0.0};
        default: break;
    }
    const Track* track = session.timeline() ? session.timeline()->findTrack(target) : nullptr;
    if (track) return evaluateTrack(*track, timeS);
    if (parsed->kind == TrackKind::Parameter) {
        error = "'" + target + "' has no track yet to take a value from";
        return {};
    }
    return {parsed->kind == TrackKind::Reveal ? 1.0 : 0.0};
}

bool addKeyFromCurrentState(SceneSession& session, const std::string& target, double timeS, std::string& error) {
    Keyframe key;
    key.timeS = timeS;
    key.value = currentTrackValue(session, target, timeS, error);
    if (key.value.empty()) return false;
    editTimeline(session, "add key", [&](Timeline& timeline) { addKey(timeline, target, key); });
    return true;
}

}  // namespace subterra
