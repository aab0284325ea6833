#pragma once
// A problem found while reading user data. Errors are values: every importer returns the
// features it could read plus a list of these, so one bad feature never costs the good ones.
#include <string>
#include <vector>

namespace subterra {

enum class Severity { Warning, Error };

struct Problem {
    Severity severity = Severity::Error;
    std::string file;     // source path or connection string
    std::string where;    // layer/feature id, line number or JSON path; may be empty
    std::string message;  // what is wrong, in the user's words

    // One line: "file: where: message" (parts that are empty are left out).
    std::string toLine() const;
};

using Problems = std::vector<Problem>;

inline bool hasErrors(const Problems& problems) {
    for (const auto& p : problems)
        if (p.severity == Severity::Error) return true;
    return false;
}

}  // namespace subterra
