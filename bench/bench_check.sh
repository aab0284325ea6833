#!/usr/bin/env bash
# The clearance and cover checks on a generated city (default 100k segments): seconds for the checks
# alone (bench_check, import excluded) and for the whole `subterra check` process.
#
#   bench/bench_check.sh [--segments N] [BUILD_DIR]   (default 100000, build/)
#
# Builds nothing: build subterra, generate_district and bench_check first. Prints figures; judges nothing.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SEGMENTS=100000
if [[ ${1:-} == --segments ]]; then SEGMENTS=$2; shift 2; fi
BUILD_DIR=$(realpath -m "${1:-${BUILD_DIR:-$REPO/build}}")
CITY=${BENCH_CITY_DIR:-/tmp/subterra-bench-city-$SEGMENTS}
for program in app/subterra tools/generate_district bench/bench_check; do
    if [[ ! -x $BUILD_DIR/$program ]]; then
        echo "bench_check.sh: $BUILD_DIR/$program is missing; build it first:" >&2
        echo "  cmake --build $BUILD_DIR -j2 --target subterra generate_district bench_check" >&2
        exit 1
    fi
done
if [[ ! -f $CITY/district.subterra.json ]]; then
    echo "bench_check.sh: generating a $SEGMENTS-segment city in $CITY" >&2
    "$BUILD_DIR/tools/generate_district" --out "$CITY" --segments "$SEGMENTS" > /dev/null 2> "$CITY.generate.err" || {
        cat "$CITY.generate.err" >&2
        exit 1
    }
fi
PROJECT=$CITY/district.subterra.json
cat "$CITY/district.gpkg" "$CITY/dem.tif" > /dev/null  # warm page cache

echo "bench_check: $PROJECT, $(nproc) cores, load average $(cut -d ' ' -f 1 /proc/loadavg)"
"$BUILD_DIR/bench/bench_check" "$PROJECT"
WORK=$(mktemp -d /tmp/subterra-bench-check.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
status=0
/usr/bin/time -f '%e %M' -o "$WORK/time" "$BUILD_DIR/app/subterra" check "$PROJECT" -q -o "$WORK/conflicts.csv" \
    2> "$WORK/err" || status=$?
read -r wall rss < <(tail -n 1 "$WORK/time")  # time prefixes a line when the exit status is not 0
echo "subterra_check_process $wall s (exit $status, peak RSS $((rss / 1024)) MiB, $(($(wc -l < "$WORK/conflicts.csv") - 1)) violations)"
