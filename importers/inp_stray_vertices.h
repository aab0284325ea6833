#pragma once
// [VERTICES] written in another unit or frame than [COORDINATES] (a real file had vertices in
// metres beside nodes in feet) lie hundreds of kilometres from both ends of their link, and would
// stretch the whole scene to reach them.
#include "inp_network.h"

namespace subterra {

// Drops every vertex of a link that has one farther outside the nodes' extent than that extent
// is wide (so the link is drawn straight between its nodes) and reports all such links in one
// warning. Returns how many links lost their vertices.
size_t dropStrayVertices(InpNetwork& network);

}  // namespace subterra
