#!/bin/sh
# Runs a command in a virtual X display for the viewer tests; exit 77 (CTest: skipped) when
# xvfb-run is not installed (Debian: apt install xvfb xauth).
if ! command -v xvfb-run >/dev/null 2>&1; then
  echo "SKIPPED: xvfb-run is not installed, so the viewer cannot be tested (apt install xvfb xauth)"
  exit 77
fi
exec xvfb-run -a -s "-screen 0 1600x900x24" "$@"
