#include "layer_names.h"

#include <cctype>
#include <map>
#include <vector>

#include "word_table.h"

namespace subterra {

namespace {
const char* const kNameTable =
#include "layer_names.inc"
    ;

struct TableEntry {
    LayerTheme theme;
    std::optional<UtilityKind> utility;
};

std::optional<TableEntry> entryForTheme(const std::string& theme) {
    if (theme == "road") return TableEntry{LayerTheme::Road, std::nullopt};
    if (theme == "parcel") return TableEntry{LayerTheme::Parcel, std::nullopt};
    if (theme == "waterbody") return TableEntry{LayerTheme::WaterBody, std::nullopt};
    if (theme == "skip") return TableEntry{LayerTheme::Skip, std::nullopt};
    if (auto kind = parseUtilityKind(theme)) return TableEntry{LayerTheme::Utility, kind};
    return std::nullopt;
}

// word -> what it stands for
const std::map<std::string, TableEntry>& nameTable() {
    static const auto table = [] {
        std::map<std::string, TableEntry> result;
        for (const auto& [theme, words] : readWordTable(kNameTable)) {
            const auto entry = entryForTheme(theme);
            if (!entry) continue;  // a typo: the layer-names tests read a word of every theme
            for (const auto& word : words) result.emplace(word, *entry);
        }
        return result;
    }();
    return table;
}

// "wMain_2DPipes" -> w, main, d, pipes: lower-case words split at separators, digits and camel case.
std::vector<std::string> wordsOf(const std::string& name) {
    std::vector<std::string> words;
    std::string word;
    auto flush = [&] {
        if (!word.empty()) words.push_back(word);
        word.clear();
    };
    for (size_t i = 0; i < name.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(name[i]);
        if (!std::isalpha(c)) {
            flush();
            continue;
        }
        const bool upper = std::isupper(c);
        const bool afterLower = i > 0 && std::islower(static_cast<unsigned char>(name[i - 1]));
        const bool startsWord =  // "XMLFile": the F starts a word, as the L of "XML" does not
            i > 0 && std::isupper(static_cast<unsigned char>(name[i - 1])) && i + 1 < name.size() &&
            std::islower(static_cast<unsigned char>(name[i + 1]));
        if (upper && (afterLower || startsWord)) flush();
        word += char(std::tolower(c));
    }
    flush();
    return words;
}

// "gullies" -> "gully", "mains" -> "main"; a word that is no plural comes back as it is.
std::string singular(const std::string& word) {
    if (word.size() > 4 && word.compare(word.size() - 3, 3, "ies") == 0) return word.substr(0, word.size() - 3) + "y";
    if (word.size() > 3 && word.back() == 's' && word[word.size() - 2] != 's') return word.substr(0, word.size() - 1);
    return word;
}

// The table's entry for the word or its singular; `form` is set to the one in the table.
const TableEntry* lookUp(const std::string& word, std::string& form) {
    for (const std::string& candidate : {word, singular(word)}) {
        auto it = nameTable().find(candidate);
        if (it == nameTable().end()) continue;
        form = candidate;
        return &it->second;
    }
    return nullptr;
}

// ESRI's utility data models prefix their classes: wMain, ssGravityMain, swInlet.
std::optional<UtilityKind> esriPrefix(const std::string& name, const std::vector<std::string>& words) {
    if (words.size() < 2 || name.empty() || !std::islower(static_cast<unsigned char>(name[0]))) return std::nullopt;
    if (words[0] == "w") return UtilityKind::Water;
    if (words[0] == "ss") return UtilityKind::Sewer;
    if (words[0] == "sw") return UtilityKind::Storm;
    return std::nullopt;
}
}  // namespace

const char* toString(LayerTheme theme) {
    switch (theme) {
        case LayerTheme::Utility: return "utility";
        case LayerTheme::Road: return "road";
        case LayerTheme::Parcel: return "parcel";
        case LayerTheme::WaterBody: return "water body";
        case LayerTheme::Skip: return "skip";
    }
    return "utility";
}

std::optional<NameReading> readLayerName(const std::string& name) {
    const std::vector<std::string> words = wordsOf(name);
    if (auto kind = esriPrefix(name, words)) return NameReading{LayerTheme::Utility, kind, words[0]};
    // Runs of neighbouring words, longest first; a word inside a run already matched is taken.
    std::vector<bool> covered(words.size(), false);
    std::optional<NameReading> context;
    for (size_t length = std::min<size_t>(3, words.size()); length >= 1; --length) {
        for (size_t first = 0; first + length <= words.size(); ++first) {
            bool free = true;
            std::string joined, form;
            for (size_t i = first; i < first + length; ++i) free = free && !covered[i], joined += words[i];
            const TableEntry* entry = free ? lookUp(joined, form) : nullptr;
            if (!entry) continue;
            if (entry->theme == LayerTheme::Utility) return NameReading{entry->theme, entry->utility, form};
            context = NameReading{entry->theme, std::nullopt, form};  // the last word names the thing
            for (size_t i = first; i < first + length; ++i) covered[i] = true;
        }
    }
    return context;
}

std::optional<UtilityKind> utilityFromName(const std::string& name) {
    if (auto kind = parseUtilityKind(name)) return kind;
    const auto reading = readLayerName(name);
    return reading ? reading->utility : std::nullopt;
}

}  // namespace subterra
