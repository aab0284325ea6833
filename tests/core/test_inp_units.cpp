// EPANET unit systems from tests/data: a flow unit in US customary units (GPM) makes elevations feet
// and diameters inches; the same network in SI (LPS) reads metres and millimetres.
#include <catch2/catch.hpp>
#include <string>

#include "inp_test_support.h"

using Catch::Detail::Approx;

namespace {
const subterra::Segment* segment(const subterra::LayerImport& layer, const std::string& id) {
    for (const auto& s : layer.segments)
        if (s.id == id) return &s;
    return nullptr;
}

subterra::LayerImport importFixture(const std::string& text, const std::string& name) {
    return inp_test::importInp(inp_test::writeFile(name, text));
}

std::string usUnitsFixture() {
    return inp_test::readFile(std::string(SUBTERRA_SOURCE_DIR) + "/tests/data/epanet_us_units.inp");
}
}  // namespace

TEST_CASE("EPANET in GPM: diameters in inches, elevations in feet", "[inp][units]") {
    const std::string text = usUnitsFixture();
    REQUIRE(text.find("Units   GPM") != std::string::npos);
    const auto layer = importFixture(text, "us_units.inp");
    INFO(inp_test::problemLines(layer.problems));
    REQUIRE(layer.segments.size() == 2);
    const auto* p1 = segment(layer, "P1");
    const auto* p2 = segment(layer, "P2");
    REQUIRE(p1);
    REQUIRE(p2);
    CHECK(p1->section.diameterM == Approx(12 * 0.0254));  // 0.3048 m, not 12 mm
    CHECK(p2->section.diameterM == Approx(8 * 0.0254));
    REQUIRE(layer.nodes.size() == 3);
    for (const auto& node : layer.nodes) {
        INFO(node.id);
        if (node.id == "J1") CHECK(node.groundZ == Approx(100 * 0.3048));
        if (node.id == "J2") CHECK(node.groundZ == Approx(110 * 0.3048));
        if (node.id == "R1") CHECK(node.groundZ == Approx(150 * 0.3048));
    }
}

TEST_CASE("EPANET in LPS: the same numbers are millimetres and metres", "[inp][units]") {
    std::string text = usUnitsFixture();
    text.replace(text.find("Units   GPM"), 11, "Units   LPS");
    const auto layer = importFixture(text, "si_units.inp");
    INFO(inp_test::problemLines(layer.problems));
    const auto* p1 = segment(layer, "P1");
    REQUIRE(p1);
    CHECK(p1->section.diameterM == Approx(0.012));
    for (const auto& node : layer.nodes)
        if (node.id == "J2") CHECK(node.groundZ == Approx(110));
}
