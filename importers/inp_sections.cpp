#include "inp_sections.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <sstream>

#include "source_text.h"

namespace subterra {

std::string inpUpper(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return char(std::toupper(c)); });
    return text;
}

namespace {

// Fields separated by blanks; "quoted ids" (EPANET 2.2) keep their spaces. A ';' outside quotes
// ends the record.
std::vector<std::string> splitFields(const std::string& line) {
    std::vector<std::string> fields;
    std::string current;
    bool inQuotes = false, hasField = false;
    for (char c : line) {
        if (c == '"') {
            inQuotes = !inQuotes;
            hasField = true;
        } else if (!inQuotes && c == ';') {
            break;
        } else if (!inQuotes && std::isspace(static_cast<unsigned char>(c))) {
            if (hasField) fields.push_back(current);
            current.clear();
            hasField = false;
        } else {
            current += c;
            hasField = true;
        }
    }
    if (hasField) fields.push_back(current);
    return fields;
}

std::string trimmed(const std::string& text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return {};
    return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

bool isFreeText(const std::string& section) { return section == "TITLE"; }
}  // namespace

const InpSection* InpFile::find(const std::string& name) const {
    for (const auto& section : sections)
        if (section.name == name) return &section;
    return nullptr;
}

const std::vector<InpRecord>& InpFile::records(const std::string& name) const {
    static const std::vector<InpRecord> none;
    const InpSection* section = find(name);
    return section ? section->records : none;
}

std::string lineWhere(int line) { return "line " + std::to_string(line); }

InpFile parseInpText(const std::string& text, const std::string& path, const std::vector<std::string>& knownSections,
                     Problems& problems) {
    InpFile file;
    file.path = path;
    std::istringstream in(text);
    std::string raw;
    int lineNumber = 0;
    bool warnedOutside = false;
    while (std::getline(in, raw)) {
        ++lineNumber;
        if (lineNumber == 1 && raw.rfind("\xEF\xBB\xBF", 0) == 0) raw.erase(0, 3);  // UTF-8 byte order mark
        if (raw.find('\0') != std::string::npos) {
            problems.push_back({Severity::Error, path, lineWhere(lineNumber), "binary data (NUL byte): line skipped"});
            continue;
        }
        const std::string line = trimmed(raw);
        if (line.empty() || line[0] == ';') continue;
        if (line[0] == '[') {
            const auto close = line.find(']');
            if (close == std::string::npos) {
                problems.push_back({Severity::Error, path, lineWhere(lineNumber),
                                    "section header without ']': '" + line.substr(0, 60) + "'"});
                continue;
            }
            InpSection section;
            section.name = inpUpper(line.substr(1, close - 1));
            section.line = lineNumber;
            if (std::find(knownSections.begin(), knownSections.end(), section.name) == knownSections.end())
                problems.push_back({Severity::Warning, path, lineWhere(lineNumber),
                                    "unknown section [" + section.name.substr(0, 60) + "] skipped"});
            file.sections.push_back(std::move(section));
            continue;
        }
        if (file.sections.empty()) {
            if (!warnedOutside)
                problems.push_back(
                    {Severity::Error, path, lineWhere(lineNumber), "data before the first [SECTION] header: skipped"});
            warnedOutside = true;
            continue;
        }
        InpSection& section = file.sections.back();
        InpRecord record;
        record.line = lineNumber;
        record.fields = isFreeText(section.name) ? std::vector<std::string>{line} : splitFields(line);
        if (!record.fields.empty()) section.records.push_back(std::move(record));
    }
    return file;
}

std::optional<InpFile> readInpFile(const std::string& path, const std::vector<std::string>& knownSections,
                                   Problems& problems) {
    std::string error;
    const auto text = readSourceText(path, error);
    if (!text) {
        problems.push_back({Severity::Error, path, "", error == "file is empty" ? "the file is empty" : error});
        return std::nullopt;
    }
    return parseInpText(*text, path, knownSections, problems);
}

std::vector<std::string> sniffInpSections(const std::string& path, size_t maxBytes) {
    std::vector<std::string> names;
    // The head only, read at once: a file of one endless line (NUL bytes) must not be read whole.
    // fileHead reads nothing from a FIFO or device.
    std::istringstream in(fileHead(path, maxBytes));
    for (std::string line; std::getline(in, line);) {
        const std::string t = trimmed(line);
        const auto close = t.find(']');
        if (!t.empty() && t[0] == '[' && close != std::string::npos) names.push_back(inpUpper(t.substr(1, close - 1)));
    }
    return names;
}

std::optional<double> inpNumber(const InpRecord& record, size_t index, const char* what, const std::string& path,
                                Problems& problems) {
    const std::string where = lineWhere(record.line);
    if (index >= record.fields.size()) {
        problems.push_back({Severity::Error, path, where, std::string("missing field ") + what});
        return std::nullopt;
    }
    const std::string& text = record.fields[index];
    char* end = nullptr;
    const double value = std::strtod(text.c_str(), &end);
    if (text.empty() || end != text.c_str() + text.size()) {
        problems.push_back(
            {Severity::Error, path, where, std::string(what) + " is not a number: '" + text.substr(0, 40) + "'"});
        return std::nullopt;
    }
    if (!std::isfinite(value) || std::fabs(value) > 1e12) {
        problems.push_back(
            {Severity::Error, path, where, std::string(what) + " is out of range: '" + text.substr(0, 40) + "'"});
        return std::nullopt;
    }
    return value;
}

}  // namespace subterra
