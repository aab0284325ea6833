// The timeline panel, docked along the bottom of the scene: a toolbar (play, loop, preview, add
// a key from the current state, export), one lane of keys per track on a time ruler (drag the
// ruler to scrub, drag a key to move it), and an editor for the selected key.
#include <imgui.h>
#include <imgui_internal.h>  // GetItemID: which widget an edit came from

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "panels.h"
#include "timeline_keys.h"
#include "timeline_edits.h"
#include "timeline_playback.h"

namespace subterra {

namespace {
constexpr int kMinLanes = 3, kMaxLanes = 7;
const ImU32 kKeyColor = IM_COL32(46, 92, 156, 255);
const ImU32 kSelectedColor = IM_COL32(232, 124, 24, 255);
const ImU32 kPlayheadColor = IM_COL32(210, 40, 40, 255);

float laneHeight(const ViewerUi& ui) { return 22 * ui.scale; }
float rulerHeight(const ViewerUi& ui) { return 20 * ui.scale; }

// Seconds between labelled ticks: the smallest round step at least ~60 px apart.
double tickStep(double pixelsPerSecond) {
    for (double step : {0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0, 30.0, 60.0})
        if (step * pixelsPerSecond >= 60) return step;
    return 120;
}

struct Lanes {
    ImVec2 origin;  // top left of the ruler
    float width = 1, inset = 1;
    double durationS = 1;
    float x(double t) const { return origin.x + inset + float(t / durationS) * (width - 2 * inset); }
    double time(float px) const {
        return std::clamp(double(px - origin.x - inset) / (width - 2 * inset) * durationS, 0.0, durationS);
    }
};

double snapToFrame(double t, const Timeline& timeline) { return std::round(t * timeline.fps) / timeline.fps; }

void toolbar(SceneSession& session, ViewerUi& ui, double now) {
    TimelineUi& t = ui.timeline;
    const bool hasTimeline = session.timeline().has_value();
    ImGui::BeginDisabled(!hasTimeline);
    if (ImGui::Button(t.playing ? "Pause" : "Play", ImVec2(64 * ui.scale, 0))) {
        t.playing = !t.playing;
        if (t.playing && t.playheadS >= session.timeline()->durationS) t.playheadS = 0;
        if (t.playing) seekTimeline(session, t, t.playheadS);
    }
    ImGui::SameLine();
    ImGui::Checkbox("Loop", &t.loop);
    ImGui::SameLine();
    bool preview = session.previewing();
    if (ImGui::Checkbox("Camera preview", &preview)) {
        if (preview) seekTimeline(session, t, t.playheadS);
        else leavePreview(session, t);
    }
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip(
            "The scene and the view show the timeline at the playhead.\nNavigating the view leaves the preview.");
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    ImGui::Text("%.2f / %.2f s", t.playheadS, hasTimeline ? session.timeline()->durationS : 0.0);
    ImGui::EndDisabled();

    ImGui::SameLine(0, 24 * ui.scale);
    ImGui::TextUnformatted("Add key to");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(200 * ui.scale);
    if (ImGui::BeginCombo("##target", trackLabel(t.addTarget).c_str())) {
        for (const auto& target : keyableTargets(session))
            if (ImGui::Selectable(trackLabel(target).c_str(), target == t.addTarget)) t.addTarget = target;
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    if (ImGui::Button("Add key")) {
        std::string error;
        if (addKeyFromCurrentState(session, t.addTarget, t.playheadS, error)) {
            t.selectedTarget = t.addTarget;
            t.selectedKey = int(*keyNear(*session.timeline(), t.addTarget, t.playheadS, kKeyTimeToleranceS));
            char at[32];
            std::snprintf(at, sizeof at, " at %.2f s", t.playheadS);
            ui.say("Key added to " + trackLabel(t.addTarget) + at, now);
        } else {
            ui.say("No key added: " + error, now);
        }
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("At the playhead, from the current view or setting");
    const float exportWidth = ImGui::CalcTextSize("Export frames...").x + 2 * ImGui::GetStyle().FramePadding.x;
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - exportWidth);
    ImGui::BeginDisabled(!hasTimeline);
    if (ImGui::Button("Export frames...")) ui.timeline.exportDialogOpen = true;
    ImGui::EndDisabled();
}

void drawRuler(const Lanes& lanes, const ViewerUi& ui, ImDrawList& draw) {
    const float h = rulerHeight(ui);
    draw.AddRectFilled(lanes.origin, ImVec2(lanes.origin.x + lanes.width, lanes.origin.y + h),
                       IM_COL32(226, 228, 232, 255));
    const double step = tickStep((lanes.width - 2 * lanes.inset) / lanes.durationS);
    for (int i = 0; i * step <= lanes.durationS + 1e-9; ++i) {
        const double t = i * step;
        const float x = lanes.x(t);
        draw.AddLine(ImVec2(x, lanes.origin.y + h * 0.55f), ImVec2(x, lanes.origin.y + h),
                     IM_COL32(120, 124, 130, 255));
        char label[16];
        std::snprintf(label, sizeof label, "%g s", t);
        const float w = ImGui::CalcTextSize(label).x;
        if (x + 3 + w < lanes.origin.x + lanes.width)
            draw.AddText(ImVec2(x + 3, lanes.origin.y + 1), IM_COL32(70, 74, 80, 255), label);
    }
}

void drawKey(ImDrawList& draw, ImVec2 c, float r, const Keyframe& key, bool selected) {
    const ImU32 color = selected ? kSelectedColor : kKeyColor;
    if (key.interpolation == Interpolation::Hold) {
        draw.AddRectFilled(ImVec2(c.x - r * 0.8f, c.y - r * 0.8f), ImVec2(c.x + r * 0.8f, c.y + r * 0.8f), color);
    } else {
        draw.AddQuadFilled(ImVec2(c.x, c.y - r), ImVec2(c.x + r, c.y), ImVec2(c.x, c.y + r), ImVec2(c.x - r, c.y),
                           color);
    }
    if (selected) draw.AddCircle(c, r + 3, kSelectedColor, 16, 1.5f);
}

// One lane: its keys (click selects, drag moves between the neighbours), then the lane itself
// (click or drag scrubs). Keys come first: ImGui gives the hover to the first item submitted.
void drawLane(SceneSession& session, ViewerUi& ui, const Lanes& lanes, const Track& track, float y, ImDrawList& draw) {
    TimelineUi& t = ui.timeline;
    const float h = laneHeight(ui), r = 6 * ui.scale;
    const ImVec2 laneMin(lanes.origin.x, y), laneMax(lanes.origin.x + lanes.width, y + h);
    draw.AddLine(ImVec2(laneMin.x, laneMax.y - 0.5f), ImVec2(laneMax.x, laneMax.y - 0.5f),
                 IM_COL32(214, 216, 220, 255));
    if (track.keys.size() > 1)
        draw.AddLine(ImVec2(lanes.x(track.keys.front().timeS), y + h / 2),
                     ImVec2(lanes.x(track.keys.back().timeS), y + h / 2), IM_COL32(150, 170, 200, 255), 2.0f);
    ImGui::PushID(track.target.c_str());
    for (size_t i = 0; i < track.keys.size(); ++i) {
        const ImVec2 c(lanes.x(track.keys[i].timeS), y + h / 2);
        const bool selected = t.selectedTarget == track.target && t.selectedKey == int(i);
        ImGui::SetCursorScreenPos(ImVec2(c.x - r - 2, c.y - r - 2));
        ImGui::PushID(int(i));
        ImGui::InvisibleButton("##key", ImVec2(2 * r + 4, 2 * r + 4));
        ImGui::PopID();
        if (ImGui::IsItemActivated()) {
            t.selectedTarget = track.target, t.selectedKey = int(i);
            t.keyDragMoved = false;
        }
        if (ImGui::IsItemActive() && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 2.0f)) {
            const double lo = i > 0 ? track.keys[i - 1].timeS + 1.0 / session.timeline()->fps : 0.0;
            const double hi = i + 1 < track.keys.size() ? track.keys[i + 1].timeS - 1.0 / session.timeline()->fps
                                                        : session.timeline()->durationS;
            const double to =
                std::clamp(snapToFrame(lanes.time(ImGui::GetIO().MousePos.x), *session.timeline()), lo, hi);
            if (std::abs(to - track.keys[i].timeS) > 1e-9) {
                const std::string target = track.target;  // the edit replaces the track being drawn
                editTimeline(
                    session, "move key", [&](Timeline& tl) { moveKey(tl, target, i, to); }, t.keyDragMoved);
                t.keyDragMoved = true;
                ImGui::PopID();
                return;  // `track` may be gone; the next frame draws the lane again
            }
        }
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("%.2f s  %s", track.keys[i].timeS, toString(track.keys[i].interpolation));
        drawKey(draw, c, r, track.keys[i], selected);
    }
    ImGui::SetCursorScreenPos(laneMin);
    ImGui::InvisibleButton("##lane", ImVec2(lanes.width, h));
    if (ImGui::IsItemActive())
        seekTimeline(session, t, snapToFrame(lanes.time(ImGui::GetIO().MousePos.x), *session.timeline()));
    if (ImGui::IsItemActivated()) t.selectedKey = -1, t.selectedTarget.clear();
    ImGui::PopID();
}

void drawTracks(SceneSession& session, ViewerUi& ui, ImVec2 size) {
    TimelineUi& t = ui.timeline;
    const Timeline& timeline = *session.timeline();
    const float labelWidth = 210 * ui.scale;
    ImDrawList& draw = *ImGui::GetWindowDrawList();
    const ImVec2 start = ImGui::GetCursorScreenPos();
    Lanes lanes;
    lanes.origin = ImVec2(start.x + labelWidth, start.y);
    lanes.width = std::max(50.0f, size.x - labelWidth);
    lanes.inset = 8 * ui.scale;
    lanes.durationS = std::max(1e-3, timeline.durationS);
    drawRuler(lanes, ui, draw);
    ImGui::SetCursorScreenPos(lanes.origin);
    ImGui::InvisibleButton("##ruler", ImVec2(lanes.width, rulerHeight(ui)));
    if (ImGui::IsItemActive()) seekTimeline(session, t, snapToFrame(lanes.time(ImGui::GetIO().MousePos.x), timeline));
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Drag to scrub");

    // Lanes scroll under the ruler when there are more tracks than fit.
    ImGui::SetCursorScreenPos(ImVec2(start.x, start.y + rulerHeight(ui)));
    ImGui::BeginChild("##lanes", ImVec2(size.x, size.y - rulerHeight(ui)), false);
    ImDrawList& laneDraw = *ImGui::GetWindowDrawList();
    const ImVec2 top = ImGui::GetCursorScreenPos();
    Lanes inChild = lanes;
    inChild.origin.y = top.y;
    const size_t count = timeline.tracks.size();
    for (size_t i = 0; i < count && i < session.timeline()->tracks.size(); ++i) {
        const Track& track = session.timeline()->tracks[i];
        const float y = top.y + float(i) * laneHeight(ui);
        ImGui::SetCursorScreenPos(ImVec2(top.x + 4 * ui.scale, y + (laneHeight(ui) - ImGui::GetTextLineHeight()) / 2));
        const std::string label = trackLabel(track.target);
        if (ImGui::Selectable(label.c_str(), t.addTarget == track.target, 0, ImVec2(labelWidth - 12 * ui.scale, 0)))
            t.addTarget = track.target;
        drawLane(session, ui, inChild, track, y, laneDraw);
    }
    // The playhead over ruler and lanes.
    const float px = lanes.x(t.playheadS);
    laneDraw.AddLine(ImVec2(px, top.y), ImVec2(px, top.y + std::max(size.y, float(count) * laneHeight(ui))),
                     kPlayheadColor, 2.0f);
    ImGui::SetCursorScreenPos(ImVec2(top.x, top.y + float(count) * laneHeight(ui)));
    ImGui::Dummy(ImVec2(1, 1));
    ImGui::EndChild();
    const float r = 5 * ui.scale;
    draw.AddTriangleFilled(ImVec2(px - r, start.y + rulerHeight(ui) - r * 1.4f),
                           ImVec2(px + r, start.y + rulerHeight(ui) - r * 1.4f), ImVec2(px, start.y + rulerHeight(ui)),
                           kPlayheadColor);
    draw.AddLine(ImVec2(px, start.y), ImVec2(px, start.y + rulerHeight(ui)), kPlayheadColor, 2.0f);
}
}  // namespace

float timelinePanelHeight(const SceneSession& session, const ViewerUi& ui) {
    const float title = ImGui::GetFrameHeight();
    if (!ui.timeline.expanded) return title;
    const int tracks = session.timeline() ? int(session.timeline()->tracks.size()) : 0;
    const int lanes = std::clamp(tracks, kMinLanes, kMaxLanes);
    const ImGuiStyle& style = ImGui::GetStyle();
    return title + 2 * style.WindowPadding.y + ImGui::GetFrameHeightWithSpacing() + rulerHeight(ui) +
           float(lanes) * laneHeight(ui) + 4 * ui.scale;
}

void drawTimelinePanel(SceneSession& session, ViewerUi& ui, double now) {
    advanceTimeline(session, ui.timeline, ImGui::GetIO().DeltaTime);
    const ImGuiViewport* main = ImGui::GetMainViewport();
    const float x = float(ui.viewport.x), height = timelinePanelHeight(session, ui);
    ImGui::SetNextWindowPos(ImVec2(main->Pos.x + x, main->Pos.y + main->Size.y - statusBarHeight() - height));
    ImGui::SetNextWindowSize(ImVec2(main->Size.x - x, height));
    if (ui.timeline.shownExpanded != ui.timeline.expanded) ImGui::SetNextWindowCollapsed(!ui.timeline.expanded);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoScrollbar |
                                   ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoBringToFrontOnFocus;
    const bool open = ImGui::Begin("Timeline", nullptr, flags);
    ui.timeline.expanded = !ImGui::IsWindowCollapsed();  // the title bar's arrow toggles it
    ui.timeline.shownExpanded = ui.timeline.expanded;
    if (open) {
        toolbar(session, ui, now);
        if (!session.timeline()) {
            ImGui::TextDisabled(
                "No timeline in this project yet: pick a track and press Add key to start a %.0f s one.",
                Timeline{}.durationS);
        } else {
            const float editorWidth = 300 * ui.scale;
            const ImVec2 avail = ImGui::GetContentRegionAvail();
            const ImVec2 editorPos(ImGui::GetCursorScreenPos().x + avail.x - editorWidth,
                                   ImGui::GetCursorScreenPos().y);
            drawTracks(session, ui, ImVec2(avail.x - editorWidth - 12 * ui.scale, avail.y));
            ImGui::SetCursorScreenPos(editorPos);
            ImGui::BeginChild("##key editor", ImVec2(editorWidth, avail.y), false);
            drawKeyEditor(session, ui, now);
            ImGui::EndChild();
        }
    }
    ImGui::End();
}

}  // namespace subterra
