#!/usr/bin/env bash
# The figures of the performance issue, printed as one Markdown table:
#   import time vs `ogrinfo -al -q` on the same GeoPackage (goal: <= 2x), scene build, peak RSS per
#   segment, headless 1920x1080 frame time, and whole-process `subterra render` vs f3d rendering the
#   same scene exported as a mesh (goal: Subterra faster).
#
#   bench/run_benchmarks.sh [--quick] [--keep] [BUILD_DIR]   (BUILD_DIR also from the environment; default build/)
#
# Builds nothing: it measures what BUILD_DIR holds (subterra, tools/generate_district, bench/bench_scene),
# so build it in Release or RelWithDebInfo first. Installs nothing either: a missing optional tool is
# named with the command that installs it, and its row is skipped. --quick: a 10k-segment city for a
# sanity run in about a minute (the full run takes 10-15 minutes on 2 cores). --keep: keep the work directory (both PNGs, the .glb) to compare the pictures.
# Prints figures; judges nothing (exit status 0 whether goals are met or not).
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SEGMENTS=100000
KEEP=0
POSITIONAL=()
for arg in "$@"; do
    case "$arg" in
        --quick) SEGMENTS=10000 ;;
        --keep) KEEP=1 ;;
        -h | --help) awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "${BASH_SOURCE[0]}"; exit 0 ;;
        -*) echo "run_benchmarks.sh: unknown option $arg (try --help)" >&2; exit 2 ;;
        *) POSITIONAL+=("$arg") ;;
    esac
done
BUILD_DIR=$(realpath -m "${POSITIONAL[0]:-${BUILD_DIR:-$REPO/build}}")
WIDTH=1920 HEIGHT=1080
RUNS=2  # whole-process timings are the best of RUNS: the minimum is the least disturbed by the rest of the machine
# One directory per size, so a --quick run never overwrites the big city (and vice versa).
CITY=${BENCH_CITY_DIR:-/tmp/subterra-bench-city-$SEGMENTS}

SUBTERRA=$BUILD_DIR/app/subterra
GENERATOR=$BUILD_DIR/tools/generate_district
BENCH_SCENE=$BUILD_DIR/bench/bench_scene
for program in "$SUBTERRA" "$GENERATOR" "$BENCH_SCENE"; do
    if [[ ! -x $program ]]; then
        echo "run_benchmarks.sh: $program is missing; build it first:" >&2
        echo "  cmake --build $BUILD_DIR -j2 --target subterra generate_district bench_scene" >&2
        exit 1
    fi
done
# Required, not optional: without them there is no baseline to compare with.
for tool in ogrinfo:gdal-bin /usr/bin/time:time; do
    if ! command -v "${tool%%:*}" > /dev/null; then
        echo "run_benchmarks.sh: ${tool%%:*} is missing; install it with: apt-get install ${tool#*:}" >&2
        exit 1
    fi
done

WORK=$(mktemp -d /tmp/subterra-bench.XXXXXX)
if ((KEEP)); then
    trap 'echo "run_benchmarks.sh: kept $WORK" >&2' EXIT
else
    trap 'rm -rf "$WORK"' EXIT
fi

note() { echo "run_benchmarks.sh: $*" >&2; }

# measure NAME COMMAND...: runs COMMAND RUNS times; sets WALL (best, s) and RSS (its peak, MiB).
# stdout/stderr of the last run stay in $WORK/NAME.out|err. A failing command stops the script:
# a figure from a run that did not finish would be a lie.
measure() {
    local name=$1 run wall rss
    shift
    WALL='' RSS=''
    for ((run = 0; run < RUNS; ++run)); do
        if ! /usr/bin/time -f '%e %M' -o "$WORK/$name.time" "$@" > "$WORK/$name.out" 2> "$WORK/$name.err"; then
            note "$name failed: $*"
            tail -n 20 "$WORK/$name.err" >&2
            exit 1
        fi
        read -r wall rss < "$WORK/$name.time"
        if [[ -z $WALL ]] || awk -v a="$wall" -v b="$WALL" 'BEGIN { exit !(a < b) }'; then
            WALL=$wall RSS=$(awk -v k="$rss" 'BEGIN { printf "%.0f", k / 1024 }')
        fi
    done
}

# figure NAME: a value bench_scene printed ("name value unit" lines).
figure() { awk -v k="$1" '$1 == k { print $2 }' "$WORK/bench_scene.out"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
# verdict RATIO OP LIMIT (OP: "<" or "<="): whether a "lower is better" ratio meets its goal.
verdict() { awk -v r="$1" -v op="$2" -v g="$3" 'BEGIN { ok = op == "<" ? r < g : r <= g; print (ok ? "met" : "**missed**") }'; }

LOAD=$(cut -d ' ' -f 1 /proc/loadavg)  # other work on the machine makes every figure worse: say how busy it was

# --- the city ---------------------------------------------------------------------------------
note "generating a $SEGMENTS-segment city in $CITY"
# Its diagnostics (crossings it could not clear...) are about the data, not the figures: shown only
# when it fails.
if ! "$GENERATOR" --out "$CITY" --segments "$SEGMENTS" > "$WORK/generate.out" 2> "$WORK/generate.err"; then
    cat "$WORK/generate.err" >&2
    exit 1
fi
PROJECT=$CITY/district.subterra.json
GPKG=$CITY/district.gpkg
# Every reader below then starts from a warm page cache, so none pays for the disk and the first
# one measured is not penalised.
cat "$GPKG" "$CITY/dem.tif" > /dev/null

# --- (a) the reference reader -------------------------------------------------------------------
# `-q` drops the summaries but ogrinfo still reads and formats every feature: the issue's yardstick.
note "ogrinfo -al -q"
measure ogrinfo ogrinfo -al -q "$GPKG"
OGR_WALL=$WALL OGR_RSS=$RSS

# --- (b) the phases, in process -----------------------------------------------------------------
note "bench_scene (import, build, renderer, frames)"
RUNS=1 measure bench_scene "$BENCH_SCENE" --size "${WIDTH}x$HEIGHT" "$PROJECT"
IMPORT=$(figure import)
FRAMES=$(figure frames_timed)

# --- (c) whole processes: subterra render vs export + f3d ---------------------------------------
note "subterra render"
measure render "$SUBTERRA" render "$PROJECT" -o "$WORK/subterra.png" --size "${WIDTH}x$HEIGHT"
RENDER_WALL=$WALL RENDER_RSS=$RSS
# The same without multisampling: on llvmpipe 4x MSAA multiplies the cost of every triangle, so this
# row shows how much of the render is antialiasing (f3d's default picture has none).
note "subterra render --samples 0"
measure render_nomsaa "$SUBTERRA" render "$PROJECT" -o "$WORK/subterra-nomsaa.png" --size "${WIDTH}x$HEIGHT" --samples 0
NOMSAA_WALL=$WALL

# .glb: one self-contained file (an .obj needs its .mtl beside it), read by f3d's VTK glTF importer.
note "subterra export (.glb)"
MESH=$WORK/city.glb
RUNS=1 measure export "$SUBTERRA" export "$PROJECT" -o "$MESH"
EXPORT_WALL=$WALL

F3D_ROW=''
if ! command -v f3d > /dev/null; then
    note "f3d is not installed: skipping the f3d comparison (install it with: apt-get install f3d)"
else
    # --dry-run: ignore any f3d config file, so the baseline is f3d's defaults on every machine. The
    # camera angles give a view like `subterra render`'s automatic one (from above, 35 degrees): f3d's
    # default looks along the ground of the Y-up mesh and would draw the city edge-on, as a line.
    F3D=(f3d --dry-run --output "$WORK/f3d.png" --resolution "$WIDTH,$HEIGHT"
        --camera-elevation-angle 35 --camera-azimuth-angle -20 "$MESH")
    F3D_HOW='run directly, no display needed'
    # f3d 1.x (VTK 9.1 in Debian) renders through an X window even with --output: without a display
    # it crashes, so it runs under Xvfb, whose start-up is then measured separately and shown. The
    # outer redirection keeps bash's "Segmentation fault" report of the failed probe off the output.
    if ! { env -u DISPLAY "${F3D[@]}" > /dev/null 2>&1; } 2> /dev/null || [[ ! -s $WORK/f3d.png ]]; then
        if ! command -v xvfb-run > /dev/null; then
            note "f3d cannot render without a display and xvfb-run is missing: skipping f3d (apt-get install xvfb)"
            F3D=()
        else
            F3D=(xvfb-run -a "${F3D[@]}")
            measure xvfb xvfb-run -a true
            F3D_HOW="under \`xvfb-run -a\`, whose start-up alone takes ${WALL} s"
        fi
    fi
    if ((${#F3D[@]})); then
        note "f3d --output ($F3D_HOW)"
        measure f3d "${F3D[@]}"
        F3D_ROW="| f3d ${WIDTH}x$HEIGHT PNG of the exported .glb, whole process | ${WALL} s | | $F3D_HOW; peak RSS $RSS MiB; $(f3d --version 2>/dev/null | sed -n 's/^Version: \(.*\)\.$/f3d \1/p') |
| **subterra render / f3d** | **$(ratio "$RENDER_WALL" "$WALL")x** | < 1x | $(verdict "$(ratio "$RENDER_WALL" "$WALL")" '<' 1); without MSAA $(ratio "$NOMSAA_WALL" "$WALL")x |"
    fi
fi

# --- the table ----------------------------------------------------------------------------------
IMPORT_RATIO=$(ratio "$IMPORT" "$OGR_WALL")
cat << EOF

Subterra benchmark: $(figure segments) segments, $(figure nodes) nodes, $(figure buildings) buildings ($(du -m "$GPKG" | cut -f1) MB GeoPackage), $(date -u +%Y-%m-%d)
$(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo), $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -n 1); GL: $(awk '$1 == "render_target" { $1 = ""; print substr($0, 2) }' "$WORK/bench_scene.out")
Source: $(git -C "$REPO" rev-parse --short HEAD 2> /dev/null || echo unknown)$(git -C "$REPO" diff --quiet HEAD 2> /dev/null || echo ' + uncommitted changes'). Whole-process times: best of $RUNS runs, warm page cache; load average before the run: $LOAD.

| figure | value | goal | note |
| --- | --- | --- | --- |
| \`ogrinfo -al -q\` on the GeoPackage | ${OGR_WALL} s | | peak RSS $OGR_RSS MiB; $(ogrinfo --version) |
| import (loadInputs: GeoPackage + DEM -> model) | ${IMPORT} s | | |
| **import / ogrinfo** | **${IMPORT_RATIO}x** | <= 2x | $(verdict "$IMPORT_RATIO" '<=' 2) |
| scene build (buildScene) | $(figure scene_build) s | | $(figure triangles) triangles |
| peak RSS | $(figure peak_rss) MiB | | after import $(figure peak_rss_after_import) MiB, after build $(figure peak_rss_after_build) MiB |
| peak RSS per segment | $(figure peak_rss_per_segment) bytes | | whole process peak / segments |
| model + scene graph per segment | $(figure data_rss_per_segment) bytes | | (peak after build - peak at start) / segments: what grows with the data |
| renderer creation (EGL context, FBO) | $(figure renderer_create) s | | |
| first frame ${WIDTH}x$HEIGHT | $(figure first_frame) s | | shader compile + vertex upload |
| frame ${WIDTH}x$HEIGHT, mean of $FRAMES | $(figure frame_mean) s | | whole city in view, 4x MSAA as \`subterra render\` |
| \`subterra export\` .glb, whole process | ${EXPORT_WALL} s | | $(du -m "$MESH" | cut -f1) MB |
| \`subterra render\` ${WIDTH}x$HEIGHT, whole process | ${RENDER_WALL} s | | 4x MSAA (the default); peak RSS $RENDER_RSS MiB |
| \`subterra render --samples 0\`, whole process | ${NOMSAA_WALL} s | | no antialiasing |
${F3D_ROW:-| f3d | skipped | | not installed (apt-get install f3d) or no display |}

What one frame draws, by layer (translucent layers are drawn twice: depth, then colour):

| layer | triangles | vertices |
| --- | ---: | ---: |
EOF
awk '$1 ~ /^drawn:/ { sub(/^drawn:/, "", $1); sub(/,$/, "", $2); print "| " $1 " | " $2 " | " $4 " |" }' "$WORK/bench_scene.out"
