#pragma once
// Key presses and releases queued as the window reports them, and handed to the UI one frame at a
// time so that no tap is lost however slow a frame is. Dear ImGui 1.86 (Debian's) keeps only
// whether a key is down: its GLFW backend sets io.KeysDown on press and clears it on release, so a
// press and release inside one frame (a tap at 100-250 ms frames, Enter, Ctrl+S) leave the key up
// and IsKeyPressed never sees it. Here a key changes at most once a frame: its next change waits for
// the next frame, with every event after it, so each press is down for at least one frame and each
// release up for one.
// (ImGui 1.87's input queue does the same trickling.) No GLFW or ImGui: key codes are plain ints.
#include <cstddef>
#include <deque>
#include <optional>
#include <string>
#include <vector>

namespace subterra {

struct KeyEvent {
    int key = 0;  // GLFW key code
    bool down = false;
};

class KeyEventQueue {
  public:
    void push(int key, bool down) { events_.push_back({key, down}); }
    // A press and its release, as a quick tap makes them between two frames.
    void tap(int key) { push(key, true), push(key, false); }
    // Applies this frame's events to `keysDown` (indexed by key code, `count` entries; codes outside
    // are dropped) in order, stopping before a second change of one key in this call. Returns how many
    // keys changed.
    size_t deliverFrame(bool* keysDown, size_t count);
    bool empty() const { return events_.empty(); }
    size_t size() const { return events_.size(); }

  private:
    std::deque<KeyEvent> events_;
};

// The GLFW key codes of a chord such as "ctrl+s", "enter", "shift+f12" (modifiers first, pressed in
// order and released in reverse by a tap); nullopt for a name it does not know.
std::optional<std::vector<int>> parseKeyChord(const std::string& chord);
// Presses the chord's keys in order and releases them in reverse, as one quick tap.
void tapChord(KeyEventQueue& queue, const std::vector<int>& keys);

}  // namespace subterra
