#pragma once
// JSON text -> nlohmann::json without exceptions escaping: every JSON input (project files,
// CityJSON, viewer scripts) is parsed here, so that a syntax error, a number beyond double range
// ("1e400": nlohmann throws out_of_range, not parse_error) or absurd nesting becomes one Problem
// naming the file, the line and column, and the reason.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "problem.h"

namespace subterra {

// Deeper nesting is refused before parsing: nlohmann parses iteratively, but dump() and the
// readers walking the document recurse, and 100,000 levels overflow the stack. Real files nest
// fewer than 10 levels (CityJSON's CompositeSolid boundaries: 6).
inline constexpr int kMaxJsonDepth = 256;

// Offset of the first '[' or '{' that opens level `maxDepth + 1` (strings skipped); nullopt when
// `text` nests no deeper than `maxDepth`.
std::optional<size_t> jsonNestingBeyond(const std::string& text, int maxDepth);

// "line 3, column 14" for a byte offset into `text` (both 1-based).
std::string lineColumnAt(const std::string& text, size_t offset);

// The parsed document, or nullopt with one Error in `problems`: {path, "line L, column C", "not
// valid JSON: <reason>"}. `callback` is nlohmann's parser callback (may be null).
std::optional<nlohmann::json> parseJsonText(const std::string& path, const std::string& text, Problems& problems,
                                            const nlohmann::json::parser_callback_t& callback = nullptr);

}  // namespace subterra
