#pragma once
// The .inp text layout shared by EPANET and SWMM: "[SECTION]" headers, one record per line,
// whitespace-separated fields, ';' starts a comment. This reads the layout only; what each
// section means is up to the format importers.
#include <optional>
#include <string>
#include <vector>

#include "problem.h"

namespace subterra {

struct InpRecord {
    int line = 0;                     // 1-based line number in the file
    std::vector<std::string> fields;  // never empty
};

struct InpSection {
    std::string name;  // upper case, without brackets: "JUNCTIONS"
    int line = 0;
    std::vector<InpRecord> records;
};

struct InpFile {
    std::string path;
    std::vector<InpSection> sections;
    // The first section with this (upper-case) name; null when absent.
    const InpSection* find(const std::string& name) const;
    // The records of the first section with this name; empty when absent.
    const std::vector<InpRecord>& records(const std::string& name) const;
};

// Splits `text` into sections. Free-text sections ([TITLE]) keep their lines unsplit as one field.
// Unknown sections (not in `knownSections`) are kept but reported once as a warning; lines with
// NUL bytes or before the first header are reported and skipped.
InpFile parseInpText(const std::string& text, const std::string& path, const std::vector<std::string>& knownSections,
                     Problems& problems);
// Reads the file; nullopt with an Error problem when it cannot be read or is empty.
std::optional<InpFile> readInpFile(const std::string& path, const std::vector<std::string>& knownSections,
                                   Problems& problems);

// Upper-case names of the "[...]" headers in the file's first `maxBytes`; used by `claims`.
std::vector<std::string> sniffInpSections(const std::string& path, size_t maxBytes = 1 << 20);

// "line 42"
std::string inpUpper(std::string text);
std::string lineWhere(int line);

// A numeric field: parsed fully, finite and within +-1e12, else a Problem naming the line, the
// field and the text, and nullopt. A missing field (index past the end) is reported too.
std::optional<double> inpNumber(const InpRecord& record, size_t index, const char* what, const std::string& path,
                                Problems& problems);

}  // namespace subterra
