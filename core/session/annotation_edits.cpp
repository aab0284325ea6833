#include "annotation_edits.h"

namespace subterra {

void editAnnotations(SceneSession& session, const std::string& what, const std::function<void(Annotations&)>& edit,
                     bool continuing) {
    if (!continuing || session.undoStack().undoLabel() != what) session.undoStack().push(what, session.editState());
    edit(session.annotations());
    session.refreshAnnotations();
}

namespace {
bool restore(SceneSession& session, std::optional<EditState> state) {
    if (!state) return false;
    session.annotations() = std::move(state->annotations);
    session.refreshAnnotations();
    session.setCuts(state->cuts);
    if (state->checks != session.checkRules()) session.setCheckRules(state->checks);
    session.timeline() = std::move(state->timeline);
    session.timelineChanged();
    return true;
}
}  // namespace

bool undoAnnotationEdit(SceneSession& session) {
    return restore(session, session.undoStack().undo(session.editState()));
}

bool redoAnnotationEdit(SceneSession& session) {
    return restore(session, session.undoStack().redo(session.editState()));
}

std::string defaultCalloutText(const FeatureRef& feature) {
    if (feature.segment)
        return feature.segment->section.diameterM > 0 ? "{id} · {material} DN{diameter_mm} · {depth_m:.1f} m deep"
                                                      : "{id} · {material} · {depth_m:.1f} m deep";
    if (feature.node) return "{id} · {kind} · {depth_m:.1f} m deep";
    return "{id}";
}

bool addCalloutAtSelection(SceneSession& session, const std::optional<Vec3d>& point) {
    if (!session.selection()) return false;
    Callout callout;
    callout.anchor = {session.selection()->layer, session.selection()->featureId, point};
    callout.text = defaultCalloutText(session.selectedFeature());
    editAnnotations(session, "add callout", [&](Annotations& a) { a.callouts.push_back(callout); });
    return true;
}

}  // namespace subterra
