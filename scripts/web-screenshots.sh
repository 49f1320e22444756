#!/usr/bin/env bash
# Dev check of the web interface in a real browser: starts `footfall serve` on a free port over a temporary data
# folder, uploads a 6-second cut of the demo video with curl, waits for the real render, and saves screenshots of the
# upload page and the result page with headless Chromium. Not part of `make test` (it needs Chromium and renders for
# about a minute); .ci/run may call it after the build.
#   scripts/web-screenshots.sh [OUTDIR]      (default /tmp/footfall-web-shots; needs: chromium, curl, ffmpeg, python3)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-/tmp/footfall-web-shots}
for tool in chromium curl ffmpeg python3; do
    command -v "$tool" >/dev/null || { echo "web-screenshots: $tool is missing (apt-get install -y $tool)" >&2; exit 2; }
done
[ -x .build/debug/footfall ] || swift build
mkdir -p "$out"
work=$(mktemp -d)
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

ffmpeg -loglevel error -y -i .cache/demo/vtest.avi -t 6 -c:v libx264 -preset ultrafast -pix_fmt yuv420p -an "$work/walk.mp4"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
.build/debug/footfall serve --port "$port" --data "$work/data" >"$work/serve.log" 2>&1 &
server=$!
base="http://127.0.0.1:$port"
for _ in $(seq 1 50); do curl -sf "$base/healthz" >/dev/null && break; sleep 0.2; done

id=$(curl -sf -F video=@"$work/walk.mp4" "$base/api/jobs" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
echo "job $id"
status=""
for _ in $(seq 1 600); do
    status=$(curl -sf "$base/api/jobs/$id" | python3 -c 'import json,sys; j=json.load(sys.stdin); print(j["status"])')
    [ "$status" = done ] || [ "$status" = failed ] && break
    sleep 1
done
[ "$status" = done ] || { echo "web-screenshots: job ended '$status'" >&2; cat "$work/serve.log" >&2; exit 1; }

shot() { chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --virtual-time-budget=8000 \
    --window-size="$2" --screenshot="$out/$1" "$3" 2>/dev/null; }
shot upload.png 1280,900 "$base/"
shot result.png 1280,1500 "$base/jobs/$id"
# The page must show the player, one mark per step and the download links.
page=$(curl -sf "$base/jobs/$id")
steps=$(curl -sf "$base/api/jobs/$id/steps" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["steps"]))')
marks=$(grep -o 'class="mark ' <<<"$page" | wc -l)
grep -q '<video id="player"' <<<"$page" || { echo "web-screenshots: no video player on the result page" >&2; exit 1; }
[ "$marks" -eq "$steps" ] || { echo "web-screenshots: $marks marks for $steps steps" >&2; exit 1; }
echo "web-screenshots: $steps steps, screenshots in $out (upload.png, result.png)"
