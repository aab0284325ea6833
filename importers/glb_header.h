#pragma once
// A binary glTF's header and chunk table checked before Assimp sees the file: Assimp trusts the
// chunk lengths, so a 3.8 KB file whose JSON chunk claims 0xFFFFFFFF bytes cost 16 s and 4.2 GB
// and ended in a misleading "No suitable reader".
#include <string>

namespace subterra {

// Empty when the GLB at `path` is consistent (magic "glTF", version 1 or 2, a total length within
// the file, every chunk within the total); otherwise why not, naming the number that is wrong.
std::string glbHeaderProblem(const std::string& path);

}  // namespace subterra
