// The list of format importers. Adding a format: write importers/<format>_importer.{h,cpp} and
// add one line here (explicit, because self-registering statics vanish from static libraries).

#include "epanet_importer.h"
#include "format_importer.h"
#include "mesh_importer.h"
#include "swmm_importer.h"

#include "cityjson_importer.h"
#include "citygml_importer.h"
#include "landxml_importer.h"

namespace subterra {

const std::vector<FormatImporter>& formatImporters() {
    static const std::vector<FormatImporter> importers{
        {"CAD mesh (Assimp)", isMeshFile, importMeshLayer, nullptr},
        {"SWMM", swmmClaims, importSwmm, probeSwmm},
        {"EPANET", epanetClaims, importEpanet, probeEpanet},
        {"CityJSON", claimsCityJson, importCityJson, probeCityJson},
        {"LandXML", claimsLandXml, importLandXml, probeLandXml},
        {"CityGML", claimsCityGml, importCityGml, probeCityGml},
    };
    return importers;
}

const FormatImporter* findFormatImporter(const std::string& path) {
    if (path.rfind("PG:", 0) == 0) return nullptr;
    for (const auto& importer : formatImporters())
        if (importer.claims(path)) return &importer;
    return nullptr;
}

}  // namespace subterra
