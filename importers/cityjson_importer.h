#pragma once
// CityJSON 1.0/1.1/2.0 city models -> buildings with their real 3D surfaces (LoD1/LoD2).
#include "format_importer.h"

namespace subterra {

bool claimsCityJson(const std::string& path);
LayerImport importCityJson(const LayerSpec& spec, const ImportContext& context);
std::optional<LayerProbe> probeCityJson(const std::string& path, std::string& error);

}  // namespace subterra
