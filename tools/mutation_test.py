#!/usr/bin/env python3
"""Mutation test of the test suite: which one-line bugs does `ctest` catch?

Copies the working tree (tracked and untracked, not ignored files) next to it, builds it once, checks
that the whole suite passes there, then for each mutant of tools/mutants.txt: applies it, rebuilds,
runs the whole CTest suite (stopping at the first failure), and restores the file. A mutant is
killed when a test fails, survived when every test passes; one that does not compile is reported
apart and left out of the kill rate. Prints a table and the kill rate.

  python3 tools/mutation_test.py [--mutants tools/mutants.txt] [--tree DIR] [--only 1,3] [--list]

Runs for a while (a rebuild and up to a whole suite per mutant); ccache shares the objects.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

SOURCE = Path(__file__).resolve().parent.parent


def parse_mutants(path):
    """Blocks of `= what`, `@ path`, `- from`, `+ to` (\\n in from/to is a line break)."""
    mutants, current = [], None
    for number, line in enumerate(path.read_text().splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        tag, text = line[:2], line[2:].replace("\\n", "\n")
        if tag == "= ":
            current = {"what": text, "line": number}
            mutants.append(current)
        elif current is None or tag not in ("@ ", "- ", "+ "):
            sys.exit(f"{path}:{number}: expected '= what' first, then '@ ', '- ', '+ ' lines")
        else:
            current[{"@ ": "path", "- ": "from", "+ ": "to"}[tag]] = text
    for m in mutants:
        missing = [k for k in ("path", "from", "to") if k not in m]
        if missing:
            sys.exit(f"{path}:{m['line']}: mutant '{m['what']}' lacks {', '.join(missing)}")
    return mutants


def check_applies(tree, mutant):
    """The reason the mutant cannot be applied, or None."""
    target = tree / mutant["path"]
    if not target.is_file():
        return f"{mutant['path']} does not exist"
    count = target.read_text().count(mutant["from"])
    return None if count == 1 else f"the text occurs {count} times in {mutant['path']} (must be once)"


def copy_tree(tree):
    files = subprocess.run(["git", "ls-files", "-co", "--exclude-standard", "-z"], cwd=SOURCE, check=True,
                           capture_output=True).stdout.decode().split("\0")
    for name in filter(None, files):
        source, target = SOURCE / name, tree / name
        if not source.is_file():
            continue
        if not target.exists() or target.read_bytes() != source.read_bytes():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)


def run(command, cwd, log):
    with open(log, "w") as out:
        return subprocess.run(command, cwd=cwd, stdout=out, stderr=subprocess.STDOUT).returncode


def build(tree, jobs, log):
    return run(["cmake", "--build", "build", f"-j{jobs}"], tree, log) == 0


def first_failure(log):
    for line in Path(log).read_text(errors="replace").splitlines():
        match = re.search(r"Test +#\d+: (.+?) \.+\*+(Failed|Timeout|Exception|Not Run)", line)
        if match:
            return match.group(1)
    return "?"


def ctest(tree, jobs, log):
    """None when every test passed, else the first failing test's name."""
    code = run(["ctest", "--test-dir", "build", f"-j{jobs}", "--stop-on-failure", "--timeout", "900"], tree, log)
    return None if code == 0 else first_failure(log)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mutants", type=Path, default=SOURCE / "tools" / "mutants.txt")
    parser.add_argument("--tree", type=Path, default=SOURCE.parent / (SOURCE.name + "-mutation"),
                        help="where the copy is built (a sibling, so ../shared resolves as in the source)")
    parser.add_argument("--only", help="comma-separated mutant numbers (1-based)")
    parser.add_argument("--list", action="store_true", help="list the mutants and check that each applies")
    parser.add_argument("--jobs", type=int, default=int(os.environ.get("JOBS", "2")))
    args = parser.parse_args()

    mutants = parse_mutants(args.mutants)
    chosen = [int(n) for n in args.only.split(",")] if args.only else range(1, len(mutants) + 1)
    if args.list:
        bad = 0
        for n, m in enumerate(mutants, 1):
            problem = check_applies(SOURCE, m)
            bad += problem is not None
            print(f"{n:3} {m['path']}: {m['what']}" + (f"  ** {problem}" if problem else ""))
        return 1 if bad else 0

    tree, logs = args.tree, args.tree / "mutation-logs"
    tree.mkdir(parents=True, exist_ok=True)
    copy_tree(tree)
    logs.mkdir(exist_ok=True)
    os.environ.update(CCACHE_BASEDIR=str(tree), CCACHE_NOHASHDIR="1")
    if run(["cmake", "-S", ".", "-B", "build", "-DCMAKE_BUILD_TYPE=RelWithDebInfo", "-DSUBTERRA_WERROR=ON"], tree,
           logs / "configure.log") != 0 or not build(tree, args.jobs, logs / "build.log"):
        sys.exit(f"the unmutated tree does not build: see {logs}")
    failed = ctest(tree, args.jobs, logs / "ctest.log")
    if failed:
        sys.exit(f"the unmutated suite fails ({failed}): fix that first; see {logs / 'ctest.log'}")

    results = []
    for n in chosen:
        m = mutants[n - 1]
        problem = check_applies(tree, m)
        if problem:
            results.append((n, m, "not applied", problem, 0))
            continue
        target = tree / m["path"]
        original = target.read_text()
        started = time.time()
        target.write_text(original.replace(m["from"], m["to"]))
        try:
            if not build(tree, args.jobs, logs / f"mutant{n}-build.log"):
                outcome, detail = "no compile", f"see mutant{n}-build.log"
            else:
                failed = ctest(tree, args.jobs, logs / f"mutant{n}-ctest.log")
                outcome, detail = ("killed", failed) if failed else ("SURVIVED", "every test passed")
        finally:
            target.write_text(original)
        results.append((n, m, outcome, detail, time.time() - started))
        print(f"{n:3} {outcome:11} {m['what']} ({detail}, {time.time() - started:.0f} s)", flush=True)
    build(tree, args.jobs, logs / "restore-build.log")

    print("\n| # | mutant | file | result | first failing test |\n|---|---|---|---|---|")
    for n, m, outcome, detail, _ in results:
        print(f"| {n} | {m['what']} | `{m['path']}` | {outcome} | {detail} |")
    killed = sum(r[2] == "killed" for r in results)
    survived = sum(r[2] == "SURVIVED" for r in results)
    scored = killed + survived
    rate = 100.0 * killed / scored if scored else 0.0
    print(f"\nkilled {killed} of {scored} mutants ({rate:.0f}%); "
          f"{sum(r[2] == 'no compile' for r in results)} did not compile, "
          f"{sum(r[2] == 'not applied' for r in results)} not applied")
    return 0 if survived == 0 and scored == len(results) else 1


if __name__ == "__main__":
    sys.exit(main())
