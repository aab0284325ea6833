// subterra info: what the importers saw (layers, counts, CRS, extent, mapping, Z rules, problems).
#include <iostream>

#include "cli_common.h"
#include "commands.h"
#include "load_report.h"

namespace subterra {

void addInfoCommand(CLI::App& app, int& exitCode) {
    auto options = std::make_shared<InputOptions>();
    auto asJson = std::make_shared<bool>(false);
    CLI::App* command = app.add_subcommand("info", "Describe what the importers read from a project or data files");
    addInputOptions(*command, *options);
    command->add_flag("--json", *asJson, "Print a JSON report on stdout (problems included)");
    command->callback([options, asJson, &exitCode] {
        const LoadedInputs inputs = loadInputs(*options);
        const nlohmann::json report = loadReportJson(inputs);
        if (*asJson) std::cout << report.dump(2) << "\n";
        else std::cout << loadReportText(report);
        if (!*asJson) printProblems(inputs.problems);
        exitCode = hasErrors(inputs.problems) ? kExitUserError : kExitOk;
    });
}

}  // namespace subterra
