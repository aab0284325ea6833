// The real EPANET and SWMM models in shared/data (see its MANIFEST.md): counts per kind, positions,
// pipe direction, levels, and no problems reported for these valid files. Skipped when absent.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>

#include "skip_support.h"
#include "crs.h"
#include "depth_rules.h"
#include "inp_test_support.h"
#include "model_loader.h"

using namespace subterra;

namespace {
bool present(const std::string& path) { return inp_test::exists(path) || !skip_support::skip(path + " is not there"); }

long count(const LayerImport& layer, const std::string& kind) {
    auto it = layer.report.countsByKind.find(kind);
    return it == layer.report.countsByKind.end() ? 0 : it->second;
}

const Node* findNode(const LayerImport& layer, const std::string& id, NodeKind kind) {
    for (const auto& n : layer.nodes)
        if (n.id == id && n.kind == kind) return &n;
    return nullptr;
}

const Segment* findSegment(const LayerImport& layer, const std::string& id) {
    for (const auto& s : layer.segments)
        if (s.id == id) return &s;
    return nullptr;
}

double median(std::vector<double> values) {
    REQUIRE_FALSE(values.empty());
    std::nth_element(values.begin(), values.begin() + values.size() / 2, values.end());
    return values[values.size() / 2];
}
}  // namespace

TEST_CASE("EPANET Net1: counts, feet to metres, pipe direction, ids per type", "[inp][real-data]") {
    const std::string path = inp_test::sharedData("epanet/Net1.inp");
    if (!present(path)) return;
    REQUIRE(epanetClaims(path));
    REQUIRE_FALSE(swmmClaims(path));
    const LayerImport net = inp_test::importInp(path);
    INFO(inp_test::problemLines(net.problems));
    CHECK(net.problems.empty());
    CHECK(net.report.driver == "EPANET");
    CHECK(count(net, "junctions") == 9);
    CHECK(count(net, "reservoirs") == 1);
    CHECK(count(net, "tanks") == 1);
    CHECK(count(net, "pipes") == 12);
    CHECK(count(net, "pumps") == 1);
    CHECK(net.segments.size() == 13);          // 12 pipes + the pump link
    CHECK(net.nodes.size() == 9 + 1 + 1 + 1);  // + the pump symbol
    // "10" is both a junction and a pipe (ids are per object type).
    const Node* j10 = findNode(net, "10", NodeKind::Junction);
    const Segment* p10 = findSegment(net, "10");
    REQUIRE(j10);
    REQUIRE(p10);
    CHECK(j10->position.x == Approx(20 * 0.3048));
    CHECK(j10->position.y == Approx(70 * 0.3048));
    CHECK(j10->groundZ == Approx(710 * 0.3048));  // elevation = ground (the default rule)
    // Pipe 10 runs from node 10 to node 11, 18 in; 1.2 m cover (water) over its top.
    CHECK(p10->attributes.at("from_node") == "10");
    CHECK(p10->attributes.at("to_node") == "11");
    CHECK(p10->points.front().x == Approx(20 * 0.3048));
    CHECK(p10->points.back().x == Approx(30 * 0.3048));
    CHECK(p10->section.diameterM == Approx(18 * 0.0254));
    CHECK(p10->points.front().z == Approx(710 * 0.3048 - defaultCoverM(UtilityKind::Water) - 18 * 0.0254 / 2));
    const Node* tank = findNode(net, "2", NodeKind::Tank);
    REQUIRE(tank);
    CHECK(tank->sizeM == Approx(50.5 * 0.3048));
    CHECK(tank->heightM == Approx(150 * 0.3048));
    CHECK(findNode(net, "9", NodeKind::Reservoir));
    CHECK(findNode(net, "9", NodeKind::Pump));
}

TEST_CASE("EPANET Net1: node elevation as pipe centreline", "[inp][real-data]") {
    const std::string path = inp_test::sharedData("epanet/Net1.inp");
    if (!present(path)) return;
    LayerSpec spec;
    spec.nodeElevation = LayerSpec::NodeElevation::Centreline;
    const LayerImport net = inp_test::importInp(path, spec);
    const Segment* p10 = findSegment(net, "10");
    REQUIRE(p10);
    CHECK(p10->points.front().z == Approx(710 * 0.3048));
    CHECK(p10->points.back().z == Approx(710 * 0.3048));  // node 11 is at 710 too
    const Segment* p12 = findSegment(net, "12");          // 12 (700 ft) -> 13 (695 ft)
    REQUIRE(p12);
    CHECK(p12->points.back().z == Approx(695 * 0.3048));
    CHECK(p12->depthSource == DepthSource::Invert);
}

TEST_CASE("EPANET Net3: counts, status by link id, dummy connectors drawn small", "[inp][real-data]") {
    const std::string path = inp_test::sharedData("epanet/Net3.inp");
    if (!present(path)) return;
    const LayerImport net = inp_test::importInp(path);
    CHECK(count(net, "junctions") == 92);
    CHECK(count(net, "reservoirs") == 2);
    CHECK(count(net, "tanks") == 3);
    CHECK(count(net, "pipes") == 117);
    CHECK(count(net, "pumps") == 2);
    // "10" is a junction and a pump; [STATUS] 10 Closed is the pump's.
    const Segment* pump10 = nullptr;
    for (const auto& s : net.segments)
        if (s.id == "10" && s.attributes.at("type") == "pump") pump10 = &s;
    REQUIRE(pump10);
    CHECK(pump10->status == "Closed");
    // Pipes 20, 40, 50 (99 in, roughness 199) are dummy connectors: said, and drawn at the size
    // of the pipes they meet rather than as 2.5 m tubes. Nothing else is reported.
    INFO(inp_test::problemLines(net.problems));
    REQUIRE(net.problems.size() == 3);
    for (const char* id : {"20", "40", "50"}) {
        const Segment* s = findSegment(net, id);
        REQUIRE(s);
        CHECK(s->section.diameterM < 1.0);
    }
    CHECK(net.problems[0].severity == Severity::Warning);
    CHECK(net.problems[0].where.rfind("line ", 0) == 0);
}

TEST_CASE("EPANET ky4: state-plane feet reprojected by the layer crs, zero-length pumps", "[inp][real-data]") {
    const std::string path = inp_test::sharedData("ky4/ky4.inp");
    if (!present(path)) return;
    LoadRequest request;
    LayerSpec spec;
    spec.name = "ky4";
    spec.source = path;
    spec.sourceCrs = "EPSG:3547";
    request.layers = {spec};
    const LoadResult result = loadModel(request);
    INFO(inp_test::problemLines(result.problems));
    CHECK(result.problems.empty());
    std::string error;
    CHECK(crsEquivalent(result.model.crsWkt, *crsToWkt("EPSG:32616", error)));  // UTM of the data, metres
    REQUIRE(result.layers.size() == 1);
    const auto& counts = result.layers[0].countsByKind;
    CHECK(counts.at("junctions") == 959);
    CHECK(counts.at("reservoirs") == 1);
    CHECK(counts.at("tanks") == 4);
    CHECK(counts.at("pipes") == 1156);
    CHECK(counts.at("pumps") == 2);
    CHECK(counts.at("zero-length pumps (symbol only)") == 2);
    CHECK(result.model.segments.size() == 1156);
    CHECK(result.model.nodes.size() == 959 + 1 + 4 + 2);
    // Drawn lengths (metres, after reprojection) match the declared lengths (feet).
    std::vector<double> ratios;
    size_t vertices = 0;
    for (const auto& s : result.model.segments) {
        vertices += s.points.size();
        const double declared = std::stod(s.attributes.at("length")) * 0.3048;
        if (declared > 10) ratios.push_back(planLength(s.points) / declared);
    }
    CHECK(vertices == 5124);  // 2 per pipe + 2812 inner vertices
    CHECK(median(ratios) == Approx(1.0).margin(0.01));
}

TEST_CASE("SWMM model_state_plane: storage nodes, depth offsets, drawn = declared length", "[inp][real-data]") {
    const std::string path = inp_test::sharedData("swmm/model_state_plane.inp");
    if (!present(path)) return;
    REQUIRE(swmmClaims(path));
    REQUIRE_FALSE(epanetClaims(path));
    const LayerImport net = inp_test::importInp(path);
    INFO(inp_test::problemLines(net.problems));
    CHECK(net.problems.empty());
    CHECK(net.report.driver == "SWMM");
    CHECK(count(net, "junctions") == 31);
    CHECK(count(net, "storage units") == 13);
    CHECK(count(net, "outfalls") == 1);
    CHECK(count(net, "conduits") == 44);
    CHECK(count(net, "subcatchments") == 2);
    CHECK(count(net, "subcatchment polygon vertices") == 6);
    CHECK(net.patches.size() == 2);
    CHECK(net.segments.size() == 44);
    CHECK(net.nodes.size() == 45);
    CHECK(net.report.assumedSections == 0);
    CHECK(net.report.depthSources[size_t(DepthSource::Invert)] == 44);
    // J1-025: invert 970.46 ft, max depth 12.938 ft -> ground = invert + max depth.
    const Node* j = findNode(net, "J1-025", NodeKind::Manhole);
    REQUIRE(j);
    CHECK(j->invertZ == Approx(970.46 * 0.3048));
    CHECK(j->groundZ == Approx((970.46 + 12.938) * 0.3048));
    // Conduit J1-025.1 from J1-025: circular 1.25 ft, no offset -> centreline = invert + 0.625 ft.
    const Segment* c = findSegment(net, "J1-025.1");
    REQUIRE(c);
    CHECK(c->section.diameterM == Approx(1.25 * 0.3048));
    CHECK(c->points.front().z == Approx((970.46 + 0.625) * 0.3048));
    CHECK(c->points.front().x == Approx(j->position.x));
    std::vector<double> ratios;
    for (const auto& s : net.segments)
        ratios.push_back(planLength(s.points) / (std::stod(s.attributes.at("length")) * 0.3048));
    CHECK(median(ratios) == Approx(1.0).margin(0.001));
}

TEST_CASE("SWMM Example1: counts, CFS feet, subcatchments as ground patches", "[inp][real-data]") {
    const std::string path = inp_test::sharedData("swmm/Example1.inp");
    if (!present(path)) return;
    const LayerImport net = inp_test::importInp(path);
    INFO(inp_test::problemLines(net.problems));
    CHECK(net.problems.empty());
    CHECK(count(net, "junctions") == 13);
    CHECK(count(net, "outfalls") == 1);
    CHECK(count(net, "conduits") == 13);
    CHECK(count(net, "subcatchments") == 8);
    CHECK(count(net, "subcatchment polygon vertices") == 77);
    // Every subcatchment is a ground patch at its outlet node's ground, with its main land use.
    REQUIRE(net.patches.size() == 8);
    size_t outlineVertices = 0;
    for (const auto& patch : net.patches) {
        outlineVertices += patch.outline.size();
        const Node* outlet = findNode(net, patch.attributes.at("outlet"), NodeKind::Manhole);
        if (!outlet) outlet = findNode(net, patch.attributes.at("outlet"), NodeKind::Outfall);  // subcatchment 8 -> 18
        REQUIRE(outlet);
        for (const auto& p : patch.outline) CHECK(p.z == Approx(outlet->groundZ));
        // 1-5 Residential (2 and 4 are 50/50: the first listed wins), 6-8 Undeveloped.
        CHECK(patch.landUse == (std::stoi(patch.id) <= 5 ? "Residential" : "Undeveloped"));
    }
    CHECK(outlineVertices == 77);
    CHECK(net.patches[0].outline[0].x == Approx(3936.84 * 0.3048));  // [MAP] UNITS None, CFS: feet assumed
    CHECK(net.segments.size() == 13);
    CHECK(net.report.utility == UtilityKind::Storm);
    // Every conduit starts at its from-node and ends at its to-node.
    for (const auto& s : net.segments) {
        const Node* from = findNode(net, s.attributes.at("from_node"), NodeKind::Manhole);
        if (!from) from = findNode(net, s.attributes.at("from_node"), NodeKind::Outfall);
        REQUIRE(from);
        CHECK(s.points.front().x == Approx(from->position.x));
        CHECK(s.points.front().y == Approx(from->position.y));
    }
}
