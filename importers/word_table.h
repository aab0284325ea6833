#pragma once
// The small tables the importers keep as data, compiled in as text (field_synonyms.inc,
// layer_names.inc): one line per key, then words, separated by spaces; '#' starts a comment line.
#include <string>
#include <utility>
#include <vector>

namespace subterra {

// Each line's key and its words, in the text's order.
std::vector<std::pair<std::string, std::vector<std::string>>> readWordTable(const char* text);

}  // namespace subterra
