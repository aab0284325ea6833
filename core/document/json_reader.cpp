#include "json_reader.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace subterra {

std::optional<std::string> JsonReader::string(const char* key) const {
    if (!has(key)) return std::nullopt;
    const auto& v = value_.at(key);
    if (v.is_string()) return v.get<std::string>();
    errorAt(key, "expected a string, found " + std::string(v.type_name()));
    return std::nullopt;
}

std::optional<double> JsonReader::number(const char* key) const {
    if (!has(key)) return std::nullopt;
    const auto& v = value_.at(key);
    if (v.is_number() && std::isfinite(v.get<double>())) return v.get<double>();
    errorAt(key, "expected a number, found " + std::string(v.type_name()));
    return std::nullopt;
}

std::optional<bool> JsonReader::boolean(const char* key) const {
    if (!has(key)) return std::nullopt;
    const auto& v = value_.at(key);
    if (v.is_boolean()) return v.get<bool>();
    errorAt(key, "expected true or false, found " + std::string(v.type_name()));
    return std::nullopt;
}

std::optional<std::array<double, 3>> JsonReader::vec3(const char* key) const {
    if (!has(key)) return std::nullopt;
    const auto& v = value_.at(key);
    const bool ok = v.is_array() && v.size() == 3 &&
                    std::all_of(v.begin(), v.end(), [](const nlohmann::json& e) { return e.is_number(); });
    if (!ok) {
        errorAt(key, "expected an array of 3 numbers");
        return std::nullopt;
    }
    return std::array<double, 3>{v[0].get<double>(), v[1].get<double>(), v[2].get<double>()};
}

void JsonReader::warnUnknownKeys(std::initializer_list<const char*> known) const {
    if (!value_.is_object()) return;
    for (const auto& item : value_.items()) {
        const bool isKnown = std::any_of(known.begin(), known.end(), [&](const char* k) { return item.key() == k; });
        if (!isKnown) report(Severity::Warning, path_ + "." + item.key(), "unknown key (kept, but not used)");
    }
}

}  // namespace subterra
