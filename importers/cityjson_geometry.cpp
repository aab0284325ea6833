#include "cityjson_geometry.h"

#include <cmath>

#include "building_bounds.h"

namespace subterra {

namespace {
using json = nlohmann::json;

// How many array levels sit above the surfaces in "boundaries" (and in semantics "values").
std::optional<int> surfaceDepth(const std::string& type) {
    if (type == "MultiSurface" || type == "CompositeSurface") return 0;
    if (type == "Solid") return 1;
    if (type == "MultiSolid" || type == "CompositeSolid") return 2;
    return std::nullopt;
}

BuildingSurface::Kind kindFromSemantic(const std::string& type) {
    if (type == "RoofSurface") return BuildingSurface::Kind::Roof;
    if (type == "WallSurface" || type == "ClosureSurface") return BuildingSurface::Kind::Wall;
    if (type == "GroundSurface" || type == "OuterFloorSurface") return BuildingSurface::Kind::Ground;
    return BuildingSurface::Kind::Other;
}

struct Walker {
    const CityJsonVertices& vertices;
    const json* semanticSurfaces;  // semantics.surfaces, or null
    std::vector<BuildingSurface> out;
    std::string error;

    bool ring(const json& indices, std::vector<Vec3d>& points, const std::string& where) {
        if (!indices.is_array() || indices.size() < 3) return fail(where + ": a ring needs at least 3 vertex indices");
        for (const auto& index : indices) {
            if (!index.is_number_unsigned())
                return fail(where + ": vertex index " + index.dump() + " is not a non-negative integer");
            const auto i = index.get<size_t>();
            if (i >= vertices.size())
                return fail(where + ": vertex index " + std::to_string(i) + " is out of range (" +
                            std::to_string(vertices.size()) + " vertices)");
            if (!vertices[i]) return fail(where + ": uses vertex " + std::to_string(i) + ", which is invalid");
            points.push_back(*vertices[i]);
        }
        return true;
    }

    bool surface(const json& rings, const json* value, const std::string& where) {
        if (!rings.is_array() || rings.empty()) return fail(where + ": a surface must be a non-empty array of rings");
        BuildingSurface s;
        for (size_t r = 0; r < rings.size(); ++r) {
            std::vector<Vec3d> points;
            if (!ring(rings[r], points, where + "[" + std::to_string(r) + "]")) return false;
            if (r == 0) s.outer = std::move(points);
            else s.holes.push_back(std::move(points));
        }
        if (value && value->is_number_unsigned() && semanticSurfaces &&
            value->get<size_t>() < semanticSurfaces->size()) {
            const json& semantic = (*semanticSurfaces)[value->get<size_t>()];
            if (semantic.is_object() && semantic.contains("type") && semantic["type"].is_string())
                s.kind = kindFromSemantic(semantic["type"].get<std::string>());
        }
        if (s.kind == BuildingSurface::Kind::Other) s.kind = surfaceKindFromNormal(ringNormal(s.outer));
        out.push_back(std::move(s));
        return true;
    }

    // Walks `depth` levels of nesting in boundaries and semantic values together.
    bool walk(const json& boundaries, const json* values, int depth, const std::string& where) {
        if (!boundaries.is_array()) return fail(where + ": expected an array");
        for (size_t i = 0; i < boundaries.size(); ++i) {
            const json* value = values && values->is_array() && i < values->size() ? &(*values)[i] : nullptr;
            const std::string at = where + "[" + std::to_string(i) + "]";
            if (!(depth == 0 ? surface(boundaries[i], value, at) : walk(boundaries[i], value, depth - 1, at)))
                return false;
        }
        return true;
    }

    bool fail(const std::string& message) {
        error = message;
        return false;
    }
};
}  // namespace

std::vector<BuildingSurface> cityJsonSurfaces(const json& geometry, const CityJsonVertices& vertices,
                                              std::string& error) {
    if (!geometry.is_object() || !geometry.contains("type") || !geometry["type"].is_string()) {
        error = "geometry has no \"type\"";
        return {};
    }
    const std::string type = geometry["type"].get<std::string>();
    const auto depth = surfaceDepth(type);
    if (!depth) {
        error = "geometry type '" + type + "' has no surfaces to draw";
        return {};
    }
    if (!geometry.contains("boundaries")) {
        error = "geometry has no \"boundaries\"";
        return {};
    }
    const json* semanticSurfaces = nullptr;
    const json* values = nullptr;
    if (geometry.contains("semantics") && geometry["semantics"].is_object()) {
        const json& semantics = geometry["semantics"];
        if (semantics.contains("surfaces") && semantics["surfaces"].is_array())
            semanticSurfaces = &semantics["surfaces"];
        if (semantics.contains("values")) values = &semantics["values"];
    }
    Walker walker{vertices, semanticSurfaces, {}, {}};
    if (!walker.walk(geometry["boundaries"], values, *depth, "boundaries")) {
        error = walker.error;
        return {};
    }
    return std::move(walker.out);
}

std::string cityJsonString(const json& object, const char* key) {
    if (!object.is_object()) return {};
    const auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

double cityJsonLod(const json& geometry) {
    if (!geometry.is_object() || !geometry.contains("lod")) return 0;
    const json& lod = geometry["lod"];
    if (lod.is_number()) return lod.get<double>();
    if (lod.is_string()) {
        try {
            return std::stod(lod.get<std::string>());
        } catch (const std::exception&) {
            return 0;
        }
    }
    return 0;
}

Vec3d ringNormal(const std::vector<Vec3d>& ring) {
    Vec3d n;
    for (size_t i = 0; i < ring.size(); ++i) {
        const Vec3d& a = ring[i];
        const Vec3d& b = ring[(i + 1) % ring.size()];
        n.x += (a.y - b.y) * (a.z + b.z);
        n.y += (a.z - b.z) * (a.x + b.x);
        n.z += (a.x - b.x) * (a.y + b.y);
    }
    const double length = std::sqrt(n.x * n.x + n.y * n.y + n.z * n.z);
    if (length <= 0) return {};
    return {n.x / length, n.y / length, n.z / length};
}

}  // namespace subterra
