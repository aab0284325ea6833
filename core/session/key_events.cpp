#include "key_events.h"

#include <algorithm>
#include <cctype>
#include <vector>

namespace subterra {

size_t KeyEventQueue::deliverFrame(bool* keysDown, size_t count) {
    std::vector<int> changedNow;  // keys that went down or up in this call
    size_t applied = 0;
    while (!events_.empty()) {
        const KeyEvent event = events_.front();
        const bool inRange = event.key >= 0 && size_t(event.key) < count;
        if (inRange && std::find(changedNow.begin(), changedNow.end(), event.key) != changedNow.end())
            break;  // a key changes once a frame: the next frame takes this change and the rest
        events_.pop_front();
        if (!inRange || keysDown[event.key] == event.down) continue;  // a repeat changes nothing
        keysDown[event.key] = event.down;
        changedNow.push_back(event.key);
        ++applied;
    }
    return applied;
}

std::optional<std::vector<int>> parseKeyChord(const std::string& chord) {
    // GLFW 3.3's codes (glfw3.h): printable keys are their upper-case ASCII code.
    static const std::vector<std::pair<std::string, int>> named = {
        {"ctrl", 341}, {"shift", 340},     {"alt", 342},  {"enter", 257},  {"escape", 256},
        {"tab", 258},  {"backspace", 259}, {"space", 32}, {"delete", 261}, {"f12", 301}};
    std::vector<int> keys;
    size_t start = 0;
    while (start <= chord.size()) {
        const size_t plus = chord.find('+', start);
        std::string name = chord.substr(start, plus == std::string::npos ? std::string::npos : plus - start);
        for (char& c : name) c = char(std::tolower(static_cast<unsigned char>(c)));
        int code = -1;
        if (name.size() == 1 && std::isalnum(static_cast<unsigned char>(name[0])))
            code = std::toupper(static_cast<unsigned char>(name[0]));
        for (const auto& [word, value] : named)
            if (name == word) code = value;
        if (code < 0) return std::nullopt;
        keys.push_back(code);
        if (plus == std::string::npos) break;
        start = plus + 1;
    }
    return keys;
}

void tapChord(KeyEventQueue& queue, const std::vector<int>& keys) {
    for (int key : keys) queue.push(key, true);
    for (auto it = keys.rbegin(); it != keys.rend(); ++it) queue.push(*it, false);
}

}  // namespace subterra
