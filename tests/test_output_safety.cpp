// Outputs never destroy a good file (issue 16): an MP4 killed half way, an export cut short by a
// file size limit, and --resume over frames that are cut short or of another size.
#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>

#include "fixtures.h"
#include "png_check.h"

namespace fs = std::filesystem;
using Catch::Contains;
using fixtures::runSubterra;

namespace {
// One pipe and a timeline of `durationS` at 10 fps with a moving camera.
std::string writeAnimated(const std::string& dir, double durationS) {
    fixtures::writeText(dir + "/pipe.geojson", R"({"type": "FeatureCollection",
"crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::32651"}}, "features": [
{"type": "Feature", "properties": {"id": "W-1", "DN": 400, "COVER": 1.2},
 "geometry": {"type": "LineString", "coordinates": [[352800, 3453300], [352880, 3453330]]}}]})");
    const std::string d = std::to_string(durationS);
    return fixtures::writeText(
        dir + "/a.subterra.json", R"({"subterra": 1,
 "layers": [{"name": "pipe", "source": "pipe.geojson", "utility": "water"}],
 "timeline": {"duration_s": )" + d + R"(, "fps": 10, "tracks": [
   {"target": "camera", "keys": [{"t": 0, "eye": [352780, 3453250, 60], "target": [352840, 3453315, 0]},
                                 {"t": )" +
                                      d + R"(, "eye": [352900, 3453260, 40], "target": [352840, 3453315, 0]}]}]}})");
}

// Runs `command` in `dir` through sh; its stdout.
std::string shell(const std::string& dir, const std::string& command) {
    std::string output;
    FILE* pipe = ::popen(("cd '" + dir + "' && " + command).c_str(), "r");
    if (!pipe) return output;
    char buffer[512];
    while (size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) output.append(buffer, n);
    ::pclose(pipe);
    return output;
}

const std::string kSubterra = std::string("'") + SUBTERRA_EXECUTABLE + "'";
}  // namespace

TEST_CASE("output safety: an MP4 run killed half way leaves the previous MP4 as it was", "[cli][animate][mp4]") {
    const std::string dir = fixtures::freshDir("safety_mp4_kill");
    writeAnimated(dir, 600);  // 6000 frames at 640x360: a minute or more of work
    fixtures::writeText(dir + "/film.mp4", "a good film");
    // Kill -9 once ffmpeg has written part of the new file, then SIGINT a second run.
    shell(dir, kSubterra +
                   " animate a.subterra.json --mp4 film.mp4 --size 640x360 --samples 0 2>err1.txt & pid=$!; "
                   "for i in $(seq 300); do [ -s film.mp4.tmp ] && break; sleep 0.1; done; kill -9 $pid; wait $pid");
    REQUIRE(fixtures::readFile(dir + "/film.mp4") == "a good film");
    const std::string status =
        shell(dir, kSubterra +
                       " animate a.subterra.json --mp4 film.mp4 --size 640x360 --samples 0 2>err2.txt & pid=$!; "
                       "sleep 2; kill -INT $pid; wait $pid; echo $?");
    const std::string err = fixtures::readFile(dir + "/err2.txt");
    INFO(status << err);
    CHECK(status == "130\n");
    REQUIRE(fixtures::readFile(dir + "/film.mp4") == "a good film");
    CHECK_FALSE(fs::exists(dir + "/film.mp4.tmp"));
    CHECK_THAT(err, Contains("film.mp4 was not written (an earlier file there is unchanged)"));
    CHECK_THAT(err, !Contains("--resume"));
}

TEST_CASE("output safety: an export cut short keeps the previous files, side files included", "[cli][export]") {
    const std::string dir = fixtures::freshDir("safety_export");
    writeAnimated(dir, 1);
    for (const std::string name : {"scene.gltf", "scene.obj", "scene.glb"}) {
        const std::string side = name == "scene.gltf" ? "scene.bin" : name == "scene.obj" ? "scene.mtl" : "";
        fixtures::writeText(dir + "/" + name, "good " + name);
        if (!side.empty()) fixtures::writeText(dir + "/" + side, "good " + side);
        // A file size limit of 4 KB stops the writer half way (SIGXFSZ), as a full disk would.
        shell(dir, "(ulimit -f 4; exec " + kSubterra + " export a.subterra.json -o " + name + ") 2>/dev/null");
        INFO(name);
        CHECK(fixtures::readFile(dir + "/" + name) == "good " + name);
        if (!side.empty()) CHECK(fixtures::readFile(dir + "/" + side) == "good " + side);
        // Without the limit the export replaces them, and leaves no temporary file behind.
        const auto r = runSubterra({"export", "a.subterra.json", "-o", name}, dir);
        CHECK(r.exitCode == 0);
        CHECK(fixtures::readFile(dir + "/" + name).size() > 100);
        if (!side.empty()) CHECK(fixtures::readFile(dir + "/" + side).size() > 100);
        CHECK_FALSE(fs::exists(dir + "/." + name + ".tmp"));
        CHECK_FALSE(fs::exists(dir + "/" + name + ".tmp"));
    }
}

TEST_CASE("output safety: --resume renders again frames that are cut short or of another size", "[cli][animate]") {
    const std::string dir = fixtures::freshDir("safety_resume");
    writeAnimated(dir, 1);
    auto r = runSubterra({"animate", "a.subterra.json", "-o", "frames", "--size", "160x90", "--samples", "0"}, dir);
    REQUIRE(r.exitCode == 0);
    const std::string frame3 = dir + "/frames/frame_00003.png", frame5 = dir + "/frames/frame_00005.png";
    const std::string bytes = fixtures::readFile(frame3);
    fixtures::writeText(frame3, bytes.substr(0, bytes.size() / 2));  // cut short
    r = runSubterra({"animate", "a.subterra.json", "-o", "other", "--size", "80x46", "--samples", "0"}, dir);
    REQUIRE(r.exitCode == 0);
    fs::copy_file(dir + "/other/frame_00005.png", frame5, fs::copy_options::overwrite_existing);  // another size
    REQUIRE_FALSE(subterra::pngFrameProblem(frame3, 160, 90).empty());
    REQUIRE(subterra::pngFrameProblem(frame5, 160, 90) == "80x46, not 160x90");

    r = runSubterra({"animate", "a.subterra.json", "-o", "frames", "--size", "160x90", "--samples", "0", "--resume"},
                    dir);
    INFO(r.err);
    CHECK(r.exitCode == 0);
    CHECK_THAT(r.err, Contains("2 frames rendered (8 already there)"));
    CHECK(subterra::pngFrameProblem(frame3, 160, 90).empty());
    CHECK(subterra::pngFrameProblem(frame5, 160, 90).empty());
}
