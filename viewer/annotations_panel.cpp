// The annotations panel: title card, callouts (add at the selection, edit, move, delete), layer
// labels, measurements and the measure tool, with undo and redo.
#include <imgui.h>
#include <imgui_internal.h>  // GetItemID: which widget an edit came from

#include <cstring>

#include "annotation_edits.h"
#include "panels.h"
#include "theme.h"

namespace subterra {

namespace {
using Edit = std::function<void(Annotations&)>;

// Applies an edit made by the widget just drawn; keystrokes and drags of one widget undo together.
void commit(SceneSession& session, const std::string& what, const Edit& edit) {
    static ImGuiID lastWidget = 0;
    const ImGuiID widget = ImGui::GetItemID();
    editAnnotations(session, what, edit, widget == lastWidget);
    lastWidget = widget;
}

// A text field over a std::string; true (with `text` changed) on each edit.
bool textField(const char* label, std::string& text) {
    char buffer[512];
    std::strncpy(buffer, text.c_str(), sizeof buffer - 1);
    buffer[sizeof buffer - 1] = '\0';
    if (!ImGui::InputText(label, buffer, sizeof buffer)) return false;
    text = buffer;
    return true;
}

void undoRow(SceneSession& session, ViewerUi& ui, double now) {
    const auto& stack = session.undoStack();
    ImGui::BeginDisabled(!stack.canUndo());
    if (ImGui::Button("Undo") && undoAnnotationEdit(session)) ui.say("Undone", now);
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(!stack.canRedo());
    if (ImGui::Button("Redo") && redoAnnotationEdit(session)) ui.say("Redone", now);
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::TextDisabled("%s", stack.canUndo() ? ("last: " + stack.undoLabel()).c_str() : "");
}

void titleSection(SceneSession& session) {
    sectionTitle("Title card");
    std::string title = session.annotations().title ? session.annotations().title->title : "";
    if (textField("##title", title))
        commit(session, "edit title", [&](Annotations& a) {
            if (title.empty() && (!a.title || a.title->subtitle.empty())) a.title.reset();
            else {
                if (!a.title) a.title = TitleCard{};
                a.title->title = title;
            }
        });
}

void calloutRow(SceneSession& session, size_t i) {
    Callout callout = session.annotations().callouts[i];
    ImGui::PushID(int(i));
    ImGui::TextDisabled(
        "%s", callout.anchor.isFeature() ? (callout.anchor.layer + " " + callout.anchor.featureId).c_str() : "point");
    ImGui::SameLine();
    if (ImGui::SmallButton("Delete")) {
        commit(session, "delete callout", [i](Annotations& a) { a.callouts.erase(a.callouts.begin() + long(i)); });
        ImGui::PopID();
        return;  // the rows below belong to the next callout now
    }
    if (textField("text", callout.text))
        commit(session, "edit callout text", [&](Annotations& a) { a.callouts[i].text = callout.text; });
    float offset[2] = {float(callout.offsetXPx), float(callout.offsetYPx)};
    if (ImGui::DragFloat2("offset px", offset, 1.0f, -800, 800, "%.0f"))
        commit(session, "move callout", [&](Annotations& a) {
            a.callouts[i].offsetXPx = offset[0];
            a.callouts[i].offsetYPx = offset[1];
        });
    float size = float(callout.style.sizePx);
    if (ImGui::SliderFloat("size px", &size, 8, 60, "%.0f"))
        commit(session, "resize callout", [&](Annotations& a) { a.callouts[i].style.sizePx = size; });
    float color[3] = {callout.style.leaderColor[0], callout.style.leaderColor[1], callout.style.leaderColor[2]};
    if (ImGui::ColorEdit3("leader", color, ImGuiColorEditFlags_NoInputs))
        commit(session, "colour callout", [&](Annotations& a) {
            for (int c = 0; c < 3; ++c) a.callouts[i].style.leaderColor[size_t(c)] = color[c];
        });
    ImGui::SameLine();
    bool onTop = callout.alwaysOnTop, box = callout.style.background[3] > 0;
    if (ImGui::Checkbox("on top", &onTop))
        commit(session, "callout on top", [&](Annotations& a) { a.callouts[i].alwaysOnTop = onTop; });
    ImGui::SameLine();
    if (ImGui::Checkbox("box", &box))
        commit(session, "callout box", [&](Annotations& a) { a.callouts[i].style.background[3] = box ? 0.88f : 0.0f; });
    ImGui::Separator();
    ImGui::PopID();
}

void calloutSection(SceneSession& session, ViewerUi& ui, double now) {
    sectionTitle("Callouts");
    ImGui::BeginDisabled(!session.selection());
    if (ImGui::Button("Add callout at selection") && addCalloutAtSelection(session))
        ui.say("Callout added to " + session.selection()->featureId, now);
    ImGui::EndDisabled();
    for (size_t i = 0; i < session.annotations().callouts.size(); ++i) calloutRow(session, i);
}

void layerLabelSection(SceneSession& session) {
    sectionTitle("Layer labels");
    static int layerIndex = 0;
    std::vector<const char*> names;
    for (const auto& [name, group] : session.scene().layers) names.push_back(name.c_str());
    if (!names.empty()) {
        layerIndex = std::min(layerIndex, int(names.size()) - 1);
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 9);
        ImGui::Combo("##layer", &layerIndex, names.data(), int(names.size()));
        ImGui::SameLine();
        if (ImGui::Button("Label layer")) {
            LayerLabels labels;
            labels.layer = names[size_t(layerIndex)];
            labels.text = "{id}";
            commit(session, "add layer labels", [&](Annotations& a) { a.layerLabels.push_back(labels); });
        }
    }
    for (size_t i = 0; i < session.annotations().layerLabels.size(); ++i) {
        std::string text = session.annotations().layerLabels[i].text;
        ImGui::PushID(int(1000 + i));
        if (textField(session.annotations().layerLabels[i].layer.c_str(), text))
            commit(session, "edit layer labels", [&](Annotations& a) { a.layerLabels[i].text = text; });
        ImGui::SameLine();
        if (ImGui::SmallButton("Delete"))
            commit(session, "delete layer labels",
                   [i](Annotations& a) { a.layerLabels.erase(a.layerLabels.begin() + long(i)); });
        ImGui::PopID();
    }
}

void measureSection(SceneSession& session, ViewerUi& ui, double now) {
    sectionTitle("Measure");
    const MeasurementKind kinds[] = {MeasurementKind::Distance, MeasurementKind::Horizontal, MeasurementKind::Vertical,
                                     MeasurementKind::DepthBelowGround, MeasurementKind::Clearance};
    for (MeasurementKind kind : kinds) {
        const bool on = ui.measure.kind == kind;
        if (on) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
        if (ImGui::SmallButton(toString(kind))) {
            if (on) ui.measure.stop();
            else ui.measure.start(kind);
            ui.say(on ? "Measure tool off" : measurePrompt(ui.measure), now);
        }
        if (on) ImGui::PopStyleColor();
        ImGui::SameLine();
    }
    ImGui::NewLine();
    if (ui.measure.active()) ImGui::TextWrapped("%s (click the tool again to stop)", measurePrompt(ui.measure).c_str());
    const auto& measurements = session.annotations().measurements;
    for (size_t i = 0; i < measurements.size(); ++i) {
        std::string error;
        const auto value = measure(session.model(), measurements[i], error);
        ImGui::PushID(int(2000 + i));
        ImGui::Text("%s: %s", toString(measurements[i].kind), value ? value->label.c_str() : error.c_str());
        ImGui::SameLine();
        if (ImGui::SmallButton("Delete"))
            commit(session, "delete measurement",
                   [i](Annotations& a) { a.measurements.erase(a.measurements.begin() + long(i)); });
        ImGui::PopID();
    }
}
}  // namespace

void drawAnnotationsPanel(SceneSession& session, ViewerUi& ui, double now) {
    const ImGuiViewport* main = ImGui::GetMainViewport();
    const float width = 380 * ui.scale;
    // Kept at the bottom of the scene, also when the timeline panel below opens or closes.
    static int lastBottom = -1;
    const int bottom = ui.viewport.y + ui.viewport.height;
    ImGui::SetNextWindowPos(
        ImVec2(main->Pos.x + float(ui.viewport.x) + 8 * ui.scale, main->Pos.y + float(bottom) - 8 * ui.scale),
        bottom != lastBottom ? ImGuiCond_Always : ImGuiCond_FirstUseEver, ImVec2(0, 1));
    lastBottom = bottom;
    ImGui::SetNextWindowSize(ImVec2(width, 460 * ui.scale), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowCollapsed(true, ImGuiCond_FirstUseEver);
    if (ImGui::Begin("Annotations")) {
        undoRow(session, ui, now);
        titleSection(session);
        calloutSection(session, ui, now);
        layerLabelSection(session);
        measureSection(session, ui, now);
    }
    ImGui::End();
}

}  // namespace subterra
