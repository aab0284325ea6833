#pragma once
// Default colours by utility kind, after the APWA uniform colour code used on street markings:
// water blue, sewer and storm green, gas yellow, power red, telecom orange. District heating has
// no APWA colour of its own (it falls under "steam" with gas); a warm magenta keeps it distinct.
#include <osg/Vec4>

#include "model.h"

namespace subterra {

osg::Vec4 utilityColor(UtilityKind kind);
osg::Vec4 buildingColor();
osg::Vec4 groundColor();
osg::Vec4 manholeCoverColor();
osg::Vec4 backgroundColor();

}  // namespace subterra
