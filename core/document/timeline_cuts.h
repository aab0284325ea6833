#pragma once
// Section and excavation tracks applied to a project's cuts (timeline_parameters.h): a pure
// function of the evaluated parameters, so a frame's cuts depend on its time only.
#include <map>
#include <string>
#include <vector>

#include "cuts.h"

namespace subterra {

// Below this size or depth (metres) an opening excavation counts as closed (not drawn).
constexpr double kClosedExcavationM = 0.05;

// `base` with the section.* and excavation.* values of `parameters` (by target path) applied.
Cuts animatedCuts(const Cuts& base, const std::map<std::string, std::vector<double>>& parameters);

// Same enabled cuts at the same places (what applyCuts draws).
bool sameCuts(const Cuts& a, const Cuts& b);

}  // namespace subterra
