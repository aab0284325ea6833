#pragma once
// One fuzz target per parser: its seed inputs and how one input is run through the parser the way
// `subterra` runs it (the layer gate, the importer, the feature check of loadModel).
#include <string>
#include <vector>

namespace fuzz {

struct FuzzTarget {
    const char* name;       // "epanet", as --parser takes it
    const char* extension;  // ".inp": how the input file is named (formats are chosen by it)
    enum class Mutation { Lines, Bytes } mutation;
    std::vector<std::string> (*seeds)(const std::string& sourceDir);
    void (*run)(const std::string& path);  // returns normally on any input; a crash is a finding
};

const std::vector<FuzzTarget>& fuzzTargets();

}  // namespace fuzz
