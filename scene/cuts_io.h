#pragma once
// The project file's "sections", "excavations" and "strata" (docs/project-format.md).
#include <nlohmann/json.hpp>

#include "cuts.h"
#include "json_reader.h"

namespace subterra {

// Reads whichever of the three keys `root` has; bad entries are reported with their JSON path
// and skipped, the good ones kept.
void readCuts(const JsonReader& root, Cuts& cuts);
// One entry of "sections" / "excavations" (`index` names it when it has no name); nullopt after
// reporting what is wrong with it.
std::optional<SectionPlane> readSection(const JsonReader& entry, size_t index);
std::optional<Excavation> readExcavation(const JsonReader& entry, size_t index);

// Writes the cuts into a project document (keys of entries this version does not know are kept
// where the entry keeps its position).
void writeCuts(nlohmann::json& document, const Cuts& cuts);

}  // namespace subterra
