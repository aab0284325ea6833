#include "json_text.h"

#include <algorithm>

namespace subterra {

std::optional<size_t> jsonNestingBeyond(const std::string& text, int maxDepth) {
    int depth = 0;
    bool inString = false;
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            if (c == '\\') ++i;
            else if (c == '"') inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            if (++depth > maxDepth) return i;
        } else if (c == ']' || c == '}') {
            depth = std::max(0, depth - 1);
        }
    }
    return std::nullopt;
}

std::string lineColumnAt(const std::string& text, size_t offset) {
    offset = std::min(offset, text.size());
    const auto begin = text.begin(), at = text.begin() + std::ptrdiff_t(offset);
    const auto line = std::count(begin, at, '\n') + 1;
    const size_t lineStart = offset == 0 ? std::string::npos : text.rfind('\n', offset - 1);
    const size_t column = lineStart == std::string::npos ? offset + 1 : offset - lineStart;
    return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

namespace {
// nlohmann's what() is "[json.exception.parse_error.101] parse error at line 1, column 5: syntax
// error while parsing value - invalid literal; last read: 'tru'": the reason is after the last
// position's ": ".
std::string reasonOf(const std::string& what) {
    const auto column = what.find("column");
    const auto colon = what.find(": ", column == std::string::npos ? 0 : column);
    std::string reason = colon == std::string::npos ? what : what.substr(colon + 2);
    if (reason.find("UTF-8") != std::string::npos) reason += " (the file must be UTF-8)";
    return reason;
}

// The key whose value holds the text at `at` (the last "key": before it), for messages.
std::string keyBefore(const std::string& text, size_t at) {
    const size_t colon = text.rfind(':', at);
    const size_t close = colon == std::string::npos ? colon : text.rfind('"', colon);
    const size_t open = close == std::string::npos || close == 0 ? std::string::npos : text.rfind('"', close - 1);
    return open == std::string::npos ? "" : text.substr(open + 1, close - open - 1);
}

// out_of_range.406 says "number overflow parsing '1e400'": the number, found in the text, gives
// the place and the key.
void reportNumberOverflow(const std::string& path, const std::string& text, const std::string& what,
                          Problems& problems) {
    const std::string quote = "parsing '";
    const size_t start = what.find(quote);
    const std::string number =
        start == std::string::npos ? "" : what.substr(start + quote.size(), what.rfind('\'') - start - quote.size());
    const size_t at = number.empty() ? std::string::npos : text.find(number);
    if (at == std::string::npos) {
        problems.push_back({Severity::Error, path, "", "not valid JSON: a number is beyond the range of a double"});
        return;
    }
    const std::string key = keyBefore(text, at);
    problems.push_back({Severity::Error, path, lineColumnAt(text, at),
                        "not valid JSON: number " + number + (key.empty() ? "" : " (in \"" + key + "\")") +
                            " is beyond the range of a double"});
}
}  // namespace

std::optional<nlohmann::json> parseJsonText(const std::string& path, const std::string& text, Problems& problems,
                                            const nlohmann::json::parser_callback_t& callback) {
    if (const auto deep = jsonNestingBeyond(text, kMaxJsonDepth)) {
        problems.push_back({Severity::Error, path, lineColumnAt(text, *deep),
                            "not valid JSON: nested deeper than " + std::to_string(kMaxJsonDepth) + " levels"});
        return std::nullopt;
    }
    try {
        return nlohmann::json::parse(text, callback);
    } catch (const nlohmann::json::parse_error& e) {
        problems.push_back({Severity::Error, path, lineColumnAt(text, e.byte > 0 ? e.byte - 1 : 0),
                            "not valid JSON: " + reasonOf(e.what())});
    } catch (const nlohmann::json::out_of_range& e) {
        reportNumberOverflow(path, text, e.what(), problems);
    } catch (const nlohmann::json::exception& e) {  // type errors thrown by a callback's get<>()
        problems.push_back({Severity::Error, path, "", std::string("not usable JSON: ") + e.what()});
    }
    return std::nullopt;
}

}  // namespace subterra
