// Attribute mapping: which source field is the diameter, the depth, the inverts... guessed from
// common field names (Esri, INSPIRE, WNTR, UK sewer data) unless the project says otherwise.
#include <catch2/catch.hpp>

#include "attribute_mapping.h"

using namespace subterra;

namespace {
std::string fieldFor(const AttributeMapping& mapping, MappingRole role) {
    const FieldRef* ref = mapping.get(role);
    return ref ? ref->field : std::string("<none>");
}

AttributeMapping guessSegments(const std::vector<std::string>& fields) {
    return guessMapping(fields, {}, kForSegments);
}
}  // namespace

TEST_CASE("mapping: diameter is guessed from DIAMETER DN PIPESIZE and pipeDiameter", "[mapping]") {
    for (const char* name : {"DIAMETER", "DN", "PIPESIZE", "pipeDiameter", "DIAM", "NOM_DIAM"}) {
        INFO(name);
        const AttributeMapping mapping = guessSegments({"OBJECTID", name, "MATERIAL"});
        CHECK(fieldFor(mapping, MappingRole::Diameter) == name);
        REQUIRE(mapping.get(MappingRole::Diameter));
        CHECK(mapping.get(MappingRole::Diameter)->guessed);
        CHECK_FALSE(mapping.get(MappingRole::Diameter)->unitExplicit);
        CHECK(mapping.get(MappingRole::Diameter)->unit == LengthUnit::Millimetre);
    }
}

TEST_CASE("mapping: guesses ignore case and keep the source's spelling", "[mapping]") {
    const AttributeMapping mapping = guessSegments({"diameter", "Material", "year", "Depth", "us_il", "Ds_Il"});
    CHECK(fieldFor(mapping, MappingRole::Diameter) == "diameter");
    CHECK(fieldFor(mapping, MappingRole::Material) == "Material");
    CHECK(fieldFor(mapping, MappingRole::Year) == "year");
    CHECK(fieldFor(mapping, MappingRole::Cover) == "Depth");
    CHECK(fieldFor(mapping, MappingRole::InvertStart) == "us_il");
    CHECK(fieldFor(mapping, MappingRole::InvertEnd) == "Ds_Il");
}

TEST_CASE("mapping: depth and cover fields of a line become the cover role", "[mapping]") {
    CHECK(fieldFor(guessSegments({"DEPTH"}), MappingRole::Cover) == "DEPTH");
    CHECK(fieldFor(guessSegments({"COVER"}), MappingRole::Cover) == "COVER");
    CHECK(fieldFor(guessSegments({"COVER_DEPTH"}), MappingRole::Cover) == "COVER_DEPTH");
    // COVER is preferred to DEPTH when a layer has both.
    CHECK(fieldFor(guessSegments({"DEPTH", "COVER"}), MappingRole::Cover) == "COVER");
    const FieldRef* cover = guessSegments({"DEPTH"}).get(MappingRole::Cover);
    REQUIRE(cover);
    CHECK(cover->unit == LengthUnit::Metre);
}

TEST_CASE("mapping: upstream and downstream inverts map to the two ends", "[mapping]") {
    const AttributeMapping mapping = guessSegments({"US_IL", "DS_IL"});
    CHECK(fieldFor(mapping, MappingRole::InvertStart) == "US_IL");
    CHECK(fieldFor(mapping, MappingRole::InvertEnd) == "DS_IL");
}

TEST_CASE("mapping: a single INVERT field is used for both ends", "[mapping]") {
    const AttributeMapping mapping = guessSegments({"ID", "INVERT", "DN"});
    CHECK(fieldFor(mapping, MappingRole::InvertStart) == "INVERT");
    CHECK(fieldFor(mapping, MappingRole::InvertEnd) == "INVERT");
    // ...but not when there is a proper pair.
    const AttributeMapping pair = guessSegments({"INVERT", "US_IL", "DS_IL"});
    CHECK(fieldFor(pair, MappingRole::InvertStart) == "US_IL");
    CHECK(fieldFor(pair, MappingRole::InvertEnd) == "DS_IL");
}

TEST_CASE("mapping: material year status and id are guessed", "[mapping]") {
    CHECK(fieldFor(guessSegments({"PIPEMAT"}), MappingRole::Material) == "PIPEMAT");
    CHECK(fieldFor(guessSegments({"MATERIAL"}), MappingRole::Material) == "MATERIAL");
    CHECK(fieldFor(guessSegments({"YEAR"}), MappingRole::Year) == "YEAR");
    CHECK(fieldFor(guessSegments({"INSTALL_YEAR"}), MappingRole::Year) == "INSTALL_YEAR");
    CHECK(fieldFor(guessSegments({"STATUS"}), MappingRole::Status) == "STATUS");
    CHECK(fieldFor(guessSegments({"OBJECTID", "PIPE_ID"}), MappingRole::Id) == "PIPE_ID");
    CHECK(fieldFor(guessSegments({"name"}), MappingRole::Id) == "name");
    const AttributeMapping none = guessSegments({"COLOUR", "OWNER"});
    CHECK(none.fields.empty());
}

TEST_CASE("mapping: an explicit entry wins over the guess", "[mapping]") {
    AttributeMapping explicitMapping;
    explicitMapping.set(MappingRole::Diameter, FieldRef{"SIZE_INCH", LengthUnit::Inch, false, true});
    explicitMapping.set(MappingRole::Cover, FieldRef{"BURY", LengthUnit::Foot, false, true});
    const AttributeMapping mapping =
        guessMapping({"DIAMETER", "SIZE_INCH", "DEPTH", "BURY", "MATERIAL"}, explicitMapping, kForSegments);
    const FieldRef* diameter = mapping.get(MappingRole::Diameter);
    REQUIRE(diameter);
    CHECK(diameter->field == "SIZE_INCH");
    CHECK(diameter->unit == LengthUnit::Inch);
    CHECK_FALSE(diameter->guessed);
    CHECK(fieldFor(mapping, MappingRole::Cover) == "BURY");
    // Roles left out are still guessed.
    REQUIRE(mapping.get(MappingRole::Material));
    CHECK(mapping.get(MappingRole::Material)->guessed);
}

TEST_CASE("mapping: roles are guessed only for the feature types they apply to", "[mapping]") {
    const std::vector<std::string> fields = {"DIAMETER", "DEPTH", "HEIGHT", "INVERT", "KIND", "SIZE", "ELEVATION"};
    const AttributeMapping segments = guessMapping(fields, {}, kForSegments);
    const AttributeMapping nodes = guessMapping(fields, {}, kForNodes);
    const AttributeMapping buildings = guessMapping(fields, {}, kForBuildings);

    CHECK(fieldFor(segments, MappingRole::Diameter) == "DIAMETER");
    CHECK(fieldFor(segments, MappingRole::Cover) == "DEPTH");
    CHECK(fieldFor(segments, MappingRole::Height) == "HEIGHT");
    CHECK_FALSE(segments.get(MappingRole::Depth));
    CHECK_FALSE(segments.get(MappingRole::Ground));
    CHECK_FALSE(segments.get(MappingRole::NodeKind));
    CHECK_FALSE(segments.get(MappingRole::BuildingHeight));

    // A node's DEPTH is ground to bottom, its INVERT one level; it has no diameter or cover.
    CHECK(fieldFor(nodes, MappingRole::Depth) == "DEPTH");
    CHECK(fieldFor(nodes, MappingRole::Invert) == "INVERT");
    CHECK(fieldFor(nodes, MappingRole::Ground) == "ELEVATION");
    CHECK(fieldFor(nodes, MappingRole::NodeKind) == "KIND");
    CHECK(fieldFor(nodes, MappingRole::Size) == "SIZE");
    CHECK_FALSE(nodes.get(MappingRole::Diameter));
    CHECK_FALSE(nodes.get(MappingRole::Cover));
    CHECK_FALSE(nodes.get(MappingRole::InvertStart));

    CHECK(fieldFor(buildings, MappingRole::BuildingHeight) == "HEIGHT");
    CHECK_FALSE(buildings.get(MappingRole::Height));
    CHECK_FALSE(buildings.get(MappingRole::Diameter));
    CHECK_FALSE(buildings.get(MappingRole::Depth));
}

TEST_CASE("mapping: role keys match the project file format", "[mapping]") {
    for (const char* key :
         {"id", "utility", "diameter", "width", "height", "cover", "invert_start", "invert_end", "material", "year",
          "status", "ground", "invert", "depth", "node_kind", "size", "building_height", "basement_depth"}) {
        INFO(key);
        const MappingRoleInfo* info = findMappingRole(key);
        REQUIRE(info);
        CHECK(std::string(info->key) == key);
    }
    CHECK(findMappingRole("diameter")->defaultUnit == LengthUnit::Millimetre);
    CHECK(findMappingRole("cover")->defaultUnit == LengthUnit::Metre);
    CHECK(findMappingRole("diameter")->isLength);
    CHECK_FALSE(findMappingRole("material")->isLength);
    CHECK(findMappingRole("diam") == nullptr);
}

TEST_CASE("mapping: set replaces an entry instead of adding a second", "[mapping]") {
    AttributeMapping mapping;
    mapping.set(MappingRole::Diameter, FieldRef{"A", LengthUnit::Millimetre});
    mapping.set(MappingRole::Diameter, FieldRef{"B", LengthUnit::Metre});
    CHECK(mapping.fields.size() == 1);
    CHECK(fieldFor(mapping, MappingRole::Diameter) == "B");
}
