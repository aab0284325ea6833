// subterra: underground infrastructure as 3D scenes. Thin: every command is a few calls into scene/.
#include "gdal_drivers.h"

#include "cli_common.h"
#include "commands.h"
#include "osg_messages.h"

int main(int argc, char** argv) {
    subterra::ensureGdalDrivers();
    subterra::sendOsgMessagesToStderr();
    CLI::App app{"Subterra: underground infrastructure as 3D scenes you can cut through, annotate and animate"};
    app.require_subcommand(1);
    app.set_version_flag("--version", std::string("subterra ") + SUBTERRA_VERSION);
    int exitCode = subterra::kExitOk;
    subterra::addInfoCommand(app, exitCode);
    subterra::addRenderCommand(app, exitCode);
    subterra::addExportCommand(app, exitCode);
    subterra::addViewCommand(app, exitCode);
    subterra::addAnimateCommand(app, exitCode);
    subterra::addCheckCommand(app, exitCode);
    subterra::addProfileCommand(app, exitCode);
    subterra::documentExitCodes(app);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e);
        return code == 0 ? subterra::kExitOk : subterra::kExitUsage;
    }
    return exitCode;
}
