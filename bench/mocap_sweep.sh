#!/bin/sh
# The step detector's view sweep: real CMU walking mocap (../shared/mocap, or FOOTFALL_MOCAP) projected into
# virtual cameras as BlazePose-like landmarks, through the detector as it is on disk, scored against the mocap's
# foot contacts (Sources/MocapSimulation, Sources/mocap-sweep). Writes markdown tables for the noise model matched
# to BlazePose's measured jitter (`measured`), the harsher hand-set one (`realistic`) and the noise-free run, the
# per-run detail (detections and truth of every simulated clip) and the `make test` slice's verdict. About three
# minutes on two cores.
#
#   bench/mocap_sweep.sh [OUT_DIR] [--quick] [other mocap-sweep options…]
#   (OUT_DIR defaults to /work/sweep_out when that folder exists, else out/mocap_sweep)
set -eu
cd "$(dirname "$0")/.."
out=""
case "${1:-}" in
"" | -*) ;;
*) out=$1 && shift ;;
esac
if [ -z "$out" ]; then
    if [ -d /work/sweep_out ]; then out=/work/sweep_out; else out=out/mocap_sweep; fi
fi
mkdir -p "$out"
swift build -c release --scratch-path .build-sim --product mocap-sweep
bin=.build-sim/release/mocap-sweep
"$bin" --seeds 2 "$@" --noise measured --markdown "$out/mocap_sweep.md" --detail "$out/mocap_sweep_runs.txt" > /dev/null
"$bin" --seeds 2 "$@" --markdown "$out/mocap_sweep_realistic.md" --detail "$out/mocap_sweep_realistic_runs.txt" > /dev/null
"$bin" --seeds 2 "$@" --noise none --markdown "$out/mocap_sweep_noise_none.md" \
    --detail "$out/mocap_sweep_noise_none_runs.txt" > /dev/null
"$bin" --slice > "$out/mocap_slice.txt" || true
echo "tables: $out/mocap_sweep.md (measured noise), $out/mocap_sweep_realistic.md, $out/mocap_sweep_noise_none.md;" \
    "runs: $out/mocap_sweep*_runs.txt;" \
    "slice: $out/mocap_slice.txt"
