#include "epanet_report.h"

#include <cmath>
#include <fstream>
#include <sstream>

namespace subterra {

namespace {
bool isRule(const std::string& line) {  // "  ----------"
    const auto first = line.find_first_not_of(" \t");
    return first != std::string::npos && line.compare(first, 3, "---") == 0;
}

bool isBlank(const std::string& line) { return line.find_first_not_of(" \t\r") == std::string::npos; }
}  // namespace

std::map<std::string, double> readEpanetLinkFlows(const std::string& path, Problems& problems) {
    std::map<std::string, double> flows;
    std::ifstream file(path);
    if (!file) {
        problems.push_back({Severity::Error, path, "", "cannot open the EPANET report"});
        return flows;
    }
    // States: looking for the table's title, then its two rules (above and below the header), then rows.
    enum class State { Title, Header, Rows } state = State::Title;
    int rules = 0, lineNumber = 0;
    bool found = false;
    for (std::string line; std::getline(file, line);) {
        ++lineNumber;
        if (state == State::Title) {
            if (line.find("Link Results") != std::string::npos) state = State::Header, found = true;
            continue;
        }
        if (state == State::Header) {
            if (isRule(line) && ++rules == 2) state = State::Rows;
            continue;
        }
        if (isBlank(line) || isRule(line)) break;  // the end of the first table
        std::istringstream fields(line);
        std::string id, flowText;
        fields >> id >> flowText;
        char* end = nullptr;
        const double flow = std::strtod(flowText.c_str(), &end);
        if (id.empty() || flowText.empty() || *end != '\0' || !std::isfinite(flow)) {
            problems.push_back({Severity::Warning, path, "line " + std::to_string(lineNumber),
                                "not a link result row (id, flow, ...): '" + line + "'"});
            continue;
        }
        flows[id] = flow;
    }
    if (!found || state != State::Rows)
        problems.push_back(
            {Severity::Error, path, "", "no \"Link Results\" table: write the report with [REPORT] LINKS ALL"});
    return flows;
}

}  // namespace subterra
