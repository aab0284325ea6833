#pragma once
// SWMM [SUBCATCHMENTS] with their dominant land use ([COVERAGES]) and outline ([POLYGONS]), read
// into InpNetwork::areas; assembleNetwork() turns them into ground patches.
#include "inp_network.h"

namespace subterra {

void readSubcatchments(const InpFile& file, InpNetwork& network);

}  // namespace subterra
