#pragma once
// The project file's "annotations" object (docs/project-format.md).
#include <nlohmann/json.hpp>

#include "annotations.h"
#include "json_reader.h"

namespace subterra {

// The section's reader and writer (the convention of every project section, project_sections.h):
// reads "annotations" from the document `root`, bad entries reported with their JSON path and
// skipped, the good ones kept; writes them back (only what differs from the defaults), keeping
// keys this version does not know, and drops the key when nothing is left in it.
void readAnnotationsSection(const JsonReader& root, Annotations& annotations);
void writeAnnotationsSection(nlohmann::json& root, const Annotations& annotations);

}  // namespace subterra
