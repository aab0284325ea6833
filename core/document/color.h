#pragma once
// Colours as the project file writes them: RGBA 0..1, "#rrggbb" or "#rrggbbaa" in JSON.
#include <array>
#include <optional>
#include <string>

namespace subterra {

using Rgba = std::array<float, 4>;

// "#1f5fd6" or "#1f5fd6ff" -> colour; nullopt when malformed.
std::optional<Rgba> parseHexColor(const std::string& text);
// "#rrggbb", with "aa" appended when the colour is not opaque (an alpha read is kept on save).
std::string toHexColor(const Rgba& color);

}  // namespace subterra
