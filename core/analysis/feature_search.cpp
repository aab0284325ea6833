#include "feature_search.h"

#include <algorithm>
#include <cctype>
#include <functional>
#include <map>
#include <optional>

namespace subterra {

namespace {
std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return text;
}

std::string trim(const std::string& text) {
    const size_t first = text.find_first_not_of(" \t");
    if (first == std::string::npos) return {};
    return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

std::optional<double> number(const std::string& text) {
    try {
        size_t used = 0;
        const double value = std::stod(text, &used);
        if (used == text.size()) return value;
    } catch (const std::exception&) {}
    return std::nullopt;
}

struct Clause {
    std::string field, op, value;
};

// "a = 1 and b < 'x y'" -> clauses; splits on " and " outside quotes.
bool parse(const std::string& query, std::vector<Clause>& clauses, std::string& error) {
    std::vector<std::string> parts;
    std::string current;
    char quote = 0;
    for (size_t i = 0; i < query.size(); ++i) {
        const char c = query[i];
        if (quote) {
            if (c == quote) quote = 0;
            current += c;
        } else if (c == '\'' || c == '"') {
            quote = c;
            current += c;
        } else if (lower(query.substr(i, 5)) == " and ") {
            parts.push_back(current);
            current.clear();
            i += 4;
        } else {
            current += c;
        }
    }
    parts.push_back(current);
    for (size_t n = 0; n < parts.size(); ++n) {
        const std::string part = trim(parts[n]);
        const size_t at = part.find_first_of("=<>!");
        if (at == std::string::npos || at == 0) {
            error = "clause " + std::to_string(n + 1) + " ('" + part + "'): expected FIELD OP VALUE, e.g. year < 1960";
            return false;
        }
        size_t end = at + 1;
        if (end < part.size() && part[end] == '=') ++end;
        Clause clause{lower(trim(part.substr(0, at))), part.substr(at, end - at), trim(part.substr(end))};
        if (clause.op == "!" || clause.op == "==") clause.op = clause.op == "==" ? "=" : "";
        if (clause.op.empty() || clause.value.empty()) {
            error = "clause " + std::to_string(n + 1) + " ('" + part + "'): expected FIELD OP VALUE, e.g. year < 1960";
            return false;
        }
        if (clause.value.size() >= 2 && (clause.value[0] == '\'' || clause.value[0] == '"') &&
            clause.value.back() == clause.value[0])
            clause.value = clause.value.substr(1, clause.value.size() - 2);
        clauses.push_back(clause);
    }
    return true;
}

bool compare(const std::string& actual, const Clause& clause) {
    const auto a = number(actual), b = number(clause.value);
    int order;
    if (a && b) order = *a < *b ? -1 : *a > *b ? 1 : 0;
    else {
        const std::string x = lower(actual), y = lower(clause.value);
        order = x < y ? -1 : x > y ? 1 : 0;
    }
    const std::string& op = clause.op;
    return (op == "=" && order == 0) || (op == "!=" && order != 0) || (op == "<" && order < 0) ||
           (op == "<=" && order <= 0) || (op == ">" && order > 0) || (op == ">=" && order >= 0);
}

const char* depthWord(DepthSource source) {
    switch (source) {
        case DepthSource::Measured3D: return "measured";
        case DepthSource::Invert: return "invert";
        case DepthSource::CoverDepth: return "cover";
        case DepthSource::Assumed: return "assumed";
    }
    return "";
}

std::optional<std::string> attribute(const std::map<std::string, std::string>& attributes, const std::string& field) {
    for (const auto& [key, value] : attributes)
        if (lower(key) == field) return value;
    return std::nullopt;
}

using Getter = std::function<std::optional<std::string>(const std::string& field)>;

bool matches(const std::vector<Clause>& clauses, const Getter& get) {
    for (const auto& clause : clauses) {
        const auto value = get(clause.field);
        if (!value || !compare(*value, clause)) return false;  // unknown values never match
    }
    return true;
}

std::optional<std::string> segmentField(const Segment& s, const std::string& f) {
    if (f == "id") return s.id;
    if (f == "layer") return s.layer;
    if (f == "utility") return std::string(toString(s.utility));
    if (f == "material") return s.material.empty() ? std::nullopt : std::optional<std::string>(s.material);
    if (f == "year")
        return s.installYear > 0 ? std::optional<std::string>(std::to_string(s.installYear)) : std::nullopt;
    if (f == "diameter")
        return s.section.diameterM > 0 ? std::optional<std::string>(std::to_string(s.section.diameterM * 1000))
                                       : std::nullopt;
    if (f == "status") return s.status;
    if (f == "depth_source") return std::string(depthWord(s.depthSource));
    return attribute(s.attributes, f);
}

std::optional<std::string> nodeField(const Node& n, const std::string& f) {
    if (f == "id") return n.id;
    if (f == "layer") return n.layer;
    if (f == "utility") return std::string(toString(n.utility));
    if (f == "kind") return std::string(toString(n.kind));
    if (f == "depth_source") return std::string(depthWord(n.depthSource));
    return attribute(n.attributes, f);
}

std::optional<std::string> buildingField(const Building& b, const std::string& f) {
    if (f == "id") return b.id;
    if (f == "layer") return b.layer;
    return attribute(b.attributes, f);
}

// The fields every feature of some kind has, as the header lists them.
const std::vector<std::string>& builtInFields() {
    static const std::vector<std::string> fields = {"id",   "layer",    "utility", "kind",        "material",
                                                    "year", "diameter", "status",  "depth_source"};
    return fields;
}

// Source attribute names of the model, each once, in the case the first feature wrote it.
std::vector<std::string> attributeNames(const Model& model) {
    std::map<std::string, std::string> names;  // lower case -> as written
    auto add = [&](const std::map<std::string, std::string>& attributes) {
        for (const auto& entry : attributes) names.emplace(lower(entry.first), entry.first);
    };
    for (const auto& s : model.segments) add(s.attributes);
    for (const auto& n : model.nodes) add(n.attributes);
    for (const auto& b : model.buildings) add(b.attributes);
    std::vector<std::string> out;
    for (const auto& entry : names) out.push_back(entry.second);
    return out;
}

// "no field 'depth'; fields: id, layer, ...; source attributes: DIAMETER, ..." or "" when every
// clause names a field some feature has (a field only some features have is fine: the others
// simply do not match).
std::string unknownFieldError(const Model& model, const std::vector<Clause>& clauses) {
    const std::vector<std::string> attributes = attributeNames(model);
    for (const auto& clause : clauses) {
        const auto& builtIn = builtInFields();
        if (std::find(builtIn.begin(), builtIn.end(), clause.field) != builtIn.end()) continue;
        if (std::any_of(attributes.begin(), attributes.end(),
                        [&](const std::string& name) { return lower(name) == clause.field; }))
            continue;
        std::string error = "no field '" + clause.field + "'; fields:";
        for (size_t i = 0; i < builtIn.size(); ++i) error += (i ? ", " : " ") + builtIn[i];
        if (!attributes.empty()) {
            constexpr size_t kListed = 24;
            error += "; source attributes:";
            for (size_t i = 0; i < attributes.size() && i < kListed; ++i) error += (i ? ", " : " ") + attributes[i];
            if (attributes.size() > kListed) error += " and " + std::to_string(attributes.size() - kListed) + " more";
        }
        return error;
    }
    return {};
}
}  // namespace

SearchResult searchFeatures(const Model& model, const std::string& query) {
    SearchResult result;
    const std::string text = trim(query);
    if (text.empty()) return result;
    std::vector<Clause> clauses;
    if (text.find_first_of("=<>!") == std::string::npos) {
        // An id: exact matches, else every id containing the text.
        for (const bool exact : {true, false}) {
            const std::string needle = lower(text);
            auto test = [&](const std::string& id) {
                return exact ? lower(id) == needle : lower(id).find(needle) != std::string::npos;
            };
            for (const auto& s : model.segments)
                if (test(s.id)) result.hits.push_back({s.layer, s.id, FeatureKind::Segment});
            for (const auto& n : model.nodes)
                if (test(n.id)) result.hits.push_back({n.layer, n.id, FeatureKind::Node});
            for (const auto& b : model.buildings)
                if (test(b.id)) result.hits.push_back({b.layer, b.id, FeatureKind::Building});
            if (!result.hits.empty()) break;
        }
        return result;
    }
    if (!parse(text, clauses, result.error)) return result;
    if (result.error = unknownFieldError(model, clauses); !result.error.empty()) return result;
    for (const auto& s : model.segments)
        if (matches(clauses, [&](const std::string& f) { return segmentField(s, f); }))
            result.hits.push_back({s.layer, s.id, FeatureKind::Segment});
    for (const auto& n : model.nodes)
        if (matches(clauses, [&](const std::string& f) { return nodeField(n, f); }))
            result.hits.push_back({n.layer, n.id, FeatureKind::Node});
    for (const auto& b : model.buildings)
        if (matches(clauses, [&](const std::string& f) { return buildingField(b, f); }))
            result.hits.push_back({b.layer, b.id, FeatureKind::Building});
    return result;
}

}  // namespace subterra
