#include "cli_common.h"

#include <cstdio>
#include <iostream>

namespace subterra {

void documentExitCodes(CLI::App& app) {
    const std::string table =
        "\nExit codes (the same for every command):\n"
        "  0  done\n"
        "  1  the data or a file is at fault: unreadable or invalid input, nothing to draw, a write failed\n"
        "  2  the command line is at fault: unknown option, malformed or out-of-range value\n"
        "  3  done, and the checks found violations (check, render --check, report)\n";
    app.footer(table);
    for (CLI::App* command : app.get_subcommands({})) command->footer(table);
}

void addInputOptions(CLI::App& command, InputOptions& options) {
    command
        .add_option("inputs", options.inputs, "A project file (*.subterra.json) or vector data files (any GDAL format)")
        ->required();
    command.add_option("--dem", options.dem,
                       "Elevation raster for the ground (any GDAL raster; overrides the project's)");
    command.add_option("--crs", options.crs,
                       "Project CRS, e.g. EPSG:32651 (default: the project's, else from the data); the model is "
                       "in metres whatever its unit");
    command.add_option("--input-crs", options.inputCrs,
                       "CRS of inputs that declare none (EPANET/SWMM, a shapefile without .prj), e.g. EPSG:3547 "
                       "or EPSG:4269");
    command.add_option("--dem-unit", options.demUnit,
                       "Unit of the DEM's heights when the raster does not say: m, ft or us-ft");
    command.add_option("--field", options.fields,
                       "Read a field as a mapping role for this run, in every layer that has the field: "
                       "ROLE=FIELD or ROLE=FIELD:UNIT, e.g. diameter=PIPESZ:in (repeatable; roles as in the "
                       "project's \"mapping\")");
}

void addCutOptions(CLI::App& command, InputOptions& options) {
    command.add_option("--cut", options.enableCuts,
                       "Enable the project's section or excavation of this name (repeatable)");
    command.add_flag("--no-cuts", options.noCuts,
                     "Draw without the project's sections and excavations (--cut still adds)");
    command.add_option("--section", options.sections,
                       "Add a section plane: x1,y1,x2,y2 (vertical, left side cut away), z=LEVEL, or x,y,z,nx,ny,nz");
    command.add_option("--excavation", options.excavations,
                       "Add an excavation: cx,cy,size_x,size_y,depth[,rotation_deg]");
}

bool printProblems(const Problems& problems) {
    for (const auto& line : summarizedProblemLines(problems)) std::cerr << "subterra: " << line << "\n";
    return hasErrors(problems);
}

CLI::Validator finiteRange(double min, double max) {
    const std::string range = "[" + CLI::detail::to_string(min) + " - " + CLI::detail::to_string(max) + "]";
    return CLI::Validator(
        [min, max, range](std::string& input) {
            double value = 0;
            if (!CLI::detail::lexical_cast(input, value) || !(value >= min && value <= max))
                return "'" + input + "' is not a number in " + range;
            return std::string();
        },
        "NUMBER in " + range);
}

CLI::Validator inRange(const NumericOption& option) { return finiteRange(option.min, option.max); }

bool parseSize(const std::string& text, int& width, int& height) {
    char separator = 0, trailing = 0;
    if (std::sscanf(text.c_str(), "%d%c%d%c", &width, &separator, &height, &trailing) != 3) return false;
    return (separator == 'x' || separator == 'X') && defaults::kRenderWidthPx.accepts(width) &&
           defaults::kRenderHeightPx.accepts(height);
}

bool endsWith(const std::string& path, const std::string& suffix) {
    return path.size() >= suffix.size() && path.compare(path.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace subterra
