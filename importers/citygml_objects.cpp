#include "citygml_objects.h"

#include <algorithm>
#include <citygml/cityobject.h>
#include <citygml/geometry.h>
#include <citygml/polygon.h>
#include <map>

#include "building_bounds.h"
#include "cityjson_geometry.h"

namespace subterra {

namespace {
using Type = citygml::CityObject::CityObjectsType;
using GeometryType = citygml::Geometry::GeometryType;
using Kind = BuildingSurface::Kind;

Kind kindOfObject(Type type) {
    switch (type) {
        case Type::COT_RoofSurface: return Kind::Roof;
        case Type::COT_WallSurface:
        case Type::COT_ClosureSurface: return Kind::Wall;
        case Type::COT_GroundSurface:
        case Type::COT_OuterFloorSurface: return Kind::Ground;
        default: return Kind::Other;
    }
}

Kind kindOfGeometry(GeometryType type) {
    switch (type) {
        case GeometryType::GT_Roof: return Kind::Roof;
        case GeometryType::GT_Wall:
        case GeometryType::GT_Closure: return Kind::Wall;
        case GeometryType::GT_Ground:
        case GeometryType::GT_OuterFloor: return Kind::Ground;
        default: return Kind::Other;
    }
}

// Inside a building (LoD4) or openings within its walls: not part of the outside we draw.
bool isInterior(Type type) {
    return type == Type::COT_Room || type == Type::COT_BuildingFurniture || type == Type::COT_IntBuildingInstallation ||
           type == Type::COT_InteriorWallSurface || type == Type::COT_FloorSurface ||
           type == Type::COT_CeilingSurface || type == Type::COT_Door || type == Type::COT_Window;
}

bool isPart(Type type) {
    return type == Type::COT_BuildingPart || type == Type::COT_BridgePart ||
           type == Type::COT_BridgeConstructionElement;
}

struct Found {
    const citygml::Polygon* polygon;
    unsigned lod;
    Kind kind;
};

struct Collector {
    std::vector<Found> found;
    std::map<const citygml::Polygon*, size_t> seen;  // polygon -> index in `found`
    long parts = 0;

    void geometry(const citygml::Geometry& g, Kind kind) {
        const Kind k = kind != Kind::Other ? kind : kindOfGeometry(g.getType());
        for (unsigned i = 0; i < g.getPolygonsCount(); ++i) add(g.getPolygon(i).get(), g.getLOD(), k);
        for (unsigned i = 0; i < g.getGeometriesCount(); ++i) geometry(g.getGeometry(i), k);
    }

    // Thematic surfaces first, so that a polygon a Solid references by xlink keeps their kind.
    void object(const citygml::CityObject& o, Kind kind) {
        for (unsigned i = 0; i < o.getChildCityObjectsCount(); ++i) {
            const citygml::CityObject& child = o.getChildCityObject(i);
            if (isInterior(child.getType())) continue;
            if (isPart(child.getType())) ++parts;
            object(child, kindOfObject(child.getType()));
        }
        for (unsigned i = 0; i < o.getGeometriesCount(); ++i) geometry(o.getGeometry(i), kind);
    }

    void add(const citygml::Polygon* polygon, unsigned lod, Kind kind) {
        if (!polygon) return;
        const auto [it, inserted] = seen.emplace(polygon, found.size());
        if (inserted) found.push_back({polygon, lod, kind});
        else if (found[it->second].kind == Kind::Other) found[it->second].kind = kind;
    }
};

std::vector<Vec3d> ringOf(const citygml::LinearRing* ring, bool reversed) {
    std::vector<Vec3d> points;
    if (!ring) return points;
    for (const auto& v : ring->getVertices()) {
        const Vec3d p{v.x, v.y, v.z};
        if (!points.empty() && p.x == points.back().x && p.y == points.back().y && p.z == points.back().z) continue;
        points.push_back(p);
    }
    if (points.size() > 1 && points.front().x == points.back().x && points.front().y == points.back().y &&
        points.front().z == points.back().z)
        points.pop_back();
    if (reversed) std::reverse(points.begin(), points.end());
    return points;
}
}  // namespace

CityGmlSurfaces cityGmlSurfaces(const citygml::CityObject& object) {
    Collector collector;
    collector.object(object, Kind::Other);
    CityGmlSurfaces result;
    result.parts = collector.parts;
    for (const auto& f : collector.found) result.lod = std::max(result.lod, f.lod);
    for (const auto& f : collector.found) {
        if (f.lod != result.lod) continue;
        BuildingSurface surface;
        surface.outer = ringOf(f.polygon->exteriorRing().get(), f.polygon->negNormal());
        if (surface.outer.size() < 3) {
            ++result.badPolygons;
            continue;
        }
        for (const auto& hole : f.polygon->interiorRings()) {
            auto ring = ringOf(hole.get(), f.polygon->negNormal());
            if (ring.size() >= 3) surface.holes.push_back(std::move(ring));
        }
        surface.kind = f.kind != Kind::Other ? f.kind : surfaceKindFromNormal(ringNormal(surface.outer));
        result.surfaces.push_back(std::move(surface));
    }
    return result;
}

}  // namespace subterra
