#!/usr/bin/env bash
# Surface evaluation on the dev clips (never committed; see ../shared/clips/README.md).
# Two runs per clip: steps detected from a pose JSON (the real pipeline path), and ground-truth heel-strike
# times placed with the pose landmarks (bench/surface_steps_from_groundtruth.py), which tests the classifier
# on the right feet even where the pose track followed someone else.
# Usage: bench/surface_eval.sh [CLIPS_DIR] [POSE_DIR] [OUT_DIR]
set -euo pipefail
CLIPS=${1:-../shared/clips}
POSES=${2:-../wt/devdata}
OUT=${3:-/tmp/footfall-surface-eval}
BIN=${BIN:-.build/debug/footfall}
mkdir -p "$OUT/steps"
python3 bench/surface_steps_from_groundtruth.py "$CLIPS" "$POSES" "$OUT/steps" >/dev/null
for clip in sideview_indoor_markers_walk sports2d_outdoor_grass_two_people wtm_gt_001_dark_interior \
    wtm_gt_279_cobblestone negative_lab_scientist_no_walking; do
    video="$CLIPS/$clip.mp4"
    [ -f "$video" ] || continue
    echo "== $clip: steps from pose"
    "$BIN" surfaces "$video" --pose "$POSES/$clip.mp.json" --sheet "$OUT/$clip.pose.ppm" -q || true
    if [ -f "$OUT/steps/$clip.json" ]; then
        echo "== $clip: ground-truth steps"
        "$BIN" surfaces "$video" --steps "$OUT/steps/$clip.json" --sheet "$OUT/$clip.gt.ppm" -q || true
    fi
done
