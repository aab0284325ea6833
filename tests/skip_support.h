#pragma once
// Catch2 2.13 has no "skipped" result, so a test case whose inputs are absent (the optional real
// data in ../shared/data, a tool that is not installed) would pass with no assertion. SKIP_TEST
// makes it count as skipped instead: under CTest, which runs one test case per process and sets
// SUBTERRA_TEST_SKIP_CODE (tests/CMakeLists.txt), the process ends with that code, which the
// test's SKIP_RETURN_CODE turns into "Skipped" in the summary. Run by hand (the whole executable),
// the case warns and returns, so the other cases still run.
#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

namespace skip_support {

[[noreturn]] inline void exitSkipped(const std::string& reason, int code) {
    std::printf("SKIPPED: %s\n", reason.c_str());
    std::fflush(stdout);
    std::_Exit(code);  // no Catch2 summary: it would report the case as passed
}

// True when the caller must return (run by hand); does not return under CTest.
inline bool skip(const std::string& reason) {
    if (const char* code = std::getenv("SUBTERRA_TEST_SKIP_CODE")) exitSkipped(reason, std::atoi(code));
    WARN("SKIPPED: " << reason);
    return true;
}

inline bool absent(const std::string& path) { return !std::filesystem::exists(path); }

}  // namespace skip_support

// Ends the test case as skipped, naming why.
#define SKIP_TEST(reason)                       \
    do {                                        \
        if (skip_support::skip(reason)) return; \
    } while (false)

// Skips the test case unless `path` exists (optional data such as ../shared/data).
#define SKIP_UNLESS_EXISTS(path)                                                                           \
    do {                                                                                                   \
        if (skip_support::absent(path) && skip_support::skip(std::string(path) + " is not there")) return; \
    } while (false)
