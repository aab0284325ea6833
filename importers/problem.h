#pragma once
// A problem found while reading user data. Errors are values: every importer returns the
// features it could read plus a list of these, so one bad feature never costs the good ones.
#include <cstddef>
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

// The cause of a problem: its severity, file and message with the numbers and quoted names taken
// out, so that "pipe 'P-12': vertices cannot be transformed" and the same for 'P-13' share one.
std::string problemCause(const Problem& problem);

// One cause, one line: the problems as toLine() lines in their order, but of each cause only the
// first `perCause`, followed by "... and N more like this". The full list stays with the caller
// (`info --json` prints every one).
std::vector<std::string> summarizedProblemLines(const Problems& problems, size_t perCause = 5);

}  // namespace subterra
