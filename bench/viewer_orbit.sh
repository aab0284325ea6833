#!/usr/bin/env bash
# Viewer frame times while orbiting: drives `subterra view` under Xvfb through a full turn around
# the sample district (36 steps of 10 degrees, each shown for a few frames) and prints the mean
# and the worst frame. Goal (issue: viewer): no frame over 250 ms on llvmpipe at 1600x900.
#   bench/viewer_orbit.sh [BUILD_DIR] [PROJECT]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-${BUILD_DIR:-build}}
project=${2:-sample-data/district/district.subterra.json}
command -v xvfb-run >/dev/null || { echo "viewer_orbit: needs xvfb-run (apt-get install xvfb xauth)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# A copy of the project's folder: the viewer never writes it here, but a benchmark touches nothing.
cp -r "$(dirname "$project")" "$work/project"
{
  printf '{"actions": [{"do": "view", "name": "overview"}'
  for _ in $(seq 36); do printf ', {"do": "orbit", "yaw_deg": 10, "pitch_deg": 0}'; done
  printf ', {"do": "quit"}]}\n'
} > "$work/orbit.json"
xvfb-run -a -s "-screen 0 1600x900x24" "$build/app/subterra" view "$work/project/$(basename "$project")" \
  --script "$work/orbit.json" | grep "subterra view:"
