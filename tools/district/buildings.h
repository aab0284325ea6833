#pragma once
// Building footprints filling the blocks, and their water services and sewer laterals.
#include "networks.h"

namespace district {

void addBuildings(Tables& tables, Generation& generation);

}  // namespace district
