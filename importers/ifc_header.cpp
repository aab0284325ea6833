#include "ifc_header.h"

#include <cctype>

#include "source_text.h"

namespace subterra {

namespace {
std::string upper(std::string text) {
    for (char& c : text) c = char(std::toupper(static_cast<unsigned char>(c)));
    return text;
}

const char* const kWhatToDo =
    "export it as IFC2X3 from the authoring tool, or convert it to glTF or OBJ with IfcConvert "
    "(IfcOpenShell: IfcConvert model.ifc model.glb) and import that";
}  // namespace

std::string ifcFileSchema(const std::string& head) {
    const std::string text = upper(head);
    const auto header = text.find("FILE_SCHEMA");
    if (header == std::string::npos) return {};
    const auto end = text.find(';', header);  // the FILE_SCHEMA entry ends at its ';'
    const auto open = text.find('\'', header);
    if (open == std::string::npos || (end != std::string::npos && open > end)) return {};
    const auto close = text.find('\'', open + 1);
    if (close == std::string::npos || (end != std::string::npos && close > end)) return {};
    std::string schema = head.substr(open + 1, close - open - 1);
    const auto first = schema.find_first_not_of(" \t");
    const auto last = schema.find_last_not_of(" \t");
    return first == std::string::npos ? "" : schema.substr(first, last - first + 1);
}

std::string ifcSchemaProblem(const std::string& path) {
    const std::string head = fileHead(path, 64 * 1024);
    if (!startsWithAfterBlanks(head, "ISO-10303-21;"))
        return std::string(
                   "not an IFC STEP file: it does not start with 'ISO-10303-21;' (IFC-XML and zipped "
                   ".ifczip are not read); Assimp 5.2 reads IFC2X3 STEP files only: ") +
               kWhatToDo;
    const std::string schema = ifcFileSchema(head);
    if (schema.empty())
        return std::string(
                   "no readable FILE_SCHEMA in the IFC header, so its schema is unknown; Assimp 5.2 reads "
                   "IFC2X3 only: ") +
               kWhatToDo;
    if (upper(schema).rfind("IFC2X3", 0) == 0) return {};
    return "the file declares FILE_SCHEMA '" + schema + "'; Assimp 5.2 reads IFC2X3 only: " + kWhatToDo;
}

}  // namespace subterra
