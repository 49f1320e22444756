#!/usr/bin/env bash
# Render farm throughput on this machine: JOBS 6-second cuts of the demo video (H.264), rendered with
# `--backend mock` by 1, 2 and 4 `footfall worker` processes on one throw-away PostgreSQL cluster on loopback,
# timed from `batch --wait` start to its exit. Usage: bench/farm_bench.sh [FOOTFALL_BINARY] [JOBS]
# (default: .build/release/footfall — `make release` first — and 8 jobs). Prints a Markdown table.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=$(realpath "${1:-.build/release/footfall}")
JOBS=${2:-8}
WORKERS=${WORKERS:-"1 2 4"}
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
WORK=$(mktemp -d /tmp/footfall-farm-bench.XXXXXX)
chmod 755 "$WORK"
AS_PG=()
if [ "$(id -u)" = 0 ]; then AS_PG=(runuser -u postgres --); chown postgres "$WORK"; fi
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
WORKER_PIDS=()
cleanup() {
    for pid in "${WORKER_PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    "${AS_PG[@]}" "$PG_BIN/pg_ctl" -D "$WORK/pg" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$WORK"
}
trap cleanup EXIT
"${AS_PG[@]}" "$PG_BIN/initdb" -D "$WORK/pg" -A trust -U postgres --no-sync >/dev/null
"${AS_PG[@]}" "$PG_BIN/pg_ctl" -D "$WORK/pg" -l "$WORK/pg.log" -w -o "-k $WORK -h 127.0.0.1 -p $PORT -F" start >/dev/null

mkdir -p "$WORK/in"
for i in $(seq 0 $((JOBS - 1))); do
    ffmpeg -v error -ss $((i * 6)) -t 6 -i .cache/demo/vtest.avi -an -c:v libx264 -preset veryfast "$WORK/in/cut$i.mp4"
done

echo "| workers | wall time | videos/min | seconds of video per second |"
echo "|---|---|---|---|"
base=""
for n in $WORKERS; do
    db="bench_$n"
    "${AS_PG[@]}" "$PG_BIN/createdb" -h 127.0.0.1 -p "$PORT" -U postgres "$db"
    url="postgres://postgres@127.0.0.1:$PORT/$db"
    WORKER_PIDS=()
    for w in $(seq 1 "$n"); do
        "$BIN" worker --queue "$url" --lease 30 --quiet >"$WORK/worker-$n-$w.log" 2>&1 &
        WORKER_PIDS+=($!)
    done
    sleep 1  # connected and migrated before the clock starts
    start=$(date +%s.%N)
    "$BIN" batch "$WORK/in" --queue "$url" -o "$WORK/out-$n" --backend mock --wait --quiet >"$WORK/batch-$n.log" 2>&1 \
        || { cat "$WORK/batch-$n.log"; exit 1; }
    end=$(date +%s.%N)
    if [ -n "${SHOW_BATCH:-}" ]; then cat "$WORK/batch-$n.log" >&2; fi
    for pid in "${WORKER_PIDS[@]}"; do kill -TERM "$pid"; done
    for pid in "${WORKER_PIDS[@]}"; do wait "$pid" || true; done
    WORKER_PIDS=()
    python3 - "$n" "$start" "$end" "$JOBS" "$base" <<'PY'
import sys
n, start, end, jobs, base = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
wall = end - start
rate = jobs * 60 / wall
vps = jobs * 6 / wall
gain = f" (×{vps / float(base):.2f})" if base else ""
print(f"| {n} | {wall:.1f} s | {rate:.1f} | {vps:.2f}{gain} |")
open("/tmp/footfall-farm-bench.base", "w").write(base or f"{vps}")
PY
    base=$(cat /tmp/footfall-farm-bench.base)
done
rm -f /tmp/footfall-farm-bench.base
