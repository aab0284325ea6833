#!/usr/bin/env bash
# The long fuzz run: every parser's seeded mutation fuzzing (fuzz/fuzz_parsers.cpp) for SECONDS
# each (default 300), printing per parser the inputs run, crashes, hangs, out-of-memory children
# and the peak RSS of one child. CTest runs the same driver for 3 s per parser (label fuzz).
#
#   bench/fuzz.sh [--seconds S] [--seed N] [BUILD_DIR]   (default 300 s, seed 16, build/)
#
# Inputs that crashed or hung are kept in $FUZZ_WORK (default /tmp/subterra-fuzz) to reproduce.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SECONDS_EACH=300
SEED=16
while [[ ${1:-} == --* ]]; do
    case $1 in
        --seconds) SECONDS_EACH=$2 ;;
        --seed) SEED=$2 ;;
        *) echo "usage: bench/fuzz.sh [--seconds S] [--seed N] [BUILD_DIR]" >&2; exit 2 ;;
    esac
    shift 2
done
BUILD_DIR=$(realpath -m "${1:-${BUILD_DIR:-$REPO/build}}")
DRIVER=$BUILD_DIR/fuzz/fuzz_parsers
if [[ ! -x $DRIVER ]]; then
    echo "fuzz.sh: $DRIVER is missing; build it first: cmake --build $BUILD_DIR -j2 --target fuzz_parsers" >&2
    exit 1
fi
WORK=${FUZZ_WORK:-/tmp/subterra-fuzz}
echo "# fuzz $(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo '?'), $SECONDS_EACH s per parser," \
     "seed $SEED, load $(cut -d' ' -f1 /proc/loadavg)"
"$DRIVER" --parser all --seconds "$SECONDS_EACH" --seed "$SEED" --work "$WORK" --source "$REPO"
