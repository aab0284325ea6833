// The timeline panel's editor of the selected key: time, interpolation, value, delete.
#include <imgui.h>
#include <imgui_internal.h>  // GetItemID: which widget an edit came from

#include "panels.h"
#include "timeline_keys.h"
#include "timeline_edits.h"

namespace subterra {

namespace {
// Applies an edit made by the widget just drawn; the steps of one drag undo together.
void commit(SceneSession& session, const std::string& what, const std::function<void(Timeline&)>& edit) {
    static ImGuiID lastWidget = 0;
    const ImGuiID widget = ImGui::GetItemID();
    editTimeline(session, what, edit, widget == lastWidget);
    lastWidget = widget;
}

void valueEditor(SceneSession& session, ViewerUi& ui, const std::string& target, size_t index, const Keyframe& key,
                 double now) {
    std::string error;
    const auto parsed = parseSessionTarget(session, target, error);
    const TrackKind kind = parsed ? parsed->kind : TrackKind::Parameter;
    if (kind == TrackKind::Camera) {
        ImGui::TextDisabled("eye %.1f, %.1f, %.1f", key.value[0], key.value[1], key.value[2]);
        if (ImGui::Button("Set to the current view")) {
            const auto value = currentTrackValue(session, target, key.timeS, error);
            editTimeline(session, "set key value", [&](Timeline& t) { setKeyValue(t, target, index, value); });
            ui.say("Camera key set to the current view", now);
        }
        return;
    }
    if (kind == TrackKind::LayerVisible) {
        bool visible = key.value[0] >= 0.5;
        if (ImGui::Checkbox("visible", &visible))
            editTimeline(session, "set key value",
                         [&](Timeline& t) { setKeyValue(t, target, index, {visible ? 1.0 : 0.0}); });
        return;
    }
    ImGui::SetNextItemWidth(-1);
    if (key.value.size() == 1 && kind != TrackKind::Parameter) {
        float value = float(key.value[0]);
        if (ImGui::SliderFloat("##value", &value, 0.0f, 1.0f, "value %.2f"))
            commit(session, "set key value", [&](Timeline& t) { setKeyValue(t, target, index, {double(value)}); });
        return;
    }
    for (size_t i = 0; i < key.value.size(); ++i) {
        double value = key.value[i];
        ImGui::PushID(int(i));
        ImGui::SetNextItemWidth(-1);
        if (ImGui::InputDouble("##value", &value, 0, 0, "%.3f", ImGuiInputTextFlags_EnterReturnsTrue)) {
            std::vector<double> values = key.value;
            values[i] = value;
            editTimeline(session, "set key value", [&](Timeline& t) { setKeyValue(t, target, index, values); });
        }
        ImGui::PopID();
    }
}
}  // namespace

void drawKeyEditor(SceneSession& session, ViewerUi& ui, double now) {
    TimelineUi& t = ui.timeline;
    const Track* track = session.timeline() ? session.timeline()->findTrack(t.selectedTarget) : nullptr;
    if (!track || t.selectedKey < 0 || size_t(t.selectedKey) >= track->keys.size()) {
        ImGui::TextDisabled("Click a key to edit it.");
        ImGui::TextDisabled("Drag a key to move it;");
        ImGui::TextDisabled("drag the ruler to scrub.");
        return;
    }
    const std::string target = track->target;
    const size_t index = size_t(t.selectedKey);
    const Keyframe key = track->keys[index];
    ImGui::Text("%s  ·  key %d of %d", trackLabel(target).c_str(), int(index) + 1, int(track->keys.size()));

    double time = key.timeS;
    ImGui::SetNextItemWidth(110 * ui.scale);
    if (ImGui::InputDouble("s##time", &time, 0.1, 1.0, "%.2f", ImGuiInputTextFlags_EnterReturnsTrue)) {
        std::optional<size_t> moved;
        editTimeline(session, "move key", [&](Timeline& tl) { moved = moveKey(tl, target, index, time); });
        if (moved) t.selectedKey = int(*moved);
        else ui.say("Not moved: another key of this track is at that time", now);
    }
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-1);
    int interpolation = int(key.interpolation);
    const char* names[] = {"linear", "smooth", "ease", "hold"};
    if (ImGui::Combo("##interp", &interpolation, names, 4))
        editTimeline(session, "set interpolation",
                     [&](Timeline& tl) { setKeyInterpolation(tl, target, index, Interpolation(interpolation)); });

    valueEditor(session, ui, target, index, key, now);
    if (ImGui::Button("Delete key")) {
        editTimeline(session, "delete key", [&](Timeline& tl) { deleteKey(tl, target, index); });
        t.selectedKey = -1;
        t.selectedTarget.clear();
    }
}

}  // namespace subterra
