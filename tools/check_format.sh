#!/bin/sh
# Fails (exit 1) when a C++ source does not follow .clang-format, naming each such file; exit 77
# (skipped) where clang-format is not installed. Usage: tools/check_format.sh [SOURCE_ROOT]
cd "${1:-$(dirname "$0")/..}" || exit 1
format=$(command -v clang-format-14 || command -v clang-format) || {
    echo "SKIPPED: clang-format is not installed (Debian: apt-get install clang-format)"
    exit 77
}
bad=0
for file in $(find app bench core importers tests tools viewer \( -name '*.cpp' -o -name '*.h' \) | sort); do
    if ! "$format" --dry-run --Werror "$file" >/dev/null 2>&1; then
        echo "$file: not formatted (run: $format -i $file)"
        bad=1
    fi
done
[ "$bad" -eq 0 ] && echo "check_format: every source follows .clang-format"
exit "$bad"
