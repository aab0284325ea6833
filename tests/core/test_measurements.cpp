// Measurement values against analytic ones: clear distance between pipes, depth below ground,
// horizontal and vertical distance; and the segment distance they rest on.
#include <catch2/catch.hpp>
#include <cmath>

#include "clearance_check.h"
#include "geometry_distance.h"
#include "measurements.h"

using namespace subterra;

namespace {
Segment pipe(const std::string& id, double diameterM, std::vector<Vec3d> points) {
    Segment s;
    s.id = id;
    s.layer = "pipes";
    s.section.diameterM = diameterM;
    s.points = std::move(points);
    return s;
}

Measurement between(MeasurementKind kind, AnnotationAnchor a, AnnotationAnchor b = {}) {
    Measurement m;
    m.kind = kind;
    m.a = std::move(a);
    m.b = std::move(b);
    return m;
}

AnnotationAnchor at(double x, double y, double z) { return {"", "", Vec3d{x, y, z}}; }
}  // namespace

TEST_CASE("Clear distance of parallel pipes = centre distance minus both radii", "[annotations][measure]") {
    // Centres 1.2 m apart in plan and 0.5 m in height: centre distance 1.3 m.
    const Segment a = pipe("A", 0.4, {{0, 0, -2}, {50, 0, -2}});
    const Segment b = pipe("B", 0.2, {{-10, 1.2, -1.5}, {40, 1.2, -1.5}});
    const MeasuredValue value = clearDistance(a, b);
    CHECK(value.valueM == Approx(1.3 - 0.2 - 0.1).margin(1e-9));
    // The dimension line runs from surface to surface.
    const double dx = value.to.x - value.from.x, dy = value.to.y - value.from.y, dz = value.to.z - value.from.z;
    CHECK(std::sqrt(dx * dx + dy * dy + dz * dz) == Approx(value.valueM).margin(1e-9));
    CHECK(value.label == "clear 1.00 m");
}

TEST_CASE("Overlapping pipes give a negative clear distance", "[annotations][measure]") {
    const Segment a = pipe("A", 1.0, {{0, 0, 0}, {10, 0, 0}});
    const Segment b = pipe("B", 1.0, {{5, -5, 0.6}, {5, 5, 0.6}});  // crosses 0.6 m above A's centreline
    const MeasuredValue value = clearDistance(a, b);
    CHECK(value.valueM == Approx(0.6 - 1.0).margin(1e-9));
    CHECK(value.label == "overlap 0.40 m");
}

TEST_CASE("Segment-segment distance: skew, parallel and degenerate cases", "[annotations][measure]") {
    CHECK(closestPoints({0, 0, 0}, {10, 0, 0}, {5, -5, 3}, {5, 5, 3}).distance == Approx(3));
    CHECK(closestPoints({0, 0, 0}, {10, 0, 0}, {2, 4, 0}, {8, 4, 0}).distance == Approx(4));
    CHECK(closestPoints({0, 0, 0}, {10, 0, 0}, {13, 4, 0}, {13, 4, 0}).distance == Approx(5));
    CHECK(closestPoints({1, 1, 1}, {1, 1, 1}, {1, 1, 1}, {1, 1, 1}).distance == Approx(0));
}

TEST_CASE("Depth below ground, horizontal and vertical distances", "[annotations][measure]") {
    Model model;
    Terrain terrain;  // a ground sloping 1 m per 10 m in x: z = 4 + x / 10
    terrain.columns = terrain.rows = 3;
    terrain.cellX = terrain.cellY = 50;
    terrain.originX = 0;
    terrain.originY = 100;
    for (int r = 0; r < 3; ++r)
        for (int c = 0; c < 3; ++c) terrain.heights.push_back(float(4 + c * 5));
    model.terrain = terrain;
    std::string error;
    auto depth = measure(model, between(MeasurementKind::DepthBelowGround, at(30, 50, 2.5)), error);
    REQUIRE(depth);
    CHECK(depth->valueM == Approx(4 + 3 - 2.5).margin(1e-6));
    CHECK(depth->to.z == Approx(7.0).margin(1e-6));
    auto horizontal = measure(model, between(MeasurementKind::Horizontal, at(0, 0, 0), at(3, 4, 12)), error);
    REQUIRE(horizontal);
    CHECK(horizontal->valueM == Approx(5));
    auto vertical = measure(model, between(MeasurementKind::Vertical, at(0, 0, 0), at(3, 4, 12)), error);
    REQUIRE(vertical);
    CHECK(vertical->valueM == Approx(12));
    auto distance = measure(model, between(MeasurementKind::Distance, at(0, 0, 0), at(3, 4, 12)), error);
    REQUIRE(distance);
    CHECK(distance->valueM == Approx(13));
}

TEST_CASE("A clearance with a picked point is measured there", "[annotations][measure]") {
    Model model;
    model.segments.push_back(pipe("A", 0.4, {{0, 0, -2}, {50, 0, -2}}));
    model.segments.push_back(pipe("B", 0.4, {{0, 0.6, -2}, {50, 0.6, -2}}));
    std::string error;
    auto value = measure(
        model, between(MeasurementKind::Clearance, {"pipes", "A", Vec3d{31, 0.1, 0}}, {"pipes", "B", {}}), error);
    REQUIRE(value);
    CHECK(value->valueM == Approx(0.2).margin(1e-9));
    CHECK(value->from.x == Approx(31).margin(1.0));
    CHECK(value->from.y == Approx(0.2).margin(1e-9));  // on A's surface, facing B
}

TEST_CASE("A clearance naming a missing pipe says which one", "[annotations][measure]") {
    Model model;
    model.segments.push_back(pipe("A", 0.3, {{0, 0, 0}, {1, 0, 0}}));
    std::string error;
    auto value = measure(model, between(MeasurementKind::Clearance, {"pipes", "A", {}}, {"pipes", "Z", {}}), error);
    CHECK_FALSE(value);
    CHECK(error == "layer 'pipes' has no feature 'Z'");
}

TEST_CASE("A measured clearance is the value `check` reports, ducts as boxes", "[annotations][measure][check]") {
    // A 1.0 m wide, 0.4 m high duct crossed by a DN300 pipe 0.5 m above its axis: the gap is
    // 0.5 - 0.2 - 0.15 = 0.15 m. A cylinder around the duct's larger side would say -0.15 m (overlap).
    Model model;
    Segment duct = pipe("D-1", 0, {{0, 0, -2}, {20, 0, -2}});
    duct.section.shape = CrossSection::Shape::Rectangular;
    duct.section.widthM = 1.0;
    duct.section.heightM = 0.4;
    duct.utility = UtilityKind::Power;
    Segment water = pipe("W-1", 0.3, {{10, -10, -1.5}, {10, 10, -1.5}});
    water.utility = UtilityKind::Water;
    model.segments = {duct, water};
    CheckRules rules;
    rules.clearance = {{std::nullopt, std::nullopt, 0.5}};
    const CheckResults results = runChecks(model, rules);
    REQUIRE(results.clearance.size() == 1);
    const MeasuredValue measured = clearDistance(duct, water);
    CHECK(results.clearance[0].distanceM == Approx(0.15).margin(1e-9));
    CHECK(measured.valueM == Approx(results.clearance[0].distanceM).margin(1e-9));
    CHECK(measured.label == "clear 0.15 m");
    // The dimension runs from the duct's top face up to the pipe's underside.
    CHECK(measured.from.z == Approx(-1.8).margin(1e-9));
    CHECK(measured.to.z == Approx(-1.65).margin(1e-9));
}
