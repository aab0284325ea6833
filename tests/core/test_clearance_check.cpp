// Clearance and cover checks: distances against analytic values, connected lines, rules, the grid.
#include <catch2/catch.hpp>
#include <cmath>
#include <random>
#include <set>

#include "check_report.h"
#include "clearance_check.h"
#include "geometry_distance.h"
#include "plan_grid.h"

using namespace subterra;
using Catch::Detail::Approx;

namespace {
Segment pipe(const std::string& id, UtilityKind utility, double diameterM, std::vector<Vec3d> points) {
    Segment s;
    s.id = id;
    s.utility = utility;
    s.section.diameterM = diameterM;
    s.depthSource = DepthSource::Measured3D;
    s.points = std::move(points);
    return s;
}

Segment duct(const std::string& id, double widthM, double heightM, std::vector<Vec3d> points) {
    Segment s = pipe(id, UtilityKind::Power, 0, std::move(points));
    s.section.shape = CrossSection::Shape::Rectangular;
    s.section.widthM = widthM;
    s.section.heightM = heightM;
    return s;
}

// The surface distance the check computes between two lines.
double gap(const Segment& a, const Segment& b) { return clearanceBetween(a, b).distanceM; }

CheckRules rules(std::vector<ClearanceRule> clearance) {
    CheckRules r;
    r.clearance = std::move(clearance);
    return r;
}
}  // namespace

TEST_CASE("clearance: two skew cylinders, surface distance = line distance minus both radii", "[check][clearance]") {
    // Line A: the x axis. Line B: through (3, 0, 2) along (0, 1, 1). Distance between the lines:
    // |w . (dA x dB)| / |dA x dB| = |(3,0,2) . (0,-1,1)| / sqrt(2) = sqrt(2).
    const Segment a = pipe("A", UtilityKind::Water, 0.2, {{-10, 0, 0}, {10, 0, 0}});
    const Segment b = pipe("B", UtilityKind::Gas, 0.4, {{3, -10, -8}, {3, 10, 12}});
    CHECK(gap(a, b) == Approx(std::sqrt(2.0) - 0.1 - 0.2).margin(1e-9));
    const ClosestPoints c = closestPoints(a.points[0], a.points[1], b.points[0], b.points[1]);
    CHECK(c.onA.x == Approx(3));
    CHECK(c.onB.y == Approx(-1));
    CHECK(c.onB.z == Approx(1));
}

TEST_CASE("clearance: parallel pipes side by side", "[check][clearance]") {
    const Segment a = pipe("A", UtilityKind::Water, 0.3, {{0, 0, 5}, {50, 0, 5}});
    const Segment b = pipe("B", UtilityKind::Sewer, 0.5, {{20, 0.9, 5}, {80, 0.9, 5}});
    CHECK(gap(a, b) == Approx(0.9 - 0.15 - 0.25).margin(1e-9));
    // End to end along one line: the gap is between the two ends.
    const Segment c = pipe("C", UtilityKind::Sewer, 0.5, {{52, 0, 5}, {60, 0, 5}});
    CHECK(gap(a, c) == Approx(2.0 - 0.15 - 0.25).margin(1e-9));
}

TEST_CASE("clearance: lines crossing at an angle, one above the other", "[check][clearance]") {
    const double angle = 30 * M_PI / 180;
    const Segment a = pipe("A", UtilityKind::Water, 0.2, {{-20, 0, 3.0}, {20, 0, 3.0}});
    const Segment b = pipe(
        "B", UtilityKind::Gas, 0.16,
        {{-20 * std::cos(angle), -20 * std::sin(angle), 3.55}, {20 * std::cos(angle), 20 * std::sin(angle), 3.55}});
    CHECK(gap(a, b) == Approx(0.55 - 0.1 - 0.08).margin(1e-9));
    // Laid through each other: negative.
    const Segment c = pipe("C", UtilityKind::Gas, 0.16, {{0, -20, 3.05}, {0, 20, 3.05}});
    CHECK(gap(a, c) == Approx(0.05 - 0.1 - 0.08).margin(1e-9));
}

TEST_CASE("clearance: a box duct uses its half height above it and its half width beside it", "[check][clearance]") {
    const Segment bank = duct("P", 1.0, 0.2, {{-10, 0, 0}, {10, 0, 0}});
    const Segment over = pipe("W", UtilityKind::Water, 0.2, {{0, -10, 0.5}, {0, 10, 0.5}});
    CHECK(gap(bank, over) == Approx(0.5 - 0.1 - 0.1).margin(1e-9));  // half diagonal would say < 0
    const Segment beside = pipe("T", UtilityKind::Telecom, 0.2, {{-10, 1.0, 0}, {10, 1.0, 0}});
    CHECK(gap(bank, beside) == Approx(1.0 - 0.5 - 0.1).margin(1e-9));
}

TEST_CASE("clearance: two ducts side by side and diagonally offset, distances by hand", "[check][clearance]") {
    // A: 1.0 x 0.2 along x at the origin (y in [-0.5, 0.5], z in [-0.1, 0.1]).
    const Segment a = duct("A", 1.0, 0.2, {{-10, 0, 0}, {10, 0, 0}});
    // B: 0.4 x 0.4, parallel, centred at y 1.0, z 0.5 (y in [0.8, 1.2], z in [0.3, 0.7]): the nearest
    // corners are (0.5, 0.1) and (0.8, 0.3), hypot(0.3, 0.2) apart.
    const Segment diagonal = duct("B", 0.4, 0.4, {{-5, 1.0, 0.5}, {5, 1.0, 0.5}});
    CHECK(gap(a, diagonal) == Approx(std::hypot(0.3, 0.2)).margin(1e-9));
    CHECK(gap(diagonal, a) == Approx(std::hypot(0.3, 0.2)).margin(1e-9));
    // Side by side at the same level: the two half widths, 1.0 - 0.5 - 0.2.
    const Segment beside = duct("C", 0.4, 0.4, {{-5, 1.0, 0}, {5, 1.0, 0}});
    CHECK(gap(a, beside) == Approx(0.3).margin(1e-9));
    // Overlapping by 0.1 in y and 0.05 in z: the shallower penetration, negative.
    const Segment into = duct("D", 0.4, 0.4, {{-5, 0.6, 0.25}, {5, 0.6, 0.25}});
    CHECK(gap(a, into) == Approx(-0.05).margin(1e-9));
    // End to end on one axis, 2 m apart: the flat ends, not an overlap of the rectangles.
    const Segment next = duct("F", 1.0, 0.2, {{12, 0, 0}, {20, 0, 0}});
    CHECK(gap(a, next) == Approx(2.0).margin(1e-9));
    // E runs along y and stops 1.5 m short of A's axis, 0.5 m higher (y in [1.5, 10],
    // z in [0.3, 0.7]): its end face is hypot(1.5 - 0.5, 0.3 - 0.1) from A's top edge. The box
    // sizes are taken at the closest points, so this is met to within a centimetre.
    const Segment endOn = duct("E", 0.4, 0.4, {{0, 1.5, 0.5}, {0, 10, 0.5}});
    CHECK(gap(a, endOn) == Approx(std::hypot(1.0, 0.2)).margin(0.01));
    CHECK(gap(endOn, a) == Approx(std::hypot(1.0, 0.2)).margin(0.01));
}

TEST_CASE("clearance: rules pick the most specific, violations carry distance and points", "[check][clearance]") {
    Model model;
    model.segments.push_back(pipe("W-1", UtilityKind::Water, 0.2, {{-10, 0, 3.0}, {10, 0, 3.0}}));
    model.segments.push_back(pipe("S-1", UtilityKind::Sewer, 0.4, {{0, -10, 2.0}, {0, 10, 2.0}}));  // gap 0.7
    model.segments.push_back(pipe("G-1", UtilityKind::Gas, 0.2, {{5, -10, 3.5}, {5, 10, 3.5}}));    // gap 0.3 to W-1
    model.segments.push_back(pipe("T-1", UtilityKind::Telecom, 0.1, {{50, -10, 3.5}, {50, 10, 3.5}}));  // far away
    const CheckRules r = rules({{UtilityKind::Water, UtilityKind::Sewer, 1.0}, {std::nullopt, std::nullopt, 0.35}});
    const CheckResults results = checkClearances(model, r);
    REQUIRE(results.clearance.size() == 2);
    const auto& gas = results.clearance[0];  // ordered by (a, b) ids: W-1 x G-1, then W-1 x S-1
    CHECK(model.segments[gas.a].id == "W-1");
    CHECK(model.segments[gas.b].id == "G-1");
    CHECK(gas.distanceM == Approx(0.3));
    CHECK(gas.requiredM == Approx(0.35));
    CHECK(gas.pointA.x == Approx(5));
    CHECK(gas.pointB.z == Approx(3.5));
    const auto& sewer = results.clearance[1];
    CHECK(model.segments[sewer.b].id == "S-1");
    CHECK(sewer.distanceM == Approx(0.7));
    CHECK(sewer.requiredM == Approx(1.0));
    // Only "*" 0.35: the sewer is clear.
    CHECK(checkClearances(model, rules({{std::nullopt, std::nullopt, 0.35}})).clearance.size() == 1);
    // No rule for the pair: not checked.
    CHECK(checkClearances(model, rules({{UtilityKind::Power, std::nullopt, 5}})).clearance.empty());
}

TEST_CASE("clearance: connected lines are not reported, crossing ones of another kind are", "[check][clearance]") {
    Model model;
    model.segments.push_back(pipe("W-1", UtilityKind::Water, 0.3, {{0, 0, 3}, {20, 0, 3}}));
    model.segments.push_back(pipe("W-2", UtilityKind::Water, 0.3, {{20, 0, 3}, {20, 30, 3.2}}));  // continues W-1
    model.segments.push_back(
        pipe("HC-1", UtilityKind::Water, 0.05, {{10, 0, 3.15}, {10, 8, 3.5}}));  // tapped on top of W-1
    model.segments.push_back(
        pipe("S-9", UtilityKind::Sewer, 0.15, {{12, -0.5, 3.1}, {12, 5, 3.3}}));  // ends inside W-1: a clash
    // Tapped 8 cm beside HC-1, then away from it: they come closest where both join W-1.
    model.segments.push_back(pipe("HC-2", UtilityKind::Water, 0.05, {{10.08, 0, 3.15}, {14, -8, 3.5}}));
    // Tapped 15 cm beside HC-1, then running through it: a conflict away from the main.
    model.segments.push_back(pipe("HC-3", UtilityKind::Water, 0.05, {{9.85, 0, 3.15}, {10.15, 8, 3.5}}));
    CheckResults results = checkClearances(model, rules({{std::nullopt, std::nullopt, 0.1}}));
    REQUIRE(results.clearance.size() == 2);
    CHECK(model.segments[results.clearance[0].a].id == "HC-1");
    CHECK(model.segments[results.clearance[0].b].id == "HC-3");
    results.clearance.erase(results.clearance.begin());
    CHECK(model.segments[results.clearance[0].a].id == "W-1");
    CHECK(model.segments[results.clearance[0].b].id == "S-9");
    CHECK(segmentsConnected(model.segments[0], model.segments[1]));
    CHECK(segmentsConnected(model.segments[0], model.segments[2]));
    CHECK_FALSE(segmentsConnected(model.segments[0], model.segments[3]));
}

TEST_CASE("cover: ground minus top of pipe, the smallest along the line", "[check][cover]") {
    Model model;
    model.flatGroundZ = 10;
    model.segments.push_back(pipe("W-1", UtilityKind::Water, 0.4, {{0, 0, 8.6}, {30, 0, 9.0}}));  // cover 1.2 .. 0.8
    model.segments.push_back(pipe("G-1", UtilityKind::Gas, 0.2, {{0, 5, 9.0}, {30, 5, 9.0}}));    // cover 0.9
    CheckRules r;
    r.coverM[UtilityKind::Water] = 1.0;
    r.coverAnyM = 0.5;
    const auto violations = checkCover(model, r);
    REQUIRE(violations.size() == 1);
    CHECK(model.segments[violations[0].segment].id == "W-1");
    CHECK(violations[0].coverM == Approx(0.8));
    CHECK(violations[0].requiredM == Approx(1.0));
    CHECK(violations[0].point.x == Approx(30));
    r.coverM[UtilityKind::Gas] = 0.95;
    CHECK(checkCover(model, r).size() == 2);
}

TEST_CASE("plan grid: finds exactly the overlapping pairs, each once, long and broken boxes too", "[check][grid]") {
    std::mt19937 random(7);
    std::uniform_real_distribution<double> position(0, 200), size(0.1, 15);
    std::vector<PlanBox> boxes;
    for (int i = 0; i < 600; ++i) {
        const double x = position(random), y = position(random);
        boxes.push_back({x, y, x + size(random), y + size(random)});
    }
    boxes.push_back({-1e5, 50, 1e5, 51});  // kilometres long: compared with every box
    boxes.push_back({-1e5, 80, 1e5, 81});
    boxes.push_back({std::nan(""), 0, 1, 1});  // not finite: overlaps nothing
    std::set<std::pair<uint32_t, uint32_t>> expected, found;
    for (uint32_t i = 0; i < boxes.size(); ++i)
        for (uint32_t j = i + 1; j < boxes.size(); ++j)
            if (boxes[i].overlaps(boxes[j])) expected.insert({i, j});
    size_t visits = 0;
    PlanGrid(boxes, 4.0).forEachOverlappingPair([&](uint32_t i, uint32_t j) {
        ++visits;
        found.insert({i, j});
    });
    CHECK(visits == found.size());
    CHECK(found == expected);
    CHECK(expected.size() > 100);
}

TEST_CASE("violations rank worst first: clashes, then less than half the rule left, then the rest",
          "[check][severity]") {
    Model model;
    model.segments = {pipe("A", UtilityKind::Water, 0.2, {{0, 0, -2}, {20, 0, -2}}),
                      pipe("B", UtilityKind::Sewer, 0.2, {{5, -5, -2.1}, {5, 5, -2.1}}),   // overlaps A: clash
                      pipe("C", UtilityKind::Gas, 0.2, {{10, -5, -2.5}, {10, 5, -2.5}}),   // 0.3 m from A
                      pipe("D", UtilityKind::Power, 0.2, {{15, -5, -2.9}, {15, 5, -2.9}})};  // 0.7 m from A
    const CheckResults results = checkClearances(model, rules({{std::nullopt, std::nullopt, 1.0}}));
    const auto ranked = violationsBySeverity(results, model);
    std::vector<std::string> order;
    for (const auto& r : ranked) {
        const ClearanceViolation& v = results.clearance[r.index];
        order.push_back(std::string(severityName(r.severity)) + " " + model.segments[v.a].id +
                        model.segments[v.b].id);
    }
    // B, C and D are 5 m apart in plan: only their crossings with A break the rule. Shortfalls: A-B
    // 1.1 m (surfaces overlap), A-C 0.7 m (0.3 m left of 1.0), A-D 0.3 m.
    CHECK(order == std::vector<std::string>{"clash AB", "serious AC", "minor AD"});
    CHECK(ranked[0].shortfallM == Approx(1.1));
}
