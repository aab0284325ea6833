#include "utility_colors.h"

#include "defaults.h"
#include "utility_palette.h"

namespace subterra {

osg::Vec4 toVec4(const Rgba& c) { return {c[0], c[1], c[2], c[3]}; }
osg::Vec4 utilityColor(UtilityKind kind) { return toVec4(utilityRgba(kind)); }
osg::Vec4 buildingColor() { return toVec4(palette::kBuilding); }
osg::Vec4 groundColor() { return toVec4(palette::kGround); }
osg::Vec4 manholeCoverColor() { return toVec4(palette::kManholeCover); }
osg::Vec4 backgroundColor() { return toVec4(defaults::kSkyColor); }

}  // namespace subterra
