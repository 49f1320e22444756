#!/usr/bin/env bash
# Generates the bad-input corpus the reliability tests run against (FFmpeg CLI: test setup only, never the product).
# Usage: scripts/make-corpus.sh [DIR] [--long]   (default DIR: .cache/corpus; --long adds a 30-minute clip)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="${1:-$here/.cache/corpus}"
long=0; [ "${2:-}" = "--long" ] || [ "${1:-}" = "--long" ] && long=1
[ "${1:-}" = "--long" ] && dir="$here/.cache/corpus"
demo="$here/.cache/demo/vtest.avi"
mkdir -p "$dir"
stamp="$dir/.complete-v4"
if [ -f "$stamp" ] && { [ $long = 0 ] || [ -f "$dir/long_30min.mp4" ]; }; then
    echo "[corpus] present ($dir)"; exit 0
fi
echo "[corpus] generating bad-input corpus in $dir"
ff() { ffmpeg -hide_banner -loglevel error -y "$@"; }
src="testsrc2=size=320x240:rate=30"

: >"$dir/zero_bytes.mp4"
head -c 200000 /dev/urandom >"$dir/random_bytes.mp4"
ff -f lavfi -i "$src:duration=3" -f lavfi -i "sine=frequency=440:duration=3" -c:v libx264 -pix_fmt yuv420p \
    -c:a aac -shortest "$dir/moov_at_end.mp4"
ff -i "$dir/moov_at_end.mp4" -c copy -movflags +faststart "$dir/faststart.mp4"
# Cut mid-mdat: the moov of a faststart file is at the front, so the index promises samples the file lacks.
size=$(stat -c %s "$dir/faststart.mp4"); head -c $((size / 2)) "$dir/faststart.mp4" >"$dir/truncated.mp4"
# Moov at the end and cut: no index at all.
size=$(stat -c %s "$dir/moov_at_end.mp4"); head -c $((size / 2)) "$dir/moov_at_end.mp4" >"$dir/truncated_no_moov.mp4"
ff -f lavfi -i "sine=frequency=440:duration=2" -c:a aac "$dir/audio_only.m4a"
cp "$dir/audio_only.m4a" "$dir/audio_only.mp4"
ff -f lavfi -i "$src:duration=1" -frames:v 1 -c:v libx264 -pix_fmt yuv420p "$dir/single_frame.mp4"
ff -f lavfi -i "$src:duration=1" -frames:v 1 "$dir/still_image.png"
# The display matrix is only written when the rotate tag is set on a stream copy (FFmpeg 5.1).
ff -f lavfi -i "$src:duration=2" -c:v libx264 -pix_fmt yuv420p "$dir/upright.mp4"
for r in 90 180 270; do
    ff -i "$dir/upright.mp4" -c copy -metadata:s:v:0 rotate=$r "$dir/rotated_$r.mp4"
done
ff -f lavfi -i "testsrc2=size=320x240:rate=60:duration=3" -vf "select='not(mod(n\,3))+lt(n\,30)'" -fps_mode vfr \
    -c:v libx264 -pix_fmt yuv420p "$dir/vfr.mp4"
ff -f lavfi -i "testsrc2=size=2x2:rate=10:duration=1" -c:v libx264 -pix_fmt yuv420p "$dir/tiny_2x2.mp4"
ff -f lavfi -i "testsrc2=size=4096x2160:rate=30:duration=0.5" -c:v libx264 -preset ultrafast -pix_fmt yuv420p "$dir/dci_4096x2160.mp4"
# testsrc (RGB) keeps odd sizes; testsrc2 is 4:2:0 and would round them down to even. 4:4:4 H.264 stores them.
ff -f lavfi -i "testsrc=size=721x405:rate=25:duration=1" -c:v libx264 -pix_fmt yuv444p "$dir/odd_721x405.mp4"
ff -f lavfi -i "testsrc=size=1x1:rate=10:duration=1" -c:v libx264 -pix_fmt yuv444p "$dir/tiny_1x1.mp4"
ff -f lavfi -i "$src:duration=1" -c:v libx264 -pix_fmt yuv420p10le "$dir/ten_bit.mp4"
ff -f lavfi -i "$src:duration=1" -c:v libx264 -pix_fmt yuv444p "$dir/yuv444.mp4"
ff -f lavfi -i "$src:duration=2" -c:v libx264 -pix_fmt yuv420p "$dir/nobody.mp4"
if [ -s "$demo" ]; then
    # A person entering and leaving: a narrow crop of the demo where walkers cross it.
    ff -ss 5 -t 6 -i "$demo" -vf "crop=256:400:256:100" -c:v libx264 -pix_fmt yuv420p "$dir/enter_leave.mp4"
    ff -ss 20 -t 6 -i "$demo" -c:v libx264 -pix_fmt yuv420p "$dir/two_people_crossing.mp4"
fi
if [ $long = 1 ]; then
    echo "[corpus] generating a 30-minute low-resolution clip (memory test)"
    ff -f lavfi -i "testsrc2=size=320x180:rate=10:duration=1800" -c:v libx264 -preset ultrafast -pix_fmt yuv420p \
        "$dir/long_30min.mp4"
fi
touch "$stamp"
echo "[corpus] ready"
