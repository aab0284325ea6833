#!/usr/bin/env bash
# Animation export speed: frames per second of `subterra animate` for the sample explainer at
# 1920x1080 headless, against rendering the same number of frames one by one with
# `subterra render` (one process per frame, as a script would). Prints both and their ratio
# (export time / one-by-one time: below 1 means exporting is faster).
#   bench/animate.sh [BUILD_DIR] [FRAMES] [PROJECT]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-${BUILD_DIR:-build}}
frames=${2:-30}
project=${3:-sample-data/district/district.subterra.json}
subterra="$build/app/subterra"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
now() { date +%s.%N; }

# A lower --fps spreads the frames over the whole animation, so every track is exercised.
fps=$(python3 -c "import json; t=json.load(open('$project'))['timeline']; print($frames / t['duration_s'])")
start=$(now)
"$subterra" animate "$project" -o "$work/frames" --fps "$fps" --frames 0-$((frames - 1)) --size 1920x1080 >/dev/null
animate=$(python3 -c "print($(now) - $start)")

start=$(now)
for ((i = 0; i < frames; i++)); do
  "$subterra" render "$project" --view street --size 1920x1080 -o "$work/render.png" >/dev/null
done
render=$(python3 -c "print($(now) - $start)")

python3 - "$frames" "$animate" "$render" <<'PY'
import sys
frames, animate, render = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3])
print(f"animate: {frames} frames at 1920x1080 in {animate:.1f} s = {frames / animate:.2f} fps")
print(f"render one by one: {frames} frames in {render:.1f} s = {frames / render:.2f} fps")
print(f"ratio export / one-by-one: {animate / render:.2f}")
PY
