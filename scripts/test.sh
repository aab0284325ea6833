#!/usr/bin/env bash
# The README's second command: installs what is missing, builds from scratch in build-test/, and
# runs the whole test suite (unit, render-regression, CLI end-to-end).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "$(id -u)" -eq 0 ]; then bash scripts/setup-debian.sh; else sudo bash scripts/setup-debian.sh; fi
export BUILD_DIR=build-test
rm -rf "$BUILD_DIR"
bash scripts/build.sh -DSUBTERRA_WERROR=ON
ctest --test-dir "$BUILD_DIR" --output-on-failure -j"${JOBS:-2}"
