// `subterra animate` end to end: PNG frames, shards equal to a full run byte for byte, --resume,
// MP4 through ffmpeg (checked with ffprobe), Ctrl-C, and clear errors. Frames are 160x90.
#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "fixtures.h"
#include "image_io.h"

namespace fs = std::filesystem;
using fixtures::runSubterra;

namespace {
// Two pipes in lon/lat and a 1 s timeline at 20 fps using camera, reveal, flow and terrain tracks.
std::string writeAnimatedProject(const std::string& dir, const std::string& timeline = "") {
    fixtures::writeText(dir + "/pipes.geojson", R"({"type": "FeatureCollection", "features": [
{"type": "Feature", "properties": {"PIPE_ID": "S1", "DN": 600, "US_IL": 2.0, "DS_IL": 1.6},
 "geometry": {"type": "LineString", "coordinates": [[121.4500, 31.2000], [121.4510, 31.2000]]}},
{"type": "Feature", "properties": {"PIPE_ID": "S2", "DN": 600, "US_IL": 1.6, "DS_IL": 1.4},
 "geometry": {"type": "LineString", "coordinates": [[121.4510, 31.2000], [121.4510, 31.2006]]}}]})");
    const std::string defaultTimeline = R"({"duration_s": 1, "fps": 20, "tracks": [
      {"target": "camera", "keys": [{"t": 0, "eye": [352330, 3452640, 150], "target": [352400, 3452760, 0]},
                                    {"t": 1, "eye": [352420, 3452650, 90], "target": [352400, 3452760, 0]}]},
      {"target": "reveal.pipes", "keys": [{"t": 0, "value": 0}, {"t": 0.6, "value": 1}]},
      {"target": "flow.pipes", "speed_mps": 30, "spacing_m": 20, "keys": [{"t": 0, "value": 1}]},
      {"target": "terrain.opacity", "keys": [{"t": 0, "value": 0.6}, {"t": 1, "value": 0.1}]}]})";
    return fixtures::writeText(dir + "/anim.subterra.json", R"({"subterra": 1, "name": "Animated",
  "layers": [{"name": "pipes", "source": "pipes.geojson", "utility": "sewer"}],
  "timeline": )" + (timeline.empty() ? defaultTimeline : timeline) +
                                                                "}");
}

std::string describe(const fixtures::CommandResult& r) {
    return "exit " + std::to_string(r.exitCode) + "\n--- stdout\n" + r.out + "--- stderr\n" + r.err;
}

std::vector<std::string> framesIn(const std::string& dir) {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(dir)) names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

std::string run(const std::string& command) {
    std::string output;
    FILE* pipe = ::popen(command.c_str(), "r");
    if (!pipe) return output;
    char buffer[512];
    while (size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) output.append(buffer, n);
    ::pclose(pipe);
    return output;
}

const std::vector<std::string> kSmall = {"--size", "160x90", "--samples", "0"};

std::vector<std::string> args(std::vector<std::string> a) {
    a.insert(a.end(), kSmall.begin(), kSmall.end());
    return a;
}
}  // namespace

TEST_CASE("animate: shards of a render farm job equal a full run byte for byte", "[cli][animate]") {
    const std::string dir = fixtures::freshDir("animate_shards");
    writeAnimatedProject(dir);
    const auto full = runSubterra(args({"animate", "anim.subterra.json", "-o", "full", "--frames", "0-19"}), dir);
    INFO(describe(full));
    REQUIRE(full.exitCode == 0);
    const auto a = runSubterra(args({"animate", "anim.subterra.json", "-o", "shards", "--frames", "0-9"}), dir);
    const auto b = runSubterra(args({"animate", "anim.subterra.json", "-o", "shards", "--frames", "10-19"}), dir);
    REQUIRE(a.exitCode == 0);
    REQUIRE(b.exitCode == 0);
    const auto names = framesIn(dir + "/full");
    REQUIRE(names.size() == 20);
    CHECK(names.front() == "frame_00000.png");
    CHECK(names.back() == "frame_00019.png");
    CHECK(framesIn(dir + "/shards") == names);
    for (const auto& name : names) {
        INFO(name);
        CHECK(fixtures::readFile(dir + "/full/" + name) == fixtures::readFile(dir + "/shards/" + name));
    }
    // The animation moves: first and last frames differ, and so do neighbours (flow, camera).
    CHECK(fixtures::readFile(dir + "/full/frame_00000.png") != fixtures::readFile(dir + "/full/frame_00019.png"));
    CHECK(fixtures::readFile(dir + "/full/frame_00012.png") != fixtures::readFile(dir + "/full/frame_00013.png"));

    SECTION("--resume renders only the missing frames and those that are not complete frames") {
        fs::remove(dir + "/shards/frame_00004.png");
        fixtures::writeText(dir + "/shards/frame_00007.png", "not a frame");  // rendered again
        const auto resumed = runSubterra(args({"animate", "anim.subterra.json", "-o", "shards", "--resume"}), dir);
        INFO(describe(resumed));
        REQUIRE(resumed.exitCode == 0);
        CHECK(resumed.err.find("2 frames rendered (18 already there)") != std::string::npos);
        CHECK(fixtures::readFile(dir + "/shards/frame_00004.png") == fixtures::readFile(dir + "/full/frame_00004.png"));
        CHECK(fixtures::readFile(dir + "/shards/frame_00007.png") == fixtures::readFile(dir + "/full/frame_00007.png"));
    }
}

TEST_CASE("animate: frame 0 is the timeline at t = 0, the last frame at (count - 1) / fps", "[cli][animate]") {
    // 1 s at 4 fps: frames at 0, 0.25, 0.5 and 0.75 s. Camera keys at 0 (A), 0.75 (B) and 1 (C): the
    // first frame must show A and the last B; a frame taken one step late would show C.
    const std::string dir = fixtures::freshDir("animate_frame_times");
    const std::string a = "352330,3452640,150,352400,3452760,0", b = "352520,3452770,110,352400,3452760,0";
    writeAnimatedProject(dir, R"({"duration_s": 1, "fps": 4, "tracks": [
      {"target": "camera", "keys": [{"t": 0, "eye": [352330, 3452640, 150], "target": [352400, 3452760, 0]},
                                    {"t": 0.75, "eye": [352520, 3452770, 110], "target": [352400, 3452760, 0]},
                                    {"t": 1, "eye": [352400, 3452900, 60], "target": [352400, 3452760, 0]}]}]})");
    const auto frames = runSubterra(args({"animate", "anim.subterra.json", "-o", "frames"}), dir);
    INFO(describe(frames));
    REQUIRE(frames.exitCode == 0);
    REQUIRE(framesIn(dir + "/frames").size() == 4);
    for (const auto& [camera, name] : {std::pair{a, "a.png"}, std::pair{b, "b.png"}})
        REQUIRE(runSubterra(args({"render", "anim.subterra.json", "--camera", camera, "-o", name}), dir).exitCode == 0);
    std::string error;
    auto image = [&](const std::string& name) {
        auto png = subterra::readPng(dir + "/" + name, error);
        INFO(name << ": " << error);
        REQUIRE(png);
        return png;
    };
    auto differingShare = [&](const std::string& x, const std::string& y) {
        return subterra::compareImages(*image(x), *image(y), 16).fractionOver;
    };
    CHECK(differingShare("frames/frame_00000.png", "a.png") < 0.002);
    CHECK(differingShare("frames/frame_00003.png", "b.png") < 0.002);
    // The views differ enough that a frame off by one step would fail the checks above.
    CHECK(differingShare("frames/frame_00001.png", "a.png") > 0.02);
    CHECK(differingShare("a.png", "b.png") > 0.02);
}

TEST_CASE("animate: an MP4 with every frame, at the size asked for, in yuv420p", "[cli][animate][mp4]") {
    const std::string dir = fixtures::freshDir("animate_mp4");
    writeAnimatedProject(dir);
    const auto r = runSubterra(args({"animate", "anim.subterra.json", "--mp4", "explainer.mp4"}), dir);
    INFO(describe(r));
    REQUIRE(r.exitCode == 0);
    REQUIRE(fs::exists(dir + "/explainer.mp4"));
    const std::string probe =
        run("ffprobe -v error -select_streams v:0 -count_frames -show_entries "
            "stream=codec_name,width,height,pix_fmt,nb_read_frames -of json '" +
            dir + "/explainer.mp4'");
    INFO(probe);
    const auto stream = nlohmann::json::parse(probe)["streams"][0];
    CHECK(stream["codec_name"] == "h264");
    CHECK(stream["width"] == 160);
    CHECK(stream["height"] == 90);
    CHECK(stream["pix_fmt"] == "yuv420p");
    CHECK(stream["nb_read_frames"] == "20");
}

TEST_CASE("animate: clear errors for bad timelines, ranges and a missing ffmpeg", "[cli][animate][errors]") {
    const std::string dir = fixtures::freshDir("animate_errors");
    writeAnimatedProject(dir, R"({"duration_s": 2, "tracks": [
      {"target": "layers.gas.opacity", "keys": [{"t": 0, "value": 1}]},
      {"target": "terrain.opacity", "keys": [{"t": 1, "value": 1}, {"t": 0.5, "value": 0}]}]})");
    auto r = runSubterra(args({"animate", "anim.subterra.json", "-o", "frames"}), dir);
    INFO(describe(r));
    CHECK(r.exitCode == 1);
    CHECK(r.err.find("$.timeline.tracks[0].target: unknown layer 'gas'") != std::string::npos);
    CHECK(r.err.find("$.timeline.tracks[1].keys[1].t: keys out of order") != std::string::npos);
    CHECK_FALSE(fs::exists(dir + "/frames"));

    writeAnimatedProject(dir, R"({"duration_s": -1, "tracks": []})");
    r = runSubterra(args({"animate", "anim.subterra.json", "-o", "frames"}), dir);
    CHECK(r.exitCode == 1);
    CHECK(r.err.find("$.timeline.duration_s: must be greater than 0 seconds, got -1") != std::string::npos);

    writeAnimatedProject(dir);
    // A frame range or size the command cannot honour is the command line's fault: exit 2, as in render.
    r = runSubterra(args({"animate", "anim.subterra.json", "-o", "frames", "--frames", "15-40"}), dir);
    CHECK(r.exitCode == 2);
    CHECK(r.err.find("the timeline has frames 0-19") != std::string::npos);
    r = runSubterra({"animate", "anim.subterra.json", "-o", "frames", "--size", "60000x60000"}, dir);
    CHECK(r.exitCode == 2);
    CHECK(r.err.find("--size size 60000x60000 is beyond") != std::string::npos);
    CHECK_FALSE(fs::exists(dir + "/frames/frame_00000.png"));
    r = runSubterra(args({"animate", "anim.subterra.json"}), dir);
    CHECK(r.exitCode == 2);
    CHECK(r.err.find("give -o DIR") != std::string::npos);

    const std::string path = std::getenv("PATH");
    setenv("PATH", "/nonexistent", 1);
    r = runSubterra(args({"animate", "anim.subterra.json", "--mp4", "x.mp4"}), dir);
    setenv("PATH", path.c_str(), 1);
    CHECK(r.exitCode == 1);
    CHECK(r.err.find("x.mp4: cannot write MP4: ffmpeg was not found on PATH") != std::string::npos);
}

TEST_CASE("animate: Ctrl-C stops after a complete frame", "[cli][animate][signal]") {
    const std::string dir = fixtures::freshDir("animate_interrupt");
    writeAnimatedProject(dir, R"({"duration_s": 100, "fps": 10, "tracks": [
      {"target": "flow.pipes", "keys": [{"t": 0, "value": 1}]}]})");
    // Start a 1000-frame run, interrupt it once three frames are on disk, report its exit status.
    const std::string script =
        "cd '" + dir + "' && ('" + std::string(SUBTERRA_EXECUTABLE) +
        "' animate anim.subterra.json -o frames --size 160x90 --samples 0 2>err.txt & "
        "pid=$!; for i in $(seq 600); do [ -e frames/frame_00002.png ] && break; sleep 0.1; done; "
        "kill -INT $pid; wait $pid; echo $?)";
    const std::string status = run(script);
    INFO(status << fixtures::readFile(dir + "/err.txt"));
    CHECK(status == "130\n");
    CHECK(fixtures::readFile(dir + "/err.txt").find("interrupted: frames 0-") != std::string::npos);
    const auto names = framesIn(dir + "/frames");
    CHECK(names.size() >= 3);
    CHECK(names.size() < 1000);
    for (const auto& name : names) {
        INFO(name);
        CHECK(name.find(".tmp") == std::string::npos);
        const std::string bytes = fixtures::readFile(dir + "/frames/" + name);
        CHECK(bytes.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0);
        CHECK(bytes.substr(bytes.size() - 8, 4) == "IEND");  // complete: ends with the IEND chunk
    }
}
