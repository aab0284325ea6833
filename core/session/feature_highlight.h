#pragma once
// Features drawn over the scene in one flat colour, solid where they are visible and half
// transparent where something hides them: the selection (cyan) and the Find box's matches.
#include <osg/Group>
#include <osg/Vec4>
#include <vector>

#include "feature_lookup.h"

namespace subterra {

// Slightly larger than each feature, so the highlight wraps it instead of fighting with its faces.
// Local coordinates relative to `origin`; null for an empty list.
osg::ref_ptr<osg::Group> buildFeatureHighlight(const std::vector<FeatureRef>& features, const Model& model,
                                               const Vec3d& origin, const osg::Vec4& color);

}  // namespace subterra
