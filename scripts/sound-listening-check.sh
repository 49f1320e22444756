#!/bin/bash
# Dev listening check for the sound backends: renders an 8-step audition of every surface for the given shoes
# with `footfall audition` and a spectrogram of the first 1.5 s of each (SoX), into a folder outside the repo.
#   scripts/sound-listening-check.sh [OUT_DIR] [BACKEND]      (SHOES="sneaker boots" by default)
set -euo pipefail
OUT=${1:-/tmp/footfall-listening}
BACKEND=${2:-procedural}
FOOTFALL=${FOOTFALL:-.build/debug/footfall}
command -v sox >/dev/null || { echo "needs sox (apt-get install sox)" >&2; exit 1; }
[ -x "$FOOTFALL" ] || { echo "build first (swift build) or set FOOTFALL=path/to/footfall" >&2; exit 1; }
mkdir -p "$OUT"
for shoe in ${SHOES:-sneaker boots}; do
  for surface in concrete wood tile metal gravel snow leaves grass sand wet; do
    wav="$OUT/$surface-$shoe.wav"
    "$FOOTFALL" audition --surface "$surface" --shoe "$shoe" --steps 8 --seed 7 --backend "$BACKEND" \
      -o "$wav" --force -q >/dev/null
    sox "$wav" -n trim 0 1.5 spectrogram -x 500 -y 257 -z 80 -t "$surface / $shoe" -o "${wav%.wav}.png"
  done
done
echo "[listening] WAVs and spectrograms in $OUT"
