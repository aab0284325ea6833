// Issue 15 end to end: --input-crs, a project CRS in US feet, what `info` says it guessed, a
// layer "crs" that cannot apply, one line per cause, and no PNG with exit 1.
#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "fixtures.h"

namespace fs = std::filesystem;
using Catch::Contains;
using fixtures::runSubterra;

namespace {
std::string describe(const fixtures::CommandResult& r) {
    return "exit " + std::to_string(r.exitCode) + "\n--- stdout\n" + r.out + "--- stderr\n" + r.err;
}

// Three junctions in Kentucky Single Zone (ftUS, EPSG:3547) as ky4.inp holds them: no CRS in the file.
std::string stateFeetNetwork(const std::string& dir, const std::string& extra = "") {
    return fixtures::writeText(dir + "/ky.inp", R"([JUNCTIONS]
J1  611  0
J2  615  0
J3  620  0
)" + extra + R"([PIPES]
P1  J1  J2  500  8  100
P2  J2  J3  400  8  100
[OPTIONS]
Units  GPM
[COORDINATES]
J1  4960000  3900000
J2  4960500  3900000
J3  4960500  3900400
[END]
)");
}
}  // namespace

TEST_CASE("cli: --input-crs declares the CRS of an input that has none", "[cli][crs][issue15]") {
    const std::string dir = fixtures::freshDir("cli15_input_crs");
    stateFeetNetwork(dir);
    const auto r = runSubterra({"info", "--json", "--input-crs", "EPSG:3547", "ky.inp"}, dir);
    INFO(describe(r));
    REQUIRE(r.exitCode == 0);
    const auto report = nlohmann::json::parse(r.out);
    CHECK_THAT(report["layers"][0]["crs"].get<std::string>(), Contains("3547"));
    CHECK_THAT(report["crs"]["choice"].get<std::string>(), Contains("UTM zone"));
    // 500 ftUS between J1 and J2, in metres.
    const auto& extent = report["extent"];
    CHECK(extent["max"][0].get<double>() - extent["min"][0].get<double>() == Approx(152.4).margin(1.0));

    const auto bad = runSubterra({"info", "--input-crs", "EPSG:0", "ky.inp"}, dir);
    INFO(describe(bad));
    CHECK(bad.exitCode == 1);
    CHECK_THAT(bad.err, Contains("--input-crs"));
}

TEST_CASE("cli: a project CRS in US feet keeps the model in metres", "[cli][crs][units][issue15]") {
    const std::string dir = fixtures::freshDir("cli15_feet_project");
    stateFeetNetwork(dir);
    const auto r = runSubterra({"info", "--json", "--crs", "EPSG:3547", "ky.inp"}, dir);
    INFO(describe(r));
    REQUIRE(r.exitCode == 0);
    const auto report = nlohmann::json::parse(r.out);
    CHECK_THAT(report["crs"]["name"].get<std::string>(), Contains("in metres"));
    CHECK_THAT(report["crs"]["choice"].get<std::string>(), Contains("converted to metres"));
    const auto& extent = report["extent"];
    CHECK(extent["max"][0].get<double>() - extent["min"][0].get<double>() == Approx(152.4).margin(0.01));
    CHECK(extent["min"][0].get<double>() == Approx(4960000 * 1200.0 / 3937.0).margin(0.01));
    CHECK_THAT(report["layers"][0]["notes"].dump(), Contains("taken to be in the project CRS"));
}

TEST_CASE("cli: info says what it guessed", "[cli][info][issue15]") {
    const std::string dir = fixtures::freshDir("cli15_guesses");
    fixtures::writeText(dir + "/lonlat.inp", R"([JUNCTIONS]
J1 300 0
J2 301 0
J3 305 0
[PIPES]
P1 J1 J2 288 8 100
P2 J2 J3 364 8 100
[COORDINATES]
J1 -84.500 38.000
J2 -84.499 38.000
J3 -84.499 38.001
[END]
)");
    const auto r = runSubterra({"info", "lonlat.inp"}, dir);
    INFO(describe(r));
    CHECK(r.exitCode == 0);
    CHECK_THAT(r.out, Contains("look like longitude/latitude"));
    CHECK_THAT(r.out, Contains("UTM zone of layer 'lonlat'"));
    CHECK_THAT(r.out, Contains("Terrain: no DEM: interpolated from the data's own 3 node ground levels"));
}

TEST_CASE("cli: a layer crs on a CAD mesh is rejected in one line", "[cli][crs][issue15]") {
    const std::string dir = fixtures::freshDir("cli15_mesh_crs");
    fs::copy_file(fixtures::sourceDir() + "/tests/data/mesh/wall_ifc2x3.ifc", dir + "/wall.ifc");
    fixtures::writeText(dir + "/p.subterra.json", R"({"subterra": 1, "crs": "EPSG:32651",
  "layers": [{"source": "wall.ifc", "crs": "EPSG:4326", "placement": {"origin": [352000, 3451000, 0]}}]})");
    const auto r = runSubterra({"info", "p.subterra.json"}, dir);
    INFO(describe(r));
    CHECK(r.exitCode == 1);
    CHECK_THAT(r.err, Contains("\"crs\" does not apply to a CAD mesh"));
}

TEST_CASE("cli: render writes no PNG when the inputs have errors, unless --keep-going", "[cli][render][issue15]") {
    const std::string dir = fixtures::freshDir("cli15_render_errors");
    stateFeetNetwork(dir, "J1  700  0\n");  // a duplicate id: an error, the rest still reads
    const auto r = runSubterra({"render", "--size", "160x90", "-o", "net.png", "ky.inp"}, dir);
    INFO(describe(r));
    CHECK(r.exitCode == 1);
    CHECK_THAT(r.err, Contains("duplicate node id") && Contains("no picture written"));
    CHECK_FALSE(fs::exists(dir + "/net.png"));
    const auto kept = runSubterra({"render", "--keep-going", "--size", "160x90", "-o", "net.png", "ky.inp"}, dir);
    INFO(describe(kept));
    CHECK(kept.exitCode == 0);
    CHECK(fs::exists(dir + "/net.png"));
}

TEST_CASE("cli: many warnings of one cause print as five lines and a count", "[cli][problems][issue15]") {
    const std::string dir = fixtures::freshDir("cli15_one_cause");
    std::string statuses;
    for (int i = 0; i < 40; ++i) statuses += "X" + std::to_string(i) + " Closed\n";
    stateFeetNetwork(dir, "[STATUS]\n" + statuses);
    const auto r = runSubterra({"info", "ky.inp"}, dir);
    INFO(describe(r));
    CHECK(r.exitCode == 0);
    CHECK_THAT(r.err, Contains("... and 35 more like this"));
    const auto json = runSubterra({"info", "--json", "ky.inp"}, dir);
    const auto report = nlohmann::json::parse(json.out);
    int unknown = 0;
    for (const auto& p : report["problems"])
        unknown += p["message"].get<std::string>().find("unknown link") != std::string::npos;
    CHECK(unknown == 40);
}
