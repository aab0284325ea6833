// bench_check INPUT...: times the clearance and cover checks on a loaded model (import excluded) and
// prints one "name value unit" line per figure. Driven by bench/bench_check.sh on a generated city.
#include <chrono>
#include <cstdio>

#include "clearance_check.h"
#include "scene_inputs.h"

using namespace subterra;

namespace {
double secondsSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}
}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_check PROJECT_OR_FILES...\n");
        return 2;
    }
    InputOptions options;
    for (int i = 1; i < argc; ++i) options.inputs.push_back(argv[i]);
    auto start = std::chrono::steady_clock::now();
    const LoadedInputs inputs = loadInputs(options);
    const double importS = secondsSince(start);
    const CheckRules rules = inputs.project ? inputs.project->checks : CheckRules{};
    start = std::chrono::steady_clock::now();
    const CheckResults clearance = checkClearances(inputs.load.model, rules);
    const double clearanceS = secondsSince(start);
    start = std::chrono::steady_clock::now();
    const auto cover = checkCover(inputs.load.model, rules);
    const double coverS = secondsSince(start);
    std::printf(
        "segments %zu\nimport %.3f s\npieces %zu\npiece_pairs_tested %zu\ncheck_clearance %.3f s\n"
        "check_cover %.3f s\nclearance_violations %zu\ncover_violations %zu\n",
        inputs.load.model.segments.size(), importS, clearance.piecesIndexed, clearance.piecePairsTested, clearanceS,
        coverS, clearance.clearance.size(), cover.size());
    return 0;
}
