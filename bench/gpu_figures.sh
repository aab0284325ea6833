#!/usr/bin/env bash
# The README's GPU figures, on a machine that has the repository and a bundle made by
# bench/portable_bundle.sh but none of Debian's packages: unpacks the bundle, renders the sample
# and the generated 100k-segment city (PNGs to look at), orbits both with bench_scene, and times
# bench/animate.sh. Needs the GPU driver's EGL (libglvnd; NVIDIA's vendor file is found in the
# usual places) and python3.
#   bench/gpu_figures.sh BUNDLE.tar.xz [OUT_DIR]
# SEGMENTS (default 100000) and ORBIT (frames per turn, default 360) make a quick trial run.
set -uo pipefail
cd "$(dirname "$0")/.."
bundle=${1:?usage: bench/gpu_figures.sh BUNDLE.tar.xz [OUT_DIR]}
out=${2:-gpu-figures}
segments=${SEGMENTS:-100000}
orbit=${ORBIT:-360}
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tar -xJf "$bundle" -C "$work" || exit 1
S=$work/subterra-bundle
for vendor in /usr/local/nvidia/share/glvnd/egl_vendor.d/10_nvidia.json /usr/share/glvnd/egl_vendor.d/10_nvidia.json; do
  [ -f "$vendor" ] && { export __EGL_VENDOR_LIBRARY_FILENAMES=$vendor; break; }
done
export LD_LIBRARY_PATH=$S/lib:/usr/local/nvidia/lib64:${LD_LIBRARY_PATH:-}
system_cxx=$(ldconfig -p | awk '/libstdc\+\+\.so\.6 .*x86-64/ { print $NF; exit }')
if [ -z "$system_cxx" ] || ! grep -qa GLIBCXX_3.4.30 "$system_cxx"; then export LD_LIBRARY_PATH=$S/lib-fallback:$LD_LIBRARY_PATH; fi
export OSG_LIBRARY_PATH=$S/plugins PROJ_DATA=$S/proj PROJ_LIB=$S/proj
# Labels name their font by file in the DejaVu folder (annotation_overlay.cpp).
mkdir -p /usr/share/fonts/truetype/dejavu 2>/dev/null && cp -n "$S"/fonts/* /usr/share/fonts/truetype/dejavu/ 2>/dev/null
missing=$(ldd "$S"/bin/* | grep "not found") && { echo "gpu_figures: missing libraries: $missing" >&2; exit 1; }

step() { echo "== $*"; }
step "render the sample and orbit it"
"$S/bin/subterra" render sample-data/district/district.subterra.json -o "$out/district.png" --size 1600x900
"$S/bin/bench_scene" --frames 3 --orbit "$orbit" --size 1600x900 sample-data/district/district.subterra.json |
  tee "$out/bench_district.txt" | grep -E "orbit_|render_target"
step "generate the $segments-segment city, render it, orbit it at 1600x900 and 3200x1800"
"$S/bin/generate_district" --out "$work/city" --segments "$segments" | tail -n 1
"$S/bin/subterra" render "$work/city/district.subterra.json" -o "$out/city.png" --size 1600x900
"$S/bin/bench_scene" --frames 3 --orbit "$orbit" --size 1600x900 "$work/city/district.subterra.json" | tee "$out/bench_city.txt"
"$S/bin/bench_scene" --frames 1 --orbit $((orbit / 3)) --size 3200x1800 "$work/city/district.subterra.json" |
  tee "$out/bench_city_hidpi.txt" | grep -E "orbit_|render_target"
step "animate against render one by one"
mkdir -p "$work/build/app" && ln -s "$S/bin/subterra" "$work/build/app/subterra"
bench/animate.sh "$work/build" 30 | tee "$out/animate.txt"
