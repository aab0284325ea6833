#include "attribute_mapping.h"

#include <algorithm>
#include <cassert>
#include <cctype>
#include <cstring>
#include <deque>
#include <map>
#include <optional>

#include "word_table.h"

namespace subterra {

namespace {
bool equalsIgnoreCase(const std::string& a, const char* b) {
    const std::string bs(b);
    return a.size() == bs.size() && std::equal(a.begin(), a.end(), bs.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}
// The synonym table: data, not code (see its header for the format).
const char* const kSynonymTable =
#include "field_synonyms.inc"
    ;

// role key -> field names, in the table's order; the strings live as long as the program.
const std::map<std::string, std::vector<const char*>>& synonymTable() {
    static const auto table = [] {
        static std::deque<std::string> names;
        std::map<std::string, std::vector<const char*>> result;
        for (const auto& [role, fields] : readWordTable(kSynonymTable)) {
            auto& list = result[role];
            for (const auto& name : fields) list.push_back(names.emplace_back(name).c_str());
        }
        return result;
    }();
    return table;
}

std::vector<const char*> synonyms(const char* role) {
    auto it = synonymTable().find(role);
    assert(it != synonymTable().end() && "field_synonyms.inc has no line for a mapping role");
    return it == synonymTable().end() ? std::vector<const char*>{} : it->second;
}

// "DIAM_MM" -> {"DIAM", mm}; nullopt when the name ends in no unit suffix.
std::optional<std::pair<std::string, LengthUnit>> splitUnitSuffix(const std::string& name) {
    static const std::pair<const char*, LengthUnit> kSuffixes[] = {
        {"_MM", LengthUnit::Millimetre}, {"_CM", LengthUnit::Centimetre}, {"_INCH", LengthUnit::Inch},
        {"_IN", LengthUnit::Inch},       {"_FT", LengthUnit::Foot},       {"_M", LengthUnit::Metre}};
    for (const auto& [suffix, unit] : kSuffixes) {
        const size_t length = std::strlen(suffix);
        if (name.size() > length && equalsIgnoreCase(name.substr(name.size() - length), suffix))
            return std::make_pair(name.substr(0, name.size() - length), unit);
    }
    return std::nullopt;
}
// "GULLY_ID", "ParcelID", "nodeId", but not "VALID" or "grid".
bool namesAnId(const std::string& name) {
    if (name.size() < 3) return false;
    const std::string tail = name.substr(name.size() - 2);
    if (name.size() > 3 && name[name.size() - 3] == '_' && equalsIgnoreCase(tail, "id")) return true;
    return (tail == "ID" || tail == "Id") && std::islower(static_cast<unsigned char>(name[name.size() - 3]));
}
}  // namespace

const std::vector<MappingRoleInfo>& mappingRoles() {
    using R = MappingRole;
    using U = LengthUnit;
    static const std::vector<MappingRoleInfo> roles = {
        {R::Id, "id", U::Metre, false, kForAll, synonyms("id")},
        {R::Utility, "utility", U::Metre, false, kForSegments | kForNodes, synonyms("utility")},
        {R::Diameter, "diameter", U::Millimetre, true, kForSegments, synonyms("diameter")},
        {R::Width, "width", U::Metre, true, kForSegments, synonyms("width")},
        {R::Height, "height", U::Metre, true, kForSegments, synonyms("height")},
        {R::WallThickness, "wall_thickness", U::Millimetre, true, kForSegments, synonyms("wall_thickness")},
        {R::Cover, "cover", U::Metre, true, kForSegments, synonyms("cover")},
        {R::InvertStart, "invert_start", U::Metre, true, kForSegments, synonyms("invert_start")},
        {R::InvertEnd, "invert_end", U::Metre, true, kForSegments, synonyms("invert_end")},
        {R::Material, "material", U::Metre, false, kForSegments | kForNodes, synonyms("material")},
        {R::Year, "year", U::Metre, false, kForAll, synonyms("year")},
        {R::Status, "status", U::Metre, false, kForAll, synonyms("status")},
        {R::Ground, "ground", U::Metre, true, kForNodes, synonyms("ground")},
        {R::Invert, "invert", U::Metre, true, kForNodes, synonyms("invert")},
        {R::Depth, "depth", U::Metre, true, kForNodes, synonyms("depth")},
        {R::NodeKind, "node_kind", U::Metre, false, kForNodes, synonyms("node_kind")},
        {R::Size, "size", U::Metre, true, kForNodes, synonyms("size")},
        {R::BuildingHeight, "building_height", U::Metre, true, kForBuildings, synonyms("building_height")},
        {R::BasementDepth, "basement_depth", U::Metre, true, kForBuildings, synonyms("basement_depth")},
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
    std::vector<std::string> used;
    for (const auto& [role, ref] : mapping.fields) used.push_back(ref.field);
    auto isUsed = [&](const std::string& name) { return std::find(used.begin(), used.end(), name) != used.end(); };
    // First the fields named exactly as a synonym, then those whose stem is one (DIAM_MM): a field
    // named for one role is never taken by another through its stem.
    for (const bool byStem : {false, true}) {
        for (const auto& info : mappingRoles()) {
            if (mapping.get(info.role) || !(info.use & use)) continue;
            for (const char* guess : info.guesses) {
                auto match = std::find_if(fieldNames.begin(), fieldNames.end(), [&](const std::string& name) {
                    if (!byStem) return equalsIgnoreCase(name, guess);
                    const auto split = splitUnitSuffix(name);
                    return split && !isUsed(name) && equalsIgnoreCase(split->first, guess);
                });
                if (match == fieldNames.end()) continue;
                FieldRef ref{*match, info.defaultUnit, true, false};
                if (const auto split = info.isLength ? splitUnitSuffix(*match) : std::nullopt)
                    ref.unit = split->second, ref.unitExplicit = true;  // the name says its unit
                mapping.set(info.role, ref);
                if (!byStem) used.push_back(*match);  // one INVERT_M may still serve both ends
                break;
            }
        }
    }
    // No id under a known name: a field that says it is one ("GULLY_ID", "ParcelID").
    if (!mapping.get(MappingRole::Id))
        for (const auto& name : fieldNames)
            if (!isUsed(name) && namesAnId(name)) {
                mapping.set(MappingRole::Id, FieldRef{name, LengthUnit::Metre, true, false});
                break;
            }
    return mapping;
}

std::optional<std::pair<MappingRole, FieldRef>> parseFieldAssignment(const std::string& text, std::string& error) {
    const size_t equals = text.find('=');
    if (equals == std::string::npos || equals == 0 || equals + 1 == text.size()) {
        error = "'" + text + "' is not ROLE=FIELD or ROLE=FIELD:UNIT";
        return std::nullopt;
    }
    const MappingRoleInfo* role = findMappingRole(text.substr(0, equals));
    if (!role) {
        std::string roles;
        for (const auto& info : mappingRoles()) roles += (roles.empty() ? "" : ", ") + std::string(info.key);
        error = "unknown mapping role '" + text.substr(0, equals) + "' (use " + roles + ")";
        return std::nullopt;
    }
    std::string field = text.substr(equals + 1);
    FieldRef ref{field, role->defaultUnit, false, false};
    const size_t colon = field.rfind(':');
    if (colon != std::string::npos) {
        const std::string unitText = field.substr(colon + 1);
        const auto unit = parseLengthUnit(unitText);
        if (!unit || !role->isLength) {
            error = !unit ? "unknown unit '" + unitText + "' (use mm, cm, m, in, ft or us-ft)"
                          : std::string("'") + role->key + "' is not a length: it takes no unit";
            return std::nullopt;
        }
        ref.field = field.substr(0, colon);
        ref.unit = *unit;
        ref.unitExplicit = true;
    }
    return std::make_pair(role->role, ref);
}

}  // namespace subterra
