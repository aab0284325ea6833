// Seeded mutation test of the .inp importers: real files (or a fixture when they are absent) are
// corrupted at random (bytes flipped, lines dropped, doubled, swapped or cut, numbers replaced by
// junk) thousands of times, bounded in time. Each case must return, and every problem must name a
// line (or be the one file-level "empty" error).
#include <catch2/catch.hpp>
#include <cmath>

#include "inp_test_support.h"
#include "mutation_support.h"

using namespace subterra;

namespace {
const std::vector<std::string>& kJunk = mutation::kInpJunk;

std::vector<std::string> baseTexts() {
    std::vector<std::string> texts;
    for (const char* file : {"epanet/Net1.inp", "epanet/Net3.inp", "swmm/Example1.inp", "swmm/model_state_plane.inp"})
        if (inp_test::exists(inp_test::sharedData(file)))
            texts.push_back(inp_test::readFile(inp_test::sharedData(file)));
    if (texts.empty()) {
        WARN("real .inp files absent: mutating the built-in fixtures");
        texts.push_back(
            "[OPTIONS]\nUnits GPM\n[JUNCTIONS]\nA 10\nB 11\n[TANKS]\nT 50 1 0 20 30 0\n"
            "[PIPES]\nP A B 100 8 100 0 Open\nQ B T 10 8 100\n[PUMPS]\nU A T HEAD 1\n"
            "[COORDINATES]\nA 0 0\nB 10 0\nT 10 10\n[VERTICES]\nP 5 1\n");
        texts.push_back(
            "[OPTIONS]\nFLOW_UNITS CMS\nLINK_OFFSETS ELEVATION\n[JUNCTIONS]\nJ 10 2\n[STORAGE]\n"
            "S 9 3 0 FUNCTIONAL 10 0 5\n[OUTFALLS]\nO 8 FREE\n[CONDUITS]\nC J S 10 0.01 10 *\n"
            "D S O 10 0.01 9 8\n[XSECTIONS]\nC CIRCULAR 0.5\nD EGG 1 0.8\n"
            "[COORDINATES]\nJ 0 0\nS 10 0\nO 20 0\n[VERTICES]\nD 15 2\n"
            "[SUBCATCHMENTS]\nA RG J 5 25 500 0.5 0\n[POLYGONS]\nA 0 0\nA 5 -5\nA -5 -5\n");
    }
    return texts;
}
}  // namespace

TEST_CASE("inp importers survive thousands of random corruptions", "[inp][mutation]") {
    const std::vector<std::string> bases = baseTexts();
    std::mt19937 random(20261126);
    const std::string path = inp_test::outputPath("mutated.inp");
    int withProblems = 0;
    const int cases = mutation::runBounded(3000, std::chrono::seconds(20), [&](int n) {
        inp_test::writeFile("mutated.inp", mutation::mutateLines(bases[size_t(n) % bases.size()], random, kJunk));
        const LayerImport result = inp_test::importInp(path);
        withProblems += result.problems.empty() ? 0 : 1;
        mutation::checkProblemsPlaced(result.problems, path, n,
                                      [](const Problem& p) { return p.where.rfind("line ", 0) == 0; },
                                      {"the file is empty", "is UTF-16", "no nodes, links or subcatchments"});
        for (const auto& s : result.segments)
            for (const auto& v : s.points) REQUIRE((std::isfinite(v.x) && std::isfinite(v.y) && std::isfinite(v.z)));
        for (const auto& patch : result.patches)
            for (const auto& v : patch.outline)
                REQUIRE((std::isfinite(v.x) && std::isfinite(v.y) && std::isfinite(v.z)));
    });
    INFO(cases << " cases");
    CHECK(cases >= 200);              // the time bound still leaves a meaningful number
    CHECK(withProblems > cases / 4);  // the mutations do reach the parsers
}
