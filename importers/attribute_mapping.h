#pragma once
// Which source field means what (diameter, depth, invert, material...) for one layer.
// Set explicitly in the project file, or guessed from common field names.
#include <optional>
#include <string>
#include <vector>

#include "units.h"

namespace subterra {

struct FieldRef {
    std::string field;
    LengthUnit unit = LengthUnit::Metre;
    bool guessed = false;       // true when the name was guessed, not set by the user
    bool unitExplicit = false;  // false: the importer may correct the unit from the values
};

enum class MappingRole {
    Id,
    Utility,
    Diameter,
    Width,
    Height,
    WallThickness,
    Cover,
    InvertStart,
    InvertEnd,
    Material,
    Year,
    Status,
    Ground,
    Invert,
    Depth,
    NodeKind,
    Size,
    BuildingHeight,
    BasementDepth
};

// Which feature types a role applies to (bit flags).
enum RoleUse : unsigned { kForSegments = 1, kForNodes = 2, kForBuildings = 4, kForAll = 7 };

struct MappingRoleInfo {
    MappingRole role;
    const char* key;  // name in the project file's "mapping" object
    LengthUnit defaultUnit;
    bool isLength;                     // a numeric length with a unit, not a text field
    unsigned use;                      // RoleUse flags: only these feature types guess this role
    std::vector<const char*> guesses;  // field names tried in order, case-insensitive
};

const std::vector<MappingRoleInfo>& mappingRoles();
const MappingRoleInfo* findMappingRole(const std::string& key);

struct AttributeMapping {
    std::vector<std::pair<MappingRole, FieldRef>> fields;

    const FieldRef* get(MappingRole role) const;
    void set(MappingRole role, FieldRef ref);
};

// Completes `explicitMapping` with guesses, from `fieldNames`, for the roles it leaves out that
// apply to the feature type (`use`: a RoleUse flag).
AttributeMapping guessMapping(const std::vector<std::string>& fieldNames, const AttributeMapping& explicitMapping,
                              unsigned use);

// "diameter=PIPESZ:in" (--field): a role, a field and optionally its unit. nullopt and `error`
// set when the role or the unit is unknown, or the text is not ROLE=FIELD[:UNIT].
std::optional<std::pair<MappingRole, FieldRef>> parseFieldAssignment(const std::string& text, std::string& error);

}  // namespace subterra
