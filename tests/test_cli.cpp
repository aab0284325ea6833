// The `subterra` executable end to end: help, `info --json` on fixtures, exit codes (0 ok, 1 user
// error, 2 usage), render and export. Renders are 320x180 to keep the suite fast.
#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "fixtures.h"

namespace fs = std::filesystem;
using fixtures::runSubterra;

namespace {
// A small network in lon/lat (no "crs" member: WGS 84 by RFC 7946): one pipe with a cover depth,
// one with invert levels, one with neither; two junctions; and a project with two views.
std::string writeNetwork(const std::string& dir) {
    fixtures::writeText(dir + "/pipes.geojson", R"({"type": "FeatureCollection", "features": [
{"type": "Feature", "properties": {"PIPE_ID": "W1", "DN": 150, "COVER": 1.2},
 "geometry": {"type": "LineString", "coordinates": [[121.4500, 31.2000], [121.4510, 31.2000]]}},
{"type": "Feature", "properties": {"PIPE_ID": "S1", "DN": 300, "US_IL": 2.0, "DS_IL": 1.8},
 "geometry": {"type": "LineString", "coordinates": [[121.4500, 31.2002], [121.4510, 31.2002], [121.4510, 31.2010]]}},
{"type": "Feature", "properties": {"PIPE_ID": "X1", "DN": 200},
 "geometry": {"type": "LineString", "coordinates": [[121.4500, 31.2004], [121.4505, 31.2008]]}}]})");
    fixtures::writeText(dir + "/junctions.geojson", R"({"type": "FeatureCollection", "features": [
{"type": "Feature", "properties": {"name": "J1", "elevation": 4.5}, "geometry": {"type": "Point", "coordinates": [121.4500, 31.2002]}},
{"type": "Feature", "properties": {"name": "J2", "elevation": 4.4}, "geometry": {"type": "Point", "coordinates": [121.4510, 31.2002]}}]})");
    return fixtures::writeText(dir + "/net.subterra.json", R"({"subterra": 1, "name": "CLI fixture",
  "layers": [{"name": "pipes", "source": "pipes.geojson", "utility": "sewer"},
             {"name": "junctions", "source": "junctions.geojson"}],
  "views": {"overview": {"eye": [352300, 3452700, 200], "target": [352380, 3452830, 0]},
            "street": {"eye": [352300, 3452790, 3], "target": [352400, 3452810, 2]}}})");
}

std::string describe(const fixtures::CommandResult& r) {
    return "exit " + std::to_string(r.exitCode) + "\n--- stdout\n" + r.out + "--- stderr\n" + r.err;
}

bool isPng(const std::string& path, int width, int height) {
    const std::string bytes = fixtures::readFile(path);
    if (bytes.size() < 24 || bytes.compare(0, 8, "\x89PNG\r\n\x1a\n") != 0) return false;
    auto be32 = [&](size_t at) {
        return int((unsigned char)bytes[at] << 24 | (unsigned char)bytes[at + 1] << 16 |
                   (unsigned char)bytes[at + 2] << 8 | (unsigned char)bytes[at + 3]);
    };
    return be32(16) == width && be32(20) == height;
}
}  // namespace

TEST_CASE("cli: --help lists the commands and exits 0", "[cli]") {
    const std::string dir = fixtures::freshDir("cli_help");
    const auto r = runSubterra({"--help"}, dir);
    INFO(describe(r));
    CHECK(r.exitCode == 0);
    for (const char* command : {"info", "render", "export"}) CHECK(r.out.find(command) != std::string::npos);
    const auto sub = runSubterra({"render", "--help"}, dir);
    CHECK(sub.exitCode == 0);
    CHECK(sub.out.find("--size") != std::string::npos);
    CHECK(sub.out.find("--view") != std::string::npos);
}

TEST_CASE("cli: info --json reports counts CRS mapping and depth sources", "[cli][info]") {
    const std::string dir = fixtures::freshDir("cli_info_json");
    writeNetwork(dir);
    const auto r = runSubterra({"info", "--json", "pipes.geojson", "junctions.geojson"}, dir);
    INFO(describe(r));
    REQUIRE(r.exitCode == 0);
    const nlohmann::json report = nlohmann::json::parse(r.out);
    CHECK(report["totals"]["segments"] == 3);
    CHECK(report["totals"]["nodes"] == 2);
    CHECK(report["totals"]["buildings"] == 0);
    const auto& depth = report["totals"]["segment_depth_sources"];
    CHECK(depth["measured 3D"] == 0);
    CHECK(depth["invert levels"] == 1);
    CHECK(depth["cover depth"] == 1);
    CHECK(depth["assumed"] == 1);
    // lon/lat data: the project CRS is the UTM zone, and `info` says why.
    CHECK(report["crs"]["name"].get<std::string>().find("UTM zone 51N") != std::string::npos);
    CHECK(report["crs"]["choice"].get<std::string>().find("UTM zone") != std::string::npos);
    REQUIRE(report["layers"].size() == 2);
    const auto& pipes = report["layers"][0];
    CHECK(pipes["name"] == "pipes");
    CHECK(pipes["type"] == "segments");
    CHECK(pipes["features_read"] == 3);
    CHECK(pipes["features_imported"] == 3);
    CHECK(pipes["mapping"]["diameter"]["field"] == "DN");
    CHECK(pipes["mapping"]["diameter"]["guessed"] == true);
    CHECK(pipes["mapping"]["diameter"]["unit"] == "mm");
    CHECK(pipes["mapping"]["invert_start"]["field"] == "US_IL");
    CHECK(pipes["mapping"]["cover"]["field"] == "COVER");
    CHECK(report["layers"][1]["type"] == "nodes");
    CHECK(report["layers"][1]["mapping"]["ground"]["field"] == "elevation");
    CHECK(report["problems"].empty());
    // The extent is in metres (UTM), not degrees.
    CHECK(report["extent"]["min"][0].get<double>() > 352000);
}

TEST_CASE("cli: info on a project and as text", "[cli][info]") {
    const std::string dir = fixtures::freshDir("cli_info_project");
    writeNetwork(dir);
    const auto json = runSubterra({"info", "--json", "net.subterra.json"}, dir);
    INFO(describe(json));
    REQUIRE(json.exitCode == 0);
    const nlohmann::json report = nlohmann::json::parse(json.out);
    CHECK(report["layers"][0]["utility"] == "sewer");  // set by the project
    CHECK(report["totals"]["segments"] == 3);
    const auto text = runSubterra({"info", "net.subterra.json"}, dir);
    INFO(describe(text));
    CHECK(text.exitCode == 0);
    CHECK(text.out.find("Total: 3 segments, 2 nodes, 0 buildings") != std::string::npos);
    CHECK(text.out.find("Layer 'pipes'") != std::string::npos);
}

TEST_CASE("cli: a missing file is a user error with exit code 1", "[cli][errors]") {
    const std::string dir = fixtures::freshDir("cli_missing");
    const auto r = runSubterra({"info", "missing.geojson"}, dir);
    INFO(describe(r));
    CHECK(r.exitCode == 1);
    CHECK(r.err.find("subterra: error: missing.geojson: file not found") != std::string::npos);
    const auto project = runSubterra({"info", "--json", "missing.subterra.json"}, dir);
    INFO(describe(project));
    CHECK(project.exitCode == 1);
    const nlohmann::json report = nlohmann::json::parse(project.out);
    REQUIRE(report["problems"].size() == 1);
    CHECK(report["problems"][0]["severity"] == "error");
    CHECK(report["problems"][0]["message"] == "file not found");
}

TEST_CASE("cli: a broken project file is a user error naming the JSON path", "[cli][errors]") {
    const std::string dir = fixtures::freshDir("cli_broken_project");
    fixtures::writeText(dir + "/bad.subterra.json",
                        R"({"subterra": 1, "layers": [{"source": "a.gpkg", "style": {"opacity": "x"}}]})");
    const auto r = runSubterra({"info", "bad.subterra.json"}, dir);
    INFO(describe(r));
    CHECK(r.exitCode == 1);
    CHECK(r.err.find("bad.subterra.json: $.layers[0].style.opacity: expected a number") != std::string::npos);
}

TEST_CASE("cli: usage errors exit with code 2", "[cli][errors]") {
    const std::string dir = fixtures::freshDir("cli_usage");
    writeNetwork(dir);
    const auto unknownFlag = runSubterra({"info", "--bogus", "pipes.geojson"}, dir);
    INFO(describe(unknownFlag));
    CHECK(unknownFlag.exitCode == 2);
    CHECK(unknownFlag.err.find("bogus") != std::string::npos);

    const auto badSize = runSubterra({"render", "--size", "abc", "-o", "x.png", "pipes.geojson"}, dir);
    INFO(describe(badSize));
    CHECK(badSize.exitCode == 2);
    CHECK(badSize.err.find("--size 'abc'") != std::string::npos);
    CHECK_FALSE(fs::exists(dir + "/x.png"));

    const auto noCommand = runSubterra({}, dir);
    CHECK(noCommand.exitCode == 2);
    const auto noInput = runSubterra({"render"}, dir);
    CHECK(noInput.exitCode == 2);
    const auto unknownCommand = runSubterra({"paint", "pipes.geojson"}, dir);
    CHECK(unknownCommand.exitCode == 2);
    const auto badSamples = runSubterra({"render", "--samples", "99", "pipes.geojson"}, dir);
    CHECK(badSamples.exitCode == 2);
}

TEST_CASE("cli: render with nothing usable says nothing to render and exits 1", "[cli][render][errors]") {
    const std::string dir = fixtures::freshDir("cli_render_empty");
    fixtures::writeText(dir + "/empty.geojson", R"({"type": "FeatureCollection", "features": []})");
    const auto r = runSubterra({"render", "--size", "320x180", "-o", "empty.png", "empty.geojson"}, dir);
    INFO(describe(r));
    CHECK(r.exitCode == 1);
    CHECK(r.err.find("nothing to render") != std::string::npos);
    CHECK_FALSE(fs::exists(dir + "/empty.png"));
}

TEST_CASE("cli: render with an unknown view lists the views there are", "[cli][render][errors]") {
    const std::string dir = fixtures::freshDir("cli_render_view");
    writeNetwork(dir);
    const auto r =
        runSubterra({"render", "--size", "320x180", "--view", "aerial", "-o", "v.png", "net.subterra.json"}, dir);
    INFO(describe(r));
    CHECK(r.exitCode == 1);
    CHECK(r.err.find("no view named 'aerial'") != std::string::npos);
    CHECK(r.err.find("overview street") != std::string::npos);
    CHECK_FALSE(fs::exists(dir + "/v.png"));
}

TEST_CASE("cli: render writes a PNG of the requested size", "[cli][render]") {
    const std::string dir = fixtures::freshDir("cli_render");
    writeNetwork(dir);
    const auto r =
        runSubterra({"render", "--size", "320x180", "--view", "overview", "-o", "out.png", "net.subterra.json"}, dir);
    INFO(describe(r));
    CHECK(r.exitCode == 0);
    CHECK(r.out == "out.png\n");
    CHECK(isPng(dir + "/out.png", 320, 180));
}

TEST_CASE("cli: export writes non-empty obj and osgb files", "[cli][export]") {
    const std::string dir = fixtures::freshDir("cli_export");
    writeNetwork(dir);
    const auto obj = runSubterra({"export", "-o", "x.obj", "net.subterra.json"}, dir);
    INFO(describe(obj));
    CHECK(obj.exitCode == 0);
    REQUIRE(fs::exists(dir + "/x.obj"));
    CHECK(fs::file_size(dir + "/x.obj") > 1000);
    CHECK(fixtures::readFile(dir + "/x.obj").find("\nv ") != std::string::npos);
    CHECK(obj.err.find("coordinates are relative to") != std::string::npos);

    const auto osgb = runSubterra({"export", "-o", "x.osgb", "net.subterra.json"}, dir);
    INFO(describe(osgb));
    CHECK(osgb.exitCode == 0);
    REQUIRE(fs::exists(dir + "/x.osgb"));
    CHECK(fs::file_size(dir + "/x.osgb") > 1000);

    const auto empty = runSubterra({"export", "-o", "y.obj", "missing.geojson"}, dir);
    INFO(describe(empty));
    CHECK(empty.exitCode == 1);
    CHECK(empty.err.find("nothing to export") != std::string::npos);
}
