#pragma once
// An XML source file read and parsed for the XML importers (LandXML, CityGML), with the checks
// each needs: the source_text.h gate (missing, empty, UTF-16...), UTF-8, well-formedness.
#include <pugixml.hpp>
#include <string>

#include "problem.h"

namespace subterra {

// Parses `path` into `document`, keeping its bytes in `text` (pugixml points into them for
// line numbers). False with one Error naming the file, the line where it applies, and the problem.
bool loadXmlDocument(const std::string& path, pugi::xml_document& document, std::string& text, Problems& problems);

}  // namespace subterra
