#pragma once
// Importers for files that are not plain GIS layers (EPANET and SWMM models, CityJSON, LandXML,
// CAD meshes...). Each one lives in its own file and is listed once in format_registry.cpp;
// the model loader asks the registry first and falls back to GDAL/OGR for everything else.
#include <optional>
#include <string>
#include <vector>

#include "file_path.h"
#include "vector_importer.h"

namespace subterra {

struct FormatImporter {
    const char* name;  // "EPANET", shown by `info`
    // True when this importer reads `path` (extension and, where needed, a look at the content:
    // EPANET and SWMM both use .inp).
    bool (*claims)(const std::string& path);
    // Everything the file holds, in the project CRS, with one Problem per bad line or feature.
    LayerImport (*import)(const LayerSpec& spec, const ImportContext& context);
    // The CRS the file declares (WKT) and its extent in that CRS; nullopt when it declares none.
    // May be null for formats that never carry a CRS.
    std::optional<LayerProbe> (*probe)(const std::string& path, std::string& error);
};

const std::vector<FormatImporter>& formatImporters();
// The importer that claims `path`; null when GDAL/OGR should read it.
const FormatImporter* findFormatImporter(const std::string& path);

}  // namespace subterra
