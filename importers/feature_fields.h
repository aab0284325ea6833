#pragma once
// Reading mapped fields from OGR features, with validation that produces Problems, not crashes.
#include <optional>
#include <string>

#include "attribute_mapping.h"
#include "problem.h"

class OGRFeature;

namespace subterra {

// Where a feature sits, for messages: file, layer and feature id.
struct FeatureContext {
    const std::string& file;
    const std::string& layer;
    std::string featureId;
    Problems& problems;

    void warn(const std::string& message) const;
};

// A number for messages: "80000", "0.15", "-100" (not std::to_string's "80000.000000").
std::string formatNumber(double value);

// The field's text, or "" when unmapped, missing or null.
std::string readText(OGRFeature& feature, const FieldRef* ref);

// A raw number from a mapped field (unit NOT applied). nullopt when unmapped, null or empty;
// a warning when the text is not a number or not finite.
std::optional<double> readNumber(OGRFeature& feature, const FieldRef* ref, const FeatureContext& context);

// A length in metres. `zeroIsMissing`: a 0 is treated as "not recorded" (sizes, depths), which is
// what 0 almost always means in utility data. Negative values are reported and dropped.
std::optional<double> readLengthM(OGRFeature& feature, const FieldRef* ref, const FeatureContext& context,
                                  bool zeroIsMissing);

// Beyond these a value is a missing-value code (-9999, 10000) or a unit error, not a depth or a
// level: it is ignored with a warning, and the next Z rule decides.
constexpr double kMaxDepthM = 100.0;                               // cover, depth below ground
constexpr double kLowestLevelM = -500.0, kHighestLevelM = 9000.0;  // no ground on Earth lies outside
// A depth below ground (cover, manhole depth) in metres, as readLengthM (0 = missing).
std::optional<double> readDepthM(OGRFeature& feature, const FieldRef* ref, const FeatureContext& context);
// An absolute level (invert, ground level) in metres.
std::optional<double> readLevelM(OGRFeature& feature, const FieldRef* ref, const FeatureContext& context);

}  // namespace subterra
