// Seeded mutation fuzzing of every parser: seed inputs are corrupted at random (tests/mutators.h,
// plus header words overwritten with extreme values) and each mutant is run in a child process,
// so that a crash, a hang or a runaway allocation is counted instead of ending the run.
//
//   fuzz_parsers [--parser NAME|all] [--seconds S] [--seed N] [--timeout-ms T] [--memory-mb M]
//                [--work DIR] [--source DIR]
//
// Prints one line per parser: inputs, crashes, hangs, out-of-memory, peak RSS of a child. Inputs
// that crashed or hung are kept in DIR (crash-*, hang-*) to reproduce. Exit status 1 when any
// input crashed, hung or exceeded the memory cap.
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

#include "fuzz_targets.h"
#include "gdal_drivers.h"
#include "mutators.h"

namespace fs = std::filesystem;

namespace {
struct Options {
    std::string parser = "all";
    double seconds = 3;
    unsigned seed = 16;
    int timeoutMs = 10000;
    long memoryMb = 2048;
    std::string work = "fuzz-work";
    std::string source = SUBTERRA_SOURCE_DIR;
};

struct Counts {
    long inputs = 0, crashes = 0, hangs = 0, outOfMemory = 0, peakRssKb = 0;
};

// The .inp replacements and what breaks JSON, XML and binary headers.
std::vector<std::string> junk() {
    std::vector<std::string> all = mutation::kInpJunk;
    for (const std::string extra : {"-1e400", "1e300", "{", "}", ",", ":", "null", "-1", "<Struct", "</Pipes>",
                                    "elevRim=\"1e308\"", "\"CityObjects\":", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["})
        all.push_back(extra);
    all.push_back(std::string("\0\0\0\0", 4));
    all.push_back("\xff\xff\xff\xff");
    return all;
}
const std::vector<std::string> kJunk = junk();

// One corrupted copy of a seed: line or byte edits, and for byte formats sometimes a 4-byte word
// near the start (headers, chunk lengths) set to an extreme value.
std::string mutate(const fuzz::FuzzTarget& target, const std::string& seed, std::mt19937& random) {
    if (target.mutation == fuzz::FuzzTarget::Mutation::Lines) return mutation::mutateLines(seed, random, kJunk);
    std::string text = mutation::mutateBytes(seed, random, kJunk);
    if (random() % 3 == 0 && text.size() >= 8) {
        static const char* const words[] = {"\xff\xff\xff\xff", "\0\0\0\0", "\xff\xff\xff\x7f", "\x01\0\0\0"};
        const size_t at = (random() % std::min<size_t>(text.size() - 3, 64)) & ~size_t(3);
        text.replace(at, 4, words[random() % 4], 4);
    }
    return text;
}

enum class Outcome { Ok, Crash, Hang, OutOfMemory };

// Runs the parser on `path` in a child with a memory cap; kills it after the timeout.
Outcome runChild(const fuzz::FuzzTarget& target, const std::string& path, const Options& options, long& rssKb) {
    const pid_t pid = fork();
    if (pid == 0) {
        const int null = open("/dev/null", O_WRONLY);  // GDAL's and Assimp's own messages, per input
        dup2(null, STDOUT_FILENO);
        dup2(null, STDERR_FILENO);
        const rlim_t bytes = rlim_t(options.memoryMb) << 20;
        const rlimit limit{bytes, bytes};
        setrlimit(RLIMIT_AS, &limit);
        try {
            target.run(path);
        } catch (const std::bad_alloc&) {
            _exit(3);  // the memory cap: an allocation beyond it
        }
        _exit(0);
    }
    const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(options.timeoutMs);
    int status = 0;
    rusage usage{};
    bool hung = false;
    while (wait4(pid, &status, WNOHANG, &usage) == 0) {
        if (std::chrono::steady_clock::now() > until) {
            kill(pid, SIGKILL);
            wait4(pid, &status, 0, &usage);
            hung = true;
            break;
        }
        std::this_thread::sleep_for(std::chrono::microseconds(200));
    }
    rssKb = usage.ru_maxrss;
    if (hung) return Outcome::Hang;
    if (WIFEXITED(status) && WEXITSTATUS(status) == 3) return Outcome::OutOfMemory;
    return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? Outcome::Ok : Outcome::Crash;
}

void keep(const std::string& path, const std::string& work, const char* what, const fuzz::FuzzTarget& target,
          long number) {
    std::error_code ignored;
    fs::copy_file(path, work + "/" + what + "-" + target.name + "-" + std::to_string(number) + target.extension,
                  fs::copy_options::overwrite_existing, ignored);
}

Counts fuzzOne(const fuzz::FuzzTarget& target, const Options& options) {
    Counts counts;
    const std::vector<std::string> seeds = target.seeds(options.source);
    std::mt19937 random(options.seed);
    const std::string path = options.work + "/input-" + target.name + target.extension;
    const auto end = std::chrono::steady_clock::now() + std::chrono::duration<double>(options.seconds);
    for (long n = 0; std::chrono::steady_clock::now() < end; ++n) {
        const std::string& seed = seeds[size_t(n) % seeds.size()];
        const std::string input = n < long(seeds.size()) ? seed : mutate(target, seed, random);
        std::ofstream(path, std::ios::binary | std::ios::trunc) << input;
        long rssKb = 0;
        const Outcome outcome = runChild(target, path, options, rssKb);
        counts.inputs++;
        counts.peakRssKb = std::max(counts.peakRssKb, rssKb);
        if (outcome == Outcome::Crash) counts.crashes++, keep(path, options.work, "crash", target, n);
        if (outcome == Outcome::Hang) counts.hangs++, keep(path, options.work, "hang", target, n);
        if (outcome == Outcome::OutOfMemory) counts.outOfMemory++, keep(path, options.work, "oom", target, n);
    }
    return counts;
}

bool parseOptions(int argc, char** argv, Options& options) {
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string key = argv[i], value = argv[i + 1];
        if (key == "--parser") options.parser = value;
        else if (key == "--seconds") options.seconds = std::atof(value.c_str());
        else if (key == "--seed") options.seed = unsigned(std::strtoul(value.c_str(), nullptr, 10));
        else if (key == "--timeout-ms") options.timeoutMs = std::atoi(value.c_str());
        else if (key == "--memory-mb") options.memoryMb = std::atol(value.c_str());
        else if (key == "--work") options.work = value;
        else if (key == "--source") options.source = value;
        else return false;
    }
    return argc % 2 == 1;
}
}  // namespace

int main(int argc, char** argv) {
    Options options;
    if (!parseOptions(argc, argv, options)) {
        std::fprintf(stderr,
                     "usage: fuzz_parsers [--parser NAME|all] [--seconds S] [--seed N] [--timeout-ms T] "
                     "[--memory-mb M] [--work DIR] [--source DIR]\n");
        return 2;
    }
    subterra::ensureGdalDrivers();
    fs::create_directories(options.work);
    bool found = false, clean = true;
    std::printf("%-9s %8s %8s %6s %6s %14s\n", "parser", "inputs", "crashes", "hangs", "oom", "peak RSS (MB)");
    for (const auto& target : fuzz::fuzzTargets()) {
        if (options.parser != "all" && options.parser != target.name) continue;
        found = true;
        const Counts c = fuzzOne(target, options);
        std::printf("%-9s %8ld %8ld %6ld %6ld %14.1f\n", target.name, c.inputs, c.crashes, c.hangs, c.outOfMemory,
                    double(c.peakRssKb) / 1024);
        std::fflush(stdout);
        clean = clean && c.crashes == 0 && c.hangs == 0 && c.outOfMemory == 0;
    }
    if (!found) {
        std::fprintf(stderr, "fuzz_parsers: no parser named '%s'\n", options.parser.c_str());
        return 2;
    }
    return clean ? 0 : 1;
}
