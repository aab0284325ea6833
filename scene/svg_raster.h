#pragma once
// SVG -> PNG through librsvg (the GNOME SVG renderer) and cairo: the PNG is the SVG's own drawing,
// so the two exports of a profile always show the same thing.
#include <string>

namespace subterra {

// Renders `svg` at its own size times `scale` on white and writes a PNG atomically (temporary file +
// rename). false + one-line `error` (naming `path`) on failure.
bool writeSvgAsPng(const std::string& svg, const std::string& path, double scale, std::string& error);

}  // namespace subterra
