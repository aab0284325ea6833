#include "timeline_keys.h"

#include <algorithm>
#include <cmath>

namespace subterra {

namespace {
Track* trackFor(Timeline& timeline, const std::string& target) {
    for (auto& track : timeline.tracks)
        if (track.target == target) return &track;
    return nullptr;
}

Keyframe* keyAt(Timeline& timeline, const std::string& target, size_t index) {
    Track* track = trackFor(timeline, target);
    return track && index < track->keys.size() ? &track->keys[index] : nullptr;
}

double clampTime(const Timeline& timeline, double timeS) { return std::clamp(timeS, 0.0, timeline.durationS); }

// Where a key at `timeS` goes to keep the keys in order.
size_t insertionIndex(const Track& track, double timeS) {
    const auto it = std::lower_bound(track.keys.begin(), track.keys.end(), timeS,
                                     [](const Keyframe& key, double t) { return key.timeS < t; });
    return size_t(it - track.keys.begin());
}
}  // namespace

std::optional<size_t> keyNear(const Timeline& timeline, const std::string& target, double timeS, double toleranceS) {
    const Track* track = timeline.findTrack(target);
    if (!track) return std::nullopt;
    std::optional<size_t> best;
    for (size_t i = 0; i < track->keys.size(); ++i) {
        const double distance = std::abs(track->keys[i].timeS - timeS);
        if (distance <= toleranceS && (!best || distance < std::abs(track->keys[*best].timeS - timeS))) best = i;
    }
    return best;
}

size_t addKey(Timeline& timeline, const std::string& target, Keyframe key) {
    key.timeS = clampTime(timeline, key.timeS);
    Track* track = trackFor(timeline, target);
    if (!track) {
        timeline.tracks.push_back(Track{});
        track = &timeline.tracks.back();
        track->target = target;
    }
    if (const auto same = keyNear(timeline, target, key.timeS, kKeyTimeToleranceS)) {
        track->keys[*same] = std::move(key);
        return *same;
    }
    const size_t index = insertionIndex(*track, key.timeS);
    track->keys.insert(track->keys.begin() + long(index), std::move(key));
    return index;
}

std::optional<size_t> moveKey(Timeline& timeline, const std::string& target, size_t index, double timeS) {
    Track* track = trackFor(timeline, target);
    if (!track || index >= track->keys.size()) return std::nullopt;
    timeS = clampTime(timeline, timeS);
    for (size_t i = 0; i < track->keys.size(); ++i)
        if (i != index && std::abs(track->keys[i].timeS - timeS) < kKeyTimeToleranceS) return std::nullopt;
    Keyframe key = std::move(track->keys[index]);
    track->keys.erase(track->keys.begin() + long(index));
    key.timeS = timeS;
    const size_t to = insertionIndex(*track, timeS);
    track->keys.insert(track->keys.begin() + long(to), std::move(key));
    return to;
}

bool deleteKey(Timeline& timeline, const std::string& target, size_t index) {
    Track* track = trackFor(timeline, target);
    if (!track || index >= track->keys.size()) return false;
    track->keys.erase(track->keys.begin() + long(index));
    if (track->keys.empty())
        timeline.tracks.erase(std::remove_if(timeline.tracks.begin(), timeline.tracks.end(),
                                             [&](const Track& t) { return t.target == target; }),
                              timeline.tracks.end());
    return true;
}

bool setKeyValue(Timeline& timeline, const std::string& target, size_t index, const std::vector<double>& value) {
    Keyframe* key = keyAt(timeline, target, index);
    if (!key || key->value.size() != value.size()) return false;
    key->value = value;
    return true;
}

bool setKeyInterpolation(Timeline& timeline, const std::string& target, size_t index, Interpolation interpolation) {
    Keyframe* key = keyAt(timeline, target, index);
    if (!key) return false;
    key->interpolation = interpolation;
    return true;
}

}  // namespace subterra
