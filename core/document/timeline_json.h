#pragma once
// The project file's "timeline" object (docs/project-format.md#timeline-explainer-animation).
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "json_reader.h"
#include "timeline.h"

namespace subterra {

// The section's reader and writer (the convention of every project section, project_sections.h):
// reads "timeline" from the document `root` when it is there, checking the names its tracks use
// (layers, sections, excavations, annotation ids); writes it back, or leaves the key alone when
// there is no timeline.
void readTimelineSection(const JsonReader& root, const TimelineNames& names, std::optional<Timeline>& timeline);
void writeTimelineSection(nlohmann::json& root, const std::optional<Timeline>& timeline);

// The "timeline" object itself; `layerNames` are the project's layers (targets are checked
// against them). Problems carry JSON paths ("$.timeline.tracks[2].keys[1].t: ...").
std::optional<Timeline> readTimeline(const JsonReader& json, const std::vector<std::string>& layerNames);
// The same, also checking section, excavation and annotation names (and camera.follow layers).
std::optional<Timeline> readTimeline(const JsonReader& json, const TimelineNames& names);
// The timeline as written in the project file (keys in the same form readTimeline takes).
nlohmann::json timelineToJson(const Timeline& timeline);

}  // namespace subterra
