#pragma once
// What the importers saw, as JSON (`subterra info --json`) and as text for people.
#include <nlohmann/json.hpp>
#include <string>

#include "scene_inputs.h"

namespace subterra {

nlohmann::json loadReportJson(const LoadedInputs& inputs);
std::string loadReportText(const nlohmann::json& report);

}  // namespace subterra
