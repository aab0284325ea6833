#pragma once
// Features of the model by layer and id, and the facts an inspector, a callout or a measurement
// derives from one. No scene graph: what a click hit comes from picking.h as a layer and an id.
#include <string>

#include "model.h"

namespace subterra {

// A feature of the model; exactly one pointer is set when found.
struct FeatureRef {
    const Segment* segment = nullptr;
    const Node* node = nullptr;
    const Building* building = nullptr;
    const GroundPatch* patch = nullptr;  // a SWMM subcatchment
    bool found() const { return segment || node || building || patch; }
    const std::string& layer() const;  // of the feature found; empty when none
    FeatureKind kind() const;          // Any when none
};
// The first feature of `layer` (empty: any layer) with that id, of `kind` unless Any.
FeatureRef findFeature(const Model& model, const std::string& layer, const std::string& id,
                       FeatureKind kind = FeatureKind::Any);

// Derived facts an inspector shows for a segment. Depths are below the ground at that end
// (the terrain, or the flat ground level); cover is to the pipe's top, depth to its centreline.
struct SegmentFacts {
    double length3dM = 0;
    double planLengthM = 0;
    double slopePercent = 0;  // (start z - end z) / plan length, positive falling along the line
    double depthStartM = 0, depthEndM = 0;
    double coverStartM = 0, coverEndM = 0;
};
SegmentFacts segmentFacts(const Model& model, const Segment& segment);

// The bounds of a feature (project CRS) for "focus selection"; invalid when not found.
Extent featureExtent(const FeatureRef& feature);

}  // namespace subterra
