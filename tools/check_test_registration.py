#!/usr/bin/env python3
"""Every Catch2 test case is exactly one CTest test, and every CTest test of a Catch2 executable is a
test case: a name that CTest would split (a ';') or a case that was never registered shows here.

  check_test_registration.py BUILD_DIR CATCH_EXECUTABLE...
"""
import re
import subprocess
import sys


def catch_cases(executable):
    listed = subprocess.run([executable, "--list-test-names-only"], capture_output=True, text=True, check=False)
    return [line for line in listed.stdout.splitlines() if line.strip()]


def ctest_names(build_dir):
    listed = subprocess.run(["ctest", "--test-dir", build_dir, "-N"], capture_output=True, text=True, check=True)
    return [m.group(1) for m in re.finditer(r"^\s*Test\s+#\d+: (.*)$", listed.stdout, re.M)]


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    registered = ctest_names(argv[1])
    cases = [name for executable in argv[2:] for name in catch_cases(executable)]
    problems = [f"test case '{c}' is registered {registered.count(c)} times in CTest (must be once)"
                for c in cases if registered.count(c) != 1]
    problems += [f"test case name '{c}' holds a ';', which CTest splits" for c in cases if ";" in c]
    # CTest entries that are no test case and none of the tests added by hand (dotted names).
    strays = [r for r in registered if r not in cases and "." not in r and r != "parser_tests_asan"]
    problems += [f"CTest test '{s}' runs no Catch2 test case" for s in strays]
    for p in problems:
        print("FAIL: " + p)
    print(f"{len(cases)} Catch2 test cases, {len(registered)} CTest tests, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
