// Field names as real utility data spells them (issue 15, item 8): the synonym table
// (importers/field_synonyms.inc), units from name suffixes, and inch sizes recognised by value.
#include <catch2/catch.hpp>

#include "attribute_mapping.h"
#include "fixtures.h"
#include "vector_importer.h"

using namespace subterra;
using Catch::Contains;

namespace {
const FieldRef* guessed(const std::vector<std::string>& fields, MappingRole role, unsigned use) {
    static AttributeMapping mapping;
    mapping = guessMapping(fields, {}, use);
    return mapping.get(role);
}
}  // namespace

TEST_CASE("synonyms: names seen in real files are guessed, with the unit their suffix names", "[mapping][issue15]") {
    struct Case {
        std::string field;
        MappingRole role;
        unsigned use;
        LengthUnit unit;
    };
    for (const Case& c : {Case{"DN_MM", MappingRole::Diameter, kForSegments, LengthUnit::Millimetre},
                          Case{"DIAM_MM", MappingRole::Diameter, kForSegments, LengthUnit::Millimetre},
                          Case{"DIAM_IN", MappingRole::Diameter, kForSegments, LengthUnit::Inch},
                          Case{"SvconnSize", MappingRole::Diameter, kForSegments, LengthUnit::Millimetre},
                          Case{"DEPTH_FT", MappingRole::Cover, kForSegments, LengthUnit::Foot},
                          Case{"UP_INV", MappingRole::InvertStart, kForSegments, LengthUnit::Metre},
                          Case{"DN_INV", MappingRole::InvertEnd, kForSegments, LengthUnit::Metre},
                          Case{"GROUND_M", MappingRole::Ground, kForNodes, LengthUnit::Metre},
                          Case{"INVERT_M", MappingRole::Invert, kForNodes, LengthUnit::Metre}}) {
        INFO(c.field);
        const FieldRef* ref = guessed({"OBJECTID", c.field}, c.role, c.use);
        REQUIRE(ref);
        CHECK(ref->field == c.field);
        CHECK(ref->guessed);
        CHECK(ref->unit == c.unit);
    }
    const FieldRef* year = guessed({"INST_YEAR"}, MappingRole::Year, kForSegments);
    REQUIRE(year);
    CHECK(year->field == "INST_YEAR");
    // One INVERT_M serves both ends, as INVERT does; WIDTH_MM named for the diameter stays there.
    const AttributeMapping both = guessMapping({"INVERT_M"}, {}, kForSegments);
    REQUIRE(both.get(MappingRole::InvertStart));
    REQUIRE(both.get(MappingRole::InvertEnd));
    CHECK(both.get(MappingRole::InvertEnd)->field == "INVERT_M");
    const AttributeMapping width = guessMapping({"WIDTH_MM"}, {}, kForSegments);
    CHECK(width.get(MappingRole::Diameter));
    CHECK_FALSE(width.get(MappingRole::Width));
}

TEST_CASE("synonyms: PIPESIZE of nominal inch sizes is read as inches, not millimetres", "[mapping][issue15]") {
    const std::string dir = fixtures::freshDir("synonyms_pipesize");
    using Kind = fixtures::FieldFixture::Kind;
    fixtures::LayerFixture mains{"mains", "EPSG:32651", "LineString", {{"PIPESIZE", Kind::Real}}, {}};
    for (const char* size : {"2", "4", "6", "8", "8", "12"})
        mains.features.push_back({"LINESTRING (352000 3451300,352050 3451300)", {{"PIPESIZE", size}}});
    LayerSpec spec;
    spec.source = fixtures::writeVector(dir + "/mains.geojson", "GeoJSON", {mains});
    spec.name = "mains";
    const LayerImport layer =
        importVectorLayer(spec, ImportContext{fixtures::wktOf("EPSG:32651"), [](double, double) { return 0.0; }});
    INFO(fixtures::problemLines(layer.problems));
    REQUIRE(layer.segments.size() == 6);
    CHECK(layer.segments[0].section.diameterM == Approx(0.0508));
    CHECK(layer.segments[5].section.diameterM == Approx(0.3048));
    std::string notes;
    for (const auto& note : layer.report.notes) notes += note + "\n";
    CHECK_THAT(notes, Contains("nominal inch sizes"));
    REQUIRE(layer.report.mapping.get(MappingRole::Diameter));
    CHECK(layer.report.mapping.get(MappingRole::Diameter)->unit == LengthUnit::Inch);
}

TEST_CASE("synonyms: a field named as an id is the id when no known name is there", "[mapping][issue15]") {
    for (const char* field : {"GULLY_ID", "ParcelID", "nodeId"}) {
        INFO(field);
        const FieldRef* id = guessed({"VALID", "grid", field}, MappingRole::Id, kForNodes);
        REQUIRE(id);
        CHECK(id->field == field);
    }
    CHECK_FALSE(guessed({"VALID", "grid", "ID_"}, MappingRole::Id, kForNodes));
    const FieldRef* known = guessed({"GULLY_ID", "FACILITYID"}, MappingRole::Id, kForNodes);
    REQUIRE(known);
    CHECK(known->field == "FACILITYID");
}
