#include "problem.h"

namespace subterra {

std::string Problem::toLine() const {
    std::string line = severity == Severity::Warning ? "warning: " : "error: ";
    if (!file.empty()) line += file + ": ";
    if (!where.empty()) line += where + ": ";
    return line + message;
}

}  // namespace subterra
