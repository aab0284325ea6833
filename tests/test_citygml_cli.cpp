// CityGML and IFC end to end: `info --json` counts and CRS of the CityGML fixtures, the ground
// built from their building bases, and an IFC4 file refused in one line naming file and schema.
#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "fixtures.h"

using Catch::Contains;
using fixtures::runSubterra;

namespace {
std::string describe(const fixtures::CommandResult& r) {
    return "exit " + std::to_string(r.exitCode) + "\n--- stdout\n" + r.out + "--- stderr\n" + r.err;
}
}  // namespace

TEST_CASE("cli: info --json on CityGML reports its counts, the CRS its srsName names and the ground at the bases",
          "[cli][citygml]") {
    const std::string data = fixtures::sourceDir() + "/tests/data/citygml/";
    const auto r = runSubterra({"info", "--json", data + "adv_utm32_lod0_lod2.gml"}, fixtures::freshDir("cli_citygml"));
    INFO(describe(r));
    REQUIRE(r.exitCode == 0);
    const auto info = nlohmann::json::parse(r.out);
    const auto& layer = info["layers"][0];
    CHECK(layer["driver"] == "CityGML");
    CHECK(layer["table"] == "CityGML 2.0");
    CHECK(layer["crs"] == "ETRS89 / UTM zone 32N (EPSG:25832)");
    CHECK(layer["counts"]["Building"] == 2);
    CHECK(layer["counts"]["Bridge"] == 1);
    CHECK(layer["counts"]["Road"] == 1);
    CHECK(layer["features_imported"] == 2);
    CHECK(info["totals"]["buildings"] == 3);
    CHECK(info["extent"]["min"][2].get<double>() == Approx(111.8));
    CHECK_THAT(info["terrain"]["source"].get<std::string>(), Contains("2 building bases"));
    CHECK(info["terrain"]["height_range"][0].get<double>() == Approx(111.8));
    CHECK(info["problems"].empty());
}

TEST_CASE("cli: an IFC4 file is refused in one line naming the file and its schema", "[cli][ifc]") {
    const std::string dir = fixtures::freshDir("cli_ifc4");
    std::filesystem::copy_file(fixtures::sourceDir() + "/tests/data/mesh/wall_ifc4.ifc", dir + "/wall.ifc");
    const auto r = runSubterra({"info", "wall.ifc"}, dir);
    INFO(describe(r));
    CHECK(r.exitCode == 1);
    CHECK_THAT(r.err, Contains("wall.ifc") && Contains("FILE_SCHEMA 'IFC4'") && Contains("IFC2X3 only"));
    CHECK_THAT(r.err, !Contains("Assimp cannot read it"));
}
