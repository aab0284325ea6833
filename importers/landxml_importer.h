#pragma once
// LandXML 1.x pipe networks (Civil 3D exports): Structs -> manholes, Pipes -> segments at their
// invert levels.
#include "format_importer.h"

namespace subterra {

bool claimsLandXml(const std::string& path);
LayerImport importLandXml(const LayerSpec& spec, const ImportContext& context);
std::optional<LayerProbe> probeLandXml(const std::string& path, std::string& error);

}  // namespace subterra
