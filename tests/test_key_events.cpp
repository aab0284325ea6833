// Key taps queued between frames (key_events.h): a press and release inside one slow frame are
// both seen, the press for a whole frame first, in the order they came.
#include <catch2/catch.hpp>

#include "key_events.h"

using namespace subterra;

namespace {
constexpr int kEnter = 257, kCtrl = 341, kS = 83;  // GLFW codes
}

TEST_CASE("Key events: a tap inside one frame is down for a frame, then up", "[keys]") {
    KeyEventQueue queue;
    bool down[512] = {};
    queue.tap(kEnter);
    CHECK(queue.deliverFrame(down, 512) == 1);
    CHECK(down[kEnter]);  // this frame sees Enter pressed
    CHECK(queue.deliverFrame(down, 512) == 1);
    CHECK_FALSE(down[kEnter]);  // the next one sees it released
    CHECK(queue.empty());
}

TEST_CASE("Key events: Ctrl+S tapped in one frame keeps Ctrl down while S is pressed", "[keys]") {
    KeyEventQueue queue;
    bool down[512] = {};
    queue.push(kCtrl, true);
    queue.tap(kS);
    queue.push(kCtrl, false);
    queue.deliverFrame(down, 512);
    CHECK(down[kCtrl]);
    CHECK(down[kS]);
    queue.deliverFrame(down, 512);
    CHECK_FALSE(down[kCtrl]);
    CHECK_FALSE(down[kS]);
}

TEST_CASE("Key events: two taps of one key in a frame are two presses, a held key is untouched", "[keys]") {
    KeyEventQueue queue;
    bool down[512] = {};
    queue.push(kS, true);  // held over several frames
    queue.deliverFrame(down, 512);
    queue.tap(kEnter);
    queue.tap(kEnter);
    queue.push(1000, true);  // outside the table: dropped
    int presses = 0;
    bool was = false;
    for (int frame = 0; frame < 6; ++frame) {
        queue.deliverFrame(down, 512);
        presses += down[kEnter] && !was;
        was = down[kEnter];
        CHECK(down[kS]);
    }
    CHECK(presses == 2);
    CHECK(queue.empty());
}
