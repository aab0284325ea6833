// Image-regression runner: renders with `subterra render ARGS -o OUTPUT` and compares OUTPUT with a
// committed baseline PNG, pixel by pixel. A pixel has changed when its largest channel differs by
// more than --threshold from every baseline pixel within --shift pixels (and the other way round):
// anti-aliasing that moves an edge by one pixel is not a change, a pipe drawn thicker is. The test
// fails when more than --max-fraction of the pixels changed, or the mean difference is over
// --max-mean-diff. A missing baseline is created from the render and the test fails, so adding a
// test is cheap and a new baseline is always looked at before commit. With --requires FILE, a
// missing FILE (optional data) skips the test: exit 77.
//
//   render_regression --subterra EXE --baseline B.png --output O.png [--max-mean-diff 1.5]
//                     [--threshold 24] [--shift 1] [--max-fraction 0.0001] [--requires FILE] -- ARGS...
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "image_io.h"

namespace {
std::string shellQuote(const std::string& text) {
    std::string quoted = "'";
    for (char c : text) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return quoted + "'";
}
}  // namespace

int main(int argc, char** argv) {
    std::string subterra, baseline, output;
    std::string requiredFile;
    double maxMeanDiff = 1.5, maxFraction = 0.0001;
    int threshold = 24, shift = 1;
    std::vector<std::string> renderArgs;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--") {
            renderArgs.assign(argv + i + 1, argv + argc);
            break;
        }
        if (i + 1 >= argc) break;
        if (arg == "--subterra") subterra = argv[++i];
        else if (arg == "--baseline") baseline = argv[++i];
        else if (arg == "--output") output = argv[++i];
        else if (arg == "--max-mean-diff") maxMeanDiff = std::stod(argv[++i]);
        else if (arg == "--max-fraction") maxFraction = std::stod(argv[++i]);
        else if (arg == "--threshold") threshold = std::stoi(argv[++i]);
        else if (arg == "--shift") shift = std::stoi(argv[++i]);
        else if (arg == "--requires") requiredFile = argv[++i];
    }
    if (!requiredFile.empty() && !std::filesystem::exists(requiredFile)) {
        std::cout << "SKIPPED: " << requiredFile << " is not there\n";
        return 77;
    }
    if (subterra.empty() || baseline.empty() || output.empty()) {
        std::cerr << "usage: render_regression --subterra EXE --baseline B.png --output O.png -- ARGS...\n";
        return 2;
    }
    std::string command = shellQuote(subterra) + " render";
    for (const auto& arg : renderArgs) command += " " + shellQuote(arg);
    command += " -o " + shellQuote(output);
    std::cout << command << "\n";
    if (std::system(command.c_str()) != 0) {
        std::cerr << "FAIL: subterra render failed\n";
        return 1;
    }
    std::string error;
    auto rendered = subterra::readPng(output, error);
    if (!rendered) {
        std::cerr << "FAIL: " << error << "\n";
        return 1;
    }
    if (!std::filesystem::exists(baseline)) {
        std::filesystem::create_directories(std::filesystem::path(baseline).parent_path());
        std::filesystem::copy_file(output, baseline);
        std::cerr << "FAIL: no baseline; created " << baseline << " from this render: look at it, then commit it\n";
        return 1;
    }
    auto expected = subterra::readPng(baseline, error);
    if (!expected) {
        std::cerr << "FAIL: " << error << "\n";
        return 1;
    }
    const subterra::ImageDiff diff = subterra::compareImages(*rendered, *expected, threshold, shift);
    std::cout << "mean abs diff " << diff.meanAbsDiff << " (max " << maxMeanDiff << "), changed pixels (over "
              << threshold << " from all within " << shift << " px): " << diff.pixelsOver << " = "
              << diff.fractionOver * 100 << "% (max " << maxFraction * 100 << "%), largest " << diff.maxDiff << "\n";
    if (diff.sizeMismatch || diff.meanAbsDiff > maxMeanDiff || diff.fractionOver > maxFraction) {
        std::cerr << "FAIL: " << output << " differs from " << baseline << "\n";
        return 1;
    }
    return 0;
}
