// LandXML pipe networks (Civil 3D style): structures as manholes from rim to sump, pipes at their
// invert levels, Metric and Imperial units, the declared CRS, and bad input.
#include <catch2/catch.hpp>

#include "crs.h"
#include "fixtures.h"
#include "landxml_importer.h"

using namespace subterra;

namespace {
std::string fixture(const std::string& name) { return fixtures::sourceDir() + "/tests/data/landxml/" + name; }

LayerSpec specFor(const std::string& path) {
    LayerSpec spec;
    spec.source = path;
    spec.name = "network";
    return spec;
}

ImportContext contextIn(const std::string& crs) {
    return ImportContext{crs.empty() ? "" : fixtures::wktOf(crs), [](double, double) { return 6.0; }};
}

template <typename T>
const T& byId(const std::vector<T>& items, const std::string& id) {
    for (const auto& item : items)
        if (item.id == id) return item;
    FAIL("no feature " << id);
    return items.front();
}
}  // namespace

TEST_CASE("LandXML: a metric storm network becomes manholes and pipes at their inverts", "[landxml]") {
    const std::string path = fixture("storm_network_metric.xml");
    REQUIRE(claimsLandXml(path));
    const LayerImport layer = importLandXml(specFor(path), contextIn("EPSG:32651"));
    INFO(fixtures::problemLines(layer.problems));
    CHECK(layer.problems.empty());
    REQUIRE(layer.nodes.size() == 5);
    REQUIRE(layer.segments.size() == 4);
    CHECK(layer.report.countsByKind.at("Struct") == 5);
    CHECK(layer.report.countsByKind.at("Pipe") == 4);
    CHECK(crsDisplayName(layer.report.sourceCrsWkt).find("32651") != std::string::npos);
    CHECK(layer.report.units.find("meter") != std::string::npos);

    const Node& mh = byId(layer.nodes, "MH-101");  // <Center> is "northing easting"
    CHECK(mh.position.x == Approx(352100.0));
    CHECK(mh.position.y == Approx(3451120.0));
    CHECK(mh.groundZ == Approx(6.2));
    CHECK(mh.invertZ == Approx(3.05));
    CHECK(mh.sizeM == Approx(1.2));
    CHECK(mh.utility == UtilityKind::Storm);
    CHECK(byId(layer.nodes, "CB-201").sizeM == Approx(0.9));

    const Segment& p101 = byId(layer.segments, "P-101");
    CHECK(p101.depthSource == DepthSource::Invert);
    CHECK(p101.section.diameterM == Approx(0.45));
    REQUIRE(p101.points.size() == 2);
    CHECK(p101.points.front().x == Approx(352100.0));
    CHECK(p101.points.back().x == Approx(352160.0));
    CHECK(p101.points.front().z == Approx(3.25 + 0.225));  // centreline = invert + radius
    CHECK(p101.points.back().z == Approx(2.95 + 0.225));
    CHECK(p101.material == "Reinforced Concrete");

    const Segment& culvert = byId(layer.segments, "P-104");
    CHECK(culvert.section.shape == CrossSection::Shape::Rectangular);
    CHECK(culvert.section.widthM == Approx(1.2));
    CHECK(culvert.section.heightM == Approx(0.8));
    CHECK(culvert.points.front().z == Approx(2.58 + 0.4));
}

TEST_CASE("LandXML: Imperial units and a US state-plane CRS are converted to metres", "[landxml][crs]") {
    const std::string path = fixture("sewer_network_imperial.xml");
    // (6000000, 2000000) ftUS in EPSG:2227 is UTM 10N (549908.847, 4147342.100) and (6000328.08,
    // 2000000) is (550008.780, 4147344.766): `gdaltransform -s_srs EPSG:2227 -t_srs EPSG:32610`.
    const LayerImport layer = importLandXml(specFor(path), contextIn("EPSG:32610"));
    INFO(fixtures::problemLines(layer.problems));
    CHECK(layer.problems.empty());
    CHECK(layer.report.units.find("Imperial") != std::string::npos);
    const Node& smh = byId(layer.nodes, "SMH-1");
    CHECK(smh.position.x == Approx(549908.847).margin(0.01));
    CHECK(smh.position.y == Approx(4147342.100).margin(0.01));
    CHECK(smh.groundZ == Approx(100 * 1200.0 / 3937.0));
    CHECK(smh.sizeM == Approx(48 * 0.0254));
    CHECK(smh.utility == UtilityKind::Sewer);
    const Segment& pipe = byId(layer.segments, "S-1");
    CHECK(pipe.section.diameterM == Approx(0.3048));
    CHECK(pipe.points.back().x == Approx(550008.780).margin(0.01));
    CHECK(pipe.points.front().z == Approx(91 * 1200.0 / 3937.0 + 0.1524));
}

TEST_CASE("LandXML: bad input is reported with file, line, element and reason, good elements stay",
          "[landxml][bad-input]") {
    const std::string dir = fixtures::freshDir("landxml_bad");
    const std::string good = fixtures::readFile(fixture("storm_network_metric.xml"));
    REQUIRE_FALSE(good.empty());
    auto edited = [&](const std::string& from, const std::string& to) {
        std::string text = good;
        const auto at = text.find(from);
        REQUIRE(at != std::string::npos);
        return text.replace(at, from.size(), to);
    };
    struct Case {
        std::string name, text;
        std::vector<std::string> expected;
        size_t nodes, segments;
    };
    const std::vector<Case> cases{
        {"truncated", good.substr(0, good.find("<Pipes>") + 20), {"line 43", "not well-formed XML"}, 0, 0},
        {"empty", "  \n", {"file is empty"}, 0, 0},
        {"utf16", std::string("\xFF\xFE<\0L\0", 6), {"UTF-16"}, 0, 0},
        {"non_numeric_rim",
         edited("elevRim=\"6.150\"", "elevRim=\"six\""),
         {"Struct 'MH-102' (line 18)", "elevRim 'six' is not a number"},
         4,
         2},
        {"nan_sump",
         edited("elevSump=\"3.050\"", "elevSump=\"NaN\""),
         {"Struct 'MH-101' (line 13)", "elevSump 'NaN' is not a number"},
         4,
         3},
        {"bad_center",
         edited("<Center>3451200.000 352220.000</Center>", "<Center>north east</Center>"),
         {"Struct 'CB-201' (line 32)", "is not \"northing easting\""},
         4,
         3},
        {"missing_struct",
         edited("refEnd=\"OUT-1\"", "refEnd=\"OUT-9\""),
         {"Pipe 'P-104' (line 52)", "Struct 'OUT-9', which is not in this network"},
         5,
         3},
        {"duplicate_struct",
         edited("name=\"CB-201\"", "name=\"MH-101\""),
         {"Struct 'MH-101' (line 31)", "duplicate name"},
         4,
         3},
        {"duplicate_pipe",
         edited("name=\"P-103\"", "name=\"P-101\""),
         {"Pipe 'P-101' (line 49)", "duplicate name"},
         5,
         3},
        {"not_landxml", "<?xml version=\"1.0\"?><LandXML2/>", {"not a LandXML file"}, 0, 0},
        {"latin1", edited("desc=\"Outfall\"", "desc=\"D\xE9versoir\""), {"line 36", "not valid UTF-8"}, 0, 0},
    };
    for (const auto& c : cases) {
        const std::string path = fixtures::writeText(dir + "/" + c.name + ".xml", c.text);
        const LayerImport layer = importLandXml(specFor(path), contextIn(""));
        INFO(c.name << "\n" << fixtures::problemLines(layer.problems));
        std::vector<std::string> parts{path};
        parts.insert(parts.end(), c.expected.begin(), c.expected.end());
        CHECK(fixtures::countProblems(layer.problems, parts) >= 1);
        CHECK(layer.nodes.size() == c.nodes);
        CHECK(layer.segments.size() == c.segments);
    }
}
