#include "cut_handles.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace subterra {

namespace {
constexpr double kMinSizeM = 0.2;

struct RoleName {
    HandleRole role;
    const char* name;
};
constexpr std::array<RoleName, 10> kRoleNames{{{HandleRole::Move, "move"},
                                               {HandleRole::EdgeEast, "east"},
                                               {HandleRole::EdgeWest, "west"},
                                               {HandleRole::EdgeNorth, "north"},
                                               {HandleRole::EdgeSouth, "south"},
                                               {HandleRole::Rotate, "rotate"},
                                               {HandleRole::Depth, "depth"},
                                               {HandleRole::LineStart, "start"},
                                               {HandleRole::LineEnd, "end"},
                                               {HandleRole::Level, "level"}}};

// The excavation's own axes in plan: u along sizeX, v along sizeY.
struct Axes {
    double ux, uy, vx, vy;
};
Axes axesOf(const Excavation& e) {
    const double r = e.rotationDeg * M_PI / 180;
    return {std::cos(r), std::sin(r), -std::sin(r), std::cos(r)};
}

void excavationHandles(const Excavation& e, size_t index, const Model& model, std::vector<CutHandle>& out) {
    const Axes a = axesOf(e);
    const double ground = model.groundAt(e.centreX, e.centreY);
    auto at = [&](double u, double v, HandleRole role, double z, bool vertical) {
        out.push_back(
            {true, index, role, {e.centreX + u * a.ux + v * a.vx, e.centreY + u * a.uy + v * a.vy, z}, vertical});
    };
    const double hx = e.sizeX / 2, hy = e.sizeY / 2;
    at(0, 0, HandleRole::Move, ground, false);
    at(hx, 0, HandleRole::EdgeEast, ground, false);
    at(-hx, 0, HandleRole::EdgeWest, ground, false);
    at(0, hy, HandleRole::EdgeNorth, ground, false);
    at(0, -hy, HandleRole::EdgeSouth, ground, false);
    at(hx + std::max(1.0, 0.3 * hx), hy, HandleRole::Rotate, ground, false);  // beyond a corner
    at(0, 0, HandleRole::Depth, ground - e.depthM, true);
}

void sectionHandles(const SectionPlane& s, size_t index, const Model& model, std::vector<CutHandle>& out) {
    if (s.kind == SectionPlane::Kind::Vertical) {
        const double x1 = s.line[0], y1 = s.line[1], x2 = s.line[2], y2 = s.line[3];
        out.push_back({false, index, HandleRole::LineStart, {x1, y1, model.groundAt(x1, y1)}, false});
        out.push_back({false, index, HandleRole::LineEnd, {x2, y2, model.groundAt(x2, y2)}, false});
        const double mx = (x1 + x2) / 2, my = (y1 + y2) / 2;
        out.push_back({false, index, HandleRole::Move, {mx, my, model.groundAt(mx, my)}, false});
    } else if (s.kind == SectionPlane::Kind::Horizontal) {
        const Extent e = model.extent();
        const double cx = e.valid() ? (e.minX + e.maxX) / 2 : 0, cy = e.valid() ? (e.minY + e.maxY) / 2 : 0;
        out.push_back({false, index, HandleRole::Level, {cx, cy, s.point.z}, true});
    } else {
        out.push_back({false, index, HandleRole::Move, s.point, false});
    }
}

// Moves an excavation's side along axis (ax, ay) by `amount`; the opposite side stays put.
void moveSide(Excavation& e, double& size, double ax, double ay, double amount) {
    const double newSize = std::max(kMinSizeM, size + amount);
    const double shift = (newSize - size) / 2;
    e.centreX += ax * shift, e.centreY += ay * shift;
    size = newSize;
}

void dragExcavation(Excavation& e, HandleRole role, const Vec3d& from, const Vec3d& to) {
    const double dx = to.x - from.x, dy = to.y - from.y;
    const Axes a = axesOf(e);
    const double alongU = dx * a.ux + dy * a.uy, alongV = dx * a.vx + dy * a.vy;
    switch (role) {
        case HandleRole::Move: e.centreX += dx, e.centreY += dy; break;
        case HandleRole::EdgeEast: moveSide(e, e.sizeX, a.ux, a.uy, alongU); break;
        case HandleRole::EdgeWest: moveSide(e, e.sizeX, -a.ux, -a.uy, -alongU); break;
        case HandleRole::EdgeNorth: moveSide(e, e.sizeY, a.vx, a.vy, alongV); break;
        case HandleRole::EdgeSouth: moveSide(e, e.sizeY, -a.vx, -a.vy, -alongV); break;
        case HandleRole::Rotate: {
            const double before = std::atan2(from.y - e.centreY, from.x - e.centreX);
            const double after = std::atan2(to.y - e.centreY, to.x - e.centreX);
            double degrees = e.rotationDeg + (after - before) * 180 / M_PI;
            degrees = std::fmod(degrees + 540.0, 360.0) - 180.0;  // within -180 .. 180
            e.rotationDeg = degrees;
            break;
        }
        case HandleRole::Depth: e.depthM = std::max(kMinSizeM, e.depthM - (to.z - from.z)); break;
        default: break;
    }
}

void dragSection(SectionPlane& s, HandleRole role, const Vec3d& from, const Vec3d& to) {
    const double dx = to.x - from.x, dy = to.y - from.y;
    if (s.kind == SectionPlane::Kind::Vertical) {
        std::array<double, 4> line = s.line;
        if (role == HandleRole::Move || role == HandleRole::LineStart) line[0] += dx, line[1] += dy;
        if (role == HandleRole::Move || role == HandleRole::LineEnd) line[2] += dx, line[3] += dy;
        std::string error;
        if (auto moved = verticalSection(line[0], line[1], line[2], line[3], s.flip, error)) {
            moved->name = s.name, moved->enabled = s.enabled;
            s = *moved;
        }
    } else if (s.kind == SectionPlane::Kind::Horizontal) {
        if (role == HandleRole::Level) s.point.z += to.z - from.z;
    } else if (role == HandleRole::Move) {
        s.point.x += dx, s.point.y += dy;
    }
}
}  // namespace

const char* toString(HandleRole role) {
    for (const auto& r : kRoleNames)
        if (r.role == role) return r.name;
    return "move";
}

std::optional<HandleRole> parseHandleRole(const std::string& text) {
    for (const auto& r : kRoleNames)
        if (text == r.name) return r.role;
    return std::nullopt;
}

std::vector<CutHandle> cutHandles(const Cuts& cuts, const Model& model) {
    std::vector<CutHandle> handles;
    for (size_t i = 0; i < cuts.excavations.size(); ++i)
        if (cuts.excavations[i].enabled) excavationHandles(cuts.excavations[i], i, model, handles);
    for (size_t i = 0; i < cuts.sections.size(); ++i)
        if (cuts.sections[i].enabled) sectionHandles(cuts.sections[i], i, model, handles);
    return handles;
}

Cuts dragCutHandle(const Cuts& atStart, const CutHandle& handle, const Vec3d& from, const Vec3d& to) {
    Cuts cuts = atStart;
    if (handle.excavation && handle.index < cuts.excavations.size())
        dragExcavation(cuts.excavations[handle.index], handle.role, from, to);
    else if (!handle.excavation && handle.index < cuts.sections.size())
        dragSection(cuts.sections[handle.index], handle.role, from, to);
    return cuts;
}

const CutHandle* findCutHandle(const std::vector<CutHandle>& handles, const Cuts& cuts, const std::string& cutName,
                               HandleRole role) {
    for (const CutHandle& h : handles) {
        const std::string& name = h.excavation ? cuts.excavations[h.index].name : cuts.sections[h.index].name;
        if (name == cutName && h.role == role) return &h;
    }
    return nullptr;
}

}  // namespace subterra
