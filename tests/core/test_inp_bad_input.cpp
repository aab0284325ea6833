// Bad .inp input, one defect per case: each gives a Problem naming the file and the line, and the
// good features around it are still imported.
#include <catch2/catch.hpp>

#include "inp_test_support.h"

using namespace subterra;

namespace {
// A small valid EPANET network: junctions A, B, C in SI units, pipes P1 (A->B) and P2 (B->C).
// `extra` lines are inserted at the marked places.
std::string epanet(const std::string& junctions = "", const std::string& pipes = "",
                   const std::string& coordinates = "", const std::string& tail = "") {
    return "[TITLE]\nfixture\n[OPTIONS]\nUnits LPS\n"
           "[JUNCTIONS]\n;ID Elev\nA 10\nB 11\nC 12\n" +
           junctions + "[PIPES]\nP1 A B 100 200 100 0 Open\nP2 B C 100 150 100\n" + pipes +
           "[COORDINATES]\nA 0 0\nB 100 0\nC 100 100\n" + coordinates + tail;
}

// A small valid SWMM model in feet: J1 -> J2 -> OUT.
std::string swmm(const std::string& junctions = "", const std::string& conduits = "", const std::string& xsections = "",
                 const std::string& coordinates = "") {
    return "[OPTIONS]\nFLOW_UNITS CFS\nLINK_OFFSETS DEPTH\n"
           "[JUNCTIONS]\nJ1 100 10\nJ2 99 10\n" +
           junctions +
           "[OUTFALLS]\nOUT 98 FREE\n"
           "[CONDUITS]\nC1 J1 J2 100 0.013 0 0\nC2 J2 OUT 100 0.013 0.5 0\n" +
           conduits + "[XSECTIONS]\nC1 CIRCULAR 1 0 0 0 1\nC2 RECT_CLOSED 2 3 0 0 1\n" + xsections +
           "[COORDINATES]\nJ1 0 0\nJ2 100 0\nOUT 200 0\n" + coordinates;
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    return text.replace(text.find(from), from.size(), to);
}

// Line number of the first line of `text` that contains `needle`.
std::string lineOf(const std::string& text, const std::string& needle) {
    const auto at = text.find(needle);
    REQUIRE(at != std::string::npos);
    return "line " + std::to_string(1 + std::count(text.begin(), text.begin() + long(at), '\n'));
}

// One problem at `needle`'s line whose message contains `reason`, and file named.
void requireProblemAt(const LayerImport& result, const std::string& text, const std::string& needle,
                      const std::string& reason) {
    INFO(inp_test::problemLines(result.problems));
    CHECK(inp_test::countProblemsWith(result.problems, lineOf(text, needle), reason) == 1);
    for (const auto& p : result.problems) CHECK_FALSE(p.file.empty());
}
}  // namespace

TEST_CASE("EPANET fixture is clean", "[inp]") {
    const auto result = inp_test::importInp(inp_test::writeFile("ok.inp", epanet()));
    INFO(inp_test::problemLines(result.problems));
    CHECK(result.problems.empty());
    CHECK(result.segments.size() == 2);
    CHECK(result.nodes.size() == 3);
    CHECK(result.segments[0].section.diameterM == Approx(0.2));  // mm in SI units
}

TEST_CASE("EPANET bad input matrix", "[inp]") {
    struct Case {
        const char* name;
        std::string text;
        const char* needle;  // text on the offending line
        const char* reason;
        size_t segments, nodes;  // what is still imported
    };
    const std::vector<Case> cases{
        {"non-numeric elevation", epanet("D abc\n"), "D abc", "Elev is not a number: 'abc'", 2, 3},
        {"NaN elevation", epanet("D nan\n"), "D nan", "out of range", 2, 3},
        {"enormous number", epanet("D 1e300\n"), "D 1e300", "out of range", 2, 3},
        {"duplicate junction", epanet("A 5\n"), "A 5\n", "duplicate node id 'A'", 2, 3},
        {"duplicate pipe", epanet("", "P1 A C 1 100 100\n"), "P1 A C", "duplicate link id 'P1'", 2, 3},
        {"link to unknown node", epanet("", "P3 A Z 1 100 100\n"), "P3 A Z", "unknown node 'Z'", 2, 3},
        {"missing coordinates", epanet("D 13\n", "P3 C D 1 100 100\n"), "D 13", "no [COORDINATES] entry", 2, 3},
        {"pipe to node without coordinates", epanet("D 13\n", "P3 C D 1 100 100\n"), "P3 C D", "has no position", 2, 3},
        {"truncated pipe", epanet("", "P3 A\n"), "P3 A\n", "expected an id and two node ids", 2, 3},
        {"pipe without diameter", epanet("", "P3 A C 100\n"), "P3 A C 100", "missing field Diameter", 2, 3},
        {"non-numeric coordinate", epanet("", "", "Q x 1\n"), "Q x 1", "X-Coord is not a number", 2, 3},
        {"unknown section", epanet("", "", "", "[FROBNICATE]\nx y\n"), "[FROBNICATE]", "unknown section [FROBNICATE]",
         2, 3},
        {"unknown units", replaced(epanet(), "Units LPS", "Units FURLONGS"), "Units FURLONGS", "unknown Units", 2, 3},
        {"NUL byte", epanet(std::string("D 1\0 2\n", 7)), "D 1", "binary data", 2, 3},
        {"unclosed header", epanet("", "", "", "[VERTICES\n"), "[VERTICES", "without ']'", 2, 3},
    };
    for (const auto& c : cases) {
        DYNAMIC_SECTION(c.name) {
            const std::string path = inp_test::writeFile("bad.inp", c.text);
            const LayerImport result = inp_test::importInp(path);
            requireProblemAt(result, c.text, c.needle, c.reason);
            CHECK(result.segments.size() == c.segments);
            CHECK(result.nodes.size() == c.nodes);
            for (const auto& p : result.problems) CHECK(p.file == path);
        }
    }
}

TEST_CASE("EPANET: empty, truncated and non-text files", "[inp]") {
    SECTION("empty file") {
        const std::string path = inp_test::writeFile("empty.inp", "");
        const auto result = inp_test::importInp(path);
        REQUIRE(result.problems.size() == 1);
        CHECK(result.problems[0].message == "the file is empty");
        CHECK(result.problems[0].file == path);
    }
    SECTION("truncated mid-record keeps what came before") {
        std::string text = epanet();
        text = text.substr(0, text.find("C 100 100"));  // C has no coordinates left
        const auto result = inp_test::importInp(inp_test::writeFile("cut.inp", text));
        requireProblemAt(result, text, "C 12", "no [COORDINATES] entry");
        CHECK(result.segments.size() == 1);
    }
    SECTION("Latin-1 bytes in an id are kept as they are") {
        const std::string text = epanet(
            "Stra\xDF"
            "e 5\n",
            "",
            "Stra\xDF"
            "e 1 1\n");
        const auto result = inp_test::importInp(inp_test::writeFile("latin1.inp", text));
        CHECK(result.nodes.size() == 4);
    }
    SECTION("a binary file is rejected line by line, never crashes") {
        std::string text(4096, '\0');
        for (size_t i = 0; i < text.size(); ++i) text[i] = char((i * 7919) % 256);
        const auto result = inp_test::importInp(inp_test::writeFile("binary.inp", text));
        CHECK(hasErrors(result.problems));
        CHECK(result.segments.empty());
    }
}

TEST_CASE("SWMM fixture: shapes, offsets, ground from max depth", "[inp]") {
    const auto result = inp_test::importInp(inp_test::writeFile("ok_swmm.inp", swmm()));
    INFO(inp_test::problemLines(result.problems));
    CHECK(result.problems.empty());
    REQUIRE(result.segments.size() == 2);
    const Segment& c2 = result.segments[1];
    CHECK(c2.section.shape == CrossSection::Shape::Rectangular);
    CHECK(c2.section.widthM == Approx(3 * 0.3048));
    CHECK(c2.section.heightM == Approx(2 * 0.3048));
    CHECK(c2.points.front().z == Approx((99 + 0.5 + 1) * 0.3048));  // invert + offset + height/2
    CHECK(c2.points.back().z == Approx((98 + 1) * 0.3048));
    CHECK(result.nodes[0].groundZ == Approx(110 * 0.3048));
    // The outfall has no max depth: its ground is the top of the tallest conduit meeting it.
    CHECK(result.nodes[2].groundZ == Approx(100 * 0.3048));
}

TEST_CASE("SWMM: elevation offsets and approximated shapes", "[inp]") {
    std::string text = swmm("", "", "", "");
    text.replace(text.find("LINK_OFFSETS DEPTH"), 18, "LINK_OFFSETS ELEVATION");
    text.replace(text.find("C2 J2 OUT 100 0.013 0.5 0"), 25, "C2 J2 OUT 100 0.013 99.5 *");
    text.replace(text.find("C1 CIRCULAR 1 0 0 0 1"), 21, "C1 EGG 1.5 0 0 0 1");
    const auto result = inp_test::importInp(inp_test::writeFile("elev_swmm.inp", text));
    requireProblemAt(result, text, "C1 EGG", "shape EGG drawn as the circle or rectangle");
    REQUIRE(result.segments.size() == 2);
    CHECK(result.segments[0].section.diameterM == Approx(1.5 * 0.3048));
    CHECK(result.segments[1].points.front().z == Approx((99.5 + 1) * 0.3048));
    CHECK(result.segments[1].points.back().z == Approx((98 + 1) * 0.3048));
}

TEST_CASE("SWMM bad input matrix", "[inp]") {
    struct Case {
        const char* name;
        std::string text;
        const char* needle;
        const char* reason;
        size_t segments;
    };
    const std::vector<Case> cases{
        {"non-numeric invert", swmm("J3 abc 5\n"), "J3 abc", "Elevation is not a number", 2},
        {"infinite max depth", swmm("J3 10 inf\n"), "J3 10 inf", "out of range", 2},
        {"duplicate junction", swmm("J1 1 1\n"), "J1 1 1", "duplicate node id 'J1'", 2},
        {"conduit to unknown node", swmm("", "C3 J1 NOPE 1 0.01 0 0\n"), "C3 J1 NOPE", "unknown node 'NOPE'", 2},
        {"conduit without cross-section", swmm("", "C3 J1 OUT 1 0.01 0 0\n"), "C3 J1 OUT", "no [XSECTIONS] entry", 3},
        {"bad offset", swmm("", "C3 J1 OUT 1 0.01 x 0\n", "C3 CIRCULAR 1\n"), "C3 J1 OUT", "offset is not a number", 3},
        {"cross-section of unknown link", swmm("", "", "C9 CIRCULAR 1\n"), "C9 CIRCULAR", "unknown link 'C9'", 2},
        {"bad geometry", swmm("", "", "C1 CIRCULAR big\n"), "C1 CIRCULAR big", "Geom1 is not a number", 2},
        {"missing coordinates", swmm("J3 90 5\n", "C3 J2 J3 1 0.01 0 0\n", "C3 CIRCULAR 1\n"), "J3 90 5",
         "no [COORDINATES] entry", 2},
        {"unknown flow units", replaced(swmm(), "FLOW_UNITS CFS", "FLOW_UNITS BARRELS"), "FLOW_UNITS BARRELS",
         "unknown FLOW_UNITS", 2},
    };
    for (const auto& c : cases) {
        DYNAMIC_SECTION(c.name) {
            const LayerImport result = inp_test::importInp(inp_test::writeFile("bad_swmm.inp", c.text));
            requireProblemAt(result, c.text, c.needle, c.reason);
            CHECK(result.segments.size() == c.segments);
        }
    }
}
