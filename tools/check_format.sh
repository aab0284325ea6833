#!/bin/sh
# Fails (exit 1) when a C++ source does not follow .clang-format, naming each such file; exit 77
# (skipped) where clang-format is not installed. Usage: tools/check_format.sh [SOURCE_ROOT]
cd "${1:-$(dirname "$0")/..}" || exit 1
format=$(command -v clang-format-14 || command -v clang-format) || {
    echo "SKIPPED: clang-format is not installed (Debian: apt-get install clang-format)"
    exit 77
}
files=$(find app bench core importers tests tools viewer \( -name '*.cpp' -o -name '*.h' \) | sort)
# One run over every file; each misformatted line is reported as "FILE:LINE:COL: error: ...".
if report=$("$format" --dry-run --Werror $files 2>&1); then
    echo "check_format: every source follows .clang-format"
    exit 0
fi
echo "$report" | sed -n 's/^\([^:]*\):[0-9]*:[0-9]*: error:.*/\1/p' | sort -u |
    while read -r file; do echo "$file: not formatted (run: $format -i $file)"; done
exit 1
