#include "glb_header.h"

#include <cstdint>
#include <filesystem>
#include <fstream>

#include "source_text.h"

namespace subterra {

namespace {
uint32_t littleEndian32(const std::string& bytes, size_t at) {
    uint32_t value = 0;
    for (int i = 3; i >= 0; --i) value = (value << 8) | static_cast<unsigned char>(bytes[at + size_t(i)]);
    return value;
}

std::string chunkName(uint32_t type) {
    std::string name(4, ' ');
    for (size_t i = 0; i < 4; ++i) {
        const char c = char((type >> (8 * i)) & 0xFF);
        name[i] = c >= 32 && c < 127 ? c : '?';
    }
    return name;
}

// glTF 2.0: chunks of {uint32 length, uint32 type, data} from byte 12 to `total`; the first is JSON.
std::string chunksProblem(const std::string& path, uint64_t total) {
    const std::string head = fileHead(path, 28);
    if (head.size() < 20) return "truncated: the header has no JSON chunk";
    const uint32_t jsonLength = littleEndian32(head, 12), jsonType = littleEndian32(head, 16);
    if (jsonType != 0x4E4F534A) return "the first chunk is '" + chunkName(jsonType) + "', not 'JSON'";
    if (uint64_t(jsonLength) + 20 > total)
        return "the JSON chunk says " + std::to_string(jsonLength) + " bytes, but the file holds " +
               std::to_string(total > 20 ? total - 20 : 0) + " after the headers";
    const uint64_t binAt = 20 + uint64_t(jsonLength);
    if (binAt + 8 > total) return {};  // no binary chunk
    std::ifstream in(path, std::ios::binary);
    std::string chunk(8, '\0');
    if (!in.seekg(std::streamoff(binAt)) || !in.read(chunk.data(), 8)) return "truncated inside the chunk table";
    const uint32_t binLength = littleEndian32(chunk, 0);
    if (binAt + 8 + binLength > total)
        return "the binary chunk says " + std::to_string(binLength) + " bytes, but the file holds " +
               std::to_string(total - binAt - 8) + " after it";
    return {};
}
}  // namespace

std::string glbHeaderProblem(const std::string& path) {
    std::error_code error;
    const uint64_t size = std::filesystem::file_size(path, error);
    if (error) return "cannot be read";
    const std::string head = fileHead(path, 20);
    if (head.size() < 12 || head.compare(0, 4, "glTF") != 0) return "not a binary glTF (no 'glTF' magic at byte 0)";
    const uint32_t version = littleEndian32(head, 4), total = littleEndian32(head, 8);
    if (version != 1 && version != 2) return "binary glTF version " + std::to_string(version) + " (expected 2)";
    if (total > size)
        return "the header says " + std::to_string(total) + " bytes, but the file has " + std::to_string(size) +
               " (truncated or corrupt)";
    if (version == 1) {  // glTF 1.0 binary: {length, format} of the scene JSON at byte 12
        if (head.size() < 20) return "truncated: the header is incomplete";
        const uint32_t contentLength = littleEndian32(head, 12);
        if (uint64_t(contentLength) + 20 > total)
            return "the scene JSON says " + std::to_string(contentLength) + " bytes, but the file holds " +
                   std::to_string(total > 20 ? total - 20 : 0) + " after the header";
        return {};
    }
    return chunksProblem(path, total);
}

}  // namespace subterra
