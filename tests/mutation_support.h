#pragma once
// Random corruption of parser inputs for the seeded mutation tests (test_*_mutation.cpp).
// Header-only and importers-only, so the tests also build into subterra_parser_tests_asan.
#include <catch2/catch.hpp>
#include <chrono>
#include <string>
#include <vector>

#include "mutators.h"
#include "problem.h"

namespace mutation {

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
