#pragma once
// Finding features: by id (exact, else part of it) or by a small attribute expression such as
//   material = 'cast iron' and year < 1960
// Clauses are FIELD OP VALUE joined by "and"; OP is one of = != < <= > >=; VALUE is a number or
// a quoted or bare word. Fields: id, layer, utility, kind, material, year, diameter (mm), status,
// depth_source (measured, invert, cover, assumed), or any source attribute by name. Numbers
// compare as numbers, text case-insensitively. A field that is none of these and no feature's
// attribute is an error naming it and the fields there are (not "0 matches"). No UI: the Find box
// and the tests use it.
#include <string>
#include <vector>

#include "model.h"

namespace subterra {

struct SearchHit {
    std::string layer;
    std::string id;
    FeatureKind kind = FeatureKind::Any;  // EPANET/SWMM layers may hold a node and a link of one id
};

struct SearchResult {
    std::vector<SearchHit> hits;  // in model order: segments, nodes, buildings
    std::string error;            // set when the expression cannot be read or names an unknown field
};

SearchResult searchFeatures(const Model& model, const std::string& query);

}  // namespace subterra
