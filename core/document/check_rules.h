#pragma once
// The project's clearance and cover rules ("checks" in the project file, docs/project-format.md).
#include <array>
#include <map>
#include <optional>
#include <vector>

#include "model.h"

namespace subterra {

struct ClearanceRule {
    std::optional<UtilityKind> a, b;  // nullopt = "*" (any utility)
    double minM = 0;                  // outer surface to outer surface
    bool operator==(const ClearanceRule& o) const { return a == o.a && b == o.b && minM == o.minM; }
};

struct CheckRules {
    // Defaults are a clash check (0.1 m between any two lines, 0.3 m cover): local regulations differ
    // too much for one stricter default, so a project states its own (e.g. water-sewer 1.0 m).
    std::vector<ClearanceRule> clearance{{std::nullopt, std::nullopt, 0.1}};
    std::map<UtilityKind, double> coverM;   // per utility kind
    std::optional<double> coverAnyM = 0.3;  // "*": every other kind; nullopt = not checked

    // The rule that applies to a pair: a rule naming both kinds beats one with "*", which beats "*"-"*".
    // nullopt when no rule covers the pair.
    std::optional<double> clearanceFor(UtilityKind a, UtilityKind b) const;
    std::optional<double> coverFor(UtilityKind kind) const;
    double largestClearanceM() const;
    bool operator==(const CheckRules& o) const {
        return clearance == o.clearance && coverM == o.coverM && coverAnyM == o.coverAnyM;
    }
    bool operator!=(const CheckRules& o) const { return !(*this == o); }
};

// The name a rule uses for a kind: "*" for any.
std::string kindName(const std::optional<UtilityKind>& kind);

}  // namespace subterra
