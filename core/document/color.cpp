#include "color.h"

#include <cctype>
#include <cstdio>

namespace subterra {

std::optional<Rgba> parseHexColor(const std::string& text) {
    if (text.size() != 7 && text.size() != 9) return std::nullopt;
    if (text[0] != '#') return std::nullopt;
    for (size_t i = 1; i < text.size(); ++i)  // sscanf("%2x") alone would take "#1f5fdg" as "#1f5fd"
        if (!std::isxdigit(static_cast<unsigned char>(text[i]))) return std::nullopt;
    Rgba color{0, 0, 0, 1};
    for (size_t i = 0; i * 2 + 1 < text.size(); ++i) {
        unsigned value = 0;
        if (std::sscanf(text.c_str() + 1 + i * 2, "%2x", &value) != 1) return std::nullopt;
        color[i] = float(value) / 255.0f;
    }
    return color;
}

std::string toHexColor(const Rgba& color) {
    char text[10];
    std::snprintf(text, sizeof text, "#%02x%02x%02x", unsigned(color[0] * 255 + 0.5f), unsigned(color[1] * 255 + 0.5f),
                  unsigned(color[2] * 255 + 0.5f));
    std::string result = text;
    if (color[3] < 1.0f) {  // "#rrggbbaa" was read: keep its alpha on save
        std::snprintf(text, sizeof text, "%02x", unsigned(color[3] * 255 + 0.5f));
        result += text;
    }
    return result;
}

}  // namespace subterra
