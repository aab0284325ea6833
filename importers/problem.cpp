#include "problem.h"

#include <cctype>
#include <map>

namespace subterra {

std::string Problem::toLine() const {
    std::string line = severity == Severity::Warning ? "warning: " : "error: ";
    if (!file.empty()) line += file + ": ";
    if (!where.empty()) line += where + ": ";
    return line + message;
}

std::string problemCause(const Problem& problem) {
    std::string cause = problem.severity == Severity::Error ? "E|" : "W|";
    cause += problem.file + "|";
    bool inQuote = false;
    for (char c : problem.message) {
        if (c == '\'') {
            inQuote = !inQuote;
            cause += "'*'";
            continue;
        }
        if (inQuote) continue;
        if (std::isdigit(static_cast<unsigned char>(c)) || c == '.' || c == '-') {
            if (cause.back() != '#') cause += '#';
            continue;
        }
        cause += c;
    }
    return cause;
}

std::vector<std::string> summarizedProblemLines(const Problems& problems, size_t perCause) {
    std::map<std::string, size_t> total, shown;
    std::vector<std::string> causes;
    causes.reserve(problems.size());
    for (const auto& p : problems) total[causes.emplace_back(problemCause(p))]++;
    std::vector<std::string> lines;
    for (size_t i = 0; i < problems.size(); ++i) {
        const size_t count = ++shown[causes[i]];
        if (count > perCause) continue;
        lines.push_back(problems[i].toLine());
        const size_t all = total[causes[i]];
        if (count == perCause && all > perCause) {
            Problem more = problems[i];
            more.where.clear();
            more.message = "... and " + std::to_string(all - perCause) + " more like this (`info --json` lists all)";
            lines.push_back(more.toLine());
        }
    }
    return lines;
}

}  // namespace subterra
