#pragma once
// camera.follow: a camera riding along a run of pipes. The run's polyline is chained from the
// listed features (each turned to continue from the previous one's nearer end); eye and target
// are averaged over a window along it, so corners give a gentle turn, not a jerk.
#include <optional>
#include <string>
#include <vector>

#include "model.h"
#include "camera_spec.h"
#include "timeline.h"

namespace subterra {

class FollowPath {
  public:
    // nullopt and `error` naming the feature when an id is not a segment of the layer.
    static std::optional<FollowPath> build(const Model& model, const CameraFollow& follow, std::string& error);

    double lengthM() const { return along_.empty() ? 0 : along_.back(); }
    // The point `distanceM` along the run; beyond its ends, continued straight on.
    Vec3d pointAt(double distanceM) const;
    // Eye `behindM` back and `heightM` above, looking `lookAheadM` ahead, at `progress` 0..1 of the run.
    CameraSpec cameraAt(double progress, double fovYDeg) const;

  private:
    Vec3d smoothedAt(double distanceM) const;
    std::vector<Vec3d> points_;
    std::vector<double> along_;  // distance of each point from the start (3D)
    CameraFollow options_;
};

}  // namespace subterra
