#pragma once
// Measurement values and the 3D lines that show them (a dimension line with a label).
#include <optional>
#include <string>
#include <vector>

#include "annotations.h"
#include "model.h"

namespace subterra {

struct MeasuredLine {
    Vec3d from, to;
};

struct MeasuredValue {
    double valueM = 0;
    Vec3d from, to;                     // the dimension line; its label sits at the middle
    std::vector<MeasuredLine> helpers;  // extension lines (e.g. the vertical leg of a horizontal distance)
    std::string label;                  // "12.34 m", "clear 0.42 m", "1.85 m below ground"
};

// Clear distance between two pipes, the same value as `subterra check` (clearanceBetween in
// geometry_distance.h): outer surface to outer surface, boxes as boxes. Negative when they overlap.
// from/to: the dimension line along the line joining the closest centre points, from the surface
// of the first.
MeasuredValue clearDistance(const Segment& first, const Segment& second);

// The measurement's value and geometry. A clearance whose pipe a has a point ("at") is measured
// within 1 m of that point along pipe a (parallel pipes are equally close everywhere), else
// wherever the pipes come closest. nullopt with `error` naming the feature or point at fault.
std::optional<MeasuredValue> measure(const Model& model, const Measurement& measurement, std::string& error);

}  // namespace subterra
