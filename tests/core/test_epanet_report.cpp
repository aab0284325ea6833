// EPANET reports (.rpt): the first "Link Results" table's flows become the links' "flow"
// attribute, so the flow animation runs the way the hydraulic model says; bad reports are errors
// naming the file, bad rows warnings naming the line.
#include <catch2/catch.hpp>

#include "epanet_report.h"
#include "flow_direction.h"
#include "inp_test_support.h"

using namespace subterra;
using Catch::Detail::Approx;

namespace {
// A reservoir feeding J1, then J2; P1 is digitised with the flow, P2 against it (J3 -> J2 while
// the report says the water runs J2 -> J3: a negative flow).
const char* kNetwork = R"([JUNCTIONS]
J1 10 0
J2 9 0
J3 8 0
[RESERVOIRS]
R1 20
[PIPES]
P0 R1 J1 100 300 100 0 Open
P1 J1 J2 100 200 100 0 Open
P2 J3 J2 100 150 100 0 Open
[COORDINATES]
R1 0 0
J1 100 0
J2 200 0
J3 300 0
[OPTIONS]
Units LPS
[END]
)";

// As EPANET 2.2 writes it with [REPORT] LINKS ALL: two reporting times; the first one counts.
const char* kReport = R"(  Page 1
  ******************************************************************
  *                E P A N E T                                     *
  ******************************************************************

  Link Results at 0:00 Hrs:
  ----------------------------------------------
                     Flow  Velocity  Headloss
  Link                LPS       m/s     /1000m
  ----------------------------------------------
  P0                12.50      0.18      0.21
  P1                 7.25      0.23      0.45
  P2                -3.10      0.18      0.40
  P9                 1.00      0.10      0.10

  Link Results at 1:00 Hrs:
  ----------------------------------------------
                     Flow  Velocity  Headloss
  Link                LPS       m/s     /1000m
  ----------------------------------------------
  P0                 9.00      0.10      0.10
  P2                 4.00      0.10      0.10
)";

const Segment& segment(const LayerImport& import, const std::string& id) {
    for (const auto& s : import.segments)
        if (s.id == id) return s;
    FAIL("no segment " << id);
    return import.segments.front();
}
}  // namespace

TEST_CASE("EPANET report: link flows from the first table, signs kept", "[inp][epanet][report]") {
    Problems problems;
    const auto flows = readEpanetLinkFlows(inp_test::writeFile("flows.rpt", kReport), problems);
    INFO(inp_test::problemLines(problems));
    CHECK(problems.empty());
    REQUIRE(flows.size() == 4);
    CHECK(flows.at("P1") == Approx(7.25));
    CHECK(flows.at("P2") == Approx(-3.10));  // the 1:00 table is not read
}

TEST_CASE("EPANET report: a layer's results give each pipe its flow direction", "[inp][epanet][report]") {
    LayerSpec spec;
    spec.results = inp_test::writeFile("net.rpt", kReport);
    const LayerImport import = inp_test::importInp(inp_test::writeFile("net.inp", kNetwork), spec);
    INFO(inp_test::problemLines(import.problems));
    CHECK(inp_test::countProblemsWith(import.problems, "", "1 link results name no link") == 1);  // P9
    CHECK(segment(import, "P1").attributes.at("flow") == "7.25");
    CHECK_FALSE(flowReversed(segment(import, "P1")));
    CHECK(flowReversed(segment(import, "P2")));  // negative: from J2 to J3, against its digitising
}

TEST_CASE("EPANET report: missing files, reports without link results and bad rows", "[inp][epanet][report][errors]") {
    Problems problems;
    CHECK(readEpanetLinkFlows(inp_test::outputPath("absent.rpt"), problems).empty());
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].severity == Severity::Error);
    CHECK(problems[0].toLine().find("absent.rpt: cannot open the EPANET report") != std::string::npos);

    problems.clear();
    readEpanetLinkFlows(inp_test::writeFile("nolinks.rpt", "  Node Results:\n  ----\n  J1 1 2 3\n"), problems);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].message.find("LINKS ALL") != std::string::npos);

    problems.clear();
    const auto flows = readEpanetLinkFlows(
        inp_test::writeFile("badrow.rpt", "Link Results:\n----\nLink Flow\n----\nP1 2.5 1 1\nP2 lots 1 1\nP3 -1 0 0\n"),
        problems);
    CHECK(flows.size() == 2);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].severity == Severity::Warning);
    CHECK(problems[0].where == "line 6");
}
