#include "timeline.h"

#include <limits>

#include <algorithm>
#include <cmath>

namespace subterra {

namespace {
bool startsWith(const std::string& text, const std::string& prefix) {
    return text.compare(0, prefix.size(), prefix) == 0;
}

// Velocity (per second) of a smooth track at key `i`: Catmull-Rom between two smooth segments
// (the same slope on both sides, so no jerk), zero at the ends of a smooth run (ease in/out).
double keyVelocity(const std::vector<Keyframe>& keys, size_t i, size_t component) {
    if (i == 0 || i + 1 >= keys.size()) return 0;
    if (keys[i - 1].interpolation != Interpolation::Smooth || keys[i].interpolation != Interpolation::Smooth) return 0;
    return (keys[i + 1].value[component] - keys[i - 1].value[component]) / (keys[i + 1].timeS - keys[i - 1].timeS);
}

double hermite(double p0, double p1, double v0, double v1, double dt, double u) {
    const double u2 = u * u, u3 = u2 * u;
    return (2 * u3 - 3 * u2 + 1) * p0 + (u3 - 2 * u2 + u) * dt * v0 + (-2 * u3 + 3 * u2) * p1 + (u3 - u2) * dt * v1;
}
}  // namespace

const char* toString(Interpolation interpolation) {
    switch (interpolation) {
        case Interpolation::Linear: return "linear";
        case Interpolation::Smooth: return "smooth";
        case Interpolation::Ease: return "ease";
        case Interpolation::Hold: return "hold";
    }
    return "smooth";
}

std::optional<Interpolation> parseInterpolation(const std::string& text) {
    for (auto i : {Interpolation::Linear, Interpolation::Smooth, Interpolation::Ease, Interpolation::Hold})
        if (text == toString(i)) return i;
    return std::nullopt;
}

int Timeline::frameCount() const {
    // Saturated, not wrapped: a duration the reader did not check must not come out as 1 frame.
    const double frames = std::round(durationS * fps);
    if (!(frames < double(std::numeric_limits<int>::max()))) return std::numeric_limits<int>::max();
    return std::max(1, int(frames));
}

const Track* Timeline::findTrack(const std::string& target) const {
    for (const auto& track : tracks)
        if (track.target == target) return &track;
    return nullptr;
}

size_t valueSize(TrackKind kind) {
    switch (kind) {
        case TrackKind::Camera: return 10;
        case TrackKind::Parameter: return 0;
        default: return 1;
    }
}

std::optional<TrackTarget> parseTarget(const std::string& path, const std::vector<std::string>& layerNames,
                                       std::string& error) {
    TimelineNames names;
    names.layers = layerNames;
    return parseTarget(path, names, error);
}

std::optional<TrackTarget> parseTarget(const std::string& path, const TimelineNames& names, std::string& error) {
    const std::vector<std::string>& layerNames = names.layers;
    auto layerTrack = [&](TrackKind kind, const std::string& layer) -> std::optional<TrackTarget> {
        if (std::find(layerNames.begin(), layerNames.end(), layer) == layerNames.end()) {
            error = "unknown layer '" + layer + "' in target '" + path + "'";
            return std::nullopt;
        }
        return TrackTarget{kind, layer};
    };
    if (path == "camera") return TrackTarget{TrackKind::Camera, ""};
    if (path == "terrain.opacity") return TrackTarget{TrackKind::TerrainOpacity, ""};
    if (startsWith(path, "reveal.")) return layerTrack(TrackKind::Reveal, path.substr(7));
    if (startsWith(path, "flow.")) return layerTrack(TrackKind::Flow, path.substr(5));
    if (startsWith(path, "layers.")) {
        const size_t dot = path.rfind('.');
        const std::string property = path.substr(dot + 1), layer = path.substr(7, dot > 7 ? dot - 7 : 0);
        if (property == "opacity") return layerTrack(TrackKind::LayerOpacity, layer);
        if (property == "visible") return layerTrack(TrackKind::LayerVisible, layer);
        error = "unknown layer property in target '" + path + "' (use layers.NAME.opacity or layers.NAME.visible)";
        return std::nullopt;
    }
    if (isParameterPath(path)) {
        if (!parseParameterTarget(path, names, error)) return std::nullopt;
        return TrackTarget{TrackKind::Parameter, ""};
    }
    error = "unknown target '" + path +
            "' (use camera, camera.follow, terrain.opacity, layers.NAME.opacity, layers.NAME.visible, reveal.NAME, "
            "flow.NAME, section.NAME.PROPERTY, excavation.NAME.PROPERTY or annotation.ID.opacity)";
    return std::nullopt;
}

std::vector<double> evaluateTrack(const Track& track, double timeS) {
    const auto& keys = track.keys;
    if (keys.empty()) return {};
    if (timeS <= keys.front().timeS) return keys.front().value;
    if (timeS >= keys.back().timeS) return keys.back().value;
    const size_t i = size_t(std::upper_bound(keys.begin(), keys.end(), timeS,
                                             [](double t, const Keyframe& key) { return t < key.timeS; }) -
                            keys.begin()) -
                     1;
    const Keyframe &a = keys[i], &b = keys[i + 1];
    const double dt = b.timeS - a.timeS, u = (timeS - a.timeS) / dt;
    std::vector<double> value(a.value.size());
    for (size_t c = 0; c < value.size(); ++c) {
        switch (a.interpolation) {
            case Interpolation::Hold: value[c] = a.value[c]; break;
            case Interpolation::Linear: value[c] = a.value[c] + (b.value[c] - a.value[c]) * u; break;
            case Interpolation::Ease: value[c] = a.value[c] + (b.value[c] - a.value[c]) * u * u * (3 - 2 * u); break;
            case Interpolation::Smooth:
                value[c] = hermite(a.value[c], b.value[c], keyVelocity(keys, i, c), keyVelocity(keys, i + 1, c), dt, u);
                break;
        }
    }
    return value;
}

}  // namespace subterra
