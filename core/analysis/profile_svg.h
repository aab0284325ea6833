#pragma once
// A profile (profile.h) drawn as SVG: ground line over soil, lines along the path as bands, crossing
// lines as their sections, manholes as shafts, station and elevation axes, ids and depth labels.
// Vertically exaggerated (stated in the title); whatever has an assumed depth is drawn dashed.
// Every element carries class (ground, pipe, crossing, manhole, label...) and data-id attributes.
#include <string>

#include "profile.h"

namespace subterra {

struct ProfileDrawing {
    int widthPx = 1400;
    double exaggeration = 0;  // vertical / horizontal scale; 0 = fit the depth range to ~420 px
};

std::string profileSvg(const Profile& profile, const Model& model, const ProfileDrawing& drawing);

}  // namespace subterra
