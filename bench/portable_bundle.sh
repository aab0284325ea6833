#!/usr/bin/env bash
# Packs what the benchmarks need to run on an x86-64 Linux machine without Debian's packages (a
# GPU server with only its driver): the stripped subterra, bench_scene and generate_district,
# every shared library they load except glibc, libstdc++ and the GL/EGL dispatch libraries (the
# machine's own), the OSG image and font plugins, PROJ's database and the DejaVu fonts. libstdc++
# travels in lib-fallback/ for machines older than Debian 12. About 55 MB with GDAL's libraries.
#   bench/portable_bundle.sh [BUILD_DIR] [OUT.tar.xz]       then on the machine: bench/gpu_figures.sh
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
out=${2:-subterra-bundle.tar.xz}
binaries=("$build/app/subterra" "$build/bench/bench_scene" "$build/tools/generate_district")
plugins=/usr/lib/x86_64-linux-gnu/osgPlugins-3.6.5
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
b=$work/subterra-bundle
mkdir -p "$b"/{bin,lib,lib-fallback,plugins/osgPlugins-3.6.5,proj,fonts}
for binary in "${binaries[@]}"; do strip -o "$b/bin/$(basename "$binary")" "$binary"; done
ldd "${binaries[@]}" "$plugins"/osgdb_{png,freetype}.so | awk '/=>/ { print $3 }' | sort -u |
  grep -vE '/lib(c|m|pthread|dl|rt|gcc_s|stdc\+\+|GL|EGL|GLX|GLdispatch|OpenGL|GLESv2)\.so' |
  xargs -I{} cp -L {} "$b/lib/"
cp -L /lib/x86_64-linux-gnu/libstdc++.so.6 /lib/x86_64-linux-gnu/libgcc_s.so.1 "$b/lib-fallback/"
cp "$plugins"/osgdb_{png,freetype}.so "$b/plugins/osgPlugins-3.6.5/"
cp /usr/share/proj/proj.db /usr/share/proj/proj.ini "$b/proj/"
cp /usr/share/fonts/truetype/dejavu/DejaVuSans{,-Bold}.ttf "$b/fonts/"
tar -C "$work" -cf - subterra-bundle | xz -T0 -9 > "$out"
echo "$out: $(du -h "$out" | cut -f1)"
