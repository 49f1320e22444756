#!/bin/sh
# The step detector's view sweep: real CMU walking mocap (../shared/mocap, or FOOTFALL_MOCAP) projected into
# virtual cameras as BlazePose-like landmarks, through the detector as it is on disk, scored against the mocap's
# foot contacts. Writes markdown tables (realistic noise, and the noise-free run) and the per-run detail.
#
#   bench/mocap_sweep.sh [OUT_DIR] [--quick]      (default OUT_DIR: /work/sweep_out if it exists, else out/mocap_sweep)
set -eu
cd "$(dirname "$0")/.."
out=${1:-}
if [ -z "$out" ] || [ "$out" = "--quick" ]; then
    if [ -d /work/sweep_out ]; then out=/work/sweep_out; else out=out/mocap_sweep; fi
fi
quick=""
for a in "$@"; do [ "$a" = "--quick" ] && quick="--quick"; done
mkdir -p "$out"
swift build -c release --scratch-path .build-sim --product mocap-sweep
bin=.build-sim/release/mocap-sweep
"$bin" $quick --markdown "$out/mocap_sweep.md" --detail "$out/mocap_sweep_runs.txt" > /dev/null
"$bin" $quick --noise none --markdown "$out/mocap_sweep_noise_none.md" --detail "$out/mocap_sweep_noise_none_runs.txt" > /dev/null
"$bin" --slice > "$out/mocap_slice.txt" || true
echo "tables: $out/mocap_sweep.md, $out/mocap_sweep_noise_none.md; slice: $out/mocap_slice.txt"
