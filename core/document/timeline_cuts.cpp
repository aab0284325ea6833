#include "timeline_cuts.h"

#include <algorithm>

#include "timeline_parameters.h"

namespace subterra {

namespace {
template <typename T>
T* named(std::vector<T>& items, const std::string& name) {
    for (auto& item : items)
        if (item.name == name) return &item;
    return nullptr;
}

void applySection(SectionPlane& s, ParameterKind kind, const std::vector<double>& v) {
    if (kind == ParameterKind::SectionEnabled) s.enabled = v[0] >= 0.5;
    if (kind == ParameterKind::SectionOffset) {
        s.point.x += s.normal.x * v[0];
        s.point.y += s.normal.y * v[0];
        s.point.z += s.normal.z * v[0];
    }
}

void applyExcavation(Excavation& e, ParameterKind kind, const std::vector<double>& v) {
    switch (kind) {
        case ParameterKind::ExcavationOpen: {
            const double open = std::clamp(v[0], 0.0, 1.0);
            e.sizeX *= open, e.sizeY *= open, e.depthM *= open;
            e.enabled = open > 0;
            break;
        }
        case ParameterKind::ExcavationDepth: e.depthM = v[0]; break;
        case ParameterKind::ExcavationSize: e.sizeX = v[0], e.sizeY = v[1]; break;
        case ParameterKind::ExcavationCentre: e.centreX = v[0], e.centreY = v[1]; break;
        case ParameterKind::ExcavationRotation: e.rotationDeg = v[0]; break;
        case ParameterKind::ExcavationEnabled: e.enabled = v[0] >= 0.5; break;
        default: break;
    }
}

bool samePoint(const Vec3d& a, const Vec3d& b) { return a.x == b.x && a.y == b.y && a.z == b.z; }
}  // namespace

Cuts animatedCuts(const Cuts& base, const std::map<std::string, std::vector<double>>& parameters) {
    Cuts cuts = base;
    // "open" scales the project's size and depth: applied after tracks that set them.
    for (const bool openPass : {false, true}) {
        for (const auto& [path, value] : parameters) {
            std::string error;
            const auto target = parseParameterTarget(path, TimelineNames{}, error);
            if (!target || value.size() < target->minValues) continue;  // reported when the project was read
            if ((target->kind == ParameterKind::ExcavationOpen) != openPass) continue;
            if (SectionPlane* s = named(cuts.sections, target->name); s && path.rfind("section.", 0) == 0)
                applySection(*s, target->kind, value);
            if (Excavation* e = named(cuts.excavations, target->name); e && path.rfind("excavation.", 0) == 0)
                applyExcavation(*e, target->kind, value);
        }
    }
    for (auto& e : cuts.excavations)
        if (e.sizeX < kClosedExcavationM || e.sizeY < kClosedExcavationM || e.depthM < kClosedExcavationM)
            e.enabled = false;
    return cuts;
}

bool sameCuts(const Cuts& a, const Cuts& b) {
    if (a.sections.size() != b.sections.size() || a.excavations.size() != b.excavations.size()) return false;
    for (size_t i = 0; i < a.sections.size(); ++i) {
        const SectionPlane &s = a.sections[i], &t = b.sections[i];
        if (s.enabled != t.enabled || (s.enabled && (!samePoint(s.point, t.point) || !samePoint(s.normal, t.normal))))
            return false;
    }
    for (size_t i = 0; i < a.excavations.size(); ++i) {
        const Excavation &e = a.excavations[i], &f = b.excavations[i];
        if (e.enabled != f.enabled) return false;
        if (e.enabled && (e.centreX != f.centreX || e.centreY != f.centreY || e.sizeX != f.sizeX ||
                          e.sizeY != f.sizeY || e.depthM != f.depthM || e.rotationDeg != f.rotationDeg))
            return false;
    }
    return true;
}

}  // namespace subterra
