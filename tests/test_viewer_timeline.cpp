// The viewer's timeline panel driven by a script under Xvfb (hidden [.] like the other viewer
// tests; CTest's viewer.scripted runs it): seeking the sample district's explainer shows what
// its camera and opacity tracks say, the docked panel draws its lanes, keys added/moved/deleted
// by script undo and save into the project, and "Export frames" writes the same bytes as
// `subterra animate` (and Cancel stops it leaving complete frames).
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "fixtures.h"
#include "image_io.h"
#include "timeline_edits.h"

namespace fs = std::filesystem;
using namespace subterra;

namespace {
constexpr int kSidebarWidth = 330;  // viewer_app.cpp at content scale 1

struct Region {
    int x0, y0, x1, y1;
};

osg::ref_ptr<osg::Image> load(const std::string& path) {
    std::string error;
    osg::ref_ptr<osg::Image> image = readPng(path, error);
    INFO(path << ": " << error);
    REQUIRE(image);
    REQUIRE(image->s() == 1600);
    REQUIRE(image->t() == 900);
    return image;
}

// Mean absolute difference per channel over a region (0-255).
double meanDifference(const osg::Image& a, const osg::Image& b, Region r) {
    double sum = 0;
    for (int y = r.y0; y < r.y1; ++y)
        for (int x = r.x0; x < r.x1; ++x) {
            const osg::Vec4ub p = pixelAt(a, x, y), q = pixelAt(b, x, y);
            for (int c = 0; c < 3; ++c) sum += std::abs(int(p[c]) - int(q[c]));
        }
    return sum / (3.0 * (r.x1 - r.x0) * (r.y1 - r.y0));
}

int count(const osg::Image& image, Region r, bool (*test)(const osg::Vec4ub&)) {
    int n = 0;
    for (int y = r.y0; y < r.y1; ++y)
        for (int x = r.x0; x < r.x1; ++x) n += test(pixelAt(image, x, y)) ? 1 : 0;
    return n;
}

bool isText(const osg::Vec4ub& p) { return p.r() < 90 && p.g() < 90 && p.b() < 90; }
bool isKey(const osg::Vec4ub& p) {
    return std::abs(p.r() - 46) < 12 && std::abs(p.g() - 92) < 12 && std::abs(p.b() - 156) < 12;
}
bool isPlayhead(const osg::Vec4ub& p) { return p.r() > 190 && p.g() < 70 && p.b() < 70; }

std::string bytes(const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(file), {});
}
}  // namespace

TEST_CASE("Scripted viewer: timeline seek, panel, key edits with undo, save and export", "[.][viewer][timeline]") {
    REQUIRE(std::getenv("DISPLAY") != nullptr);
    const std::string dir = fixtures::freshDir("viewer_timeline");
    const std::string project = fixtures::copySampleProject(dir);
    fixtures::writeText(dir + "/actions.json", R"({"actions": [
        {"do": "timeline_export", "dir": "viewer-frames", "size": "160x90", "frames": "40-41"},
        {"do": "timeline_export", "dir": "cancelled", "size": "160x90", "wait": false},
        {"do": "screenshot", "path": "exporting.png"},
        {"do": "timeline_cancel_export"},
        {"do": "timeline_panel", "expanded": true},
        {"do": "timeline_seek", "t": 0},
        {"do": "screenshot", "path": "t0.png"},
        {"do": "orbit", "yaw_deg": 50, "pitch_deg": -10},
        {"do": "wait", "frames": 2},
        {"do": "timeline_expect", "previewing": false},
        {"do": "timeline_seek", "t": 0},
        {"do": "screenshot", "path": "t0-again.png"},
        {"do": "timeline_seek", "t": 6},
        {"do": "screenshot", "path": "t6.png"},
        {"do": "timeline_play", "frames": 8, "loop": false},
        {"do": "timeline_expect", "playhead_min": 6.001},
        {"do": "timeline_preview", "on": false},
        {"do": "layer_opacity", "layer": "water", "opacity": 0.4},
        {"do": "timeline_add_key", "target": "layers.water.opacity", "t": 7.25},
        {"do": "timeline_expect", "target": "layers.water.opacity", "keys": 1},
        {"do": "timeline_add_key", "target": "camera", "t": 10},
        {"do": "timeline_expect", "target": "camera", "keys": 7},
        {"do": "timeline_move_key", "target": "camera", "t": 10, "to": 10.25},
        {"do": "timeline_delete_key", "target": "camera", "index": 0},
        {"do": "timeline_expect", "target": "camera", "keys": 6},
        {"do": "undo"},
        {"do": "timeline_expect", "target": "camera", "keys": 7},
        {"do": "timeline_select", "target": "camera", "t": 10.25},
        {"do": "screenshot", "path": "panel.png"},
        {"do": "save"},
        {"do": "quit"}
    ]})");
    const auto result = fixtures::runSubterra(
        {"view", "district.subterra.json", "--script", "actions.json", "--size", "1600x900"}, dir);
    INFO(result.out << result.err);
    REQUIRE(result.exitCode == 0);

    // The explainer's camera flies down between 0 and 6 s while the terrain fades from 0.95 to
    // 0.15: the scene above the panel must change a lot. Seeking back to 0 after the user orbited
    // gives the t = 0 picture again: the camera track, not the free view, decides it.
    const auto t0 = load(dir + "/t0.png"), again = load(dir + "/t0-again.png"), t6 = load(dir + "/t6.png");
    const Region scene{kSidebarWidth + 10, 40, 1590, 560};
    CHECK(meanDifference(*t0, *t6, scene) > 12.0);
    CHECK(meanDifference(*t0, *again, scene) < 1.0);

    // The docked panel (bottom, right of the sidebar) shows its track labels, keys and playhead.
    const auto panel = load(dir + "/panel.png");
    const Region lanes{kSidebarWidth, 640, 1600, 875};
    CHECK(count(*panel, lanes, isText) > 400);
    CHECK(count(*panel, lanes, isKey) > 100);
    CHECK(count(*panel, lanes, isPlayhead) > 40);

    // The keys added by script are in the saved project; the undone delete left the first key.
    std::ifstream file(project);
    const nlohmann::json saved = nlohmann::json::parse(file);
    bool water = false, camera = false;
    for (const auto& track : saved.at("timeline").at("tracks")) {
        if (track.at("target") == "layers.water.opacity") {
            water = true;
            REQUIRE(track.at("keys").size() == 1);
            CHECK(track.at("keys")[0].at("t").get<double>() == Approx(7.25));
            CHECK(track.at("keys")[0].at("value").get<double>() == Approx(0.4));
        }
        if (track.at("target") == "camera") {
            camera = true;
            REQUIRE(track.at("keys").size() == 7);  // 0, 3, 5.5, 8.5, the added 10 moved to 10.25, 10.5, 12
            CHECK(track.at("keys")[0].at("t").get<double>() == Approx(0.0));
            CHECK(track.at("keys")[4].at("t").get<double>() == Approx(10.25));
        }
    }
    CHECK(water);
    CHECK(camera);

    // "Export frames" is `subterra animate`: the same frames, byte for byte.
    const std::string original =
        (fs::path(fixtures::sourceDir()) / "sample-data/district/district.subterra.json").string();
    const auto cli =
        fixtures::runSubterra({"animate", original, "-o", "cli-frames", "--size", "160x90", "--frames", "40-41"}, dir);
    INFO(cli.err);
    REQUIRE(cli.exitCode == 0);
    for (const char* name : {"frame_00040.png", "frame_00041.png"}) {
        INFO(name);
        REQUIRE(fs::exists(dir + "/viewer-frames/" + name));
        CHECK(bytes(dir + "/viewer-frames/" + name) == bytes(dir + "/cli-frames/" + name));
    }
    CHECK_FALSE(fs::exists(dir + "/viewer-frames/frame_00042.png"));

    // Cancel stops the export part way; every frame it left is a complete PNG.
    int cancelledFrames = 0;
    for (const auto& entry : fs::directory_iterator(dir + "/cancelled")) {
        std::string error;
        INFO(entry.path().string());
        CHECK(readPng(entry.path().string(), error));
        ++cancelledFrames;
    }
    CHECK(cancelledFrames > 0);
    CHECK(cancelledFrames < 360);
}

TEST_CASE("Scripted viewer: new section, excavation and callout tracks start from what the scene shows",
          "[.][viewer][timeline]") {
    REQUIRE(std::getenv("DISPLAY") != nullptr);
    const std::string dir = fixtures::freshDir("viewer_timeline_cut_tracks");
    const std::string project = fixtures::copySampleProject(dir);
    {  // the sample without its explainer: every track below is new
        std::ifstream in(project);
        nlohmann::ordered_json json = nlohmann::ordered_json::parse(in);
        json.erase("timeline");
        std::ofstream(project) << json.dump(2);
    }
    const auto result = fixtures::runViewerScript(dir, R"({"actions": [
        {"do": "timeline_add_key", "target": "section.street section.enabled", "t": 1},
        {"do": "timeline_add_key", "target": "section.street section.offset", "t": 1},
        {"do": "timeline_add_key", "target": "excavation.street pit.open", "t": 2},
        {"do": "timeline_add_key", "target": "annotation.water main.opacity", "t": 3},
        {"do": "timeline_panel", "expanded": true},
        {"do": "screenshot", "path": "panel.png"},
        {"do": "save"},
        {"do": "quit"}
    ]})");
    INFO(result.out << result.err);
    REQUIRE(result.exitCode == 0);

    std::ifstream file(project);
    const nlohmann::json saved = nlohmann::json::parse(file);
    std::map<std::string, double> firstValue;
    for (const auto& track : saved.at("timeline").at("tracks")) {
        REQUIRE(track.at("keys").size() == 1);
        const auto& value = track.at("keys")[0].at("value");
        firstValue[track.at("target")] = value.is_boolean() ? double(value.get<bool>()) : value.get<double>();
    }
    // The sample's section and pit are switched off in the project; the callout shows.
    CHECK(firstValue.at("section.street section.enabled") == 0.0);
    CHECK(firstValue.at("section.street section.offset") == 0.0);
    CHECK(firstValue.at("excavation.street pit.open") == 0.0);
    CHECK(firstValue.at("annotation.water main.opacity") == 1.0);
    // An on/off key holds (drawn as a square in the panel), a value key eases by default.
    for (const auto& track : saved.at("timeline").at("tracks")) {
        INFO(track.dump());
        CHECK((track.at("keys")[0].value("interp", std::string()) == "hold") ==
              (track.at("target") == "section.street section.enabled"));
    }
}

TEST_CASE("Timeline track labels read as the user names things", "[viewer][timeline]") {
    CHECK(trackLabel("camera") == "Camera");
    CHECK(trackLabel("camera.follow") == "Camera follow");
    CHECK(trackLabel("layers.house.connections.opacity") == "house.connections opacity");
    CHECK(trackLabel("reveal.water") == "water reveal");
    CHECK(trackLabel("section.street section.enabled") == "street section on");
    CHECK(trackLabel("excavation.street pit.open") == "street pit open");
    CHECK(trackLabel("annotation.water main.opacity") == "water main opacity");
}
