#include "feature_sanity.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace subterra {

namespace {
bool isLevel(double v) { return std::isfinite(v) && std::abs(v) <= kMaxLevelM; }

bool isPlaceable(const Vec3d& p) {
    return std::isfinite(p.x) && std::isfinite(p.y) && std::abs(p.x) <= kMaxPlanCoordinate &&
           std::abs(p.y) <= kMaxPlanCoordinate && isLevel(p.z);
}

// Why `points` cannot be placed ("vertex 3 is (nan, 1, 0)"); empty when all can.
std::string pointsProblem(const std::vector<Vec3d>& points) {
    for (size_t i = 0; i < points.size(); ++i) {
        if (isPlaceable(points[i])) continue;
        char text[128];
        std::snprintf(text, sizeof text, "vertex %zu is (%g, %g, %g)", i + 1, points[i].x, points[i].y, points[i].z);
        return text;
    }
    return {};
}

std::string levelProblem(const char* name, double value) {
    if (isLevel(value)) return {};
    char text[96];
    std::snprintf(text, sizeof text, "%s is %g", name, value);
    return text;
}

std::string firstOf(std::initializer_list<std::string> problems) {
    for (const auto& p : problems)
        if (!p.empty()) return p;
    return {};
}

std::string problemOf(const Segment& s) {
    const CrossSection& c = s.section;
    return firstOf({pointsProblem(s.points), levelProblem("diameter", c.diameterM), levelProblem("width", c.widthM),
                    levelProblem("height", c.heightM), levelProblem("wall thickness", c.wallThicknessM)});
}

std::string problemOf(const Node& n) {
    return firstOf({levelProblem("ground level", n.groundZ), levelProblem("invert level", n.invertZ),
                    levelProblem("size", n.sizeM), levelProblem("height", n.heightM), pointsProblem({n.position})});
}

std::string problemOf(const Building& b) {
    std::string found = firstOf({pointsProblem(b.footprint), levelProblem("base", b.baseZ),
                                 levelProblem("height", b.heightM), levelProblem("basement depth", b.basementDepthM)});
    for (const auto& hole : b.holes) found = firstOf({found, pointsProblem(hole)});
    for (const auto& surface : b.surfaces) {
        found = firstOf({found, pointsProblem(surface.outer)});
        for (const auto& hole : surface.holes) found = firstOf({found, pointsProblem(hole)});
    }
    return found;
}

std::string problemOf(const Mesh& m) { return pointsProblem(m.vertices); }
std::string problemOf(const GroundPatch& p) { return pointsProblem(p.outline); }

constexpr size_t kListed = 5;  // one cause gives a few lines and a count, not thousands

template <typename Feature>
size_t dropBad(std::vector<Feature>& features, const char* kind, const LayerImport& layer, size_t& reported,
               Problems& problems) {
    const size_t before = features.size();
    features.erase(std::remove_if(features.begin(), features.end(),
                                  [&](const Feature& feature) {
                                      const std::string why = problemOf(feature);
                                      if (why.empty()) return false;
                                      if (reported++ < kListed)
                                          problems.push_back({Severity::Error, layer.report.source,
                                                              std::string(kind) + " '" + feature.id + "'",
                                                              why + ": not a usable number; feature not drawn"});
                                      return true;
                                  }),
                   features.end());
    return before - features.size();
}

Extent extentOf(const LayerImport& layer) {
    Extent e;
    for (const auto& s : layer.segments)
        for (const auto& p : s.points) e.add(p);
    for (const auto& n : layer.nodes) e.add(n.position);
    for (const auto& b : layer.buildings)
        for (const auto& p : b.footprint) e.add(p);
    for (const auto& m : layer.meshes)
        for (const auto& p : m.vertices) e.add(p);
    for (const auto& patch : layer.patches)
        for (const auto& p : patch.outline) e.add(p);
    return e;
}
}  // namespace

void dropUnplaceableFeatures(LayerImport& layer) {
    size_t reported = 0;
    Problems problems;
    const size_t dropped = dropBad(layer.segments, "segment", layer, reported, problems) +
                           dropBad(layer.nodes, "node", layer, reported, problems) +
                           dropBad(layer.buildings, "building", layer, reported, problems) +
                           dropBad(layer.meshes, "mesh", layer, reported, problems) +
                           dropBad(layer.patches, "area", layer, reported, problems);
    if (dropped == 0) return;
    if (reported > kListed)
        problems.push_back({Severity::Error, layer.report.source, "layer '" + layer.report.name + "'",
                            std::to_string(reported - kListed) + " more features with unusable numbers not drawn"});
    layer.problems.insert(layer.problems.end(), problems.begin(), problems.end());
    layer.report.featuresImported = std::max(0L, layer.report.featuresImported - long(dropped));
    layer.report.extent = extentOf(layer);
}

}  // namespace subterra
