#pragma once
// What an importer saw in one layer: reported by `subterra info`.
#include <array>
#include <map>
#include <string>
#include <vector>

#include "attribute_mapping.h"
#include "layer_spec.h"
#include "model.h"

namespace subterra {

struct LayerReport {
    std::string name;
    std::string source;
    std::string table;
    std::string driver;  // GDAL driver short name
    FeatureType type = FeatureType::Segments;
    std::string geometryType;  // as OGR names it
    UtilityKind utility = UtilityKind::Other;
    std::string sourceCrsWkt;  // empty = the source declares none
    long featuresRead = 0;
    long featuresImported = 0;
    Extent extent;                          // in the project CRS
    AttributeMapping mapping;               // what was used, guessed entries flagged
    std::vector<std::string> unusedFields;  // the source's fields no mapping role reads
    std::array<int, 4> depthSources{};      // segments (or nodes) per DepthSource
    int assumedSections = 0;                // segments whose size was not in the data
    // Formats that hold several kinds of feature (EPANET: junctions, tanks, pipes...) count each
    // kind here, in the file's own words; `info` lists them.
    std::map<std::string, long> countsByKind;
    // Facts the user should know about how the layer was read (units, Z rule, coordinate frame).
    std::vector<std::string> notes;
    std::string units;  // the units the source declares ("m", "ft"...); empty = not stated
};

}  // namespace subterra
