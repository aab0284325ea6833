#include "timeline_edits.h"

#include "annotations.h"
#include "timeline_keys.h"
#include "timeline_parameters.h"

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
    if (target == "camera.follow") return "Camera follow";
    if (target == "terrain.opacity") return "Terrain opacity";
    for (const char* prefix : {"reveal.", "flow."}) {
        const std::string p = prefix;
        if (target.rfind(p, 0) == 0) return target.substr(p.size()) + " " + p.substr(0, p.size() - 1);
    }
    // layers.NAME.PROPERTY, section.NAME.PROPERTY, ...: "NAME PROPERTY" (names may hold dots).
    for (const char* prefix : {"layers.", "section.", "excavation.", "annotation."}) {
        const std::string p = prefix;
        const size_t dot = target.rfind('.');
        if (target.rfind(p, 0) == 0 && dot > p.size()) {
            const std::string property = target.substr(dot + 1);
            return target.substr(p.size(), dot - p.size()) + " " + (property == "enabled" ? "on" : property);
        }
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
    for (const auto& section : session.cuts().sections) {
        targets.push_back("section." + section.name + ".enabled");
        targets.push_back("section." + section.name + ".offset");
    }
    for (const auto& excavation : session.cuts().excavations)
        targets.push_back("excavation." + excavation.name + ".open");
    for (const auto& id : annotationIds(session.annotations())) targets.push_back("annotation." + id + ".opacity");
    return targets;
}

std::optional<TrackTarget> parseSessionTarget(const SceneSession& session, const std::string& target,
                                              std::string& error) {
    std::vector<std::string> layers;
    for (const auto& entry : session.scene().layers) layers.push_back(entry.first);
    return parseTarget(target, layers, error);
}

namespace {
// A first key for a section, excavation or annotation track: what the scene shows now.
std::vector<double> currentParameterValue(SceneSession& session, const std::string& target, std::string& error) {
    const auto parameter = parseParameterTarget(target, TimelineNames{}, error);
    if (!parameter) return {};
    auto named = [&](const auto& items) {
        for (const auto& item : items)
            if (item.name == parameter->name) return &item;
        return decltype(&items.front())(nullptr);
    };
    switch (parameter->kind) {
        case ParameterKind::SectionEnabled:
            if (const auto* s = named(session.cuts().sections)) return {s->enabled ? 1.0 : 0.0};
            break;
        case ParameterKind::SectionOffset: return {0.0};  // the plane where the project has it
        case ParameterKind::ExcavationOpen:
            if (const auto* e = named(session.cuts().excavations)) return {e->enabled ? 1.0 : 0.0};
            break;
        case ParameterKind::AnnotationOpacity: return {1.0};
        default: break;
    }
    error = "'" + target + "' has no track yet to take a value from";
    return {};
}

bool isOnOffTarget(const SceneSession& session, const std::string& target) {
    std::string error;
    const auto parsed = parseSessionTarget(session, target, error);
    if (parsed && parsed->kind == TrackKind::LayerVisible) return true;
    const auto parameter = parsed && parsed->kind == TrackKind::Parameter
                               ? parseParameterTarget(target, TimelineNames{}, error)
                               : std::nullopt;
    return parameter && parameter->held;
}
}  // namespace

std::vector<double> currentTrackValue(SceneSession& session, const std::string& target, double timeS,
                                      std::string& error) {
    const auto parsed = parseSessionTarget(session, target, error);
    if (!parsed) return {};
    switch (parsed->kind) {
        case TrackKind::Camera: {
            const CameraSpec c = session.camera().spec();
            return {c.eye.x(),    c.eye.y(), c.eye.z(), c.target.x(), c.target.y(),
                    c.target.z(), c.up.x(),  c.up.y(),  c.up.z(),     c.fovYDeg};
        }
        case TrackKind::TerrainOpacity: return {session.terrainOpacity()};
        case TrackKind::LayerOpacity: return {session.look(parsed->layer).opacity};
        case TrackKind::LayerVisible: return {session.look(parsed->layer).visible ? 1.0 : 0.0};
        default: break;
    }
    const Track* track = session.timeline() ? session.timeline()->findTrack(target) : nullptr;
    if (track) return evaluateTrack(*track, timeS);
    if (parsed->kind == TrackKind::Parameter) return currentParameterValue(session, target, error);
    return {parsed->kind == TrackKind::Reveal ? 1.0 : 0.0};
}

bool addKeyFromCurrentState(SceneSession& session, const std::string& target, double timeS, std::string& error) {
    Keyframe key;
    key.timeS = timeS;
    key.value = currentTrackValue(session, target, timeS, error);
    if (key.value.empty()) return false;
    if (isOnOffTarget(session, target)) key.interpolation = Interpolation::Hold;  // as the project file reads them
    editTimeline(session, "add key", [&](Timeline& timeline) { addKey(timeline, target, key); });
    return true;
}

}  // namespace subterra
