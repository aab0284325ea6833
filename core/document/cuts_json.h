#pragma once
// The project file's "sections", "excavations" and "strata" (docs/project-format.md).
#include <nlohmann/json.hpp>

#include "cuts.h"
#include "json_reader.h"

namespace subterra {

// The section's reader and writer (the convention of every project section, project_sections.h):
// reads whichever of the three keys the document `root` has, bad entries reported with their JSON
// path and skipped, the good ones kept; writes them back keeping keys this version does not know.
void readCutsSection(const JsonReader& root, Cuts& cuts);
void writeCutsSection(nlohmann::json& root, const Cuts& cuts);
// One entry of "sections" / "excavations" (`index` names it when it has no name); nullopt after
// reporting what is wrong with it.
std::optional<SectionPlane> readSection(const JsonReader& entry, size_t index);
std::optional<Excavation> readExcavation(const JsonReader& entry, size_t index);

}  // namespace subterra
