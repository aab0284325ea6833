#pragma once
// A timeline applied to a built scene: the state of every animated part at a time.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "camera_follow.h"

#include "camera_spec.h"
#include "scene_builder.h"
#include "timeline.h"

namespace subterra {

// What a frame needs besides the scene graph changes.
struct TimelineFrame {
    CameraSpec camera;
    // Channels of named objects (section.*, excavation.*, annotation.*, camera.follow) by target.
    // Cuts and the follow camera are applied by the player when it has the model; annotation
    // fades are in annotationOpacity, for the overlay (fadedAnnotations).
    std::map<std::string, std::vector<double>> parameters;
    std::map<std::string, float> annotationOpacity;  // by annotation id; absent = 1
};

// Reveal tracks' "from" points into the style, before the scene is built (they shape the mesh).
void addRevealOrigins(SceneStyle& style, const Timeline& timeline);

class TimelinePlayer {
  public:
    // `scene` was built with `base` (+ addRevealOrigins); `fallbackCamera` is used without a camera track.
    TimelinePlayer(BuiltScene& scene, SceneStyle base, Timeline timeline, const CameraSpec& fallbackCamera);
    // With the model the scene was built from: section and excavation tracks cut the scene and
    // camera.follow tracks ride along their pipes. Follow runs naming missing pipes are in problems().
    TimelinePlayer(BuiltScene& scene, const Model& model, SceneStyle base, Timeline timeline,
                   const CameraSpec& fallbackCamera);

    // Sets layer opacity/visibility, terrain opacity, reveal and flow for `timeS`. Every part is
    // set from the base style first, so the result depends on the time only, never on the
    // frames shown before (frames of a render farm's shards match a full run byte for byte).
    TimelineFrame apply(double timeS);

    const Timeline& timeline() const { return timeline_; }
    const Problems& problems() const { return problems_; }

  private:
    void applyParameters(TimelineFrame& frame, double timeS);  // fades, follow camera, cuts
    BuiltScene& scene_;
    SceneStyle base_;
    Timeline timeline_;
    CameraSpec fallbackCamera_;
    std::map<std::string, float> revealLengthM_;  // per layer: largest reveal distance of its vertices
    const Model* model_ = nullptr;
    Cuts drawnCuts_;                            // what the scene's cut state shows now
    std::map<size_t, FollowPath> followPaths_;  // camera.follow tracks' runs, by track index
    Problems problems_;
};

}  // namespace subterra
