#pragma once
// The shortest run of lines between two nodes (manholes, valves...) of a network. Lines carry no
// node references in the neutral model, so the network is the lines' end points joined where they
// meet (within a tolerance), and a node sits on the line end nearest to it.
#include <optional>
#include <string>
#include <vector>

#include "model.h"

namespace subterra {

// Ids of the lines from node `fromId` to node `toId`, in order, along lines of the start node's
// utility (any line when it has none), shortest in plan length. nullopt + a one-line `error` when a
// node is unknown, has no line end near it, or the two are not connected.
std::optional<std::vector<std::string>> routeBetweenNodes(const Model& model, const std::string& fromId,
                                                          const std::string& toId, std::string& error);

}  // namespace subterra
