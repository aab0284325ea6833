#include "gis_layer_options.h"

#include <fnmatch.h>
#include <regex>

namespace subterra {

const DxfLayerRule* findDxfLayerRule(const GisLayerOptions& options, const std::string& dxfLayer) {
    const DxfLayerRule* best = nullptr;
    for (const auto& rule : options.dxfLayers)
        if (fnmatch(rule.pattern.c_str(), dxfLayer.c_str(), FNM_CASEFOLD) == 0 &&
            (!best || rule.pattern.size() > best->pattern.size()))
            best = &rule;
    return best;
}

std::optional<double> diameterFromLayerName(const std::string& pattern, const std::string& dxfLayer) {
    if (pattern.empty()) return std::nullopt;
    try {
        std::smatch match;
        const std::regex expression(pattern, std::regex::icase);
        if (!std::regex_search(dxfLayer, match, expression) || match.size() < 2) return std::nullopt;
        const double value = std::stod(match[1].str());
        return value > 0 ? std::optional<double>(value) : std::nullopt;
    } catch (const std::exception&) {  // bad pattern (checked when the project is read) or number
        return std::nullopt;
    }
}

}  // namespace subterra
