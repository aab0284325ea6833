#pragma once
// The project file's "checks" object: clearance and cover rules (docs/project-format.md).
#include <nlohmann/json.hpp>

#include "check_rules.h"
#include "json_reader.h"

namespace subterra {

// The section's reader and writer (the convention of every project section, project_sections.h):
// reads "checks" from the document `root` (defaults when absent), wrong entries reported with
// their JSON path and left out; writes the rules back only when they differ from what the
// document holds, so a file whose rules were never edited keeps them exactly as written (a
// malformed entry included, for its author to fix).
void readChecksSection(const JsonReader& root, CheckRules& rules);
void writeChecksSection(nlohmann::json& root, const CheckRules& rules);

// The "checks" object itself, and the rules as that object.
CheckRules readCheckRules(const JsonReader& checks);
nlohmann::json checkRulesToJson(const CheckRules& rules);

}  // namespace subterra
