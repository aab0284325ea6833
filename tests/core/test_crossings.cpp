// What crosses a line (the viewer's Crossings section): plan crossings with their clearance and
// vertical gap, near lines within the distance, connected lines left out, order along the line.
#include <catch2/catch.hpp>
#include <cmath>

#include "crossings.h"
#include "measurements.h"
#include "model_fixtures.h"

using namespace subterra;
using Catch::Detail::Approx;
using model_fixtures::pipe;

namespace {
CheckRules waterSewerRule() {
    CheckRules rules;
    rules.clearance = {{UtilityKind::Water, UtilityKind::Sewer, 1.0}, {std::nullopt, std::nullopt, 0.1}};
    return rules;
}
}  // namespace

TEST_CASE("crossings: lines across, above and below, sorted along the line", "[crossings]") {
    Model model;
    // The selected water main runs east along y = 0 at z = -1.5 (0.2 m).
    model.segments.push_back(pipe("W1", UtilityKind::Water, 0.2, {{0, 0, -1.5}, {100, 0, -1.5}}));
    // A sewer 0.4 m crosses below at x = 60: centre -2.5, so gap = (-1.5 - 0.1) - (-2.5 + 0.2) = 0.7.
    model.segments.push_back(pipe("S1", UtilityKind::Sewer, 0.4, {{60, -20, -2.5}, {60, 20, -2.5}}));
    // A gas pipe 0.1 m crosses above at x = 20: centre -1.0, gap = (-1.0 - 0.05) - (-1.5 + 0.1) = 0.35.
    model.segments.push_back(pipe("G1", UtilityKind::Gas, 0.1, {{15, -5, -1.0}, {25, 5, -1.0}}));
    // A telecom duct alongside, 0.5 m off in plan, never crossing: near, not across.
    model.segments.push_back(pipe("T1", UtilityKind::Telecom, 0.1, {{40, 0.5, -1.5}, {50, 0.5, -1.5}}));
    // Far away: not listed.
    model.segments.push_back(pipe("P1", UtilityKind::Power, 0.1, {{0, 50, -1}, {100, 50, -1}}));

    const CheckRules rules = waterSewerRule();
    const auto crossings = findCrossings(model, 0, rules.largestClearanceM(), rules);
    REQUIRE(crossings.size() == 3);
    CHECK(model.segments[crossings[0].other].id == "G1");
    CHECK(model.segments[crossings[1].other].id == "T1");
    CHECK(model.segments[crossings[2].other].id == "S1");

    const Crossing& gas = crossings[0];
    CHECK(gas.planCrossings == 1);
    CHECK(gas.alongM == Approx(20));
    CHECK(gas.otherAbove);
    CHECK(gas.verticalGapM == Approx(0.35));
    CHECK(gas.clearanceM == Approx(clearDistance(model.segments[0], model.segments[2]).valueM));
    REQUIRE(gas.requiredM);
    CHECK(*gas.requiredM == Approx(0.1));
    CHECK_FALSE(gas.breaksRule());

    const Crossing& telecom = crossings[1];
    CHECK(telecom.planCrossings == 0);
    CHECK(telecom.alongM == Approx(40));  // where they come closest: the duct's first end
    CHECK(telecom.clearanceM == Approx(0.5 - 0.1 - 0.05));

    const Crossing& sewer = crossings[2];
    CHECK(sewer.alongM == Approx(60));
    CHECK_FALSE(sewer.otherAbove);
    CHECK(sewer.verticalGapM == Approx(0.7));
    CHECK(sewer.at.x == Approx(60));
    CHECK(sewer.otherAt.z == Approx(-2.5));
    CHECK(sewer.clearanceM == Approx(0.7));
    CHECK(*sewer.requiredM == Approx(1.0));
    CHECK(sewer.breaksRule());  // 0.7 m where the rule asks 1.0 m
}

TEST_CASE("crossings: a crossing far below is listed, a near line only within the distance", "[crossings]") {
    Model model;
    model.segments.push_back(pipe("A", UtilityKind::Water, 0.2, {{0, 0, 0}, {10, 0, 0}}));
    model.segments.push_back(pipe("Deep", UtilityKind::Sewer, 0.2, {{5, -5, -8}, {5, 5, -8}}));
    model.segments.push_back(pipe("Beside", UtilityKind::Gas, 0.2, {{0, 2, 0}, {10, 2, 0}}));
    const CheckRules rules;  // 0.1 m between any two
    auto crossings = findCrossings(model, 0, 0.1, rules);
    REQUIRE(crossings.size() == 1);
    CHECK(model.segments[crossings[0].other].id == "Deep");
    CHECK(crossings[0].verticalGapM == Approx(7.8));
    crossings = findCrossings(model, 0, 2.0, rules);  // 1.8 m clear: within 2 m
    CHECK(crossings.size() == 2);
}

TEST_CASE("crossings: the next pipe of the run and a bad index are not crossings", "[crossings]") {
    Model model;
    model.segments.push_back(pipe("A", UtilityKind::Water, 0.2, {{0, 0, 0}, {10, 0, 0}}));
    model.segments.push_back(pipe("B", UtilityKind::Water, 0.2, {{10, 0, 0}, {20, 5, 0}}));  // continues A
    const CheckRules rules;
    CHECK(findCrossings(model, 0, 0.5, rules).empty());
    CHECK(findCrossings(model, 7, 0.5, rules).empty());
}

TEST_CASE("crossings: among 100k lines, only those the line crosses", "[crossings]") {
    Model model;
    // A grid of 100k short lines 2 m apart; the selected line crosses a 10 m wide band of them.
    for (int i = 0; i < 100000; ++i) {
        const double x = (i % 400) * 2.0, y = (i / 400) * 2.0;
        model.segments.push_back(
            pipe("L" + std::to_string(i), UtilityKind::Telecom, 0.05, {{x, y, -1}, {x + 0.5, y + 1.0, -1}}));
    }
    model.segments.push_back(pipe("SEL", UtilityKind::Water, 0.2, {{-1, 100.5, -1.2}, {9.5, 100.5, -1.2}}));
    const CheckRules rules;
    const auto crossings = findCrossings(model, model.segments.size() - 1, 0.1, rules);
    CHECK(crossings.size() == 5);  // the lines starting at x = 0, 2, 4, 6, 8 on row y = 100
    for (size_t i = 1; i < crossings.size(); ++i) CHECK(crossings[i - 1].alongM <= crossings[i].alongM);
}
