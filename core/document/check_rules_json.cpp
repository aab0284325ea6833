#include "check_rules_json.h"

namespace subterra {

namespace {
// "*" or a utility kind name; false (and an error) for anything else.
bool readKind(const JsonReader& entry, const nlohmann::json& value, std::optional<UtilityKind>& kind) {
    if (!value.is_string()) {
        entry.errorAt("between", "expected two utility kinds, e.g. [\"water\", \"sewer\"] or [\"*\", \"*\"]");
        return false;
    }
    const std::string text = value.get<std::string>();
    if (text == "*") {
        kind.reset();
        return true;
    }
    kind = parseUtilityKind(text);
    if (!kind)
        entry.errorAt("between", "unknown utility kind '" + text +
                                     "' (use water, sewer, storm, gas, power, telecom, heating, other or *)");
    return kind.has_value();
}

std::optional<ClearanceRule> readClearanceRule(const JsonReader& entry) {
    if (!entry.value().is_object()) {
        entry.error("expected {\"between\": [kind, kind], \"min_m\": metres}");
        return std::nullopt;
    }
    entry.warnUnknownKeys({"between", "min_m"});
    const auto min = entry.number("min_m");
    if (!entry.has("min_m")) entry.errorAt("min_m", "missing: the minimum clearance in metres");
    if (!entry.has("between")) entry.errorAt("between", "missing: two utility kinds, e.g. [\"water\", \"sewer\"]");
    if (!min || !entry.has("between")) return std::nullopt;
    if (*min < 0) {
        entry.errorAt("min_m", "must be 0 or more");
        return std::nullopt;
    }
    const auto& between = entry.at("between");
    if (!between.is_array() || between.size() != 2) {
        entry.errorAt("between", "expected two utility kinds, e.g. [\"water\", \"sewer\"]");
        return std::nullopt;
    }
    ClearanceRule rule;
    rule.minM = *min;
    if (!readKind(entry, between[0], rule.a) || !readKind(entry, between[1], rule.b)) return std::nullopt;
    return rule;
}

void readCover(const JsonReader& cover, CheckRules& rules) {
    if (!cover.value().is_object()) {
        cover.error("expected an object of minimum covers in metres, e.g. {\"water\": 1.0, \"*\": 0.5}");
        return;
    }
    rules.coverAnyM.reset();  // a cover table without "*" checks only the kinds it names
    for (const auto& item : cover.value().items()) {
        const auto value = cover.number(item.key().c_str());
        if (!value) continue;
        if (*value < 0) {
            cover.errorAt(item.key().c_str(), "must be 0 or more");
            continue;
        }
        if (item.key() == "*") {
            rules.coverAnyM = *value;
        } else if (auto kind = parseUtilityKind(item.key())) {
            rules.coverM[*kind] = *value;
        } else {
            cover.errorAt(item.key().c_str(),
                          "unknown utility kind (use water, sewer, storm, gas, power, telecom, heating, other or *)");
        }
    }
}
}  // namespace

nlohmann::json checkRulesToJson(const CheckRules& rules) {
    nlohmann::json clearance = nlohmann::json::array();
    for (const auto& rule : rules.clearance)
        clearance.push_back({{"between", {kindName(rule.a), kindName(rule.b)}}, {"min_m", rule.minM}});
    nlohmann::json cover = nlohmann::json::object();
    for (const auto& [kind, metres] : rules.coverM) cover[toString(kind)] = metres;
    if (rules.coverAnyM) cover["*"] = *rules.coverAnyM;
    return {{"clearance", clearance}, {"cover", cover}};
}

CheckRules readCheckRules(const JsonReader& checks) {
    CheckRules rules;
    if (!checks.value().is_object()) {
        checks.error("expected an object with \"clearance\" and/or \"cover\"");
        return rules;
    }
    checks.warnUnknownKeys({"clearance", "cover"});
    if (checks.has("clearance")) {
        const JsonReader list = checks.child("clearance");
        if (!list.value().is_array()) {
            list.error("expected an array of {\"between\": [kind, kind], \"min_m\": metres}");
        } else {
            rules.clearance.clear();
            for (size_t i = 0; i < list.value().size(); ++i)
                if (auto rule = readClearanceRule(list.element(i))) rules.clearance.push_back(*rule);
        }
    }
    if (checks.has("cover")) readCover(checks.child("cover"), rules);
    return rules;
}

void readChecksSection(const JsonReader& root, CheckRules& rules) {
    if (root.has("checks")) rules = readCheckRules(root.child("checks"));
}

void writeChecksSection(nlohmann::json& root, const CheckRules& rules) {
    Problems ignored;
    const CheckRules asWritten =
        root.contains("checks") ? readCheckRules(JsonReader(root["checks"], "$.checks", "", ignored)) : CheckRules{};
    if (rules != asWritten) root["checks"] = checkRulesToJson(rules);
}

}  // namespace subterra
