#include "source_text.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <iterator>

#include "source_file.h"

namespace subterra {

namespace {
bool isUtf16(const std::string& text) {
    return text.size() >= 2 && ((text[0] == '\xFF' && text[1] == '\xFE') || (text[0] == '\xFE' && text[1] == '\xFF'));
}
}  // namespace

bool looksBinary(const std::string& head) {
    const auto nul = size_t(std::count(head.begin(), head.end(), '\0'));
    return nul >= 8 && nul > head.size() / 16;
}

std::optional<std::string> readSourceText(const std::string& path, std::string& error) {
    error = sourceFileProblem(path, SourceKind::Text);
    if (!error.empty()) return std::nullopt;
    // The head first: a binary file is refused before it is read whole.
    const std::string head = fileHead(path);
    if (!isUtf16(head) && looksBinary(head)) {
        error = "binary data (NUL bytes at the start), not a text file";
        return std::nullopt;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = "cannot be read";
        return std::nullopt;
    }
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
        error = "file is empty";
        return std::nullopt;
    }
    if (isUtf16(text)) {
        error = "is UTF-16 encoded; expected UTF-8";
        return std::nullopt;
    }
    if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
    return text;
}

std::optional<size_t> invalidUtf8Offset(const std::string& text) {
    size_t i = 0;
    while (i < text.size()) {
        const auto c = static_cast<unsigned char>(text[i]);
        const size_t length = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
        if (length == 0 || i + length > text.size()) return i;
        for (size_t k = 1; k < length; ++k)
            if ((static_cast<unsigned char>(text[i + k]) >> 6) != 0x2) return i;
        i += length;
    }
    return std::nullopt;
}

std::string lineAt(const std::string& text, size_t offset) {
    offset = std::min(offset, text.size());
    const auto lines = std::count(text.begin(), text.begin() + std::ptrdiff_t(offset), '\n');
    return "line " + std::to_string(lines + 1);
}

bool startsWithAfterBlanks(const std::string& text, const std::string& prefix) {
    const size_t start = text.find_first_not_of(" \t\r\n");
    return start != std::string::npos && text.compare(start, prefix.size(), prefix) == 0;
}

std::string fileHead(const std::string& path, size_t bytes) {
    if (!isRegularFile(path)) return {};  // sniffing a FIFO would block, /dev/zero never ends
    std::ifstream in(path, std::ios::binary);
    std::string head(bytes, '\0');
    in.read(head.data(), std::streamsize(bytes));
    head.resize(size_t(std::max<std::streamsize>(in.gcount(), 0)));
    return head;
}

bool fileContainsAll(const std::string& path, const std::vector<std::string>& needles) {
    if (!isRegularFile(path)) return false;
    std::ifstream in(path, std::ios::binary);
    size_t overlap = 0;  // a needle may straddle two chunks: keep the tail of the previous one
    for (const auto& needle : needles) overlap = std::max(overlap, needle.size());
    std::vector<bool> found(needles.size(), false);
    std::string window;
    std::string chunk(1 << 20, '\0');
    while (in) {
        in.read(chunk.data(), std::streamsize(chunk.size()));
        window.append(chunk.data(), size_t(std::max<std::streamsize>(in.gcount(), 0)));
        bool all = true;
        for (size_t i = 0; i < needles.size(); ++i) {
            found[i] = found[i] || window.find(needles[i]) != std::string::npos;
            all = all && found[i];
        }
        if (all) return true;
        if (window.size() > overlap) window.erase(0, window.size() - overlap);
    }
    return false;
}

}  // namespace subterra
