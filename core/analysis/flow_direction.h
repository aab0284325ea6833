#pragma once
// Which way water runs in each pipe, for the flow pulses and for reveals that grow along the flow.
//  - gravity pipes (sewer, storm): downhill, from the higher end (points' z: the inverts) to the lower;
//  - pressure pipes (water, EPANET links): the sign of a per-feature result attribute ("flow" unless
//    the track names another; negative = against the digitised direction);
//  - otherwise: the digitised direction.
#include <map>
#include <string>
#include <vector>

#include "model.h"

namespace subterra {

// Attribute looked up (case-insensitively) when a track names none.
constexpr const char* kDefaultFlowAttribute = "flow";

// True when the flow runs from the segment's last point to its first.
bool flowReversed(const Segment& segment, const std::string& flowAttribute = "");

// Reveal distances that follow the flow: each pipe starts growing when the flow, coming from the
// network's sources (pipe ends no other pipe flows into), reaches its upstream end. Ends closer
// than 0.5 m in plan are joined.
class FlowOrder {
  public:
    FlowOrder(const std::vector<const Segment*>& segments, const std::string& flowAttribute);
    double upstreamDistance(size_t segment) const { return start_[segment]; }  // metres along the flow
    // A node's: the smallest at a pipe end within about 0.5 m, else 0.
    double distanceAt(const Vec3d& position) const;

  private:
    using Cell = std::pair<long long, long long>;
    static Cell cellOf(const Vec3d& p);
    std::vector<double> start_;
    std::map<Cell, double> ends_;  // smallest flow distance at the pipe ends in each cell
};

}  // namespace subterra
