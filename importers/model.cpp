#include "model.h"

#include <algorithm>
#include <cctype>
#include <cmath>

namespace subterra {

namespace {
std::string lowerTrimmed(const std::string& text) {
    std::string out;
    for (char c : text)
        if (!std::isspace(static_cast<unsigned char>(c)) && c != '_' && c != '-')
            out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}
}  // namespace

const char* toString(UtilityKind kind) {
    switch (kind) {
        case UtilityKind::Water: return "water";
        case UtilityKind::Sewer: return "sewer";
        case UtilityKind::Storm: return "storm";
        case UtilityKind::Gas: return "gas";
        case UtilityKind::Power: return "power";
        case UtilityKind::Telecom: return "telecom";
        case UtilityKind::Heating: return "heating";
        case UtilityKind::Other: return "other";
    }
    return "other";
}

std::optional<UtilityKind> parseUtilityKind(const std::string& text) {
    static const std::pair<const char*, UtilityKind> names[] = {
        {"water", UtilityKind::Water},
        {"potablewater", UtilityKind::Water},
        {"drinkingwater", UtilityKind::Water},
        {"watersupply", UtilityKind::Water},
        {"sewer", UtilityKind::Sewer},
        {"sewage", UtilityKind::Sewer},
        {"wastewater", UtilityKind::Sewer},
        {"foul", UtilityKind::Sewer},
        {"sanitary", UtilityKind::Sewer},
        {"storm", UtilityKind::Storm},
        {"stormwater", UtilityKind::Storm},
        {"drain", UtilityKind::Storm},
        {"drainage", UtilityKind::Storm},
        {"surfacewater", UtilityKind::Storm},
        {"gas", UtilityKind::Gas},
        {"naturalgas", UtilityKind::Gas},
        {"power", UtilityKind::Power},
        {"electric", UtilityKind::Power},
        {"electricity", UtilityKind::Power},
        {"electrical", UtilityKind::Power},
        {"telecom", UtilityKind::Telecom},
        {"telecommunication", UtilityKind::Telecom},
        {"telecommunications", UtilityKind::Telecom},
        {"communication", UtilityKind::Telecom},
        {"fibre", UtilityKind::Telecom},
        {"fiber", UtilityKind::Telecom},
        {"heating", UtilityKind::Heating},
        {"districtheating", UtilityKind::Heating},
        {"steam", UtilityKind::Heating},
        {"other", UtilityKind::Other},
    };
    const std::string key = lowerTrimmed(text);
    for (const auto& [name, kind] : names)
        if (key == name) return kind;
    return std::nullopt;
}

const char* toString(DepthSource source) {
    switch (source) {
        case DepthSource::Measured3D: return "measured 3D";
        case DepthSource::Invert: return "invert levels";
        case DepthSource::CoverDepth: return "cover depth";
        case DepthSource::Assumed: return "assumed";
    }
    return "assumed";
}

const char* toString(BuildingSurface::Kind kind) {
    switch (kind) {
        case BuildingSurface::Kind::Roof: return "roof";
        case BuildingSurface::Kind::Wall: return "wall";
        case BuildingSurface::Kind::Ground: return "ground";
        case BuildingSurface::Kind::Other: return "other";
    }
    return "other";
}

const char* toString(NodeKind kind) {
    switch (kind) {
        case NodeKind::Manhole: return "manhole";
        case NodeKind::Chamber: return "chamber";
        case NodeKind::Valve: return "valve";
        case NodeKind::Hydrant: return "hydrant";
        case NodeKind::Junction: return "junction";
        case NodeKind::Tank: return "tank";
        case NodeKind::Pump: return "pump";
        case NodeKind::Reservoir: return "reservoir";
        case NodeKind::Outfall: return "outfall";
        case NodeKind::Storage: return "storage";
        case NodeKind::Inlet: return "inlet";
        case NodeKind::Other: return "other";
    }
    return "other";
}

std::optional<NodeKind> parseNodeKind(const std::string& text) {
    static const std::pair<const char*, NodeKind> names[] = {
        {"manhole", NodeKind::Manhole},     {"mh", NodeKind::Manhole},      {"chamber", NodeKind::Chamber},
        {"vault", NodeKind::Chamber},       {"valve", NodeKind::Valve},     {"hydrant", NodeKind::Hydrant},
        {"junction", NodeKind::Junction},   {"tank", NodeKind::Tank},       {"pump", NodeKind::Pump},
        {"reservoir", NodeKind::Reservoir}, {"outfall", NodeKind::Outfall}, {"storage", NodeKind::Storage},
        {"inlet", NodeKind::Inlet},         {"other", NodeKind::Other},
    };
    const std::string key = lowerTrimmed(text);
    for (const auto& [name, kind] : names)
        if (key == name) return kind;
    return std::nullopt;
}

std::optional<double> Terrain::sample(double x, double y) const {
    // NaN passes every comparison below as false and int(NaN) indexes anywhere: never a lookup.
    if (empty() || !std::isfinite(x) || !std::isfinite(y)) return std::nullopt;
    const double fx = (x - originX) / cellX;
    const double fy = (originY - y) / cellY;
    if (fx < 0 || fy < 0 || fx > columns - 1 || fy > rows - 1) return std::nullopt;
    const int c0 = std::min(int(fx), columns - 2), r0 = std::min(int(fy), rows - 2);
    const double tx = fx - c0, ty = fy - r0;
    const double h00 = height(c0, r0), h10 = height(c0 + 1, r0);
    const double h01 = height(c0, r0 + 1), h11 = height(c0 + 1, r0 + 1);
    const double h = (h00 * (1 - tx) + h10 * tx) * (1 - ty) + (h01 * (1 - tx) + h11 * tx) * ty;
    if (std::isnan(h)) return std::nullopt;
    return h;
}

std::optional<double> Terrain::sampleClamped(double x, double y) const {
    if (empty() || !std::isfinite(x) || !std::isfinite(y)) return std::nullopt;
    return sample(std::clamp(x, minX(), maxX()), std::clamp(y, minY(), maxY()));
}

void Extent::add(const Vec3d& p) {
    minX = std::min(minX, p.x);
    minY = std::min(minY, p.y);
    minZ = std::min(minZ, p.z);
    maxX = std::max(maxX, p.x);
    maxY = std::max(maxY, p.y);
    maxZ = std::max(maxZ, p.z);
}

void Extent::add(const Extent& e) {
    if (!e.valid()) return;
    add(Vec3d{e.minX, e.minY, e.minZ});
    add(Vec3d{e.maxX, e.maxY, e.maxZ});
}

double Model::groundAt(double x, double y) const {
    if (terrain)
        if (auto h = terrain->sampleClamped(x, y)) return *h;
    return flatGroundZ;
}

Extent Model::extent() const {
    Extent e;
    for (const auto& s : segments)
        for (const auto& p : s.points) e.add(p);
    for (const auto& n : nodes) {
        e.add(Vec3d{n.position.x, n.position.y, n.groundZ});
        e.add(Vec3d{n.position.x, n.position.y, n.invertZ});
    }
    for (const auto& b : buildings)
        for (const auto& p : b.footprint) {
            e.add(Vec3d{p.x, p.y, b.baseZ - b.basementDepthM});
            e.add(Vec3d{p.x, p.y, b.baseZ + b.heightM});
        }
    for (const auto& m : meshes)
        for (const auto& p : m.vertices) e.add(p);
    for (const auto& patch : patches)
        for (const auto& p : patch.outline) e.add(p);
    return e;
}

const char* featureKindName(FeatureKind kind) {
    switch (kind) {
        case FeatureKind::Segment: return "segment";
        case FeatureKind::Node: return "node";
        case FeatureKind::Building: return "building";
        case FeatureKind::Patch: return "area";
        case FeatureKind::Any: break;
    }
    return "any";
}

std::optional<FeatureKind> featureKindFromName(const std::string& name) {
    for (FeatureKind kind :
         {FeatureKind::Any, FeatureKind::Segment, FeatureKind::Node, FeatureKind::Building, FeatureKind::Patch})
        if (name == featureKindName(kind)) return kind;
    return std::nullopt;
}

}  // namespace subterra
