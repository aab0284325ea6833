#pragma once
// Where a straight move of the camera would pass through a cut face into the ground: the face of
// an enabled section plane or the wall or floor of an enabled excavation, where the soil behind it
// is shown cut open. The mouse wheel stops there instead of zooming through the cap into the
// earth. Entering the ground through its surface (the camera may fly underground) and leaving it
// are not stopped, nor is a move that starts in the ground. No OSG: the viewer and tests share it.
#include "cuts.h"
#include "model.h"

namespace subterra {

// True where `p` is solid ground the cuts leave in place: below the ground level (Model::groundAt),
// on the kept side of every enabled section plane, and outside every enabled excavation.
bool insideCutGround(const Model& model, const Cuts& cuts, const Vec3d& p);

// How much of the move from `from` to `to` (0..1) may be made: 1 when it enters no kept ground
// through a cut face, else the fraction that stops `marginM` short of the first such face (0 when
// `from` is closer than that).
double moveBeforeCutFace(const Model& model, const Cuts& cuts, const Vec3d& from, const Vec3d& to, double marginM);

}  // namespace subterra
