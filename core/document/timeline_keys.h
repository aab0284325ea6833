#pragma once
// Key edits on a timeline, as the viewer's timeline panel and its script make them. Every edit
// keeps each track's keys strictly increasing in time and inside [0, duration], so the edited
// timeline is always one readTimeline accepts back from the saved project.
#include <optional>
#include <string>

#include "timeline.h"

namespace subterra {

// Two keys of one track closer than this are the same key (a project's times are increasing).
constexpr double kKeyTimeToleranceS = 1e-3;

// Adds `key` (its time clamped into the timeline) to the track `target`, making the track when
// there is none; a key already at that time is replaced. Returns the key's index in its track.
size_t addKey(Timeline& timeline, const std::string& target, Keyframe key);

// Moves key `index` of `target` to `timeS` (clamped into the timeline). Returns its new index,
// or nullopt (nothing changed) when there is no such key or another key sits at that time.
std::optional<size_t> moveKey(Timeline& timeline, const std::string& target, size_t index, double timeS);

// Removes key `index` of `target`; the track goes with its last key. False when there is no such key.
bool deleteKey(Timeline& timeline, const std::string& target, size_t index);

// A key's value (same count of numbers as before) and interpolation. False when there is no such key
// or the value has another size.
bool setKeyValue(Timeline& timeline, const std::string& target, size_t index, const std::vector<double>& value);
bool setKeyInterpolation(Timeline& timeline, const std::string& target, size_t index, Interpolation interpolation);

// The key of `target` nearest to `timeS` within `toleranceS`; nullopt when none is that close.
std::optional<size_t> keyNear(const Timeline& timeline, const std::string& target, double timeS, double toleranceS);

}  // namespace subterra
