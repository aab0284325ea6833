// SWMM 5.2 street drainage: STREET conduits drawn with their [STREETS] shape, inlets from
// [INLETS] / [INLET_USAGE] in the gutter with a lead to their capture node, and one note naming
// the sections that are not drawn. tests/data/swmm_streets.inp: a two-sided street with backing
// (Main) and a one-sided lane over a storm sewer, SI units.
#include <catch2/catch.hpp>
#include <sstream>

#include "inp_test_support.h"
#include "swmm_streets.h"

using namespace subterra;
using Catch::Matchers::Contains;

namespace {
const std::string kStreets = std::string(SUBTERRA_SOURCE_DIR) + "/tests/data/swmm_streets.inp";
const std::string kBadStreets = std::string(SUBTERRA_SOURCE_DIR) + "/tests/data/swmm_streets_bad.inp";

const Segment* findSegment(const LayerImport& result, const std::string& id) {
    for (const auto& s : result.segments)
        if (s.id == id) return &s;
    return nullptr;
}
const Node* findNode(const LayerImport& result, const std::string& id) {
    for (const auto& n : result.nodes)
        if (n.id == id) return &n;
    return nullptr;
}

// "line N" of the first line of `path` that starts with `text`.
std::string lineOf(const std::string& path, const std::string& text) {
    std::istringstream in(inp_test::readFile(path));
    int number = 0;
    for (std::string line; std::getline(in, line);)
        if (++number, line.rfind(text, 0) == 0) return "line " + std::to_string(number);
    FAIL("no line starts with " << text);
    return "";
}
}  // namespace

TEST_CASE("SWMM STREET conduits take their cross-section from [STREETS]", "[inp][swmm]") {
    const LayerImport result = inp_test::importInp(kStreets);
    INFO(inp_test::problemLines(result.problems));
    CHECK_FALSE(hasErrors(result.problems));
    CHECK(result.report.countsByKind.at("streets") == 2);

    const Segment* main = findSegment(result, "ST1");
    REQUIRE(main);
    CHECK(main->attributes.at("street") == "Main");
    const CrossSection& s = main->section;
    REQUIRE_FALSE(s.openProfile.empty());  // a street, not a circle
    // Two sides of 4 m curb-to-crown and 2 m backing; curb 0.15 m, backing rising 2% over 2 m.
    CHECK(s.widthM == Approx(12.0));
    CHECK(s.heightM == Approx(0.19));
    CHECK(s.openProfile.front()[0] == Approx(-6.0));
    CHECK(s.openProfile.back()[0] == Approx(6.0));
    // The crown (mid-street) is 0.05 m gutter depression + 4 m at 2% above the gutter invert.
    CHECK(surfaceHeightAt(s, 0) + s.heightM / 2 == Approx(0.13));
    CHECK(surfaceHeightAt(s, -3.99) + s.heightM / 2 < 0.01);          // the gutter at the curb
    CHECK(surfaceHeightAt(s, -4.5) + s.heightM / 2 == Approx(0.16));  // the backing behind the curb
    // Its gutter invert is the nodes' invert (S1 at 12 m): the centreline half the box above.
    CHECK(main->points.front().z == Approx(12.0 + 0.19 / 2));

    const Segment* lane = findSegment(result, "ST2");
    REQUIRE(lane);
    REQUIRE_FALSE(lane->section.openProfile.empty());
    CHECK(lane->section.widthM == Approx(3.0));  // one side: curb to crown
    CHECK(lane->section.heightM == Approx(0.12));
    CHECK(findSegment(result, "P1")->section.openProfile.empty());  // the sewer stays round
}

TEST_CASE("SWMM inlets lie in the gutter near their conduit's downstream node, led to their capture node",
          "[inp][swmm]") {
    const LayerImport result = inp_test::importInp(kStreets);
    INFO(inp_test::problemLines(result.problems));
    CHECK(result.report.countsByKind.at("inlets") == 2);
    CHECK(result.report.countsByKind.at("inlet leads") == 2);

    const Node* grate = findNode(result, "ST1:inlet");
    REQUIRE(grate);
    CHECK(grate->kind == NodeKind::Inlet);
    CHECK(grate->attributes.at("inlet") == "Grate1");
    CHECK(grate->attributes.at("capture_node") == "J2");
    // ST1 runs east from S1 (0,0) to S2 (60,0): the grate is 0.45 + 0.5 m back from S2, in the
    // gutter of the north curb (4 m from the centreline, half the 0.6 m grate out from the curb).
    CHECK(grate->position.x == Approx(60 - 0.95));
    CHECK(grate->position.y == Approx(3.7));
    // On the street surface: the gutter, 0.3 m out, is 0.031 m above the invert near S2 (11 m).
    CHECK(grate->groundZ == Approx(11.031 + 0.95 / 60).margin(1e-3));  // 0.95 m up the 1:60 street
    CHECK(grate->invertZ < grate->groundZ);

    const Segment* lead = findSegment(result, "ST1:inlet lead");
    REQUIRE(lead);
    CHECK(lead->attributes.at("to_node") == "J2");
    CHECK(lead->points.back().x == Approx(60.0));
    CHECK(lead->points.back().y == Approx(-2.0));
    CHECK(lead->points.back().z == Approx(8.6 + 0.1));  // J2's invert, plus the lead's radius

    const Node* combo = findNode(result, "ST2:inlet");
    REQUIRE(combo);
    CHECK(combo->attributes.at("inlet_type") == "GRATE+CURB");
    CHECK(combo->attributes.at("placement") == "ON_SAG");
}

TEST_CASE("SWMM sections that are not drawn are named in one note, unknown ones too", "[inp][swmm]") {
    const LayerImport result = inp_test::importInp(kStreets);
    std::vector<std::string> skipped;
    for (const auto& note : result.report.notes)
        if (note.rfind("not drawn:", 0) == 0) skipped.push_back(note);
    REQUIRE(skipped.size() == 1);
    const std::string& note = skipped[0];
    CHECK_THAT(note, Contains("[LID_CONTROLS] 3 lines") && Contains("[LID_USAGE] 1 line,") &&
                         Contains("[POLLUTANTS] 2 lines") && Contains("[TIMESERIES] 2 lines") &&
                         Contains("[RAINGAGES] 1 line") && Contains("[MYSTUFF] 1 line (unknown section)"));
    for (const char* drawn : {"[STREETS]", "[INLETS]", "[INLET_USAGE]", "[CONDUITS]", "[SUBCATCHMENTS]", "[TITLE]"})
        CHECK_THAT(note, !Contains(drawn));
}

TEST_CASE("SWMM bad street and inlet lines give one problem each, with their line, and the rest is drawn",
          "[inp][swmm]") {
    const LayerImport result = inp_test::importInp(kBadStreets);
    const std::string lines = inp_test::problemLines(result.problems);
    INFO(lines);
    const auto& p = result.problems;
    CHECK(inp_test::countProblemsWith(p, lineOf(kBadStreets, "Broken  4.0"), "Hcurb is not a number: 'high'") == 1);
    CHECK(inp_test::countProblemsWith(p, lineOf(kBadStreets, "ST2     STREET"),
                                      "street 'Broken' is not in [STREETS]") == 1);
    CHECK(inp_test::countProblemsWith(p, lineOf(kBadStreets, "Odd1    MAGIC"), "not 'MAGIC'") == 1);
    CHECK(inp_test::countProblemsWith(p, lineOf(kBadStreets, "NOPE"), "no such conduit") == 1);
    CHECK(inp_test::countProblemsWith(p, lineOf(kBadStreets, "ST1       Grate1 J9"),
                                      "capture node 'J9' does not exist") == 1);
    CHECK(inp_test::countProblemsWith(p, lineOf(kBadStreets, "ST2       Odd1"), "inlet 'Odd1' is not in [INLETS]") ==
          1);
    CHECK(p.size() == 6);
    for (const auto& problem : p) CHECK(problem.file == kBadStreets);

    const Segment* street = findSegment(result, "ST1");
    REQUIRE(street);
    CHECK_FALSE(street->section.openProfile.empty());
    REQUIRE(findSegment(result, "ST2"));  // drawn, at the default size
    CHECK(findSegment(result, "P2"));
    const Node* inlet = findNode(result, "ST1:inlet");
    REQUIRE(inlet);  // drawn without its lead
    CHECK_FALSE(findSegment(result, "ST1:inlet lead"));
}
