#pragma once
// The built scene as a mesh file other tools open (f3d, Blender, MeshLab).
#include <string>

#include "result.h"
#include "scene_builder.h"

namespace subterra {

// By extension: .osgb/.osgt/.osg through osgDB (native, Z-up, true coordinates kept in double);
// .gltf/.glb/.obj/.ply/.stl through Assimp, one mesh per colour with a material, in local
// coordinates (relative to `scene.origin`, which is named in the file's root node) turned Y-up as
// those formats expect. Invisible layers are left out.
Status exportScene(const BuiltScene& scene, const std::string& path);

}  // namespace subterra
