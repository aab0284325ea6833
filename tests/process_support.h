#pragma once
// Programs a test starts without waiting for them (the viewer, while the test drives it with real
// X input), waited for with a time limit, and killed if the test gives up first. POSIX (Linux).
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

extern char** environ;

namespace process {

class Child {
  public:
    // Starts `program` (a path) with `arguments` in `workDir`, stdout and stderr into the files
    // `outPath` and `errPath` (absolute, or relative to workDir). Check started() after.
    Child(const std::string& program, const std::vector<std::string>& arguments, const std::string& workDir,
          const std::string& outPath, const std::string& errPath) {
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_addchdir_np(&actions, workDir.c_str());
        posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, outPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, errPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        std::vector<char*> argv{const_cast<char*>(program.c_str())};
        for (const auto& argument : arguments) argv.push_back(const_cast<char*>(argument.c_str()));
        argv.push_back(nullptr);
        if (posix_spawn(&pid_, program.c_str(), &actions, nullptr, argv.data(), environ) != 0) pid_ = -1;
        posix_spawn_file_actions_destroy(&actions);
    }
    Child(const Child&) = delete;
    Child& operator=(const Child&) = delete;
    // A test that fails half way must not leave the program running.
    ~Child() {
        if (running()) {
            kill(pid_, SIGKILL);
            waitpid(pid_, nullptr, 0);
        }
    }

    bool started() const { return pid_ > 0; }
    bool running() {
        if (!started() || exitCode_) return false;
        int status = 0;
        if (waitpid(pid_, &status, WNOHANG) != pid_) return true;
        exitCode_ = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        return false;
    }
    // Its exit status once it has ended (-1: killed by a signal); nullopt while it still runs
    // after `timeoutS`.
    std::optional<int> waitFor(double timeoutS) {
        const auto until = std::chrono::steady_clock::now() + std::chrono::duration<double>(timeoutS);
        while (running() && std::chrono::steady_clock::now() < until)
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        return running() ? std::nullopt : exitCode_;
    }

  private:
    pid_t pid_ = -1;
    std::optional<int> exitCode_;
};

// Runs a shell command line; its stdout when it exits with 0, else nullopt.
inline std::optional<std::string> output(const std::string& command) {
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe) return std::nullopt;
    std::ostringstream text;
    char buffer[256];
    while (size_t n = fread(buffer, 1, sizeof buffer, pipe)) text.write(buffer, std::streamsize(n));
    const int status = pclose(pipe);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return std::nullopt;
    return text.str();
}

// True when `name` is a program on the PATH.
inline bool installed(const std::string& name) {
    return output("command -v '" + name + "' >/dev/null 2>&1").has_value();
}

}  // namespace process
