// Real-world CRS and unit traps (issue 15): EPANET coordinates in longitude/latitude, [VERTICES] in
// another unit than their nodes, a CRS declared for inputs that have none, a project CRS in US
// feet, and one line per cause instead of hundreds.
#include <catch2/catch.hpp>
#include <cmath>

#include "crs.h"
#include "depth_rules.h"
#include "epanet_importer.h"
#include "fixtures.h"
#include "model_loader.h"

using namespace subterra;
using Catch::Contains;

namespace {
LayerSpec specFor(const std::string& source, const std::string& name) {
    LayerSpec spec;
    spec.source = source;
    spec.name = name;
    return spec;
}

LoadResult loadOne(const LayerSpec& spec, const std::string& projectCrs = "") {
    LoadRequest request;
    request.projectCrs = projectCrs;
    request.layers.push_back(spec);
    return loadModel(request);
}

std::string notesOf(const LoadResult& result) {
    std::string text;
    for (const auto& layer : result.layers)
        for (const auto& note : layer.notes) text += note + "\n";
    return text;
}

const Segment* findSegment(const Model& model, const std::string& id) {
    for (const auto& s : model.segments)
        if (s.id == id) return &s;
    return nullptr;
}

// Four junctions in Lexington, Kentucky, 0.001 degree apart: 87.8 m east-west, 111.0 m
// north-south; pipe lengths in feet as a real model declares them (GPM: US units).
std::string lonLatNetwork(const std::string& vertices = "") {
    return R"([JUNCTIONS]
J1  300  0
J2  301  0
J3  302  0
J4  303  0
[PIPES]
P1  J1  J2  288  8  100
P2  J1  J3  364  8  100
P3  J2  J4  364  8  100
P4  J3  J4  288  8  100
[OPTIONS]
Units  GPM
[COORDINATES]
J1  -84.500  38.000
J2  -84.499  38.000
J3  -84.500  38.001
J4  -84.499  38.001
[VERTICES]
)" + vertices +
           "[END]\n";
}
}  // namespace

TEST_CASE("crs: EPANET coordinates in longitude/latitude are taken as WGS 84, not feet", "[crs][inp][issue15]") {
    const std::string dir = fixtures::freshDir("crs_lonlat_inp");
    const std::string path = fixtures::writeText(dir + "/lexington.inp", lonLatNetwork());
    const LoadResult result = loadOne(specFor(path, "water"));
    INFO(fixtures::problemLines(result.problems) << notesOf(result));
    CHECK_FALSE(hasErrors(result.problems));
    // The project CRS is the UTM zone of the data (16N), and distances are true metres.
    CHECK(crsEquivalent(result.model.crsWkt, fixtures::wktOf("EPSG:32616")));
    const Segment* p1 = findSegment(result.model, "P1");
    const Segment* p2 = findSegment(result.model, "P2");
    REQUIRE(p1);
    REQUIRE(p2);
    CHECK(planLength(p1->points) == Approx(87.8).epsilon(0.01));
    CHECK(planLength(p2->points) == Approx(111.0).epsilon(0.01));
    CHECK_THAT(notesOf(result), Contains("look like longitude/latitude") && Contains("EPSG:4326"));
    REQUIRE(result.layers.size() == 1);
    CHECK(crsEquivalent(result.layers[0].sourceCrsWkt, fixtures::wktOf("EPSG:4326")));
}

TEST_CASE("crs: --input-crs chooses NAD83 for lon/lat coordinates", "[crs][inp][issue15]") {
    const std::string dir = fixtures::freshDir("crs_lonlat_nad83");
    LayerSpec spec = specFor(fixtures::writeText(dir + "/lexington.inp", lonLatNetwork()), "water");
    spec.fallbackCrs = "EPSG:4269";
    const LoadResult result = loadOne(spec);
    INFO(fixtures::problemLines(result.problems) << notesOf(result));
    CHECK_FALSE(hasErrors(result.problems));
    REQUIRE(result.layers.size() == 1);
    CHECK(crsEquivalent(result.layers[0].sourceCrsWkt, fixtures::wktOf("EPSG:4269")));
    CHECK_THAT(notesOf(result), Contains("--input-crs"));
    const Segment* p1 = findSegment(result.model, "P1");
    REQUIRE(p1);
    CHECK(planLength(p1->points) == Approx(87.8).epsilon(0.01));
}

TEST_CASE("crs: schematic coordinates that fit in +-180/+-90 are not taken as degrees", "[crs][inp][issue15]") {
    const std::string dir = fixtures::freshDir("crs_schematic");
    // Net1-like: a drawing 60 x 80 units with pipes of 5280 and 10530 ft.
    const std::string wide = fixtures::writeText(dir + "/wide.inp", R"([JUNCTIONS]
A 700 0
B 700 0
C 700 0
[PIPES]
P1 A B 10530 18 100
P2 B C 5280 14 100
[COORDINATES]
A 10 70
B 70 70
C 70 10
[END]
)");
    const LoadResult schematic = loadOne(specFor(wide, "net"));
    INFO(fixtures::problemLines(schematic.problems) << notesOf(schematic));
    CHECK(schematic.model.crsWkt.empty());
    CHECK_THAT(notesOf(schematic), Contains("look schematic") && !Contains("longitude"));
    // Small enough to be degrees, but pipes of 1000 ft drawn 0.5 "degrees" (55 km) apart: no.
    const std::string small = fixtures::writeText(dir + "/small.inp", R"([JUNCTIONS]
A 10 0
B 10 0
[PIPES]
P1 A B 1000 8 100
[COORDINATES]
A 0.5 0.5
B 1.0 0.5
[END]
)");
    const LoadResult notDegrees = loadOne(specFor(small, "net"));
    INFO(notesOf(notDegrees));
    CHECK(notDegrees.model.crsWkt.empty());
    CHECK_THAT(notesOf(notDegrees), !Contains("longitude"));
}

TEST_CASE("crs: [VERTICES] far outside the nodes are dropped with one warning", "[crs][inp][issue15]") {
    const std::string dir = fixtures::freshDir("crs_stray_vertices");
    // Nodes within 0..1000 ft; P1's vertices are metres of another grid, 100 km away; P2's are fine.
    const std::string path = fixtures::writeText(dir + "/stray.inp", R"([JUNCTIONS]
A 100 0
B 100 0
C 100 0
[PIPES]
P1 A B 1000 8 100
P2 B C 1000 8 100
P3 A C 1400 8 100
[COORDINATES]
A 0 0
B 1000 0
C 1000 1000
[VERTICES]
P1 350000 4100000
P1 350010 4100020
P3 200000 300000
P2 1100 500
[END]
)");
    const LoadResult result = loadOne(specFor(path, "net"));
    INFO(fixtures::problemLines(result.problems));
    CHECK_FALSE(hasErrors(result.problems));
    CHECK(fixtures::countProblems(result.problems, {"far outside the nodes' extent", "2 link(s)", "'P1', 'P3'"}) == 1);
    CHECK(result.problems.size() == 1);
    const Segment* p1 = findSegment(result.model, "P1");
    const Segment* p2 = findSegment(result.model, "P2");
    REQUIRE(p1);
    REQUIRE(p2);
    CHECK(p1->points.size() == 2);  // drawn straight between its nodes
    CHECK(p2->points.size() == 3);  // its vertex is near: kept
    const Extent extent = result.model.extent();
    CHECK(extent.maxX - extent.minX < 500);  // 1100 ft and no more: the scene is not stretched
}

TEST_CASE("crs: links whose vertices cannot be transformed are drawn straight", "[crs][inp][issue15]") {
    const std::string dir = fixtures::freshDir("crs_vertex_transform");
    // No latitude beyond 90: the vertex at 91 N fails (it is near enough to the nodes to stay).
    const std::string path = fixtures::writeText(dir + "/polar.inp", R"([JUNCTIONS]
A 10 0
B 10 0
[PIPES]
P1 A B 100 8 100
[COORDINATES]
A 10.0 85.0
B 15.0 89.9
[VERTICES]
P1 12.0 91.0
[END]
)");
    LayerSpec spec = specFor(path, "net");
    spec.sourceCrs = "EPSG:4326";
    const ImportContext context{fixtures::wktOf("EPSG:3857"), [](double, double) { return 0.0; }};
    const LayerImport layer = importEpanet(spec, context);
    INFO(fixtures::problemLines(layer.problems));
    CHECK_FALSE(hasErrors(layer.problems));
    REQUIRE(layer.segments.size() == 1);
    CHECK(layer.segments[0].points.size() == 2);
    CHECK(fixtures::countProblems(layer.problems, {"warning", "P1", "cannot be transformed", "drawn straight"}) == 1);
}

TEST_CASE("problems: one cause gives the first five lines and a count", "[problems][issue15]") {
    Problems problems;
    for (int i = 0; i < 683; ++i)
        problems.push_back({Severity::Warning, "net.inp", "line " + std::to_string(10 + i),
                            "pipe 'P" + std::to_string(i) + "': vertices cannot be transformed"});
    problems.push_back({Severity::Error, "net.inp", "line 2", "duplicate node id 'J1'"});
    const auto lines = summarizedProblemLines(problems);
    REQUIRE(lines.size() == 7);
    CHECK_THAT(lines[0], Contains("'P0'"));
    CHECK_THAT(lines[4], Contains("'P4'"));
    CHECK(lines[5] == "warning: net.inp: ... and 678 more like this (`info --json` lists all)");
    CHECK_THAT(lines[6], Contains("duplicate node id"));
    CHECK(summarizedProblemLines(Problems(problems.begin(), problems.begin() + 5)).size() == 5);
}

TEST_CASE("crs: a project CRS in US feet gives a model in metres", "[crs][units][issue15]") {
    const std::string dir = fixtures::freshDir("crs_us_feet");
    // Texas Central (ftUS): a pipe of 100 ftUS, in a file that says so and in one that says nothing.
    fixtures::LayerFixture pipes{"pipes", "EPSG:2277", "LineString", {{"ID", fixtures::FieldFixture::Kind::Text}}, {}};
    pipes.features.push_back({"LINESTRING (3100000 10070000, 3100100 10070000)", {{"ID", "P1"}}});
    const std::string declared = fixtures::writeVector(dir + "/pipes.geojson", "GeoJSON", {pipes});
    const std::string local =
        fixtures::writeText(dir + "/local.csv", "WKT,ID\n\"LINESTRING (3100000 10070100,3100000 10070200)\",L1\n");
    LoadRequest request;
    request.projectCrs = "EPSG:2277";
    request.layers.push_back(specFor(declared, "pipes"));
    request.layers.push_back(specFor(local, "local"));
    const LoadResult result = loadModel(request);
    INFO(fixtures::problemLines(result.problems));
    CHECK_FALSE(hasErrors(result.problems));
    CHECK(crsIsMetric(result.model.crsWkt));
    CHECK_THAT(result.crsChoice, Contains("converted to metres"));
    CHECK_THAT(crsDisplayName(result.model.crsWkt), Contains("in metres"));
    const Segment* p1 = findSegment(result.model, "P1");
    const Segment* l1 = findSegment(result.model, "L1");
    REQUIRE(p1);
    REQUIRE(l1);
    CHECK(planLength(p1->points) == Approx(30.480061).epsilon(1e-6));
    CHECK(planLength(l1->points) == Approx(30.480061).epsilon(1e-6));
    // Same place: the metre version of the CRS is the feet one scaled.
    CHECK(p1->points[0].x == Approx(3100000 * 1200.0 / 3937.0).margin(0.01));
}

TEST_CASE("crs: a layer's crs overrides the file's, --input-crs only fills in", "[crs][gis][issue15]") {
    const std::string dir = fixtures::freshDir("crs_layer_override");
    // UTM 51N coordinates in a file that wrongly says Web Mercator, and a CSV that says nothing.
    fixtures::LayerFixture wrong{"valves", "EPSG:3857", "Point", {{"ID", fixtures::FieldFixture::Kind::Text}}, {}};
    wrong.features.push_back({"POINT (352813 3453349)", {{"ID", "V1"}}});
    const std::string wrongPath = fixtures::writeVector(dir + "/valves.geojson", "GeoJSON", {wrong});
    const std::string csv = fixtures::writeText(dir + "/hydrants.csv", "WKT,ID\n\"POINT (121.455 31.205)\",H1\n");
    LoadRequest request;
    request.projectCrs = "EPSG:32651";
    LayerSpec valves = specFor(wrongPath, "valves");
    valves.sourceCrs = "EPSG:32651";
    valves.fallbackCrs = "EPSG:4326";  // --input-crs: the file has a CRS, so not used
    LayerSpec hydrants = specFor(csv, "hydrants");
    hydrants.fallbackCrs = "EPSG:4326";
    request.layers = {valves, hydrants};
    const LoadResult result = loadModel(request);
    INFO(fixtures::problemLines(result.problems) << notesOf(result));
    CHECK_FALSE(hasErrors(result.problems));
    REQUIRE(result.model.nodes.size() == 2);
    CHECK(result.model.nodes[0].position.x == 352813.0);  // taken as UTM, not Web Mercator
    CHECK(result.model.nodes[1].position.x == Approx(352813.08).margin(0.01));
    CHECK_THAT(notesOf(result), Contains("which is overridden") && Contains("--input-crs"));
    CHECK(fixtures::countProblems(result.problems, {"no CRS declared"}) == 0);

    LayerSpec bad = specFor(csv, "hydrants");
    bad.sourceCrs = "EPSG:999999";
    const LoadResult rejected = loadOne(bad, "EPSG:32651");
    CHECK(fixtures::countProblems(rejected.problems, {"error", "layer 'hydrants'", "EPSG:999999"}) == 1);
}
