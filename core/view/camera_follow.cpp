#include "camera_follow.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace subterra {

namespace {
double distance(const Vec3d& a, const Vec3d& b) {
    return std::sqrt((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y) + (a.z - b.z) * (a.z - b.z));
}
Vec3d lerp(const Vec3d& a, const Vec3d& b, double u) {
    return {a.x + (b.x - a.x) * u, a.y + (b.y - a.y) * u, a.z + (b.z - a.z) * u};
}
osg::Vec3d toOsg(const Vec3d& p) { return {p.x, p.y, p.z}; }
}  // namespace

std::optional<FollowPath> FollowPath::build(const Model& model, const CameraFollow& follow, std::string& error) {
    std::map<std::string, const Segment*> byId;
    for (const auto& s : model.segments)
        if (s.layer == follow.layer) byId.emplace(s.id, &s);
    std::vector<std::vector<Vec3d>> runs;
    for (const auto& id : follow.ids) {
        auto it = byId.find(id);
        if (it == byId.end() || it->second->points.size() < 2) {
            error = "no pipe '" + id + "' in layer '" + follow.layer + "'";
            return std::nullopt;
        }
        runs.push_back(it->second->points);
    }
    FollowPath path;
    path.options_ = follow;
    // Turn each piece so it continues from the end of the previous one (the first: towards the second).
    if (runs.size() > 1) {
        const auto& next = runs[1];
        const double keep = std::min(distance(runs[0].back(), next.front()), distance(runs[0].back(), next.back()));
        const double flip = std::min(distance(runs[0].front(), next.front()), distance(runs[0].front(), next.back()));
        if (flip < keep) std::reverse(runs[0].begin(), runs[0].end());
    }
    for (auto& run : runs) {
        if (!path.points_.empty() &&
            distance(path.points_.back(), run.back()) < distance(path.points_.back(), run.front()))
            std::reverse(run.begin(), run.end());
        for (const Vec3d& p : run) {
            if (!path.points_.empty() && distance(path.points_.back(), p) < 1e-6) continue;
            path.along_.push_back(path.points_.empty() ? 0 : path.along_.back() + distance(path.points_.back(), p));
            path.points_.push_back(p);
        }
    }
    if (path.points_.size() < 2) {
        error = "the run along layer '" + follow.layer + "' has no length";
        return std::nullopt;
    }
    return path;
}

Vec3d FollowPath::pointAt(double distanceM) const {
    const size_t n = points_.size();
    // Before the start / after the end: along the first / last piece, so the camera keeps moving.
    size_t i = size_t(std::upper_bound(along_.begin(), along_.end(), distanceM) - along_.begin());
    i = std::clamp<size_t>(i, 1, n - 1);
    const double piece = along_[i] - along_[i - 1];
    return lerp(points_[i - 1], points_[i], piece > 0 ? (distanceM - along_[i - 1]) / piece : 0);
}

Vec3d FollowPath::smoothedAt(double distanceM) const {
    constexpr int kSamples = 17;  // a box filter over the window: continuous velocity round corners
    const double window = options_.lookAheadM;
    Vec3d sum;
    for (int k = 0; k < kSamples; ++k) {
        const Vec3d p = pointAt(distanceM + window * (double(k) / (kSamples - 1) - 0.5));
        sum = {sum.x + p.x, sum.y + p.y, sum.z + p.z};
    }
    return {sum.x / kSamples, sum.y / kSamples, sum.z / kSamples};
}

CameraSpec FollowPath::cameraAt(double progress, double fovYDeg) const {
    const double at = std::clamp(progress, 0.0, 1.0) * lengthM();
    CameraSpec camera;
    Vec3d eye = smoothedAt(at - options_.behindM);
    eye.z += options_.heightM;
    camera.eye = toOsg(eye);
    camera.target = toOsg(smoothedAt(at + options_.lookAheadM));
    camera.up = {0, 0, 1};
    camera.fovYDeg = fovYDeg;
    return camera;
}

}  // namespace subterra
