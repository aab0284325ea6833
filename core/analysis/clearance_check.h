#pragma once
// Clearance and cover checks over a whole network (`subterra check`, render --check, the viewer).
//
// Clearance: for every two lines, the smallest distance outer surface to outer surface between their
// centreline pieces (see segment_distance.h; boxes use their support along the closest direction),
// compared with the rule for their two utility kinds. Lines that are connected are not compared: two
// lines of one utility kind where an end of one lies on the other (consecutive pipes, a service
// tapped into its main, a lateral entering its sewer) or their ends meet in plan (a drop at a
// manhole); nor are two lines that both end on a third line of their kind where they come closest
// (two services tapped side by side, laterals entering a sewer from both sides). A spatial grid over the pieces keeps this near-linear (100k lines in seconds).
// Cover: ground (Model::groundAt) minus the top of the pipe, at every vertex and at least every 5 m.
#include <string>
#include <vector>

#include "check_rules.h"
#include "model.h"

namespace subterra {

struct ClearanceViolation {
    size_t a = 0, b = 0;   // indices into Model::segments, a < b
    double distanceM = 0;  // outer surface to outer surface; negative = the two overlap
    double requiredM = 0;
    Vec3d pointA, pointB;  // closest points on the two centrelines
};

struct CoverViolation {
    size_t segment = 0;
    double coverM = 0;  // ground minus top of pipe, the smallest along the line
    double requiredM = 0;
    Vec3d point;  // centreline point where the cover is smallest
};

struct CheckResults {
    std::vector<ClearanceViolation> clearance;  // ordered by id pair
    std::vector<CoverViolation> cover;          // ordered by id
    size_t piecesIndexed = 0;
    size_t piecePairsTested = 0;
    bool any() const { return !clearance.empty() || !cover.empty(); }
};

CheckResults checkClearances(const Model& model, const CheckRules& rules);
std::vector<CoverViolation> checkCover(const Model& model, const CheckRules& rules);
CheckResults runChecks(const Model& model, const CheckRules& rules);

// Whether two lines are connected (and so never reported against each other), as described above.
bool segmentsConnected(const Segment& a, const Segment& b);

}  // namespace subterra
