#pragma once
// CAD meshes through Assimp: glTF/GLB, OBJ, FBX, DAE, STL, PLY, 3DS and IFC 2x3 (as far as Assimp
// reads it). A file becomes one Mesh: its node hierarchy flattened, meshes merged per material,
// placed in the project by the layer's MeshPlacement.
#include <string>

#include "vector_importer.h"

namespace subterra {

// True for the extensions above (by name only: Assimp judges the content when it reads).
bool isMeshFile(const std::string& path);

// The file as one Mesh, or a Problem naming the file with Assimp's reason. Without a placement the
// file's own frame is kept (scale 1, the format's up axis turned to z) — right for a file viewed
// alone; in a project with a CRS a mesh layer needs a placement (a Problem says so).
LayerImport importMeshLayer(const LayerSpec& spec, const ImportContext& context);

}  // namespace subterra
