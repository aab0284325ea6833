#pragma once
// One OGR feature -> model features, per feature type. Bad values become warnings on that feature.
#include <optional>
#include <vector>

#include "crs.h"
#include "depth_rules.h"
#include "ground_evidence.h"
#include "layer_report.h"
#include "problem.h"

class OGRFeature;

namespace subterra {

struct ConversionContext {
    const std::string& file;
    const std::string& layer;
    UtilityKind layerUtility;
    const AttributeMapping& mapping;
    const GroundFunction& groundAt;
    const CrsTransform& transform;
    Problems& problems;
    GroundEvidence& ground;  // nodes with a stated ground level, buildings with a real base height
};

// A segment whose diameter unit and depth are settled once the whole layer is read (the unit of a
// guessed diameter field is inferred from its values).
struct PendingSegment {
    Segment segment;
    bool hasRealZ = false;
    SegmentLevels levels;
    std::optional<double> rawDiameter;
};

// Each returns the number of model features made (0 = the feature was skipped, with a problem).
int convertLineFeature(OGRFeature& feature, const ConversionContext& context, std::vector<PendingSegment>& out);
int convertPointFeature(OGRFeature& feature, const ConversionContext& context, std::vector<Node>& out);
int convertPolygonFeature(OGRFeature& feature, const ConversionContext& context, std::vector<Building>& out);
// Context on the ground (roads, parcels, streams): polygons as they are, lines widened to a band
// `lineWidthM` wide (or the feature's mapped width), each a ground patch of `kind`.
int convertGroundCoverFeature(OGRFeature& feature, const ConversionContext& context, PatchKind kind, double lineWidthM,
                              std::vector<GroundPatch>& out);

// Settles diameters (inferring the unit of a guessed field), applies the Z rules and fills the
// report's counts.
std::vector<Segment> finishSegments(std::vector<PendingSegment> pending, const ConversionContext& context,
                                    LayerReport& report);

}  // namespace subterra
