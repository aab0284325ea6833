// Project layer keys for GIS sources: "sql", "bbox", "dxf_layers", "dxf_diameter_pattern".
#include <catch2/catch.hpp>

#include "fixtures.h"
#include "project.h"

using namespace subterra;

namespace {
ProjectLoad loadLayer(const std::string& name, const std::string& layerJson) {
    const std::string dir = fixtures::freshDir(name);
    return loadProject(fixtures::writeText(
        dir + "/p.subterra.json", "{\"subterra\": 1, \"crs\": \"EPSG:32651\", \"layers\": [" + layerJson + "]}"));
}
}  // namespace

TEST_CASE("project: sql, bbox and dxf_layers are read into the layer", "[project][window][dxf]") {
    const ProjectLoad load = loadLayer("project_gis_options", R"json({
        "name": "pg", "source": "PG:dbname=city", "sql": "SELECT * FROM mains", "bbox": [352000, 3451000, 352500, 3451300],
        "dxf_layers": {"W-MAIN*": {"utility": "water", "diameter_mm": 200}, "E-*": {"utility": "power"}},
        "dxf_diameter_pattern": "Ø(\\d+)"})json");
    INFO(fixtures::problemLines(load.problems));
    REQUIRE(load.project);
    CHECK(load.problems.empty());
    const GisLayerOptions& gis = load.project->layers.at(0).spec.gis;
    CHECK(load.project->layers.at(0).spec.source == "PG:dbname=city");
    CHECK(gis.sql == "SELECT * FROM mains");
    REQUIRE(gis.bbox);
    CHECK((*gis.bbox)[2] == 352500);
    REQUIRE(gis.dxfLayers.size() == 2);
    const DxfLayerRule* rule = findDxfLayerRule(gis, "w-main-north");
    REQUIRE(rule);
    CHECK(rule->utility == UtilityKind::Water);
    CHECK(rule->diameterMm == Approx(200));
    CHECK(diameterFromLayerName(gis.dxfDiameterPattern, "GAS Ø110") == Approx(110));
    CHECK_FALSE(findDxfLayerRule(gis, "S-SEWER"));
}

TEST_CASE("project: bad sql/bbox/dxf keys are errors at their JSON path", "[project][errors][window]") {
    const ProjectLoad load = loadLayer("project_gis_bad", R"json({
        "source": "a.dxf", "bbox": [10, 0, 5, 20],
        "dxf_layers": {"W-*": {"utility": "lava", "diameter_mm": -3}, "X": 5},
        "dxf_diameter_pattern": "DN("})json");
    for (const char* where :
         {"$.layers[0].bbox", "$.layers[0].dxf_layers.W-*.utility", "$.layers[0].dxf_layers.W-*.diameter_mm",
          "$.layers[0].dxf_layers.X", "$.layers[0].dxf_diameter_pattern"}) {
        INFO(where << "\n" << fixtures::problemLines(load.problems));
        CHECK(fixtures::countProblems(load.problems, {where}) == 1);
    }
    CHECK(hasErrors(load.problems));
}
