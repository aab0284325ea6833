#pragma once
// Check results in the 3D scene: the lines in conflict tinted red, and a red ball at each conflict
// (the middle of the two closest points) and at each line's worst cover, drawn flat (unlit) and on
// top of everything, so a conflict shows through the ground and buildings in exactly kMarkerColor.
#include <osg/Node>

#include "clearance_check.h"

namespace subterra {

const osg::Vec4& markerColor();  // pure red

// A ball size that shows at the scale of the whole scene: 1/150 of its plan size, at least 0.5 m.
double markerRadiusFor(const Extent& extent);

// Local coordinates relative to `origin` (add it under BuiltScene::world). `radiusM`: of the balls.
osg::ref_ptr<osg::Node> buildCheckMarkers(const CheckResults& results, const Model& model, const Vec3d& origin,
                                          double radiusM);

}  // namespace subterra
