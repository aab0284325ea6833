// subterra check: clearance and cover rules over the whole network, headless; exit 3 on violations.
#include <iostream>

#include "atomic_file.h"
#include "check_report.h"
#include "cli_common.h"
#include "commands.h"

namespace subterra {

namespace {
struct CheckOptions {
    InputOptions inputs;
    std::string output;
    bool quiet = false;
};

bool rulesHaveErrors(const Problems& problems) {
    for (const auto& p : problems)
        if (p.severity == Severity::Error && p.where.rfind("$.checks", 0) == 0) return true;
    return false;
}

int runCheck(const CheckOptions& options) {
    const bool csv = endsWith(options.output, ".csv");
    if (!options.output.empty() && !csv && !endsWith(options.output, ".geojson") &&
        !endsWith(options.output, ".json")) {
        std::cerr << "subterra: error: " << options.output << ": unknown output format (use .csv or .geojson)\n";
        return kExitUsage;
    }
    const LoadedInputs inputs = loadInputs(options.inputs);
    const bool hadErrors = printProblems(inputs.problems);
    if (rulesHaveErrors(inputs.problems)) {
        std::cerr << "subterra: error: the project's check rules are malformed (see above); nothing checked\n";
        return kExitUserError;
    }
    const Model& model = inputs.load.model;
    if (model.segments.empty()) {
        std::cerr << "subterra: error: nothing to check: no pipe or cable could be read"
                  << (hadErrors ? " (see the errors above)" : "") << "\n";
        return kExitUserError;
    }
    const CheckRules rules = inputs.project ? inputs.project->checks : CheckRules{};
    const CheckResults results = runChecks(model, rules);
    if (!options.quiet)
        for (const auto& line : checkLines(results, model)) std::cout << line << "\n";
    if (!options.output.empty()) {
        const std::string crs = inputs.project ? inputs.project->crs : options.inputs.crs;
        std::string error;
        const std::string text = csv ? checkCsv(results, model) : checkGeoJson(results, model, crs);
        if (!writeFileAtomically(options.output, text).into(error)) {
            std::cerr << "subterra: error: " << error << "\n";
            return kExitUserError;
        }
    }
    std::cerr << "subterra: " << results.clearance.size() << " clearance and " << results.cover.size()
              << " cover violations in " << model.segments.size() << " lines\n";
    if (results.any()) return kExitViolations;
    return hadErrors ? kExitUserError : kExitOk;
}
}  // namespace

void addCheckCommand(CLI::App& app, int& exitCode) {
    auto options = std::make_shared<CheckOptions>();
    CLI::App* command = app.add_subcommand(
        "check", "Check clearances between lines and their cover against the project's rules (exit 3 on violations)");
    addInputOptions(*command, options->inputs);
    command->add_option("-o,--output", options->output, "Write the violations as .geojson or .csv");
    command->add_flag("-q,--quiet", options->quiet, "Do not list the violations on stdout");
    command->callback([options, &exitCode] { exitCode = runCheck(*options); });
}

}  // namespace subterra
