#pragma once
// Every annotation edit the viewer makes (panel, measure tool, script): recorded for undo,
// applied to the project's annotations, redrawn, and the project marked changed.
#include <functional>
#include <optional>
#include <string>

#include "scene_session.h"

namespace subterra {

// `continuing`: one more step of the edit last recorded under the same `what` (typing in a text
// field, dragging a slider), undone together with it.
void editAnnotations(SceneSession& session, const std::string& what, const std::function<void(Annotations&)>& edit,
                     bool continuing = false);
// Undo / redo the last viewer edit, of annotations, cuts or the timeline (one history for all).
bool undoAnnotationEdit(SceneSession& session);  // false when there is nothing to undo
bool redoAnnotationEdit(SceneSession& session);

// A callout on the selected feature, at `point` on it when given; false when nothing is selected.
bool addCalloutAtSelection(SceneSession& session, const std::optional<Vec3d>& point = std::nullopt);

// The default text of a new callout on a feature of this kind.
std::string defaultCalloutText(const FeatureRef& feature);

}  // namespace subterra
