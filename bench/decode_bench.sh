#!/usr/bin/env bash
# Decode throughput of MediaIO (release build): makes a 720p30 H.264 test clip with the ffmpeg CLI (10 s, testsrc2)
# unless a path is given, then runs DecodeBenchmark through the MediaIOTests bench test at 256 px and original size.
# Usage: bench/decode_bench.sh [video]
set -euo pipefail
cd "$(dirname "$0")/.."
clip="${1:-}"
if [[ -z "$clip" ]]; then
    clip="${TMPDIR:-/tmp}/footfall-bench-720p30.mp4"
    [[ -f "$clip" ]] || ffmpeg -v error -y -f lavfi -i testsrc2=size=1280x720:rate=30 -t 10 \
        -c:v libx264 -preset veryfast -pix_fmt yuv420p "$clip"
fi
FOOTFALL_BENCH_VIDEO="$clip" swift test -c release --disable-xctest --filter decodeBenchmark 2>&1 \
    | grep -E "decode benchmark|passed|failed"
