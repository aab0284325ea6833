#include "depth_rules.h"

#include <cmath>

namespace subterra {

double defaultCoverM(UtilityKind kind) {
    switch (kind) {
        case UtilityKind::Water: return 1.2;
        case UtilityKind::Sewer: return 2.5;
        case UtilityKind::Storm: return 1.5;
        case UtilityKind::Gas: return 0.9;
        case UtilityKind::Power: return 0.8;
        case UtilityKind::Telecom: return 0.6;
        case UtilityKind::Heating: return 1.0;
        case UtilityKind::Other: return 1.0;
    }
    return 1.0;
}

CrossSection defaultSection(UtilityKind kind) {
    CrossSection section;
    section.assumed = true;
    switch (kind) {
        case UtilityKind::Power:
            section.shape = CrossSection::Shape::Rectangular;
            section.widthM = 0.5;
            section.heightM = 0.4;
            return section;
        case UtilityKind::Telecom:
            section.shape = CrossSection::Shape::Rectangular;
            section.widthM = 0.3;
            section.heightM = 0.2;
            return section;
        case UtilityKind::Sewer:
        case UtilityKind::Storm: section.diameterM = 0.3; return section;
        case UtilityKind::Gas: section.diameterM = 0.1; return section;
        case UtilityKind::Heating: section.diameterM = 0.3; return section;
        case UtilityKind::Water: section.diameterM = 0.15; return section;
        case UtilityKind::Other: section.diameterM = 0.2; return section;
    }
    return section;
}

double planLength(const std::vector<Vec3d>& points) {
    double length = 0;
    for (size_t i = 1; i < points.size(); ++i)
        length += std::hypot(points[i].x - points[i - 1].x, points[i].y - points[i - 1].y);
    return length;
}

namespace {
void setFromInverts(Segment& segment, double invertStart, double invertEnd) {
    const double total = planLength(segment.points);
    const double halfHeight = segment.section.verticalExtentM() / 2;
    double along = 0;
    for (size_t i = 0; i < segment.points.size(); ++i) {
        if (i > 0)
            along += std::hypot(segment.points[i].x - segment.points[i - 1].x,
                                segment.points[i].y - segment.points[i - 1].y);
        const double t = total > 0 ? along / total : 0;
        segment.points[i].z = invertStart + (invertEnd - invertStart) * t + halfHeight;
    }
}

void setFromCover(Segment& segment, double coverM, const GroundFunction& groundAt) {
    const double halfHeight = segment.section.verticalExtentM() / 2;
    for (auto& p : segment.points) p.z = groundAt(p.x, p.y) - coverM - halfHeight;
}
}  // namespace

void applyDepthRules(Segment& segment, bool geometryHasRealZ, const SegmentLevels& levels,
                     const GroundFunction& groundAt) {
    if (geometryHasRealZ) {
        segment.depthSource = DepthSource::Measured3D;
        return;
    }
    if (levels.invertStart || levels.invertEnd) {
        const double start = levels.invertStart ? *levels.invertStart : *levels.invertEnd;
        const double end = levels.invertEnd ? *levels.invertEnd : *levels.invertStart;
        setFromInverts(segment, start, end);
        segment.depthSource = DepthSource::Invert;
        return;
    }
    if (levels.coverM) {
        setFromCover(segment, *levels.coverM, groundAt);
        segment.depthSource = DepthSource::CoverDepth;
        return;
    }
    setFromCover(segment, defaultCoverM(segment.utility), groundAt);
    segment.depthSource = DepthSource::Assumed;
}

}  // namespace subterra
