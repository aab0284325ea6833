#pragma once
// File names as importers and writers look at them.
#include <string>

namespace subterra {

// Lower-cased extension with the dot (".inp"), empty when there is none.
std::string lowerExtension(const std::string& path);

}  // namespace subterra
