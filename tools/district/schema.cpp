#include "schema.h"

namespace district {
namespace {

FieldDef text(const char* name, const char* role = "") { return {name, FieldType::String, role, ""}; }
FieldDef integer(const char* name, const char* role = "", const char* unit = "") {
    return {name, FieldType::Integer, role, unit};
}
// Units are written into the mapping even where they equal the defaults: the project file then
// documents the data without the reader knowing the defaults.
FieldDef metres(const char* name, const char* role = "") { return {name, FieldType::Real, role, role[0] ? "m" : ""}; }
FieldDef millimetres(const char* name) { return integer(name, "diameter", "mm"); }

// Colours follow the APWA uniform colour code where it has one (heating has none).
LayerInfo segments(const char* utility, const char* color) { return {"segments", utility, color, 1.0}; }

}  // namespace

std::vector<const Table*> Tables::all() const {
    return {&water,    &sewer,    &storm, &gullies, &gas, &power, &telecom, &heating, &houseConnections,
            &manholes, &buildings};
}

size_t Tables::lineFeatureCount() const {
    size_t count = 0;
    for (const Table* table : all())
        if (table->isLineTable()) count += table->features().size();
    return count;
}

Tables makeTables() {
    const FieldDef pipeId = text("PIPE_ID", "id"), ductId = text("DUCT_ID", "id");
    const FieldDef material = text("MATERIAL", "material"), year = integer("YEAR", "year");
    const FieldDef cover = metres("COVER", "cover");
    // Sewer and storm share one schema (KIND: main).
    const std::vector<FieldDef> gravity = {pipeId,
                                           text("KIND"),
                                           millimetres("DIAMETER"),
                                           integer("WALL_MM", "wall_thickness", "mm"),
                                           metres("US_IL", "invert_start"),
                                           metres("DS_IL", "invert_end"),
                                           material,
                                           year};
    return Tables{
        Table("water", GeometryKind::Line, segments("water", "#1f5fd6"),
              {pipeId, millimetres("DN"), material, year, cover}),
        Table("sewer", GeometryKind::Line, segments("sewer", "#2e8b3a"), gravity),
        Table("storm", GeometryKind::Line, segments("storm", "#17a589"), gravity),
        // Gully connections, gas, heating and house connections are surveyed in 3D: z is the pipe
        // centreline, so no depth fields.
        Table("gullies", GeometryKind::Line3D, segments("storm", "#5cc9b5"),
              {pipeId, millimetres("DIAMETER"), material, year}),
        Table("gas", GeometryKind::Line3D, segments("gas", "#f2c300"),
              {pipeId, millimetres("DN"), material, year, text("PRESSURE")}),
        Table("power", GeometryKind::Line, segments("power", "#d62728"),
              {ductId, metres("WIDTH", "width"), metres("HEIGHT", "height"), cover, year, text("VOLTAGE")}),
        Table("telecom", GeometryKind::Line, segments("telecom", "#f07f13"),
              {ductId, metres("WIDTH", "width"), metres("HEIGHT", "height"), cover, year, text("OWNER")}),
        Table("heating", GeometryKind::Line3D, segments("heating", "#b0307a"),
              {pipeId, millimetres("DN"), text("MEDIUM"), material, year}),
        Table("house_connections", GeometryKind::Line3D, segments("water", "#6f9be8"),
              {pipeId, text("UTILITY", "utility"), millimetres("DN"), material, year, text("BLDG_ID")}),
        Table("manholes", GeometryKind::Point, {"nodes", "sewer", "#8c8c8c", 1.0},
              {text("MH_ID", "id"), text("KIND", "node_kind"), text("UTILITY", "utility"),
               metres("COVER_LEVEL", "ground"), metres("INVERT_LEVEL", "invert"), metres("SIZE", "size")}),
        Table("buildings", GeometryKind::Polygon, {"buildings", "", "#d8d2c4", 0.6},
              {text("BLDG_ID", "id"), metres("HEIGHT", "building_height"), metres("BASEMENT", "basement_depth"),
               integer("STOREYS"), text("USE")}),
    };
}

}  // namespace district
