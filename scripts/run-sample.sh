#!/usr/bin/env bash
# The README's first command: installs what is missing, builds, and shows the bundled sample
# district: in the interactive viewer when there is a display, else as a headless render to a PNG.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "$(id -u)" -eq 0 ]; then bash scripts/setup-debian.sh; else sudo bash scripts/setup-debian.sh; fi
bash scripts/build.sh
if [ -n "${DISPLAY:-}" ]; then
  exec build/app/subterra view sample-data/district/district.subterra.json
fi
out=${OUT:-subterra-district.png}
build/app/subterra render sample-data/district/district.subterra.json --view overview -o "$out" --size 1920x1080
echo "Rendered the sample district to $(realpath "$out")"
