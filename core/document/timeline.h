#pragma once
// An explainer animation: a duration and tracks of keyframes. Each track drives one named
// parameter ("camera", "layers.water.opacity", "terrain.opacity", "reveal.water", "flow.sewer",
// and generic channels such as "excavation.pit.size" or "annotation.a1.opacity" that later
// features wire up). Time -> values is a pure function: the same time always gives the same state.
// Stored in the project file under "timeline" (docs/project-format.md).
#include <array>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "problem.h"
#include "timeline_parameters.h"

namespace subterra {

class JsonReader;

// How a key moves on to the next one.
enum class Interpolation {
    Linear,  // constant speed
    Smooth,  // Catmull-Rom through the keys: no velocity jump at a key between smooth segments;
             // eases in and out at the ends of a run of smooth keys
    Ease,    // stops at each key (smoothstep)
    Hold     // keeps the value until the next key
};
const char* toString(Interpolation interpolation);
std::optional<Interpolation> parseInterpolation(const std::string& text);

struct Keyframe {
    double timeS = 0;
    std::vector<double> value;  // camera: eye xyz, target xyz, up xyz, fov; others: 1 or more numbers
    Interpolation interpolation = Interpolation::Smooth;
};

enum class TrackKind { Camera, LayerOpacity, LayerVisible, TerrainOpacity, Reveal, Flow, Parameter };

// A parsed target path. Parameter: a channel of a named object (section.*, excavation.*,
// annotation.*, camera.follow; timeline_parameters.h), drawn by TimelinePlayer.
struct TrackTarget {
    TrackKind kind = TrackKind::Parameter;
    std::string layer;  // for layer, reveal and flow tracks
};

// camera.follow: the camera rides along a run of pipes (the features, in order, of one layer).
struct CameraFollow {
    std::string layer;
    std::vector<std::string> ids;
    double heightM = 6;      // eye above the pipe
    double behindM = 12;     // eye this far back along the run
    double lookAheadM = 10;  // looks at the pipe this far ahead; also the smoothing window
};

struct Track {
    std::string target;
    std::vector<Keyframe> keys;  // in time order
    // reveal: where the pipes start to grow from (project x, y); empty = the layer's first pipe.
    std::optional<std::array<double, 2>> revealFrom;
    // flow: pulse speed along the pipe (m/s) and distance between pulses (m).
    double flowSpeedMps = 2.0;
    double flowSpacingM = 8.0;
    // reveal: grow along the flow (from the sources downstream) instead of out from a point.
    bool revealAlongFlow = false;
    // reveal / flow: per-feature attribute whose sign gives pressure pipes' flow direction
    // (EPANET results; negative = against the digitised direction). Empty: "flow" when present.
    std::string flowAttribute;
    std::optional<CameraFollow> follow;  // camera.follow tracks
};

struct Timeline {
    double durationS = 10;
    double fps = 30;
    std::vector<Track> tracks;

    int frameCount() const;  // frames 0 .. frameCount()-1
    double frameTime(int frame) const { return frame / fps; }
    const Track* findTrack(const std::string& target) const;
};

// Number of values a key of this kind of track holds; 0 = any (generic parameters).
size_t valueSize(TrackKind kind);

// "layers.water.opacity" -> kind + layer. Unknown path or layer: nullopt and `error` says why.
std::optional<TrackTarget> parseTarget(const std::string& path, const std::vector<std::string>& layerNames,
                                       std::string& error);

std::optional<TrackTarget> parseTarget(const std::string& path, const TimelineNames& names, std::string& error);

// The track's value at `timeS` (before the first key: the first value; after the last: the last).
std::vector<double> evaluateTrack(const Track& track, double timeS);

}  // namespace subterra
