#include "cityjson_importer.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <set>

#include "building_bounds.h"
#include "cityjson_geometry.h"
#include "crs.h"
#include "json_text.h"
#include "source_crs.h"
#include "source_text.h"

namespace subterra {

namespace {
using json = nlohmann::json;

// Parses the file, reporting syntax errors by line and CityObjects ids that occur twice (JSON
// allows it; nlohmann keeps the last one).
std::optional<json> parseCityJsonText(const std::string& path, const std::string& text, Problems& problems) {
    std::string topKey;
    std::set<std::string> ids;
    auto callback = [&](int depth, json::parse_event_t event, json& parsed) {
        if (event != json::parse_event_t::key) return true;
        if (depth == 1) topKey = parsed.get<std::string>();
        else if (depth == 2 && topKey == "CityObjects" && !ids.insert(parsed.get<std::string>()).second)
            problems.push_back({Severity::Warning, path, "CityObject '" + parsed.get<std::string>() + "'",
                                "duplicate id; only its last definition is used"});
        return true;
    };
    return parseJsonText(path, text, problems, callback);
}

std::optional<json> loadCityJson(const std::string& path, Problems& problems) {
    std::string error;
    const auto text = readSourceText(path, error);
    if (!text) {
        problems.push_back({Severity::Error, path, "", error});
        return std::nullopt;
    }
    auto document = parseCityJsonText(path, *text, problems);
    if (!document) return std::nullopt;
    if (!document->is_object() || document->value("type", json()) != "CityJSON") {
        problems.push_back({Severity::Error, path, "$.type", "not a CityJSON file (expected \"type\": \"CityJSON\")"});
        return std::nullopt;
    }
    return document;
}

std::optional<std::array<double, 3>> threeNumbers(const json& value) {
    if (!value.is_array() || value.size() != 3) return std::nullopt;
    std::array<double, 3> result{};
    for (size_t i = 0; i < 3; ++i) {
        if (!value[i].is_number()) return std::nullopt;
        result[i] = value[i].get<double>();
        if (!std::isfinite(result[i])) return std::nullopt;
    }
    return result;
}

// "vertices" with "transform" applied; bad entries are reported (the first few) and left empty.
std::optional<CityJsonVertices> readVertices(const json& document, const std::string& path, Problems& problems) {
    std::array<double, 3> scale{1, 1, 1}, translate{0, 0, 0};
    if (document.contains("transform")) {
        const json& transform = document["transform"];
        auto s = transform.is_object() && transform.contains("scale") ? threeNumbers(transform["scale"]) : std::nullopt;
        auto t = transform.is_object() && transform.contains("translate") ? threeNumbers(transform["translate"])
                                                                          : std::nullopt;
        if (!s || !t) {
            problems.push_back(
                {Severity::Error, path, "$.transform", "needs \"scale\" and \"translate\" of three numbers each"});
            return std::nullopt;
        }
        scale = *s, translate = *t;
    }
    if (!document.contains("vertices") || !document["vertices"].is_array()) {
        problems.push_back({Severity::Error, path, "$.vertices", "missing or not an array"});
        return std::nullopt;
    }
    const json& list = document["vertices"];
    CityJsonVertices vertices(list.size());
    size_t bad = 0;
    // Beyond this a coordinate is no place on Earth in any CRS (and extents or heights would overflow).
    constexpr double kFarthestM = 1e10;
    for (size_t i = 0; i < list.size(); ++i) {
        const auto v = threeNumbers(list[i]);
        Vec3d p;
        if (v)
            p = {(*v)[0] * scale[0] + translate[0], (*v)[1] * scale[1] + translate[1],
                 (*v)[2] * scale[2] + translate[2]};
        const bool inRange =
            v && std::abs(p.x) < kFarthestM && std::abs(p.y) < kFarthestM && std::abs(p.z) < kFarthestM;
        if (inRange) vertices[i] = p;
        else if (++bad <= 5)
            problems.push_back({Severity::Error, path, "$.vertices[" + std::to_string(i) + "]",
                                v ? "coordinates out of range after the transform: " + list[i].dump()
                                  : "expected three numbers, found " + list[i].dump()});
    }
    if (bad > 5)
        problems.push_back({Severity::Error, path, "$.vertices", std::to_string(bad - 5) + " more invalid vertices"});
    return vertices;
}

// The CRS in metadata.referenceSystem (1.x and 2.0 alike); empty when none is declared or usable.
std::string declaredCrs(const json& document, const std::string& path, Problems* problems) {
    if (!document.contains("metadata") || !document["metadata"].is_object()) return {};
    const json& metadata = document["metadata"];
    if (!metadata.contains("referenceSystem") || !metadata["referenceSystem"].is_string()) return {};
    std::string error;
    if (auto wkt = crsFromReference(metadata["referenceSystem"].get<std::string>(), error)) return *wkt;
    if (problems) problems->push_back({Severity::Warning, path, "$.metadata.referenceSystem", error + "; ignored"});
    return {};
}

// The object's geometry with the highest LoD that has surfaces (templates and points have none).
const json* bestGeometry(const json& object) {
    if (!object.contains("geometry") || !object["geometry"].is_array()) return nullptr;
    const json* best = nullptr;
    for (const auto& geometry : object["geometry"]) {
        if (!geometry.is_object() || cityJsonString(geometry, "type") == "GeometryInstance") continue;
        if (!best || cityJsonLod(geometry) > cityJsonLod(*best)) best = &geometry;
    }
    return best;
}

std::string attributeText(const json& value) { return value.is_string() ? value.get<std::string>() : value.dump(); }

// Some exports (the Rotterdam 3D tiles among them) give each building's z from its own ground:
// every building then has its lowest vertex at exactly 0. Those are set on the ground.
// Returns whether it did; otherwise the heights are absolute and each base is a ground level.
bool placeRelativeHeights(std::vector<Building>& buildings, const ImportContext& context, const LayerSpec& spec,
                          Problems& problems) {
    if (buildings.empty()) return false;
    for (const auto& b : buildings)
        if (std::abs(b.baseZ) > 1e-6) return false;
    for (auto& b : buildings) {
        Extent e;
        for (const auto& p : b.footprint) e.add(p);
        const double ground = context.groundAt ? context.groundAt(e.centre().x, e.centre().y) : 0.0;
        forEachRing(b, [ground](std::vector<Vec3d>& ring) {
            for (auto& p : ring) p.z += ground;
        });
        settleBoundingPrism(b);
    }
    problems.push_back({Severity::Warning, spec.source, "",
                        "every building's lowest vertex is at z = 0: heights are taken as relative to the ground"});
    return true;
}
// How a city object is drawn: buildings and other structures as solids, surfaces that lie on the
// ground (roads, land use, water) as ground patches, relief as ground levels.
enum class ObjectRole { Building, Structure, GroundCover, Relief, NotDrawn };

ObjectRole roleOf(const std::string& type) {
    if (type.rfind("Building", 0) == 0) return ObjectRole::Building;
    static const std::set<std::string> kGroundCover{"Road",    "Railway",    "TransportSquare", "Waterway",
                                                    "LandUse", "PlantCover", "WaterBody"};
    if (kGroundCover.count(type)) return ObjectRole::GroundCover;
    if (type == "TINRelief") return ObjectRole::Relief;
    static const std::set<std::string> kStructures{"CityFurniture", "GenericCityObject", "OtherConstruction",
                                                   "SolitaryVegetationObject"};
    if (kStructures.count(type) || type.rfind("Bridge", 0) == 0 || type.rfind("Tunnel", 0) == 0)
        return ObjectRole::Structure;
    return ObjectRole::NotDrawn;  // CityObjectGroup, extension types ("+NoiseBarrier")
}

PatchKind patchKindOf(const std::string& type) {
    if (type == "Road" || type == "Railway" || type == "TransportSquare") return PatchKind::Road;
    if (type == "WaterBody" || type == "Waterway") return PatchKind::Water;
    return PatchKind::Area;
}

// The surfaces of a ground-cover object seen from above, one patch each: walls and, of a solid,
// the underside are left out (they add nothing in plan, or cover the top twice).
void addGroundCover(const std::string& id, const std::string& type, const std::string& layerName,
                    const std::vector<BuildingSurface>& surfaces, bool solid, const json& object,
                    std::vector<GroundPatch>& out) {
    int index = 0;
    for (const auto& surface : surfaces) {
        const double up = ringNormal(surface.outer).z;
        if (std::abs(up) < 0.5 || (solid && up < 0)) continue;
        GroundPatch patch;
        patch.id = id + "#" + std::to_string(++index);
        patch.layer = layerName;
        patch.kind = patchKindOf(type);
        patch.landUse = type;
        patch.attributes["type"] = type;
        if (object.contains("attributes") && object["attributes"].is_object())
            for (const auto& [key, value] : object["attributes"].items()) patch.attributes[key] = attributeText(value);
        patch.outline = surface.outer;
        out.push_back(std::move(patch));
    }
}

// "2 Road, 1 LandUse"
std::string countsText(const std::map<std::string, long>& counts) {
    std::string text;
    for (const auto& [type, count] : counts) text += (text.empty() ? "" : ", ") + std::to_string(count) + " " + type;
    return text;
}
}  // namespace

bool claimsCityJson(const std::string& path) {
    const std::string ext = lowerExtension(path);
    if (ext != ".json" && ext != ".cityjson") return false;
    const std::string head = fileHead(path);
    if (ext == ".cityjson" || head.find("\"CityJSON\"") != std::string::npos) return true;
    if (head.find("\"FeatureCollection\"") != std::string::npos) return false;  // GeoJSON: no need to read it all
    // The "type" key may come anywhere, even last after megabytes of vertices: look through it all.
    return fileContainsAll(path, {"\"CityObjects\"", "\"CityJSON\""});
}

std::optional<LayerProbe> probeCityJson(const std::string& path, std::string& error) {
    Problems problems;
    auto document = loadCityJson(path, problems);
    if (!document) {
        error = problems.empty() ? "cannot be read" : problems.front().message;
        return std::nullopt;
    }
    LayerProbe probe;
    probe.crsWkt = declaredCrs(*document, path, nullptr);
    if (auto vertices = readVertices(*document, path, problems))
        for (const auto& v : *vertices)
            if (v) probe.extent.add(*v);
    return probe;
}

LayerImport importCityJson(const LayerSpec& spec, const ImportContext& context) {
    LayerImport result = newLayerImport(spec, "CityJSON", FeatureType::Buildings);
    LayerReport& report = result.report;
    Problems& problems = result.problems;
    auto document = loadCityJson(spec.source, problems);
    if (!document) return result;
    const std::string version = cityJsonString(*document, "version");  // a number here must not throw
    report.table = "CityJSON " + version;
    if (version != "1.0" && version != "1.1" && version != "2.0")
        problems.push_back({Severity::Warning, spec.source, "$.version",
                            "version '" + version + "' is not 1.0, 1.1 or 2.0; read as 2.0"});
    auto vertices = readVertices(*document, spec.source, problems);
    if (!vertices) return result;
    if (!document->contains("CityObjects") || !(*document)["CityObjects"].is_object()) {
        problems.push_back({Severity::Error, spec.source, "$.CityObjects", "missing or not an object"});
        return result;
    }
    const auto sourceCrs =
        resolveSourceCrs(declaredCrs(*document, spec.source, &problems), spec, context, report, problems);
    if (!sourceCrs) return result;
    if (crsIsMetric(*sourceCrs)) report.units = "m";
    std::string error;
    auto transform = CrsTransform::create(*sourceCrs, context.projectCrsWkt, error);
    if (!transform) {
        problems.push_back({Severity::Error, spec.source, "", error});
        return result;
    }
    const std::string& layerName = spec.name.empty() ? spec.source : spec.name;
    std::set<std::string> geometryKinds;
    std::map<std::string, long> onGround, structures, notDrawn;
    for (const auto& [id, object] : (*document)["CityObjects"].items()) {
        const std::string where = "CityObject '" + id + "'";
        if (!object.is_object() || !object.contains("type") || !object["type"].is_string()) {
            problems.push_back({Severity::Error, spec.source, where, "has no \"type\""});
            continue;
        }
        const std::string type = object["type"].get<std::string>();
        report.countsByKind[type]++;
        const ObjectRole role = roleOf(type);
        const json* geometry = role == ObjectRole::NotDrawn ? nullptr : bestGeometry(object);
        if (!geometry) {  // a Building whose BuildingParts carry the geometry; a group
            if (role == ObjectRole::NotDrawn) notDrawn[type]++;
            continue;
        }
        report.featuresRead++;
        std::vector<BuildingSurface> surfaces = cityJsonSurfaces(*geometry, *vertices, error);
        if (surfaces.empty()) {
            problems.push_back({Severity::Error, spec.source, where, error});
            continue;
        }
        bool transformed = true;
        for (auto& surface : surfaces) {
            transformed = transformed && transform->apply(surface.outer);
            for (auto& hole : surface.holes) transformed = transformed && transform->apply(hole);
        }
        if (!transformed) {
            problems.push_back({Severity::Error, spec.source, where, "cannot be transformed into the project CRS"});
            continue;
        }
        report.featuresImported++;
        if (role == ObjectRole::Relief) {
            for (const auto& surface : surfaces)
                for (const auto& p : surface.outer) result.ground.addReliefPoint(p);
            onGround[type]++;
            continue;
        }
        if (role == ObjectRole::GroundCover) {
            const bool solid = cityJsonString(*geometry, "type").find("Solid") != std::string::npos;
            addGroundCover(id, type, layerName, surfaces, solid, object, result.patches);
            onGround[type]++;
            continue;
        }
        if (role == ObjectRole::Structure) structures[type]++;
        Building building;
        building.surfaces = std::move(surfaces);
        building.id = id;
        building.layer = layerName;
        building.attributes["type"] = type;
        building.attributes["lod"] = attributeText((*geometry).value("lod", json("")));
        if (object.contains("attributes") && object["attributes"].is_object())
            for (const auto& [key, value] : object["attributes"].items())
                building.attributes[key] = attributeText(value);
        settleBoundingPrism(building);
        geometryKinds.insert("LoD" + building.attributes["lod"] + " " + geometry->value("type", ""));
        for (const auto& s : building.surfaces) report.countsByKind[std::string(toString(s.kind)) + " surfaces"]++;
        result.buildings.push_back(std::move(building));
    }
    if (!onGround.empty())
        report.notes.push_back("on the ground: " + countsText(onGround) +
                               " (surfaces as ground patches; relief vertices as ground levels where no DEM is given)");
    if (!structures.empty()) report.notes.push_back("drawn as solids, like buildings: " + countsText(structures));
    if (!notDrawn.empty()) report.notes.push_back("not drawn (no geometry of their own): " + countsText(notDrawn));
    if (!placeRelativeHeights(result.buildings, context, spec, problems))
        for (const auto& b : result.buildings)  // a bridge's underside is no ground level
            if (roleOf(b.attributes.at("type")) == ObjectRole::Building)
                result.ground.addBuilding(b.footprint, b.baseZ);
    for (const auto& kind : geometryKinds) report.geometryType += (report.geometryType.empty() ? "" : ", ") + kind;
    for (const auto& b : result.buildings)
        for (const auto& s : b.surfaces)
            for (const auto& p : s.outer) report.extent.add(p);
    for (const auto& patch : result.patches)
        for (const auto& p : patch.outline) report.extent.add(p);
    if (report.featuresRead > 0 && report.featuresImported == 0)
        problems.push_back({Severity::Error, spec.source, "",
                            "none of " + std::to_string(report.featuresRead) + " city objects could be used"});
    else if (report.featuresRead == 0)
        problems.push_back({Severity::Warning, spec.source, "", "no city object with geometry; nothing imported"});
    return result;
}

}  // namespace subterra
