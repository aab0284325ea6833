#pragma once
// Label templates: "{material} DN{diameter_mm} · {depth_m:.1f} m" filled from a feature's fields.
//   {name}        the field's text
//   {name:SPEC}   a number formatted like Python's format spec: [width][.precision][f|d|e|g]
//   {{ and }}     literal braces
// A missing field becomes "?" and is reported; a malformed template renders as written, with an error.
#include <map>
#include <string>
#include <vector>

#include "model.h"

namespace subterra {

struct FeatureRef;

using TemplateFields = std::map<std::string, std::string>;

// A feature's source attributes plus derived fields (derived win on a name clash):
//   all:      id, layer
//   segments: utility, material, status, install_year, diameter_mm, diameter_m, length_m (3D),
//             depth_m (centreline below ground, mean of both ends), cover_m (top of pipe, mean)
//   nodes:    utility, kind, depth_m (ground - invert), ground_z, invert_z, size_m
//   buildings: height_m, basement_depth_m
TemplateFields featureFields(const Model& model, const FeatureRef& feature);

struct FormattedText {
    std::string text;
    std::vector<std::string> missingFields;  // in order of appearance, each once
    std::string error;                       // malformed template or format spec; empty when fine
};

FormattedText formatTemplate(const std::string& pattern, const TemplateFields& fields);

// True when `text` holds at least one {field} (a plain callout text then needs no feature).
bool hasTemplateFields(const std::string& text);

}  // namespace subterra
