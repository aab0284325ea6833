#include "png_check.h"

#include <cstdint>
#include <fstream>

namespace subterra {

namespace {
uint32_t bigEndian32(const char* bytes) {
    uint32_t value = 0;
    for (int i = 0; i < 4; ++i) value = (value << 8) | static_cast<unsigned char>(bytes[i]);
    return value;
}
}  // namespace

std::string pngFrameProblem(const std::string& path, int width, int height) {
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    if (!in) return "cannot be read";
    const std::streamoff size = in.tellg();
    // Signature (8), IHDR chunk (4 length + 4 type + 13 data + 4 CRC), IEND chunk (12).
    constexpr std::streamoff kHeader = 8 + 25, kEnd = 12;
    char header[kHeader] = {};
    if (size < kHeader + kEnd || !in.seekg(0) || !in.read(header, kHeader)) return "not a PNG (too short)";
    if (std::string(header, 8) != "\x89PNG\r\n\x1a\n" || std::string(header + 12, 4) != "IHDR") return "not a PNG";
    const uint32_t w = bigEndian32(header + 16), h = bigEndian32(header + 20);
    if (w != uint32_t(width) || h != uint32_t(height))
        return std::to_string(w) + "x" + std::to_string(h) + ", not " + std::to_string(width) + "x" +
               std::to_string(height);
    char end[kEnd] = {};
    if (!in.seekg(size - kEnd) || !in.read(end, kEnd) ||
        std::string(end, kEnd) != std::string("\0\0\0\0IEND\xae\x42\x60\x82", 12))
        return "truncated (no IEND chunk at the end)";
    return {};
}

}  // namespace subterra
