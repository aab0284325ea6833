// The command line on bad numbers and sizes (issue 16): each is refused before any work, in one
// line, with exit 2 for a bad option and 1 for bad data; nothing is silently ignored or wrapped.
#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>

#include "fixtures.h"

namespace fs = std::filesystem;
using Catch::Contains;
using fixtures::runSubterra;

namespace {
// Two pipes in UTM 51N with a ground level; `extra` goes into the project object.
std::string writeProject(const std::string& dir, const std::string& extra = "") {
    fixtures::writeText(dir + "/pipes.geojson", R"({"type": "FeatureCollection",
"crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::32651"}}, "features": [
{"type": "Feature", "properties": {"id": "P-1", "DN": 300, "COVER": 1.5},
 "geometry": {"type": "LineString", "coordinates": [[352800, 3453300], [352860, 3453300]]}},
{"type": "Feature", "properties": {"id": "P-2", "DN": 300, "COVER": 1.5},
 "geometry": {"type": "LineString", "coordinates": [[352860, 3453300], [352860, 3453340]]}}]})");
    return fixtures::writeText(dir + "/p.subterra.json",
                               R"({"subterra": 1, "layers": [{"name": "pipes", "source": "pipes.geojson",
 "utility": "water"}])" + extra + "}");
}

std::string describe(const fixtures::CommandResult& r) {
    return "exit " + std::to_string(r.exitCode) + "\n--- stdout\n" + r.out + "--- stderr\n" + r.err;
}
}  // namespace

TEST_CASE("bad input cli: a render size beyond the GL limit is refused at once with exit 2", "[cli][bad-input]") {
    const std::string dir = fixtures::freshDir("cli_size_limit");
    writeProject(dir);
    // Beyond every GL's limit (llvmpipe here: 16384, NVIDIA: 32768), within the parser's range.
    for (const std::string size : {"65536x64", "40000x40000"}) {
        const auto start = std::chrono::steady_clock::now();
        const auto r = runSubterra({"render", "p.subterra.json", "--size", size, "-o", "big.png"}, dir);
        INFO(describe(r));
        CHECK(r.exitCode == 2);
        CHECK_THAT(r.err, Contains("--size size " + size + " is beyond this OpenGL's largest framebuffer"));
        CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(10));
        CHECK_FALSE(fs::exists(dir + "/big.png"));
    }
}

TEST_CASE("bad input cli: NaN and out-of-range numeric options are usage errors", "[cli][bad-input]") {
    const std::string dir = fixtures::freshDir("cli_numeric_options");
    writeProject(dir, R"(, "timeline": {"duration_s": 1, "tracks": []})");
    const std::vector<std::vector<std::string>> cases{
        {"render", "p.subterra.json", "--fov", "0"},
        {"render", "p.subterra.json", "--fov", "nan"},
        {"render", "p.subterra.json", "--terrain-opacity", "nan"},
        {"animate", "p.subterra.json", "-o", "frames", "--fps", "nan"},
        {"animate", "p.subterra.json", "-o", "frames", "--fps", "1e9"},
        {"profile", "p.subterra.json", "--path", "P-1", "-o", "x.svg", "--exaggeration", "nan"},
    };
    for (const auto& args : cases) {
        const auto r = runSubterra(args, dir);
        INFO(args[2] << " " << args.back() << "\n" << describe(r));
        CHECK(r.exitCode == 2);
        CHECK_THAT(r.err, Contains("is not a number in ["));
    }
    CHECK_FALSE(fs::exists(dir + "/frames"));
}

TEST_CASE("bad input cli: render refuses an output that is not .png instead of writing PNG bytes into it",
          "[cli][bad-input]") {
    const std::string dir = fixtures::freshDir("cli_jpg");
    writeProject(dir);
    const auto r = runSubterra({"render", "p.subterra.json", "--size", "160x90", "-o", "x.jpg"}, dir);
    INFO(describe(r));
    CHECK(r.exitCode == 2);
    CHECK_THAT(r.err, Contains("-o 'x.jpg': render writes PNG only"));
    CHECK_FALSE(fs::exists(dir + "/x.jpg"));
}

TEST_CASE("bad input cli: a timeline of 1e9 seconds is refused, not rendered as one frame", "[cli][bad-input]") {
    const std::string dir = fixtures::freshDir("cli_duration");
    writeProject(dir, R"(, "timeline": {"duration_s": 1e9, "tracks": []})");
    const auto r = runSubterra({"animate", "p.subterra.json", "-o", "frames", "--size", "160x90"}, dir);
    INFO(describe(r));
    CHECK(r.exitCode == 1);
    CHECK_THAT(r.err, Contains("$.timeline.duration_s: 1e+09 is outside the accepted range"));
    CHECK_THAT(r.err, !Contains("frames rendered"));
}

TEST_CASE("bad input cli: a flat ground of 1e300 m is an error naming the key, with no OSG NaN warnings",
          "[cli][bad-input]") {
    const std::string dir = fixtures::freshDir("cli_flat_level");
    writeProject(dir, R"(, "terrain": {"flat_level_m": 1e300})");
    const auto r = runSubterra({"render", "p.subterra.json", "--size", "160x90", "-o", "x.png"}, dir);
    INFO(describe(r));
    CHECK(r.exitCode == 1);
    CHECK_THAT(r.err, Contains("$.terrain.flat_level_m: 1e+300 is outside the accepted range"));
    CHECK_THAT(r.out + r.err, !Contains("NaN"));
}

TEST_CASE("bad input cli: a feature at 1e300 is dropped by name and the rest is drawn", "[cli][bad-input]") {
    const std::string dir = fixtures::freshDir("cli_far_vertex");
    writeProject(dir);
    std::string pipes = fixtures::readFile(dir + "/pipes.geojson");
    pipes.replace(pipes.find("[352860, 3453340]"), 17, "[1e300, 3453340]");
    fixtures::writeText(dir + "/pipes.geojson", pipes);
    const auto r = runSubterra({"render", "p.subterra.json", "--size", "160x90", "-o", "x.png"}, dir);
    INFO(describe(r));
    CHECK(r.exitCode == 1);  // a feature could not be used: no picture that silently lacks it
    CHECK_THAT(r.err, Contains("pipes.geojson: segment 'P-2': vertex 2 is (1e+300, 3.45334e+06, "));
    CHECK_THAT(r.err, !Contains("camera up direction"));
    CHECK_FALSE(fs::exists(dir + "/x.png"));

    const auto kept =
        runSubterra({"render", "p.subterra.json", "--size", "160x90", "-o", "x.png", "--keep-going"}, dir);
    INFO(describe(kept));
    CHECK(kept.exitCode == 0);  // the rest is drawn when the user asks for it
    CHECK_THAT(kept.err, Contains("segment 'P-2'"));
    CHECK(fs::exists(dir + "/x.png"));
}

TEST_CASE("bad input cli: an EPANET file with section headers only fails with a message", "[cli][bad-input]") {
    const std::string dir = fixtures::freshDir("cli_headers_only");
    fixtures::writeText(dir + "/headers.inp", "[JUNCTIONS]\n[PIPES]\n[COORDINATES]\n[END]\n");
    const auto r = runSubterra({"render", "headers.inp", "--size", "160x90", "-o", "x.png"}, dir);
    INFO(describe(r));
    CHECK(r.exitCode == 1);
    CHECK_THAT(r.err, Contains("headers.inp: no nodes, links or subcatchments: nothing to draw"));
}
