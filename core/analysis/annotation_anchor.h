#pragma once
// Where an annotation anchor is in the model (project CRS).
#include <optional>
#include <string>

#include "annotations.h"
#include "model.h"

namespace subterra {

// A free point as is. On a pipe or cable: the centreline point nearest (in plan) to the anchor's
// point, so that a point picked on the pipe's surface or written without a known z lands on it;
// without a point, the middle of its centreline (by plan length). On a node or building: the point
// when given; else the node's top at ground level, or the building's footprint centre at the roof.
// nullopt with `error` ("layer 'water' has no feature 'W-9'") when the feature is missing.
std::optional<Vec3d> anchorPosition(const Model& model, const AnnotationAnchor& anchor, std::string& error);

// "water/W-12" or "(x, y, z)", for messages.
std::string describeAnchor(const AnnotationAnchor& anchor);

}  // namespace subterra
