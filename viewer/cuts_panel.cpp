// The sidebar's "Cuts" section: section planes and excavations, added at the selection or the
// view centre, edited with numeric fields (drags are one undo step each), undo and redo.
#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "panels.h"
#include "theme.h"

namespace subterra {

namespace {
// Where new cuts go: the selected feature's middle, else the point the camera looks at.
Vec3d cutSite(SceneSession& session, Vec3d* along = nullptr) {
    const FeatureRef feature = session.selectedFeature();
    if (feature.segment && feature.segment->points.size() >= 2) {
        const auto& points = feature.segment->points;
        const size_t i = points.size() / 2;
        const Vec3d a = points[i - 1], b = points[i];
        if (along) *along = {b.x - a.x, b.y - a.y, 0};
        return {(a.x + b.x) / 2, (a.y + b.y) / 2, (a.z + b.z) / 2};
    }
    if (feature.node) return feature.node->position;
    const osg::Vec3d target = session.camera().spec().target;
    return {target.x(), target.y(), target.z()};
}

std::string uniqueName(const Cuts& cuts, const std::string& stem) {
    for (int n = 1;; ++n) {
        const std::string name = stem + " " + std::to_string(n);
        bool used = false;
        for (const auto& s : cuts.sections) used = used || s.name == name;
        for (const auto& e : cuts.excavations) used = used || e.name == name;
        if (!used) return name;
    }
}

// A vertical section through `site`, across `along` (or facing the camera), cutting away the
// side the camera is on so the cut face looks at the viewer.
void addSectionAcross(SceneSession& session) {
    Vec3d along{0, 0, 0};
    const Vec3d site = cutSite(session, &along);
    const osg::Vec3d eye = session.camera().spec().eye;
    if (std::hypot(along.x, along.y) < 1e-6) along = {site.x - eye.x(), site.y - eye.y(), 0};
    if (std::hypot(along.x, along.y) < 1e-6) along = {1, 0, 0};
    std::string error;
    // The section line runs across `along`; flip so that the camera's side is the removed one.
    auto plane = verticalSection(site.x - along.y, site.y + along.x, site.x + along.y, site.y - along.x, false, error);
    if (!plane) return;
    if (signedDistance(*plane, {eye.x(), eye.y(), eye.z()}) < 0)
        plane = verticalSection(site.x - along.y, site.y + along.x, site.x + along.y, site.y - along.x, true, error);
    Cuts cuts = session.cuts();
    plane->name = uniqueName(cuts, "section");
    cuts.sections.push_back(*plane);
    session.beginCutEdit();
    session.setCuts(cuts);
}

void addHorizontalSection(SceneSession& session) {
    const Vec3d site = cutSite(session);
    std::string error;
    auto plane = horizontalSection(session.model().groundAt(site.x, site.y) - 1.0, error);
    Cuts cuts = session.cuts();
    plane->name = uniqueName(cuts, "level");
    cuts.sections.push_back(*plane);
    session.beginCutEdit();
    session.setCuts(cuts);
}

void addExcavation(SceneSession& session) {
    Vec3d along{0, 0, 0};
    const Vec3d site = cutSite(session, &along);
    Excavation pit;
    pit.name = uniqueName(session.cuts(), "pit");
    pit.centreX = site.x, pit.centreY = site.y;
    pit.sizeX = 4, pit.sizeY = 3;
    const double ground = session.model().groundAt(site.x, site.y);
    pit.depthM = std::clamp(ground - site.z + 1.0, 1.5, 8.0);  // half a metre or so below the pipe
    if (std::hypot(along.x, along.y) > 1e-6) pit.rotationDeg = std::atan2(along.y, along.x) * 180 / M_PI + 90;
    Cuts cuts = session.cuts();
    cuts.excavations.push_back(pit);
    session.beginCutEdit();
    session.setCuts(cuts);
}

// Runs `edit` on a copy of the cuts when a widget changed; the widget's first change in a drag
// records the undo step.
template <typename Widget>
void editField(SceneSession& session, bool& changed, Widget widget) {
    if (widget()) changed = true;
    if (ImGui::IsItemActivated()) session.beginCutEdit();
}

bool sectionRow(SceneSession& session, Cuts& cuts, size_t index, bool& remove) {
    SectionPlane& s = cuts.sections[index];
    bool changed = false;
    ImGui::PushID(int(index));
    editField(session, changed, [&] { return ImGui::Checkbox("##on", &s.enabled); });
    ImGui::SameLine();
    ImGui::TextUnformatted(s.name.c_str());
    ImGui::SameLine(ImGui::GetContentRegionMax().x - ImGui::CalcTextSize("Delete").x - 8);
    remove = ImGui::SmallButton("Delete");
    std::string error;
    if (s.kind == SectionPlane::Kind::Vertical) {
        double shift[2] = {0, 0};
        float offset = 0;  // a nudge: each frame of a drag moves the plane by what it adds
        ImGui::SetNextItemWidth(-1);
        editField(session, changed, [&] { return ImGui::DragFloat("##offset", &offset, 0.05f, 0, 0, "move %.2f m"); });
        if (changed && offset != 0) shift[0] = -s.normal.x * offset, shift[1] = -s.normal.y * offset;
        bool flip = s.flip;
        editField(session, changed, [&] { return ImGui::Checkbox("cut the other side", &flip); });
        if (changed) {
            auto plane = verticalSection(s.line[0] + shift[0], s.line[1] + shift[1], s.line[2] + shift[0],
                                         s.line[3] + shift[1], flip, error);
            if (plane) {
                plane->name = s.name, plane->enabled = s.enabled;
                s = *plane;
            }
        }
    } else if (s.kind == SectionPlane::Kind::Horizontal) {
        float z = float(s.point.z);
        ImGui::SetNextItemWidth(-1);
        editField(session, changed, [&] { return ImGui::DragFloat("##z", &z, 0.05f, -1e5f, 1e5f, "level %.2f m"); });
        if (changed) s.point.z = z;
    } else {
        ImGui::TextDisabled("plane through (%.1f, %.1f, %.1f)", s.point.x, s.point.y, s.point.z);
    }
    ImGui::PopID();
    return changed;
}

bool excavationRow(SceneSession& session, Cuts& cuts, size_t index, bool& remove) {
    Excavation& e = cuts.excavations[index];
    bool changed = false;
    ImGui::PushID(1000 + int(index));
    editField(session, changed, [&] { return ImGui::Checkbox("##on", &e.enabled); });
    ImGui::SameLine();
    ImGui::TextUnformatted(e.name.c_str());
    ImGui::SameLine(ImGui::GetContentRegionMax().x - ImGui::CalcTextSize("Delete").x - 8);
    remove = ImGui::SmallButton("Delete");
    float size[2] = {float(e.sizeX), float(e.sizeY)};
    float depth = float(e.depthM), rotation = float(e.rotationDeg);
    float move[2] = {0, 0};
    ImGui::SetNextItemWidth(-1);
    editField(session, changed, [&] { return ImGui::DragFloat2("##move", move, 0.05f, 0, 0, "move %.2f m"); });
    ImGui::SetNextItemWidth(-1);
    editField(session, changed, [&] { return ImGui::DragFloat2("##size", size, 0.05f, 0.2f, 500.0f, "size %.2f m"); });
    ImGui::SetNextItemWidth(-1);
    editField(session, changed,
              [&] { return ImGui::DragFloat("##depth", &depth, 0.05f, 0.2f, 50.0f, "depth %.2f m"); });
    ImGui::SetNextItemWidth(-1);
    editField(session, changed,
              [&] { return ImGui::DragFloat("##rotation", &rotation, 0.5f, -360, 360, "rotation %.1f deg"); });
    if (changed) {
        e.centreX += move[0], e.centreY += move[1];
        e.sizeX = std::max(0.2f, size[0]), e.sizeY = std::max(0.2f, size[1]);
        e.depthM = std::max(0.2f, depth), e.rotationDeg = rotation;
    }
    ImGui::PopID();
    return changed;
}
}  // namespace

void drawCuts(SceneSession& session, ViewerUi& ui, double) {
    sectionTitle("Cuts");
    const float third = (ImGui::GetContentRegionAvail().x - 2 * ImGui::GetStyle().ItemSpacing.x) / 3;
    if (ImGui::Button("Section", ImVec2(third, 0))) addSectionAcross(session);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Vertical section across the selected pipe (or the view centre)");
    ImGui::SameLine();
    if (ImGui::Button("Level", ImVec2(third, 0))) addHorizontalSection(session);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Horizontal section 1 m below the ground there");
    ImGui::SameLine();
    if (ImGui::Button("Excavation", ImVec2(third, 0))) addExcavation(session);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Open the ground around the selected pipe (or the view centre)");

    Cuts cuts = session.cuts();
    bool changed = false;
    for (size_t i = 0; i < cuts.sections.size(); ++i) {
        bool remove = false;
        changed |= sectionRow(session, cuts, i, remove);
        if (remove) {
            session.beginCutEdit();
            cuts.sections.erase(cuts.sections.begin() + long(i--));
            changed = true;
        }
    }
    for (size_t i = 0; i < cuts.excavations.size(); ++i) {
        bool remove = false;
        changed |= excavationRow(session, cuts, i, remove);
        if (remove) {
            session.beginCutEdit();
            cuts.excavations.erase(cuts.excavations.begin() + long(i--));
            changed = true;
        }
    }
    if (changed) session.setCuts(cuts);

    ImGui::Checkbox("Show drag handles", &ui.cutHandles.visible);
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip(
            "Squares move a cut, circles move a side or a line end, the ring rotates a pit,\n"
            "diamonds move a pit's floor or a level up and down");
    ImGui::TextDisabled("Undo / redo: Ctrl+Z / Ctrl+Y, or the Annotations panel's buttons");
}

}  // namespace subterra
