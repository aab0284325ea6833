#pragma once
// A timeline applied to a built scene: the state of every animated part at a time.
#include <map>
#include <string>
#include <vector>

#include "offscreen_renderer.h"
#include "scene_builder.h"
#include "timeline.h"

namespace subterra {

// What a frame needs besides the scene graph changes.
struct TimelineFrame {
    CameraSpec camera;
    // Generic channels (section.*, excavation.*, annotation.*) by target, for the features that
    // read them; not drawn by anything yet.
    std::map<std::string, std::vector<double>> parameters;
};

// Reveal tracks' "from" points into the style, before the scene is built (they shape the mesh).
void addRevealOrigins(SceneStyle& style, const Timeline& timeline);

class TimelinePlayer {
  public:
    // `scene` was built with `base` (+ addRevealOrigins); `fallbackCamera` is used without a camera track.
    TimelinePlayer(BuiltScene& scene, SceneStyle base, Timeline timeline, const CameraSpec& fallbackCamera);

    // Sets layer opacity/visibility, terrain opacity, reveal and flow for `timeS`. Every part is
    // set from the base style first, so the result depends on the time only, never on the
    // frames shown before (frames of a render farm's shards match a full run byte for byte).
    TimelineFrame apply(double timeS);

    const Timeline& timeline() const { return timeline_; }

  private:
    BuiltScene& scene_;
    SceneStyle base_;
    Timeline timeline_;
    CameraSpec fallbackCamera_;
    std::map<std::string, float> revealLengthM_;  // per layer: largest reveal distance of its vertices
};

}  // namespace subterra
