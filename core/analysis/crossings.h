#pragma once
// The planner's question "what crosses this pipe": every other line that crosses one line in plan,
// or comes within a distance of it (the project's largest clearance rule), with the clear distance
// `subterra check` uses (clearDistance of measurements.h), which of the two is above and by how
// much, sorted along the line. No OSG: the viewer's Crossings section and the tests share it.
#include <optional>
#include <vector>

#include "check_rules.h"
#include "model.h"

namespace subterra {

struct Crossing {
    size_t other = 0;                 // index into Model::segments
    double alongM = 0;                // plan distance along the line from its first point to `at`
    int planCrossings = 0;            // how often the two centrelines cross in plan (0: only near)
    double clearanceM = 0;            // outer surface to outer surface, as `subterra check` (negative = overlap)
    std::optional<double> requiredM;  // the project's rule for the two utility kinds; none = no rule
    Vec3d at;                         // on the line's centreline: the plan crossing, else the closest point
    Vec3d otherAt;                    // on the other's centreline, above or below `at` at a crossing
    bool otherAbove = false;          // the other line's centreline is higher there
    // Vertical clear gap there: bottom of the upper line's outside minus top of the lower's
    // (negative when they overlap in height).
    double verticalGapM = 0;
    bool breaksRule() const { return requiredM && clearanceM < *requiredM - 1e-9; }
};

// Every line other than `line` (an index into model.segments) that crosses it in plan or whose
// clear distance is under `withinM`; one entry per other line, at the plan crossing nearest to where
// the two come closest. Sorted by alongM. Cost: one bounding-box test per line of the model (a
// query, not all pairs: about a millisecond for 100k lines), then clearDistance for those whose
// boxes come within `withinM`.
std::vector<Crossing> findCrossings(const Model& model, size_t line, double withinM, const CheckRules& rules);

}  // namespace subterra
