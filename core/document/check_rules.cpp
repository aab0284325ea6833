#include "check_rules.h"

#include <algorithm>

namespace subterra {

namespace {
int specificity(const ClearanceRule& rule) { return int(rule.a.has_value()) + int(rule.b.has_value()); }

bool matches(const std::optional<UtilityKind>& ruleKind, UtilityKind kind) { return !ruleKind || *ruleKind == kind; }

}  // namespace

std::optional<double> CheckRules::clearanceFor(UtilityKind a, UtilityKind b) const {
    const ClearanceRule* best = nullptr;
    for (const auto& rule : clearance) {
        const bool applies = (matches(rule.a, a) && matches(rule.b, b)) || (matches(rule.a, b) && matches(rule.b, a));
        if (applies && (!best || specificity(rule) > specificity(*best))) best = &rule;
    }
    if (!best) return std::nullopt;
    return best->minM;
}

std::optional<double> CheckRules::coverFor(UtilityKind kind) const {
    auto it = coverM.find(kind);
    if (it != coverM.end()) return it->second;
    return coverAnyM;
}

double CheckRules::largestClearanceM() const {
    double largest = 0;
    for (const auto& rule : clearance) largest = std::max(largest, rule.minM);
    return largest;
}

std::string kindName(const std::optional<UtilityKind>& kind) { return kind ? toString(*kind) : "*"; }

}  // namespace subterra
