#pragma once
// Finding generated pipes by where they lie, so the explainer can name real feature ids.
#include <string>
#include <vector>

#include "table.h"

namespace district {

// Ids (PIPE_ID) of the pipes lying on the line y = `y` between x `fromX` and `toX`, west to east.
std::vector<std::string> pipesAlongY(const Table& table, double y, double fromX, double toX);
// Id of the pipe passing nearest to (x, y) in plan.
std::string pipeNearest(const Table& table, double x, double y);

}  // namespace district
