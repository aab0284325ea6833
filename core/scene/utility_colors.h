#pragma once
// The default colours (utility_palette.h, defaults.h) as OSG colours for the scene.
#include <osg/Vec4>

#include "color.h"
#include "model.h"

namespace subterra {

osg::Vec4 toVec4(const Rgba& color);
osg::Vec4 utilityColor(UtilityKind kind);
osg::Vec4 buildingColor();
osg::Vec4 groundColor();
osg::Vec4 manholeCoverColor();
osg::Vec4 backgroundColor();

}  // namespace subterra
