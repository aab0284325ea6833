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
    std::string format;  // of `-o -`: geojson (default) or csv
    bool json = false;
    bool quiet = false;
};

enum class CheckFormat { None, GeoJson, Csv };

// The file format from -o's extension, or --format for `-o -` (stdout); None with `error` when unknown.
CheckFormat outputFormat(const CheckOptions& options, std::string& error) {
    if (options.output.empty()) return CheckFormat::None;
    if (options.output == "-") {
        if (options.format.empty() || options.format == "geojson") return CheckFormat::GeoJson;
        if (options.format == "csv") return CheckFormat::Csv;
        error = "--format '" + options.format + "': expected geojson or csv";
        return CheckFormat::None;
    }
    if (endsWith(options.output, ".csv")) return CheckFormat::Csv;
    if (endsWith(options.output, ".geojson") || endsWith(options.output, ".json")) return CheckFormat::GeoJson;
    error = options.output + ": unknown output format (use .csv, .geojson, or - for GeoJSON on stdout)";
    return CheckFormat::None;
}

bool rulesHaveErrors(const Problems& problems) {
    for (const auto& p : problems)
        if (p.severity == Severity::Error && p.where.rfind("$.checks", 0) == 0) return true;
    return false;
}

int runCheck(const CheckOptions& options) {
    std::string error;
    const CheckFormat format = outputFormat(options, error);
    if (!error.empty() || (options.json && options.output == "-")) {
        std::cerr << "subterra: error: "
                  << (error.empty() ? "--json and -o - both write to stdout; give -o a file name" : error) << "\n";
        return kExitUsage;
    }
    const bool toStdout = options.output == "-";
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
    // stdout carries one thing: the data file (-o -), the JSON summary, or the violation lines.
    if (!options.quiet && !toStdout && !options.json)
        for (const auto& line : checkLines(results, model)) std::cout << line << "\n";
    if (options.json) std::cout << checkJsonSummary(results, model);
    if (format != CheckFormat::None) {
        const std::string crs = inputs.project ? inputs.project->crs : options.inputs.crs;
        const std::string text =
            format == CheckFormat::Csv ? checkCsv(results, model) : checkGeoJson(results, model, crs);
        if (toStdout) {
            std::cout << text;
        } else if (!writeFileAtomically(options.output, text).into(error)) {
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
    command->add_option("-o,--output", options->output,
                        "Write the violations, worst first, as .geojson or .csv; - writes to stdout");
    command->add_option("--format", options->format, "Format of -o -: geojson (default) or csv");
    command->add_flag("--json", options->json,
                      "Print a JSON summary on stdout (counts by check and severity, the violations worst first)");
    command->add_flag("-q,--quiet", options->quiet, "Do not list the violations on stdout");
    command->callback([options, &exitCode] { exitCode = runCheck(*options); });
}

}  // namespace subterra
