// Seeded mutation test of the .inp importers: real files (or a fixture when they are absent) are
// corrupted at random (bytes flipped, lines dropped, doubled, swapped or cut, numbers replaced by
// junk) thousands of times, bounded in time. Each case must return, and every problem must name a
// line (or be the one file-level "empty" error).
#include <catch2/catch.hpp>
#include <chrono>
#include <random>
#include <sstream>

#include "inp_test_support.h"

using namespace subterra;

namespace {
std::vector<std::string> splitLines(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

std::string joinLines(const std::vector<std::string>& lines) {
    std::string text;
    for (const auto& line : lines) text += line + "\n";
    return text;
}

std::string mutate(const std::string& original, std::mt19937& random) {
    static const char* junk[] = {"nan", "-inf", "1e400", "", "x", "\"", ";", "[", "]", "[JUNCTIONS]", "[PIPES]",
                                 "[CONDUITS]", "*", "-1e308", "0", "\xff\xfe", "\t\t", "99999999999999999999"};
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
            case 5: {  // one whitespace-separated field replaced by junk
                std::istringstream in(lines[at]);
                std::vector<std::string> fields;
                for (std::string f; in >> f;) fields.push_back(f);
                if (fields.empty()) break;
                fields[random() % fields.size()] = junk[random() % (sizeof junk / sizeof *junk)];
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

std::vector<std::string> baseTexts() {
    std::vector<std::string> texts;
    for (const char* file : {"epanet/Net1.inp", "epanet/Net3.inp", "swmm/Example1.inp", "swmm/model_state_plane.inp"})
        if (inp_test::exists(inp_test::sharedData(file))) texts.push_back(inp_test::readFile(inp_test::sharedData(file)));
    if (texts.empty()) {
        WARN("real .inp files absent: mutating the built-in fixtures");
        texts.push_back("[OPTIONS]\nUnits GPM\n[JUNCTIONS]\nA 10\nB 11\n[TANKS]\nT 50 1 0 20 30 0\n"
                        "[PIPES]\nP A B 100 8 100 0 Open\nQ B T 10 8 100\n[PUMPS]\nU A T HEAD 1\n"
                        "[COORDINATES]\nA 0 0\nB 10 0\nT 10 10\n[VERTICES]\nP 5 1\n");
        texts.push_back("[OPTIONS]\nFLOW_UNITS CMS\nLINK_OFFSETS ELEVATION\n[JUNCTIONS]\nJ 10 2\n[STORAGE]\n"
                        "S 9 3 0 FUNCTIONAL 10 0 5\n[OUTFALLS]\nO 8 FREE\n[CONDUITS]\nC J S 10 0.01 10 *\n"
                        "D S O 10 0.01 9 8\n[XSECTIONS]\nC CIRCULAR 0.5\nD EGG 1 0.8\n"
                        "[COORDINATES]\nJ 0 0\nS 10 0\nO 20 0\n[VERTICES]\nD 15 2\n");
    }
    return texts;
}
}  // namespace

TEST_CASE("inp importers survive thousands of random corruptions", "[inp][mutation]") {
    const std::vector<std::string> bases = baseTexts();
    std::mt19937 random(20261126);
    const auto start = std::chrono::steady_clock::now();
    const std::string path = inp_test::outputPath("mutated.inp");
    int cases = 0, withProblems = 0;
    for (; cases < 3000; ++cases) {
        if (std::chrono::steady_clock::now() - start > std::chrono::seconds(20)) break;
        const std::string text = mutate(bases[size_t(cases) % bases.size()], random);
        inp_test::writeFile("mutated.inp", text);
        const LayerImport result = inp_test::importInp(path);
        withProblems += result.problems.empty() ? 0 : 1;
        for (const auto& p : result.problems) {
            const bool namesLine = p.where.rfind("line ", 0) == 0;
            if (!namesLine && p.message != "the file is empty") FAIL("case " << cases << ": " << p.toLine());
            CHECK(p.file == path);
        }
        for (const auto& s : result.segments)
            for (const auto& v : s.points) REQUIRE((std::isfinite(v.x) && std::isfinite(v.y) && std::isfinite(v.z)));
    }
    INFO(cases << " cases");
    CHECK(cases >= 200);                 // the time bound still leaves a meaningful number
    CHECK(withProblems > cases / 4);     // the mutations do reach the parsers
}
