#include "cut_handles_input.h"

#include <imgui.h>

#include <cmath>

namespace subterra {

namespace {
const char* hint(HandleRole role) {
    switch (role) {
        case HandleRole::Move: return "Drag to move";
        case HandleRole::EdgeEast:
        case HandleRole::EdgeWest:
        case HandleRole::EdgeNorth:
        case HandleRole::EdgeSouth: return "Drag to move this side";
        case HandleRole::Rotate: return "Drag to rotate";
        case HandleRole::Depth: return "Drag up or down: the floor's depth";
        case HandleRole::LineStart:
        case HandleRole::LineEnd: return "Drag to move this end of the section line";
        case HandleRole::Level: return "Drag up or down: the section's level";
    }
    return "";
}

bool sameHandle(const std::optional<CutHandle>& a, const CutHandle& b) {
    return a && a->excavation == b.excavation && a->index == b.index && a->role == b.role;
}

// Outlines of what the handles edit: each pit's rim and each section's line.
void drawOutlines(SceneSession& session, const ViewerUi& ui, ImDrawList& draw, ImU32 color) {
    const Cuts& cuts = session.cuts();
    auto line = [&](const Vec3d& a, const Vec3d& b) {
        const auto pa = windowPointOf(session, ui.viewport, a), pb = windowPointOf(session, ui.viewport, b);
        if (pa && pb)
            draw.AddLine(ImVec2(float(pa->x()), float(pa->y())), ImVec2(float(pb->x()), float(pb->y())), color,
                         1.5f * ui.scale);
    };
    for (const Excavation& e : cuts.excavations) {
        if (!e.enabled) continue;
        const double r = e.rotationDeg * M_PI / 180, c = std::cos(r), s = std::sin(r);
        const double ground = session.model().groundAt(e.centreX, e.centreY);
        Vec3d corners[4];
        const double signs[4][2] = {{1, 1}, {-1, 1}, {-1, -1}, {1, -1}};
        for (int k = 0; k < 4; ++k) {
            const double u = signs[k][0] * e.sizeX / 2, v = signs[k][1] * e.sizeY / 2;
            corners[k] = {e.centreX + u * c - v * s, e.centreY + u * s + v * c, ground};
        }
        for (int k = 0; k < 4; ++k) line(corners[k], corners[(k + 1) % 4]);
    }
    for (const SectionPlane& s : cuts.sections)
        if (s.enabled && s.kind == SectionPlane::Kind::Vertical) {
            const auto& m = session.model();
            line({s.line[0], s.line[1], m.groundAt(s.line[0], s.line[1])},
                 {s.line[2], s.line[3], m.groundAt(s.line[2], s.line[3])});
        }
}

void drawHandles(SceneSession& session, const ViewerUi& ui) {
    ImDrawList& draw = *ImGui::GetBackgroundDrawList();
    const ImU32 outline = IM_COL32(20, 24, 28, 230);
    const ImU32 idle = IM_COL32(255, 255, 255, 235);
    const ImU32 hot =
        IM_COL32(int(kHighlightRgb[0] * 255), int(kHighlightRgb[1] * 255), int(kHighlightRgb[2] * 255), 255);
    drawOutlines(session, ui, draw, IM_COL32(255, 255, 255, 150));
    const float radius = 6.0f * ui.scale;
    for (const CutHandle& handle : cutHandles(session.cuts(), session.model())) {
        const auto p = windowPointOf(session, ui.viewport, handle.position);
        if (!p) continue;
        const ImVec2 c(float(p->x()), float(p->y()));
        const ImU32 fill =
            sameHandle(ui.cutHandles.active, handle) || sameHandle(ui.cutHandles.hovered, handle) ? hot : idle;
        if (handle.vertical) {  // a diamond: moves up and down
            const ImVec2 top(c.x, c.y - radius * 1.3f), right(c.x + radius, c.y), bottom(c.x, c.y + radius * 1.3f),
                left(c.x - radius, c.y);
            draw.AddQuadFilled(top, right, bottom, left, fill);
            draw.AddQuad(top, right, bottom, left, outline, 1.5f * ui.scale);
        } else if (handle.role == HandleRole::Rotate) {  // a ring
            draw.AddCircle(c, radius, outline, 20, 4.0f * ui.scale);
            draw.AddCircle(c, radius, fill, 20, 2.0f * ui.scale);
        } else if (handle.role == HandleRole::Move) {  // a square
            draw.AddRectFilled(ImVec2(c.x - radius, c.y - radius), ImVec2(c.x + radius, c.y + radius), fill);
            draw.AddRect(ImVec2(c.x - radius, c.y - radius), ImVec2(c.x + radius, c.y + radius), outline, 0, 0,
                         1.5f * ui.scale);
        } else {
            draw.AddCircleFilled(c, radius, fill, 20);
            draw.AddCircle(c, radius, outline, 20, 1.5f * ui.scale);
        }
    }
}
}  // namespace

void updateCutHandles(SceneSession& session, ViewerUi& ui) {
    CutHandleDrag& drag = ui.cutHandles;
    drag.hovered.reset();
    if (!drag.visible || !session.cuts().anyEnabled()) {
        drag.active.reset();
        return;
    }
    const ImGuiIO& io = ImGui::GetIO();
    const ImVec2 mouse = io.MousePos;
    if (drag.active) {
        if (io.MouseDown[0]) {
            if (io.MouseDelta.x != 0 || io.MouseDelta.y != 0) dragCutHandleTo(session, ui, mouse.x, mouse.y);
        } else {
            endCutHandleDrag(ui);
        }
    } else if (!io.WantCaptureMouse) {
        drag.hovered = cutHandleAt(session, ui, mouse.x, mouse.y);
        if (drag.hovered && ImGui::IsMouseClicked(0)) beginCutHandleDrag(session, ui, mouse.x, mouse.y);
    }
    if (drag.hovered && !drag.active) ImGui::SetTooltip("%s", hint(drag.hovered->role));
    drawHandles(session, ui);
}

}  // namespace subterra
