// DXF drawings through GDAL: polylines in the real ezdxf test file (OCS, bulges) land at their
// world positions, and CAD layer names choose utility and diameter.
#include <catch2/catch.hpp>
#include <filesystem>

#include "skip_support.h"
#include "fixtures.h"
#include "vector_importer.h"

using namespace subterra;

namespace {
ImportContext flatGround() {
    return ImportContext{"", [](double, double) { return 10.0; }};
}

std::string dxfLine(const std::string& layer, double y) {
    return "0\nLINE\n8\n" + layer + "\n10\n0.0\n20\n" + std::to_string(y) + "\n30\n0.0\n11\n20.0\n21\n" +
           std::to_string(y) + "\n31\n0.0\n";
}

const Segment& onDxfLayer(const std::vector<Segment>& segments, const std::string& dxfLayer) {
    for (const auto& s : segments)
        if (s.attributes.count("dxf_layer") && s.attributes.at("dxf_layer") == dxfLayer) return s;
    FAIL("no segment on DXF layer " << dxfLayer);
    return segments.front();
}
}  // namespace

TEST_CASE("DXF: the ezdxf POLYLINE file's 30 polylines land inside the drawing extents (OCS applied)",
          "[dxf][real-data]") {
    const std::string path = fixtures::sourceDir() + "/../shared/data/cad/POLI-ALL210_12.DXF";
    SKIP_UNLESS_EXISTS(path);
    LayerSpec spec;
    spec.source = path;
    spec.name = "cad";
    const LayerImport layer = importVectorLayer(spec, flatGround());
    INFO(fixtures::problemLines(layer.problems));
    CHECK_FALSE(hasErrors(layer.problems));
    CHECK(layer.report.type == FeatureType::Segments);
    REQUIRE(layer.segments.size() == 30);
    CHECK(layer.report.countsByKind.at("lines on DXF layer T-2DPLINE-ALL") == 30);
    CHECK(layer.report.countsByKind.count("skipped POLYGON") == 1);  // the 3DFACE frame
    // Read naively as WCS, x would be -17.3..-0.7, outside $EXTMIN/$EXTMAX (-6,-11)..(18,13).
    const Extent& e = layer.report.extent;
    CHECK(e.minX > 1.3);
    CHECK(e.maxX < 17.8);
    CHECK(e.minY > -2.5);
    CHECK(e.maxY < 11.8);
    CHECK(e.minZ > 0.4);
    CHECK(e.maxZ < 5.1);
    // Arcs (bulges) are linearised: far more points than the 101 VERTEX records.
    size_t points = 0;
    for (const auto& s : layer.segments) points += s.points.size();
    CHECK(points > 200);
    CHECK(layer.segments.front().depthSource == DepthSource::Measured3D);
}

TEST_CASE("DXF: layer rules and DN sizes in layer names set utility and diameter", "[dxf]") {
    const std::string dir = fixtures::freshDir("dxf_layers");
    const std::string path = fixtures::writeText(
        dir + "/utilities.dxf", "0\nSECTION\n2\nENTITIES\n" + dxfLine("W-MAIN-DN200", 0) + dxfLine("W-MAIN-OLD", 5) +
                                    dxfLine("S-SEWER DN300", 10) + dxfLine("E-MISC", 15) + "0\nENDSEC\n0\nEOF\n");
    LayerSpec spec;
    spec.source = path;
    spec.name = "cad";
    spec.gis.dxfLayers = {{"W-MAIN*", UtilityKind::Water, 250.0},
                          {"w-main-dn*", UtilityKind::Water, std::nullopt},
                          {"E-*", UtilityKind::Power, std::nullopt}};
    const LayerImport layer = importVectorLayer(spec, flatGround());
    INFO(fixtures::problemLines(layer.problems));
    REQUIRE(layer.segments.size() == 4);
    // The longest matching pattern wins (case-insensitive); its size, else the DN in the name.
    const Segment& main = onDxfLayer(layer.segments, "W-MAIN-DN200");
    CHECK(main.utility == UtilityKind::Water);
    CHECK(main.section.diameterM == Approx(0.2));
    const Segment& old = onDxfLayer(layer.segments, "W-MAIN-OLD");
    CHECK(old.utility == UtilityKind::Water);
    CHECK(old.section.diameterM == Approx(0.25));
    const Segment& sewer = onDxfLayer(layer.segments, "S-SEWER DN300");  // no rule: name words and DN
    CHECK(sewer.utility == UtilityKind::Sewer);
    CHECK(sewer.section.diameterM == Approx(0.3));
    const Segment& misc = onDxfLayer(layer.segments, "E-MISC");
    CHECK(misc.utility == UtilityKind::Power);
    CHECK(misc.section.assumed);
    // Flat 2D CAD lines (z = 0) get the default cover below the ground (10 m here).
    CHECK(main.depthSource == DepthSource::Assumed);
    CHECK(main.points.front().z < 10.0);
}
