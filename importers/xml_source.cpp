#include "xml_source.h"

#include "source_text.h"

namespace subterra {

bool loadXmlDocument(const std::string& path, pugi::xml_document& document, std::string& text, Problems& problems) {
    std::string error;
    auto content = readSourceText(path, error);
    if (!content) {
        problems.push_back({Severity::Error, path, "", error});
        return false;
    }
    text = std::move(*content);
    // pugixml takes a declared encoding="ISO-8859-1" into account, but would read stray Latin-1
    // bytes in a file that claims UTF-8 without complaint.
    const std::string declaration = text.substr(0, text.find("?>"));
    const bool declaresOther = declaration.find("encoding=") != std::string::npos &&
                               declaration.find("UTF-8") == std::string::npos &&
                               declaration.find("utf-8") == std::string::npos;
    if (auto bad = declaresOther ? std::nullopt : invalidUtf8Offset(text)) {
        problems.push_back({Severity::Error, path, lineAt(text, *bad),
                            "not valid UTF-8 text; save it as UTF-8 or declare its encoding in <?xml ... ?>"});
        return false;
    }
    const pugi::xml_parse_result parsed =
        document.load_buffer(text.data(), text.size(), pugi::parse_default, pugi::encoding_auto);
    if (!parsed) {
        problems.push_back({Severity::Error, path, lineAt(text, size_t(parsed.offset)),
                            std::string("not well-formed XML: ") + parsed.description()});
        return false;
    }
    return true;
}

}  // namespace subterra
