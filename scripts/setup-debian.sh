#!/usr/bin/env bash
# Installs the Debian 12 packages Subterra needs to build, test and render.
# Idempotent: packages already present are skipped by apt-get. Run as root.
set -euo pipefail

PACKAGES=(
  build-essential cmake pkg-config git python3 clang-format
  libopenscenegraph-dev openscenegraph
  libgdal-dev gdal-bin
  libassimp-dev
  libimgui-dev libglfw3-dev
  catch2 nlohmann-json3-dev libcli11-dev libpugixml-dev libcitygml-dev
  postgresql-15 postgresql-15-postgis-3
  librsvg2-dev
  libegl-dev libgl-dev libegl-mesa0 libgl1-mesa-dri libx11-dev
  fonts-dejavu-core
  ffmpeg xvfb xauth xdotool
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#PACKAGES[@]} packages present"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "setup: missing packages (${missing[*]}); run this script as root" >&2
  exit 1
fi

echo "setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends "${missing[@]}"
