#include "geometry_parts.h"

#include <memory>
#include <ogr_geometry.h>

namespace subterra {

namespace {
std::vector<Vec3d> linePoints(const OGRSimpleCurve& curve) {
    std::vector<Vec3d> points;
    points.reserve(curve.getNumPoints());
    for (int i = 0; i < curve.getNumPoints(); ++i) {
        Vec3d p{curve.getX(i), curve.getY(i), curve.getZ(i)};
        if (!points.empty() && p.x == points.back().x && p.y == points.back().y && p.z == points.back().z)
            continue;  // repeated vertices would make zero-length tube frames
        points.push_back(p);
    }
    return points;
}

std::vector<Vec3d> ringPoints(const OGRSimpleCurve& ring) {
    auto points = linePoints(ring);
    if (points.size() > 1 && points.front().x == points.back().x && points.front().y == points.back().y)
        points.pop_back();
    return points;
}

template <typename Visit>
void forEachPart(const OGRGeometry& geometry, const Visit& visit) {
    const OGRwkbGeometryType flat = wkbFlatten(geometry.getGeometryType());
    if (OGR_GT_IsSubClassOf(flat, wkbGeometryCollection)) {
        for (const OGRGeometry* part : *geometry.toGeometryCollection()) forEachPart(*part, visit);
        return;
    }
    if (geometry.hasCurveGeometry()) {
        std::unique_ptr<OGRGeometry> linear(geometry.getLinearGeometry());
        if (linear && !linear->hasCurveGeometry()) forEachPart(*linear, visit);
        return;
    }
    visit(geometry, flat);
}
}  // namespace

std::vector<std::vector<Vec3d>> lineParts(const OGRGeometry& geometry) {
    std::vector<std::vector<Vec3d>> parts;
    forEachPart(geometry, [&](const OGRGeometry& part, OGRwkbGeometryType flat) {
        if (flat != wkbLineString || part.IsEmpty()) return;
        auto points = linePoints(*part.toLineString());
        if (points.size() >= 2) parts.push_back(std::move(points));
    });
    return parts;
}

std::vector<Vec3d> pointParts(const OGRGeometry& geometry) {
    std::vector<Vec3d> points;
    forEachPart(geometry, [&](const OGRGeometry& part, OGRwkbGeometryType flat) {
        if (flat != wkbPoint || part.IsEmpty()) return;
        const OGRPoint* p = part.toPoint();
        points.push_back({p->getX(), p->getY(), p->getZ()});
    });
    return points;
}

std::vector<PolygonRings> polygonParts(const OGRGeometry& geometry) {
    std::vector<PolygonRings> polygons;
    forEachPart(geometry, [&](const OGRGeometry& part, OGRwkbGeometryType flat) {
        if (flat != wkbPolygon || part.IsEmpty()) return;
        const OGRPolygon* polygon = part.toPolygon();
        PolygonRings rings;
        rings.outer = ringPoints(*polygon->getExteriorRing());
        if (rings.outer.size() < 3) return;
        for (int i = 0; i < polygon->getNumInteriorRings(); ++i) {
            auto hole = ringPoints(*polygon->getInteriorRing(i));
            if (hole.size() >= 3) rings.holes.push_back(std::move(hole));
        }
        polygons.push_back(std::move(rings));
    });
    return polygons;
}

bool hasRealZ(const std::vector<Vec3d>& points, bool geometryIs3D) {
    if (!geometryIs3D) return false;
    for (const auto& p : points)
        if (p.z != 0) return true;
    return false;
}

}  // namespace subterra
