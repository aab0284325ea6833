// A timeline key dragged with the real X mouse (xdotool) in the viewer under Xvfb, so the panel's
// own mouse code moves it, not a script action. Hidden [.] like the other viewer tests (CTest's
// viewer.scripted runs it). The viewer's script selects the camera key, takes a screenshot and
// waits (wait_for_file) while the test finds the key in the screenshot and drags it; the saved
// project must show the key moved by the dragged pixels at the lane's pixels per second.
#include <catch2/catch.hpp>
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "fixtures.h"
#include "image_io.h"
#include "process_support.h"

namespace fs = std::filesystem;
using namespace subterra;

namespace {
constexpr int kMovedKey = 3;  // the sample's camera key at 8.5 s: neighbours on both sides
// The expanded timeline panel's lanes at 1600x900, right of the sidebar (as in
// test_viewer_timeline.cpp): the scene above has orange pipes in the selected key's colour.
constexpr int kLanesX0 = 330, kLanesY0 = 640, kLanesY1 = 875;

struct CameraKeys {
    std::vector<double> times;
    double fps = 30;
};

CameraKeys cameraKeys(const std::string& projectPath) {
    const auto project = nlohmann::json::parse(fixtures::readFile(projectPath));
    CameraKeys keys;
    keys.fps = project.at("timeline").at("fps").get<double>();
    for (const auto& track : project.at("timeline").at("tracks"))
        if (track.at("target") == "camera")
            for (const auto& key : track.at("keys")) keys.times.push_back(key.at("t").get<double>());
    return keys;
}

bool near(const osg::Vec4ub& p, int r, int g, int b, int tolerance) {
    return std::abs(p.r() - r) <= tolerance && std::abs(p.g() - g) <= tolerance && std::abs(p.b() - b) <= tolerance;
}
// timeline_panel.cpp: kSelectedColor and kKeyColor.
bool isSelectedKey(const osg::Vec4ub& p) { return near(p, 232, 124, 24, 16); }
bool isKey(const osg::Vec4ub& p) { return near(p, 46, 92, 156, 12); }

// The screenshot once it has been written completely (it is written while the viewer runs).
osg::ref_ptr<osg::Image> waitForPng(const std::string& path, process::Child& viewer, const std::string& errPath) {
    for (int tries = 0; tries < 2400; ++tries) {  // 120 s
        std::string error;
        if (fs::exists(path))
            if (osg::ref_ptr<osg::Image> image = readPng(path, error)) return image;
        INFO("the viewer's stderr: " << fixtures::readFile(errPath));
        REQUIRE(viewer.running());
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    FAIL("no screenshot " << path << " after 120 s");
    return nullptr;
}

// Centres (x) of the runs of key-coloured pixels along row y: one per unselected key in the lane.
std::vector<double> keyCentresInRow(const osg::Image& image, int y) {
    std::vector<double> centres;
    for (int x = kLanesX0; x < image.s();) {
        if (!isKey(pixelAt(image, x, y))) {
            ++x;
            continue;
        }
        const int start = x;
        while (x < image.s() && isKey(pixelAt(image, x, y))) ++x;
        if (x - start >= 5 && x - start <= 20) centres.push_back((start + x - 1) / 2.0);  // a key's width, not a button
    }
    return centres;
}
}  // namespace

TEST_CASE("Scripted viewer: a timeline key dragged with the real X mouse moves by the dragged time",
          "[.][viewer][timeline]") {
    if (!process::installed("xdotool")) {
        WARN("SKIPPED: xdotool is not installed, so no real mouse drag can be tested (apt install xdotool)");
        return;
    }
    REQUIRE(std::getenv("DISPLAY") != nullptr);
    const std::string dir = fs::absolute(fixtures::freshDir("viewer_mouse")).string();
    const std::string project = fixtures::copySampleProject(dir);
    const CameraKeys before = cameraKeys(project);
    REQUIRE(before.times.size() > kMovedKey + 1);
    const double from = before.times[kMovedKey];
    // The playhead (a red line over the lanes) stands between two keys, away from them all.
    const double playhead = (before.times[1] + before.times[2]) / 2;
    fixtures::writeText(dir + "/actions.json", R"({"actions": [
        {"do": "timeline_panel", "expanded": true},
        {"do": "timeline_seek", "t": )" + std::to_string(playhead) +
                                                   R"(},
        {"do": "timeline_select", "target": "camera", "t": )" +
                                                   std::to_string(from) + R"(},
        {"do": "wait", "frames": 3},
        {"do": "screenshot", "path": "before.png"},
        {"do": "wait_for_file", "path": "go", "timeout_s": 120},
        {"do": "screenshot", "path": "after.png"},
        {"do": "save"},
        {"do": "quit"}
    ]})");
    const std::string errPath = dir + "/viewer.err";
    process::Child viewer(SUBTERRA_EXECUTABLE,
                          {"view", "district.subterra.json", "--script", "actions.json", "--size", "1600x900"}, dir,
                          dir + "/viewer.out", errPath);
    REQUIRE(viewer.started());
    const auto shot = waitForPng(dir + "/before.png", viewer, errPath);

    // The selected key (a diamond in a ring) and the lane's other keys on its centre row.
    double sumX = 0, sumY = 0;
    int count = 0, x0 = shot->s(), x1 = 0, y0 = shot->t(), y1 = 0;
    for (int y = kLanesY0; y < kLanesY1; ++y)
        for (int x = kLanesX0; x < shot->s(); ++x)
            if (isSelectedKey(pixelAt(*shot, x, y))) {
                sumX += x, sumY += y, ++count;
                x0 = std::min(x0, x), x1 = std::max(x1, x), y0 = std::min(y0, y), y1 = std::max(y1, y);
            }
    INFO("selected-colour pixels: " << count << " in x " << x0 << "-" << x1 << ", y " << y0 << "-" << y1);
    REQUIRE(count > 30);
    REQUIRE(x1 - x0 < 30);  // one key, nothing else in that colour
    REQUIRE(y1 - y0 < 30);
    const double keyX = sumX / count, keyY = sumY / count;
    const std::vector<double> others = keyCentresInRow(*shot, int(std::lround(keyY)));
    std::ostringstream found;
    for (double x : others) found << x << " ";
    INFO("the other camera keys at x " << found.str());
    REQUIRE(others.size() == before.times.size() - 1);

    // Pixels per second: a least-squares line through (time, x) of all the lane's keys.
    std::vector<std::pair<double, double>> points{{from, keyX}};
    for (size_t i = 0, j = 0; i < before.times.size(); ++i)
        if (int(i) != kMovedKey) points.emplace_back(before.times[i], others[j++]);
    double st = 0, sx = 0, stt = 0, stx = 0;
    for (const auto& [t, x] : points) st += t, sx += x, stt += t * t, stx += t * x;
    const double n = double(points.size());
    const double pixelsPerSecond = (n * stx - st * sx) / (n * stt - st * st), x0s = (sx - pixelsPerSecond * st) / n;
    for (const auto& [t, x] : points) {
        INFO("the key at " << t << " s is at x " << x << ", the line says " << x0s + pixelsPerSecond * t);
        REQUIRE(std::abs(x - (x0s + pixelsPerSecond * t)) < 1.5);
    }
    REQUIRE(pixelsPerSecond > 10);

    // Drag it right, most of the way to the next key, in steps a few frames apart.
    const int dx = int(0.6 * (before.times[kMovedKey + 1] - from) * pixelsPerSecond);
    REQUIRE(dx >= 20);
    const auto window = process::output("xdotool search --name '^Subterra$' | head -n 1");
    REQUIRE(window);
    const std::string id = window->substr(0, window->find_first_of("\r\n"));
    REQUIRE(!id.empty());
    const int px = int(std::lround(keyX)), py = int(std::lround(keyY));
    std::ostringstream drag;
    drag << "xdotool windowfocus " << id << " mousemove --window " << id << " " << px << " " << py
         << " sleep 0.5 mousedown 1 sleep 0.5";
    for (int step = 1; step <= 4; ++step)
        drag << " mousemove --window " << id << " " << px + dx * step / 4 << " " << py << " sleep 0.5";
    drag << " sleep 0.5 mouseup 1 sleep 0.5";
    INFO(drag.str());
    REQUIRE(process::output(drag.str()));
    fixtures::writeText(dir + "/go", "");
    const auto exitCode = viewer.waitFor(120);
    INFO("the viewer's stderr: " << fixtures::readFile(errPath));
    REQUIRE(exitCode == 0);

    // The saved project: that key moved by dx at the lane's scale, snapped to a frame; the rest stay.
    const CameraKeys after = cameraKeys(project);
    REQUIRE(after.times.size() == before.times.size());
    const double expected = from + dx / pixelsPerSecond;
    INFO("dragged " << dx << " px at " << pixelsPerSecond << " px/s: expected about " << expected << " s");
    CHECK(std::abs(after.times[kMovedKey] - expected) <= 1 / after.fps + 1 / pixelsPerSecond);
    for (size_t i = 0; i < before.times.size(); ++i)
        if (int(i) != kMovedKey) CHECK(after.times[i] == Approx(before.times[i]).margin(1e-9));
}

TEST_CASE("Scripted viewer: wait_for_file goes on once the file exists and fails clearly when it never comes",
          "[.][viewer]") {
    REQUIRE(std::getenv("DISPLAY") != nullptr);
    const std::string dir = fixtures::freshDir("viewer_wait_for_file");
    fixtures::copySampleProject(dir);
    fixtures::writeText(dir + "/here", "");
    auto result = fixtures::runViewerScript(dir, R"({"actions": [
        {"do": "wait_for_file", "path": "here", "timeout_s": 30}, {"do": "screenshot", "path": "went-on.png"}, {"do": "quit"}]})");
    INFO(result.err);
    CHECK(result.exitCode == 0);
    CHECK(fs::exists(dir + "/went-on.png"));

    result = fixtures::runViewerScript(dir, R"({"actions": [
        {"do": "wait_for_file", "path": "never", "timeout_s": 1}, {"do": "screenshot", "path": "too-far.png"}, {"do": "quit"}]})");
    INFO(result.err);
    CHECK(result.exitCode == 1);
    CHECK(result.err.find("actions.json: /actions/0 (wait_for_file): 'never' did not appear within 1 s") !=
          std::string::npos);
    CHECK_FALSE(fs::exists(dir + "/too-far.png"));
    result =
        fixtures::runViewerScript(dir, R"({"actions": [{"do": "wait_for_file", "path": "never", "timeout_s": 1}]})");
    INFO(result.err);
    CHECK(result.exitCode == 1);  // the last action waits too
    CHECK(result.err.find("(wait_for_file): 'never' did not appear within 1 s") != std::string::npos);

    result = fixtures::runViewerScript(
        dir, R"({"actions": [{"do": "wait_for_file", "path": "never", "timeout_s": "soon"}]})");
    INFO(result.err);
    CHECK(result.exitCode == 1);
    CHECK(result.err.find("(wait_for_file): needs a \"path\" and \"timeout_s\" between 0 and 600 seconds") !=
          std::string::npos);
}
