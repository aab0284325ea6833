// `subterra info --json FILE` on every real file in ../shared/data: the counts the MANIFEST gives,
// and no problem other than the true ones it documents. Skipped (SKIPPED under CTest) when absent.
#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "fixtures.h"
#include "skip_support.h"

using json = nlohmann::json;

namespace {
std::string sharedData(const std::string& relative) { return fixtures::sourceDir() + "/../shared/data/" + relative; }

// The report of `info --json` on one file; null when the file is absent.
json infoOf(const std::string& relative, int expectedExit = 0) {
    const std::string path = sharedData(relative);
    if (skip_support::absent(path) && skip_support::skip(path + " is not there")) return nullptr;
    // A folder per file: the test cases run in parallel processes under CTest.
    const std::string dir = fixtures::freshDir("info_" + std::filesystem::path(relative).filename().string());
    const auto run = fixtures::runSubterra({"info", "--json", path}, dir);
    INFO(relative << ": " << run.err);
    CHECK(run.exitCode == expectedExit);
    return json::parse(run.out);
}

long count(const json& report, const std::string& kind) {
    const json& counts = report["layers"][0]["counts"];
    return counts.contains(kind) ? counts[kind].get<long>() : -1;
}

void checkCounts(const json& report, const std::vector<std::pair<std::string, long>>& expected) {
    for (const auto& [kind, n] : expected) {
        INFO(kind);
        CHECK(count(report, kind) == n);
    }
}

std::vector<std::string> problemMessages(const json& report) {
    std::vector<std::string> messages;
    for (const auto& p : report["problems"])
        messages.push_back(p["severity"].get<std::string>() + ": " + p["message"].get<std::string>());
    return messages;
}
}  // namespace

TEST_CASE("info on the real EPANET models: MANIFEST counts, only the true dummy-connector warnings",
          "[info][real-data]") {
    // Net1 and Net3 are schematic drawings (MANIFEST): their heights span more than their plan
    // does, and Net3's tanks are wider than its whole drawing. One warning says each.
    auto schematic = [](const std::string& p) {
        return p.find("more than its plan extent") != std::string::npos ||
               p.find("wider than the whole network") != std::string::npos;
    };
    if (json r = infoOf("epanet/Net1.inp"); !r.is_null()) {
        const auto problems = problemMessages(r);
        CHECK(problems.size() == 1);
        for (const auto& p : problems) CHECK(schematic(p));
        checkCounts(r, {{"junctions", 9}, {"reservoirs", 1}, {"tanks", 1}, {"pipes", 12}, {"pumps", 1}});
    }
    if (json r = infoOf("epanet/Net3.inp"); !r.is_null()) {
        checkCounts(r, {{"junctions", 92}, {"reservoirs", 2}, {"tanks", 3}, {"pipes", 117}, {"pumps", 2}});
        const auto problems = problemMessages(r);
        CHECK(problems.size() == 5);  // pipes 20, 40, 50: the MANIFEST's dummy connectors
        for (const auto& p : problems) CHECK((p.find("dummy connector") != std::string::npos || schematic(p)));
    }
    if (json r = infoOf("ky4/ky4.inp"); !r.is_null()) {
        CHECK(problemMessages(r).empty());
        checkCounts(r, {{"junctions", 959}, {"reservoirs", 1}, {"tanks", 4}, {"pipes", 1156}, {"pumps", 2}});
    }
}

TEST_CASE("info on the ky4 GIS layers and the DEM alone", "[info][real-data]") {
    const std::vector<std::pair<std::string, long>> layers{{"ky4/ky4_pipes.geojson", 1156},
                                                           {"ky4/ky4_junctions.geojson", 959},
                                                           {"ky4/ky4_tanks.geojson", 4},
                                                           {"ky4/ky4_pumps.geojson", 2},
                                                           {"ky4/ky4_reservoirs.geojson", 1}};
    for (const auto& [file, features] : layers) {
        json r = infoOf(file);
        if (r.is_null()) continue;
        INFO(file);
        CHECK(problemMessages(r).empty());
        CHECK(r["layers"][0]["features_read"] == features);
        CHECK(r["layers"][0]["features_imported"] == features);
        CHECK(r["layers"][0]["crs"].get<std::string>().find("3547") != std::string::npos);
    }
    // A raster given alone is the DEM: its size, CRS and heights (metres), no error.
    if (json r = infoOf("ky4/ky4_elevation.tif"); !r.is_null()) {
        CHECK(problemMessages(r).empty());
        CHECK(r["layers"].empty());
        REQUIRE(r["terrain"].contains("source"));
        CHECK(r["terrain"]["source_size"] == json::array({587, 402}));
        CHECK(r["terrain"]["crs"].get<std::string>().find("3547") != std::string::npos);
        CHECK(r["terrain"]["height_range"][0].get<double>() == Approx(117.4).margin(0.5));
        CHECK(r["terrain"]["height_range"][1].get<double>() == Approx(226.2).margin(0.5));
        CHECK(r["crs"]["name"].get<std::string>().find("UTM zone 16N") != std::string::npos);  // ftUS -> metres
    }
}

TEST_CASE("info on the real SWMM models: MANIFEST counts, subcatchments as ground patches", "[info][real-data][swmm]") {
    if (json r = infoOf("swmm/model_state_plane.inp"); !r.is_null()) {
        CHECK(problemMessages(r).empty());
        checkCounts(r, {{"junctions", 31},
                        {"storage units", 13},
                        {"outfalls", 1},
                        {"conduits", 44},
                        {"subcatchments", 2},
                        {"subcatchment polygon vertices", 6}});
        CHECK(r["totals"]["ground_patches"] == 2);
    }
    if (json r = infoOf("swmm/Example1.inp"); !r.is_null()) {
        CHECK(problemMessages(r).empty());
        checkCounts(r, {{"junctions", 13},
                        {"outfalls", 1},
                        {"conduits", 13},
                        {"subcatchments", 8},
                        {"subcatchment polygon vertices", 77}});
        CHECK(r["totals"]["ground_patches"] == 8);
        CHECK(r["layers"][0]["features_imported"] == 13 + 1 + 13 + 8);
    }
}

TEST_CASE("info on the real CityJSON, glTF and DXF files", "[info][real-data]") {
    if (json r = infoOf("cityjson/rotterdam_subset.json"); !r.is_null()) {
        checkCounts(r, {{"Building", 16}});
        CHECK(count(r, "ground surfaces") + count(r, "roof surfaces") + count(r, "wall surfaces") == 248);
        const auto problems = problemMessages(r);
        REQUIRE(problems.size() == 1);  // true: every building's lowest vertex is exactly z = 0
        CHECK(problems[0].find("relative to the ground") != std::string::npos);
    }
    if (json r = infoOf("cad/box01.glb"); !r.is_null()) {
        CHECK(problemMessages(r).empty());
        checkCounts(r, {{"triangles", 12}, {"materials", 1}});
    }
    if (json r = infoOf("cad/POLI-ALL210_12.DXF"); !r.is_null()) {
        CHECK(problemMessages(r).empty());
        CHECK(r["layers"][0]["features_read"] == 31);      // 30 POLYLINE + 1 3DFACE
        CHECK(r["layers"][0]["features_imported"] == 30);  // the 3DFACE is no line
    }
}
