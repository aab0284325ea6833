// The list of format importers. Adding a format: write importers/<format>_importer.{h,cpp} and
// add one line here (explicit, because self-registering statics vanish from static libraries).
#include <algorithm>
#include <cctype>

#include "epanet_importer.h"
#include "format_importer.h"
#include "mesh_importer.h"
#include "swmm_importer.h"

#include "cityjson_importer.h"
#include "landxml_importer.h"

namespace subterra {

const std::vector<FormatImporter>& formatImporters() {
    static const std::vector<FormatImporter> importers{
        {"CAD mesh (Assimp)", isMeshFile, importMeshLayer, nullptr},
        {"SWMM", swmmClaims, importSwmm, probeSwmm},
        {"EPANET", epanetClaims, importEpanet, probeEpanet},
        {"CityJSON", claimsCityJson, importCityJson, probeCityJson},
        {"LandXML", claimsLandXml, importLandXml, probeLandXml},
    };
    return importers;
}

const FormatImporter* findFormatImporter(const std::string& path) {
    if (path.rfind("PG:", 0) == 0) return nullptr;
    for (const auto& importer : formatImporters())
        if (importer.claims(path)) return &importer;
    return nullptr;
}

std::string lowerExtension(const std::string& path) {
    const auto slash = path.find_last_of("/\\");
    const auto dot = path.find_last_of('.');
    if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return {};
    std::string ext = path.substr(dot);
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return ext;
}

}  // namespace subterra
