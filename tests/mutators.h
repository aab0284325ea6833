#pragma once
// Random corruption of parser inputs: the edits of the seeded mutation tests
// (mutation_support.h) and of the fuzz driver (fuzz/fuzz_parsers.cpp). No test framework, so
// that both can include it.
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace mutation {

// Replacement fields for .inp files: numbers beyond range, section headers, quotes, byte-order marks.
inline const std::vector<std::string> kInpJunk{"nan",
                                               "-inf",
                                               "1e400",
                                               "",
                                               "x",
                                               "\"",
                                               ";",
                                               "[",
                                               "]",
                                               "[JUNCTIONS]",
                                               "[PIPES]",
                                               "[CONDUITS]",
                                               "[POLYGONS]",
                                               "*",
                                               "-1e308",
                                               "0",
                                               "\xff\xfe",
                                               "\t\t",
                                               "99999999999999999999"};

inline std::vector<std::string> splitLines(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

inline std::string joinLines(const std::vector<std::string>& lines) {
    std::string text;
    for (const auto& line : lines) text += line + "\n";
    return text;
}

template <typename T>
const T& pick(const std::vector<T>& items, std::mt19937& random) {
    return items[random() % items.size()];
}

// 1-4 line edits: a line dropped, doubled, swapped, cut short, a byte changed, one
// whitespace-separated field replaced by `junk`, or the file truncated there.
inline std::string mutateLines(const std::string& original, std::mt19937& random,
                               const std::vector<std::string>& junk) {
    std::vector<std::string> lines = splitLines(original);
    const int mutations = 1 + int(random() % 4);
    for (int m = 0; m < mutations && !lines.empty(); ++m) {
        const size_t at = random() % lines.size();
        switch (random() % 7) {
            case 0: lines.erase(lines.begin() + long(at)); break;
            case 1: lines.insert(lines.begin() + long(at), lines[at]); break;
            case 2: std::swap(lines[at], lines[random() % lines.size()]); break;
            case 3: lines.resize(at); break;  // truncated file
            case 4:
                if (!lines[at].empty()) lines[at][random() % lines[at].size()] = char(random() % 256);
                break;
            case 5: {
                std::istringstream in(lines[at]);
                std::vector<std::string> fields;
                for (std::string f; in >> f;) fields.push_back(f);
                if (fields.empty()) break;
                fields[random() % fields.size()] = pick(junk, random);
                std::string joined;
                for (const auto& f : fields) joined += f + " ";
                lines[at] = joined;
                break;
            }
            default: lines[at] = lines[at].substr(0, random() % (lines[at].size() + 1)); break;
        }
    }
    return joinLines(lines);
}

// 1-4 byte-level edits anywhere (for one-line files such as minified JSON): a byte changed, a
// range deleted, `junk` inserted, or the text cut short.
inline std::string mutateBytes(std::string text, std::mt19937& random, const std::vector<std::string>& junk) {
    const int mutations = 1 + int(random() % 4);
    for (int m = 0; m < mutations && !text.empty(); ++m) {
        const size_t at = random() % text.size();
        switch (random() % 4) {
            case 0: text[at] = char(random() % 256); break;
            case 1: text.erase(at, 1 + random() % 64); break;
            case 2: text.insert(at, pick(junk, random)); break;
            default: text.resize(at); break;
        }
    }
    return text;
}

}  // namespace mutation
