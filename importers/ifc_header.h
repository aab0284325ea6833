#pragma once
// An IFC file's STEP header read before Assimp sees the file: Assimp 5.2 reads the IFC2X3 schema
// only, and on an IFC4 or IFC4X3 file fails with a raw parse error about an entity it does not
// know, which says nothing about the real cause.
#include <string>

namespace subterra {

// The schema in the header's FILE_SCHEMA(('IFC4')) of a STEP file's first bytes ("IFC4",
// "IFC2X3", "IFC4X3_ADD2"); empty when there is no readable FILE_SCHEMA.
std::string ifcFileSchema(const std::string& head);

// Empty when the .ifc at `path` is a STEP file (ISO-10303-21) declaring an IFC2X3 schema;
// otherwise why Assimp cannot read it (the schema it declares, or the missing or garbled
// header) and what to do instead.
std::string ifcSchemaProblem(const std::string& path);

}  // namespace subterra
