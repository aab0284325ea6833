#pragma once
// Cameras for a scene: automatic framing when the user names no view, and named views.
#include <optional>
#include <string>

#include "model.h"
#include "camera_spec.h"
#include "project.h"
#include "defaults.h"

namespace subterra {

// A three-quarter view from the south-south-east, 35 degrees above the horizon, that shows the
// whole extent with a small margin, aimed at the middle of the network's depth range.
CameraSpec autoFrame(const Extent& extent, double aspect, double fovYDeg = defaults::kFieldOfViewDeg.value);

CameraSpec toCameraSpec(const NamedView& view);

// "ex,ey,ez,tx,ty,tz" or with ",ux,uy,uz" appended; nullopt with `error` set when malformed.
std::optional<CameraSpec> parseCameraArgument(const std::string& text, std::string& error);

}  // namespace subterra
