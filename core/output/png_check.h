#pragma once
// Whether a PNG on disk is a complete frame of a given size, without decoding it: `animate
// --resume` keeps only such frames and renders the others again (a frame cut short by a full disk
// or copied in from elsewhere, a frame of another --size).
#include <string>

namespace subterra {

// Empty when `path` is a PNG of `width` x `height` pixels that ends with its IEND chunk;
// otherwise why not ("not a PNG", "1280x720, not 1920x1080", "truncated (no IEND chunk)").
std::string pngFrameProblem(const std::string& path, int width, int height);

}  // namespace subterra
