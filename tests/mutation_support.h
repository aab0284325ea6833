#pragma once
// Random corruption of parser inputs for the seeded mutation tests (test_*_mutation.cpp).
// Header-only and importers-only, so the tests also build into subterra_parser_tests_asan.
#include <catch2/catch.hpp>
#include <chrono>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "problem.h"

namespace mutation {

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

// Runs `one(caseNumber)` until `maxCases` or `budget` is reached; returns the number of cases run.
template <typename One>
int runBounded(int maxCases, std::chrono::seconds budget, One one) {
    const auto start = std::chrono::steady_clock::now();
    int cases = 0;
    for (; cases < maxCases && std::chrono::steady_clock::now() - start < budget; ++cases) one(cases);
    return cases;
}

// Every problem is about `path` and says where: `placed(problem)` (a line, a JSON path, a feature)
// or it is one of the whole-file messages starting with `wholeFile` (and an empty where).
template <typename Placed>
void checkProblemsPlaced(const subterra::Problems& problems, const std::string& path, int caseNumber, Placed placed,
                         const std::vector<std::string>& wholeFile) {
    for (const auto& p : problems) {
        bool whole = false;
        for (const auto& prefix : wholeFile) whole = whole || (p.where.empty() && p.message.rfind(prefix, 0) == 0);
        if (!placed(p) && !whole) FAIL("case " << caseNumber << ": " << p.toLine());
        CHECK(p.file == path);
    }
}

}  // namespace mutation
