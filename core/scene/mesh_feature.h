#pragma once
// A CAD mesh (importers' Mesh) -> triangles in the layer's merged buffers, in its material colours.
#include <optional>

#include "mesh_buffer.h"
#include "model.h"

namespace subterra {

// Opaque parts go to `solid`, parts with opacity below 1 to `seeThrough`; `layerColor` (the
// project's style colour) replaces the materials' colours when set. One feature per mesh, so a
// picked triangle names the model.
void appendMesh(MeshBuffer& solid, MeshBuffer& seeThrough, const Mesh& mesh, const Vec3d& origin,
                const std::optional<osg::Vec4>& layerColor);

}  // namespace subterra
