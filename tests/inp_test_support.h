#pragma once
// Helpers for the .inp parser tests. Header-only and importers-only, so the same tests also build
// into the sanitizer executable (subterra_parser_tests_asan) without the scene or the fixtures.
#include <filesystem>
#include <fstream>
#include <string>

#include "epanet_importer.h"
#include "problem.h"
#include "swmm_importer.h"

namespace inp_test {

inline std::string sharedData(const std::string& relative) {
    return std::string(SUBTERRA_SOURCE_DIR) + "/../shared/data/" + relative;
}
inline bool exists(const std::string& path) { return std::filesystem::exists(path); }

inline std::string outputPath(const std::string& name) {
    const std::string dir = std::string(SUBTERRA_TEST_OUTPUT_DIR) + "/inp";
    std::filesystem::create_directories(dir);
    return dir + "/" + name;
}

inline std::string writeFile(const std::string& name, const std::string& text) {
    const std::string path = outputPath(name);
    std::ofstream(path, std::ios::binary) << text;
    return path;
}

inline std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

// Imports with whichever .inp importer claims the file (no project CRS, flat ground).
inline subterra::LayerImport importInp(const std::string& path, subterra::LayerSpec spec = {}) {
    spec.source = path;
    if (spec.name.empty()) spec.name = "net";
    const subterra::ImportContext context{"", [](double, double) { return 0.0; }};
    return subterra::swmmClaims(path) ? subterra::importSwmm(spec, context) : subterra::importEpanet(spec, context);
}

inline std::string problemLines(const subterra::Problems& problems) {
    std::string text;
    for (const auto& p : problems) text += p.toLine() + "\n";
    return text;
}

inline int countProblemsWith(const subterra::Problems& problems, const std::string& where, const std::string& text) {
    int count = 0;
    for (const auto& p : problems)
        if (p.where == where && p.message.find(text) != std::string::npos) ++count;
    return count;
}

}  // namespace inp_test
