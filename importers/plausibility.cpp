#include "plausibility.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "feature_fields.h"

namespace subterra {

namespace {
std::string metres(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.0f m", value);
    return text;
}

bool isVessel(const Node& node) { return node.kind == NodeKind::Tank || node.kind == NodeKind::Reservoir; }

void checkVesselSizes(LayerImport& layer) {
    Extent plan;
    for (const auto& s : layer.segments)
        for (const auto& p : s.points) plan.add(p);
    for (const auto& n : layer.nodes) plan.add(n.position);
    if (!plan.valid()) return;
    const double span = std::max(plan.maxX - plan.minX, plan.maxY - plan.minY);
    if (!(span > 0)) return;
    const Node* widest = nullptr;
    size_t count = 0;
    for (auto& n : layer.nodes) {
        if (!isVessel(n) || n.sizeM <= span) continue;
        if (!widest || n.sizeM > widest->sizeM) widest = &n;
        ++count;
    }
    if (!widest) return;
    layer.problems.push_back({Severity::Warning, layer.report.source, "layer '" + layer.report.name + "'",
                              std::to_string(count) + " tank(s)/reservoir(s) are wider than the whole network ('" +
                                  widest->id + "' " + metres(widest->sizeM) + ", the network " + metres(span) +
                                  " across): the coordinates look schematic; drawn at a tenth of the network's width"});
    for (auto& n : layer.nodes)
        if (isVessel(n) && n.sizeM > span) n.sizeM = span / 10;
}

void checkNodeLevels(LayerImport& layer) {
    const Node* first = nullptr;
    size_t count = 0;
    for (const auto& n : layer.nodes) {
        const bool outside =
            std::min(n.groundZ, n.invertZ) < kLowestLevelM || std::max(n.groundZ, n.invertZ) > kHighestLevelM;
        if (!outside) continue;
        if (!first) first = &n;
        ++count;
    }
    if (!first) return;
    layer.problems.push_back({Severity::Warning, layer.report.source, "layer '" + layer.report.name + "'",
                              std::to_string(count) + " node(s) have levels outside " + metres(kLowestLevelM) + " .. " +
                                  metres(kHighestLevelM) + " (first '" + first->id + "': ground " +
                                  metres(first->groundZ) + ", invert " + metres(first->invertZ) +
                                  "): a missing-value code or another unit?"});
}
}  // namespace

void checkLayerPlausibility(LayerImport& layer) {
    checkVesselSizes(layer);
    checkNodeLevels(layer);
}

void checkReliefPlausibility(const Model& model, const std::optional<TerrainReport>& terrain, Problems& problems) {
    if (model.terrain && terrain && terrain->sourceColumns > 0) {  // a DEM
        const Terrain& t = *model.terrain;
        const double span = std::max(t.maxX() - t.minX(), t.maxY() - t.minY());
        const double relief = terrain->maxHeight - terrain->minHeight;
        if (span > 0 && relief > span)
            problems.push_back({Severity::Warning, terrain->source, "",
                                "the DEM's relief (" + metres(relief) + ") is larger than its footprint (" +
                                    metres(span) + " across): are its heights in another unit (\"unit\")?"});
    }
    Extent data;
    for (const auto& s : model.segments)
        for (const auto& p : s.points) data.add(p);
    for (const auto& n : model.nodes)
        if (!isVessel(n))
            data.add(Vec3d{n.position.x, n.position.y, n.groundZ}),
                data.add(Vec3d{n.position.x, n.position.y, n.invertZ});
    if (!data.valid()) return;
    const double span = std::max(data.maxX - data.minX, data.maxY - data.minY);
    const double relief = data.maxZ - data.minZ;
    if (span > 0 && relief > span && relief > 10)
        problems.push_back({Severity::Warning, "", "",
                            "the data's heights span " + metres(relief) + ", more than its plan extent (" +
                                metres(span) +
                                " across): schematic coordinates, or plan and heights in different units?"});
}

void checkDemAgainstData(const Terrain& dem, const GroundEvidence& evidence, const std::string& demPath,
                         Problems& problems) {
    std::vector<double> ratios;
    for (const auto& p : evidence.points) {
        const auto h = dem.sample(p.x, p.y);
        if (h && std::abs(p.z) > 10 && std::abs(*h) > 10) ratios.push_back(*h / p.z);
    }
    if (ratios.size() < 3) return;
    std::nth_element(ratios.begin(), ratios.begin() + ratios.size() / 2, ratios.end());
    const double ratio = ratios[ratios.size() / 2];
    const double footM = 0.3048;
    const char* hint =
        std::abs(ratio * footM - 1) < 0.05   ? "the DEM looks like feet: set the terrain's \"unit\": \"ft\""
        : std::abs(ratio / footM - 1) < 0.05 ? "the data's levels look like feet, or the DEM's \"unit\" is wrong"
                                             : nullptr;
    if (!hint) return;
    char text[96];
    std::snprintf(text, sizeof text, "the DEM's heights are a median %.2f x the ground levels the data states (",
                  ratio);
    problems.push_back({Severity::Warning, demPath, "", text + std::string(hint) + ")"});
}

}  // namespace subterra
