// Image-regression runner: renders with `subterra render ARGS -o OUTPUT` and compares OUTPUT with a
// committed baseline PNG within a tolerance. A missing baseline is created from the render and
// the test fails, so adding a test is cheap and a new baseline is always looked at before commit.
//
//   render_regression --subterra EXE --baseline B.png --output O.png [--max-mean-diff 1.5]
//                     [--max-fraction 0.01] -- ARGS...
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
    double maxMeanDiff = 1.5, maxFraction = 0.01;
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
    const subterra::ImageDiff diff = subterra::compareImages(*rendered, *expected, 32);
    std::cout << "mean abs diff " << diff.meanAbsDiff << " (max " << maxMeanDiff
              << "), pixels over 32: " << diff.fractionOver * 100 << "% (max " << maxFraction * 100 << "%), largest "
              << diff.maxDiff << "\n";
    if (diff.sizeMismatch || diff.meanAbsDiff > maxMeanDiff || diff.fractionOver > maxFraction) {
        std::cerr << "FAIL: " << output << " differs from " << baseline << "\n";
        return 1;
    }
    return 0;
}
