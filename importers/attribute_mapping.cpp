#include "attribute_mapping.h"

#include <algorithm>
#include <cctype>

namespace subterra {

namespace {
bool equalsIgnoreCase(const std::string& a, const char* b) {
    const std::string bs(b);
    return a.size() == bs.size() && std::equal(a.begin(), a.end(), bs.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}
}  // namespace

const std::vector<MappingRoleInfo>& mappingRoles() {
    using R = MappingRole;
    using U = LengthUnit;
    static const std::vector<MappingRoleInfo> roles = {
        {R::Id,
         "id",
         U::Metre,
         false,
         kForAll,
         {"PIPE_ID", "DUCT_ID", "ID", "ASSET_ID", "ASSETID", "FACILITYID", "GID", "NAME", "MH_ID", "BLDG_ID",
          "inspireId", "UID", "OBJECTID"}},
        {R::Utility,
         "utility",
         U::Metre,
         false,
         kForSegments | kForNodes,
         {"UTILITY", "UTILITY_TYPE", "UTILITYTYPE", "NETWORK", "SERVICE"}},
        {R::Diameter,
         "diameter",
         U::Millimetre,
         true,
         kForSegments,
         {"DIAMETER", "DN", "DIAM", "PIPESIZE", "PIPE_SIZE", "pipeDiameter", "NOM_DIAM", "DIAMETER_MM", "SIZE_MM",
          "WIDTH_MM"}},
        {R::Width, "width", U::Metre, true, kForSegments, {"WIDTH", "WIDTH_M", "DUCT_WIDTH"}},
        {R::Height, "height", U::Metre, true, kForSegments, {"HEIGHT", "HEIGHT_M", "DUCT_HEIGHT"}},
        {R::WallThickness,
         "wall_thickness",
         U::Millimetre,
         true,
         kForSegments,
         {"WALL_THICKNESS", "WALL_THICKNESS_MM", "WALL_MM", "WALLTHICK", "WALL_THK", "WALL"}},
        {R::Cover,
         "cover",
         U::Metre,
         true,
         kForSegments,
         {"COVER", "COVER_DEPTH", "COVERDEPTH", "DEPTH", "DEPTH_M", "pipeDepth", "BURIAL_DEPTH"}},
        {R::InvertStart,
         "invert_start",
         U::Metre,
         true,
         kForSegments,
         {"US_IL", "INVERT_START", "START_INV", "UPSTREAM_INVERT", "UP_INVERT", "INV_UP", "US_INVERT", "INVERT_US",
          "INVERT"}},
        {R::InvertEnd,
         "invert_end",
         U::Metre,
         true,
         kForSegments,
         {"DS_IL", "INVERT_END", "END_INV", "DOWNSTREAM_INVERT", "DOWN_INVERT", "INV_DN", "DS_INVERT", "INVERT_DS",
          "INVERT"}},
        {R::Material,
         "material",
         U::Metre,
         false,
         kForSegments | kForNodes,
         {"MATERIAL", "PIPEMAT", "PIPE_MAT", "MAT", "pipeMaterial"}},
        {R::Year,
         "year",
         U::Metre,
         false,
         kForAll,
         {"YEAR", "INSTALL_YEAR", "INSTALLYEAR", "YEAR_INST", "YEARINSTAL", "CONSTRUCTION_YEAR"}},
        {R::Status, "status", U::Metre, false, kForAll, {"STATUS", "LIFECYCLE", "currentStatus"}},
        {R::Ground,
         "ground",
         U::Metre,
         true,
         kForNodes,
         {"COVER_LEVEL", "GROUND_LEVEL", "RIM", "RIM_ELEV", "GROUND", "CL", "ELEVATION", "ELEV"}},
        {R::Invert,
         "invert",
         U::Metre,
         true,
         kForNodes,
         {"INVERT_LEVEL", "INVERT", "SUMP", "INV_ELEV", "IL", "BOTTOM"}},
        {R::Depth, "depth", U::Metre, true, kForNodes, {"DEPTH", "DEPTH_M", "MH_DEPTH", "CHAMBER_DEPTH"}},
        {R::NodeKind,
         "node_kind",
         U::Metre,
         false,
         kForNodes,
         {"KIND", "TYPE", "NODE_TYPE", "FEATURE_TYPE", "SUBTYPE"}},
        {R::Size, "size", U::Metre, true, kForNodes, {"SIZE", "SIZE_M", "MH_SIZE", "SHAFT_DIAMETER"}},
        {R::BuildingHeight,
         "building_height",
         U::Metre,
         true,
         kForBuildings,
         {"HEIGHT", "BLDG_HEIGHT", "BUILDING_HEIGHT", "measuredHeight", "H", "HOOGTE"}},
        {R::BasementDepth,
         "basement_depth",
         U::Metre,
         true,
         kForBuildings,
         {"BASEMENT", "BASEMENT_DEPTH", "UNDERGROUND_DEPTH"}},
    };
    return roles;
}

const MappingRoleInfo* findMappingRole(const std::string& key) {
    for (const auto& info : mappingRoles())
        if (key == info.key) return &info;
    return nullptr;
}

const FieldRef* AttributeMapping::get(MappingRole role) const {
    for (const auto& [r, ref] : fields)
        if (r == role) return &ref;
    return nullptr;
}

void AttributeMapping::set(MappingRole role, FieldRef ref) {
    for (auto& [r, existing] : fields)
        if (r == role) {
            existing = std::move(ref);
            return;
        }
    fields.emplace_back(role, std::move(ref));
}

AttributeMapping guessMapping(const std::vector<std::string>& fieldNames, const AttributeMapping& explicitMapping,
                              unsigned use) {
    AttributeMapping mapping = explicitMapping;
    for (const auto& info : mappingRoles()) {
        if (mapping.get(info.role) || !(info.use & use)) continue;
        for (const char* guess : info.guesses) {
            auto it = std::find_if(fieldNames.begin(), fieldNames.end(),
                                   [&](const std::string& name) { return equalsIgnoreCase(name, guess); });
            if (it == fieldNames.end()) continue;
            mapping.set(info.role, FieldRef{*it, info.defaultUnit, true, false});
            break;
        }
    }
    return mapping;
}

}  // namespace subterra
