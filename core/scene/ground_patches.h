#pragma once
// Ground areas (SWMM subcatchments, roads, parcels, streams) as see-through patches lying on the ground: the plan polygon
// is tessellated, split finer than the DEM's cells and draped on it (a little above, so it never
// sinks into the terrain), with a darker outline.
#include <osg/StateSet>
#include <string>

#include "mesh_buffer.h"
#include "model.h"

namespace subterra {

// Roads asphalt, parcels faint, water blue; areas green for no land use, a stable green tone per
// land use name otherwise. Alpha = fill opacity.
osg::Vec4 groundPatchColor(PatchKind kind, const std::string& landUse);
// Lifted this far above the ground it lies on (metres).
constexpr double kGroundPatchLiftM = 0.3;
// The name of a layer's patch geometry: picking looks through patches to the pipes below.
constexpr const char* kGroundPatchGeometryName = "ground patches";

void appendGroundPatch(MeshBuffer& mesh, const GroundPatch& patch, const Model& model, const Vec3d& origin,
                       const osg::Vec4& color);
// Blended, but writing depth, so the terrain drawn later does not wash over the patch.
void applyGroundPatchState(osg::StateSet& state);

}  // namespace subterra
