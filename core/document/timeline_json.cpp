// The "timeline" section of a project file <-> Timeline (format: docs/project-format.md).
#include <algorithm>
#include <cmath>

#include "json_reader.h"
#include "timeline_json.h"
#include "defaults.h"

namespace subterra {

namespace {
std::string number(double value) {
    std::string text = std::to_string(value);
    text.erase(text.find_last_not_of('0') + 1);
    if (!text.empty() && text.back() == '.') text.pop_back();
    return text;
}

// A number or an array of numbers -> values; nullopt (reported) otherwise.
std::optional<std::vector<double>> readValues(const JsonReader& key, const char* name) {
    const nlohmann::json& v = key.at(name);
    if (v.is_number()) return std::vector<double>{v.get<double>()};
    if (v.is_boolean()) return std::vector<double>{v.get<bool>() ? 1.0 : 0.0};
    if (v.is_array() && !v.empty()) {
        std::vector<double> values;
        for (const auto& e : v) {
            if (!e.is_number()) break;
            values.push_back(e.get<double>());
        }
        if (values.size() == v.size()) return values;
    }
    key.errorAt(name, "expected a number or an array of numbers");
    return std::nullopt;
}

std::optional<std::vector<double>> readCameraKey(const JsonReader& key) {
    auto eye = key.vec3("eye"), target = key.vec3("target");
    if (!eye || !target) {
        if (!key.has("eye") || !key.has("target")) key.error("a camera key needs \"eye\" and \"target\"");
        return std::nullopt;
    }
    const auto up = key.has("up") ? key.vec3("up") : std::array<double, 3>{0, 0, 1};
    const double fov = key.number("fov_deg").value_or(defaults::kFieldOfViewDeg.value);
    if (!defaults::kFieldOfViewDeg.accepts(fov)) key.errorAt("fov_deg", "must be between 1 and 170 degrees");
    if (!up) return std::nullopt;
    std::vector<double> value(eye->begin(), eye->end());
    value.insert(value.end(), target->begin(), target->end());
    value.insert(value.end(), up->begin(), up->end());
    value.push_back(fov);
    return value;
}

std::optional<Keyframe> readKey(const JsonReader& key, TrackKind kind, double durationS) {
    if (!key.value().is_object()) {
        key.error("expected a key object like {\"t\": 1.5, \"value\": 0.5}");
        return std::nullopt;
    }
    Keyframe frame;
    const auto t = key.number("t");
    if (!t) {
        if (!key.has("t")) key.errorAt("t", "missing: every key needs a time in seconds");
        return std::nullopt;
    }
    if (*t < 0 || *t > durationS) {
        key.errorAt("t", number(*t) + " s is outside the timeline (0 to " + number(durationS) + " s)");
        return std::nullopt;
    }
    frame.timeS = *t;
    if (auto interp = key.string("interp")) {
        auto parsed = parseInterpolation(*interp);
        if (!parsed)
            key.errorAt("interp", "unknown interpolation '" + *interp + "' (use linear, smooth, ease or hold)");
        else frame.interpolation = *parsed;
    }
    if (kind == TrackKind::LayerVisible) frame.interpolation = Interpolation::Hold;  // shown or not, nothing between
    if (kind == TrackKind::Camera) {
        key.warnUnknownKeys({"t", "interp", "eye", "target", "up", "fov_deg"});
        auto value = readCameraKey(key);
        if (!value) return std::nullopt;
        frame.value = *value;
        return frame;
    }
    key.warnUnknownKeys({"t", "interp", "value"});
    if (!key.has("value")) {
        key.errorAt("value", "missing: every key needs a value");
        return std::nullopt;
    }
    auto value = readValues(key, "value");
    if (!value) return std::nullopt;
    if (valueSize(kind) && value->size() != valueSize(kind)) {
        key.errorAt("value", "expected one number");
        return std::nullopt;
    }
    frame.value = *value;
    return frame;
}

// camera.follow's "follow": {"layer", "ids", "height_m", "behind_m", "look_ahead_m"}.
std::optional<CameraFollow> readFollow(const JsonReader& json, const std::vector<std::string>& layerNames) {
    if (!json.value().is_object()) {
        json.error("expected {\"layer\": NAME, \"ids\": [feature ids along the run]}");
        return std::nullopt;
    }
    json.warnUnknownKeys({"layer", "ids", "height_m", "behind_m", "look_ahead_m"});
    CameraFollow follow;
    follow.layer = json.string("layer").value_or("");
    if (follow.layer.empty()) {
        if (!json.has("layer")) json.errorAt("layer", "missing: the layer whose pipes the camera follows");
        return std::nullopt;
    }
    if (std::find(layerNames.begin(), layerNames.end(), follow.layer) == layerNames.end()) {
        json.errorAt("layer", "unknown layer '" + follow.layer + "'");
        return std::nullopt;
    }
    const bool idsOk =
        json.has("ids") && json.at("ids").is_array() && !json.at("ids").empty() &&
        std::all_of(json.at("ids").begin(), json.at("ids").end(), [](const auto& id) { return id.is_string(); });
    if (!idsOk) {
        json.errorAt("ids", "expected a non-empty array of feature ids (strings), in the order the camera passes them");
        return std::nullopt;
    }
    for (const auto& id : json.at("ids")) follow.ids.push_back(id.get<std::string>());
    auto positive = [&](const char* key, double& value, bool zeroAllowed) {
        if (auto v = json.number(key)) {
            if (*v > 0 || (zeroAllowed && *v == 0)) value = *v;
            else json.errorAt(key, "must be greater than 0");
        }
    };
    positive("height_m", follow.heightM, false);
    positive("behind_m", follow.behindM, true);
    positive("look_ahead_m", follow.lookAheadM, false);
    return follow;
}

// Reveal and flow options; "from" is read by readTrack.
void readLayerTrackOptions(const JsonReader& json, Track& track) {
    if (auto speed = json.number("speed_mps")) track.flowSpeedMps = *speed;
    if (auto spacing = json.number("spacing_m")) {
        if (*spacing > 0) track.flowSpacingM = *spacing;
        else json.errorAt("spacing_m", "must be greater than 0");
    }
    if (auto order = json.string("order")) {
        if (*order == "flow") track.revealAlongFlow = true;
        else if (*order != "distance")
            json.errorAt("order", "unknown reveal order '" + *order + "' (use distance or flow)");
    }
    if (auto attribute = json.string("flow_attribute")) track.flowAttribute = *attribute;
}

// Every key of a section/excavation/annotation/camera.follow track holds as many numbers as its property takes.
bool checkParameterKeys(const JsonReader& keys, const ParameterTarget& target, Track& track) {
    bool ok = true;
    for (size_t i = 0; i < track.keys.size(); ++i) {
        const size_t n = track.keys[i].value.size();
        if (n < target.minValues || n > target.maxValues) {
            keys.element(i).errorAt(
                "value", "expected " +
                             (target.minValues == target.maxValues
                                  ? std::to_string(target.minValues)
                                  : std::to_string(target.minValues) + " or " + std::to_string(target.maxValues)) +
                             (target.maxValues == 1 ? " number" : " numbers") + ", got " + std::to_string(n));
            ok = false;
        }
        if (target.held) track.keys[i].interpolation = Interpolation::Hold;  // on or off, nothing between
    }
    return ok;
}

std::optional<Track> readTrack(const JsonReader& json, double durationS, const TimelineNames& names) {
    const std::vector<std::string>& layerNames = names.layers;
    if (!json.value().is_object()) {
        json.error("expected a track object with \"target\" and \"keys\"");
        return std::nullopt;
    }
    json.warnUnknownKeys({"target", "keys", "from", "speed_mps", "spacing_m", "order", "flow_attribute", "follow"});
    Track track;
    const auto target = json.string("target");
    if (!target) {
        if (!json.has("target")) json.errorAt("target", "missing: every track needs a target");
        return std::nullopt;
    }
    std::string error;
    const auto parsed = parseTarget(*target, names, error);
    if (!parsed) {
        json.errorAt("target", error);
        return std::nullopt;
    }
    track.target = *target;
    const auto parameter =
        parsed->kind == TrackKind::Parameter ? parseParameterTarget(*target, names, error) : std::nullopt;
    if (parameter && parameter->kind == ParameterKind::CameraFollow) {
        if (!json.has("follow")) {
            json.errorAt("follow", "missing: camera.follow needs {\"layer\": NAME, \"ids\": [...]}");
            return std::nullopt;
        }
        track.follow = readFollow(json.child("follow"), layerNames);
        if (!track.follow) return std::nullopt;
    }
    if (json.has("from")) {
        const auto& from = json.at("from");
        if (from.is_array() && from.size() >= 2 && from[0].is_number() && from[1].is_number())
            track.revealFrom = std::array<double, 2>{from[0].get<double>(), from[1].get<double>()};
        else json.errorAt("from", "expected [x, y] in project coordinates");
    }
    readLayerTrackOptions(json, track);
    if (!json.has("keys") || !json.at("keys").is_array() || json.at("keys").empty()) {
        json.errorAt("keys", "expected a non-empty array of keys");
        return std::nullopt;
    }
    const JsonReader keys = json.child("keys");
    bool ok = true;
    for (size_t i = 0; i < keys.value().size(); ++i) {
        const JsonReader key = keys.element(i);
        auto frame = readKey(key, parsed->kind, durationS);
        if (!frame) {
            ok = false;
            continue;
        }
        if (!track.keys.empty() && frame->timeS <= track.keys.back().timeS) {
            key.errorAt("t", "keys out of order: " + number(frame->timeS) + " s comes after " +
                                 number(track.keys.back().timeS) + " s (times must increase)");
            ok = false;
            continue;
        }
        if (!track.keys.empty() && frame->value.size() != track.keys.front().value.size()) {
            key.errorAt("value", "has " + std::to_string(frame->value.size()) + " numbers, the first key " +
                                     std::to_string(track.keys.front().value.size()));
            ok = false;
            continue;
        }
        track.keys.push_back(std::move(*frame));
    }
    if (ok && parameter) ok = checkParameterKeys(keys, *parameter, track);
    if (!ok) return std::nullopt;  // a half-read track would animate something else than the user wrote
    return track;
}

nlohmann::json keyToJson(const Keyframe& key, bool camera) {
    nlohmann::json json = {{"t", key.timeS}};
    if (camera) {
        const auto& v = key.value;
        json["eye"] = {v[0], v[1], v[2]};
        json["target"] = {v[3], v[4], v[5]};
        json["up"] = {v[6], v[7], v[8]};
        json["fov_deg"] = v[9];
    } else {
        json["value"] = key.value.size() == 1 ? nlohmann::json(key.value[0]) : nlohmann::json(key.value);
    }
    json["interp"] = toString(key.interpolation);
    return json;
}
}  // namespace

std::optional<Timeline> readTimeline(const JsonReader& json, const std::vector<std::string>& layerNames) {
    TimelineNames names;
    names.layers = layerNames;
    return readTimeline(json, names);
}

std::optional<Timeline> readTimeline(const JsonReader& json, const TimelineNames& names) {
    if (!json.value().is_object()) {
        json.error("expected an object with \"duration_s\" and \"tracks\"");
        return std::nullopt;
    }
    json.warnUnknownKeys({"duration_s", "fps", "tracks"});
    Timeline timeline;
    if (auto duration = json.number("duration_s")) {
        if (*duration <= 0) {
            json.errorAt("duration_s", "must be greater than 0 seconds, got " + number(*duration));
            return std::nullopt;
        }
        if (*duration > defaults::kTimelineDurationS.max) {  // 1e9 s would overflow the frame count
            json.errorAt("duration_s", outOfRange(defaults::kTimelineDurationS, *duration));
            return std::nullopt;
        }
        timeline.durationS = *duration;
    } else if (!json.has("duration_s")) {
        json.errorAt("duration_s", "missing: the timeline needs a duration in seconds");
        return std::nullopt;
    }
    if (auto fps = json.number("fps")) {
        if (*fps > 0 && *fps <= 240) timeline.fps = *fps;
        else json.errorAt("fps", "must be between 0 and 240 frames per second");
    }
    if (!json.has("tracks")) return timeline;
    const JsonReader tracks = json.child("tracks");
    if (!tracks.value().is_array()) {
        tracks.error("expected an array of tracks");
        return timeline;
    }
    for (size_t i = 0; i < tracks.value().size(); ++i)
        if (auto track = readTrack(tracks.element(i), timeline.durationS, names))
            timeline.tracks.push_back(std::move(*track));
    return timeline;
}

nlohmann::json timelineToJson(const Timeline& timeline) {
    nlohmann::json tracks = nlohmann::json::array();
    for (const auto& track : timeline.tracks) {
        nlohmann::json json = {{"target", track.target}};
        if (track.revealFrom) json["from"] = {(*track.revealFrom)[0], (*track.revealFrom)[1]};
        if (track.target.rfind("flow.", 0) == 0)
            json["speed_mps"] = track.flowSpeedMps, json["spacing_m"] = track.flowSpacingM;
        if (track.revealAlongFlow) json["order"] = "flow";
        if (!track.flowAttribute.empty()) json["flow_attribute"] = track.flowAttribute;
        if (track.follow)
            json["follow"] = {{"layer", track.follow->layer},
                              {"ids", track.follow->ids},
                              {"height_m", track.follow->heightM},
                              {"behind_m", track.follow->behindM},
                              {"look_ahead_m", track.follow->lookAheadM}};
        nlohmann::json keys = nlohmann::json::array();
        for (const auto& key : track.keys) keys.push_back(keyToJson(key, track.target == "camera"));
        json["keys"] = std::move(keys);
        tracks.push_back(std::move(json));
    }
    return {{"duration_s", timeline.durationS}, {"fps", timeline.fps}, {"tracks", std::move(tracks)}};
}

void readTimelineSection(const JsonReader& root, const TimelineNames& names, std::optional<Timeline>& timeline) {
    if (root.has("timeline")) timeline = readTimeline(root.child("timeline"), names);
}

void writeTimelineSection(nlohmann::json& root, const std::optional<Timeline>& timeline) {
    if (timeline) root["timeline"] = timelineToJson(*timeline);
}

}  // namespace subterra
