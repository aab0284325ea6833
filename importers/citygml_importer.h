#pragma once
// CityGML 1.0/2.0 city models (read by libcitygml) -> buildings with their real 3D surfaces
// (LoD1/LoD2), LoD0 footprints at their own z, and simple bridges, tunnels and other structures.
#include "format_importer.h"

namespace subterra {

// .gml, .xml and .citygml files whose root element is a CityModel in a CityGML namespace; any
// other GML stays with GDAL.
bool claimsCityGml(const std::string& path);
LayerImport importCityGml(const LayerSpec& spec, const ImportContext& context);
std::optional<LayerProbe> probeCityGml(const std::string& path, std::string& error);

}  // namespace subterra
