#include "word_table.h"

#include <sstream>

namespace subterra {

std::vector<std::pair<std::string, std::vector<std::string>>> readWordTable(const char* text) {
    std::vector<std::pair<std::string, std::vector<std::string>>> table;
    std::istringstream lines(text);
    std::string line;
    while (std::getline(lines, line)) {
        std::istringstream words(line);
        std::string key, word;
        if (!(words >> key) || key[0] == '#') continue;
        auto& entry = table.emplace_back(key, std::vector<std::string>{});
        while (words >> word) entry.second.push_back(word);
    }
    return table;
}

}  // namespace subterra
