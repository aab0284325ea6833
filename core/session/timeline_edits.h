#pragma once
// Every timeline edit the viewer makes (timeline panel, script): recorded in the one undo history,
// applied to the project's timeline (made when the first key is added), the preview redrawn and
// the project marked changed. The key operations themselves are scene/timeline_keys.h.
#include <functional>
#include <string>
#include <vector>

#include "scene_session.h"

namespace subterra {

// `continuing`: one more step of the edit last recorded under the same `what` (a drag), undone with it.
void editTimeline(SceneSession& session, const std::string& what, const std::function<void(Timeline&)>& edit,
                  bool continuing = false);

// The tracks a key can be added to here: camera, terrain.opacity, per layer
// layers.NAME.opacity, layers.NAME.visible, reveal.NAME and flow.NAME, per section its enabled
// and offset, per excavation its open, per annotation id its opacity.
std::vector<std::string> keyableTargets(const SceneSession& session);

// "layers.buildings.opacity" -> "buildings opacity": a track as the user thinks of it.
std::string trackLabel(const std::string& target);

// `target` checked against the session's layers.
std::optional<TrackTarget> parseSessionTarget(const SceneSession& session, const std::string& target,
                                              std::string& error);

// What a new key of `target` holds: the camera of the current view, a layer's or the terrain's
// current opacity or visibility; reveal, flow and other channels: the track's value at `timeS`
// (1 for a new reveal, 0 for a new flow; a section's or excavation's current on/off, offset 0,
// annotation opacity 1). Empty with `error` when the target is unknown.
std::vector<double> currentTrackValue(SceneSession& session, const std::string& target, double timeS,
                                      std::string& error);

// Adds (or replaces) a key of `target` at `timeS` from the current state; false with `error`.
[[nodiscard]] bool addKeyFromCurrentState(SceneSession& session, const std::string& target, double timeS,
                                          std::string& error);

}  // namespace subterra
