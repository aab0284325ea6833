#pragma once
// Cuts given on the command line, for quick looks without editing the project:
//   --section x1,y1,x2,y2      vertical, along a plan line (its left side is cut away)
//   --section z=LEVEL          horizontal, everything above LEVEL cut away
//   --section x,y,z,nx,ny,nz   any plane through a point, the normal's side cut away
//   --excavation cx,cy,sx,sy,depth[,rotation_deg]
#include <optional>
#include <string>

#include "cuts.h"

namespace subterra {

std::optional<SectionPlane> parseSectionArgument(const std::string& text, std::string& error);
std::optional<Excavation> parseExcavationArgument(const std::string& text, std::string& error);

}  // namespace subterra
