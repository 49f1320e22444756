#!/usr/bin/env python3
"""Walker tracks of a `footfall pose --json` file: ids, spans, gaps, and walker-frames off the picture.

Usage: python3 bench/pose_tracks.py POSE.json [--quiet]

A walker-frame is "off-screen" when the hip centre (mean of landmarks 23 and 24) lies outside the frame
(coded size, or swapped for 90/270 rotation). Standard library only.
"""
import json
import sys


def load(path):
    with open(path) as f:
        doc = json.load(f)
    video = doc["video"]
    width, height = video["coded_width"], video["coded_height"]
    if int(video.get("rotation", 0)) % 180 == 90:
        width, height = height, width
    return doc["frames"], width, height


def tracks(frames, width, height):
    by_id = {}
    for frame in frames:
        for walker in frame["walkers"]:
            lm = walker["landmarks"]
            hx = (lm[23]["x"] + lm[24]["x"]) / 2
            hy = (lm[23]["y"] + lm[24]["y"]) / 2
            off = not (0 <= hx < width and 0 <= hy < height)
            by_id.setdefault(walker["walker"], []).append((frame["time"], frame["frame"], hx, hy, off))
    return by_id


def summary(path, quiet=False):
    frames, width, height = load(path)
    by_id = tracks(frames, width, height)
    step = 1
    total_off = 0
    total_gap_frames = 0
    for wid in sorted(by_id):
        rows = by_id[wid]
        indices = [r[1] for r in rows]
        gaps = [(a, b) for a, b in zip(indices, indices[1:]) if b - a > step]
        missing = sum(b - a - 1 for a, b in gaps)
        off = sum(1 for r in rows if r[4])
        total_off += off
        total_gap_frames += missing
        if not quiet:
            gap_text = ", ".join(f"{a}-{b}" for a, b in gaps[:6]) + (" …" if len(gaps) > 6 else "")
            print(
                f"walker {wid:3d}: {rows[0][0]:6.2f}–{rows[-1][0]:6.2f} s, {len(rows):4d} frames, "
                f"{len(gaps)} gap(s) ({missing} frames){': ' + gap_text if gaps else ''}"
                f"{f', off-screen {off}' if off else ''}"
            )
    walker_frames = sum(len(r) for r in by_id.values())
    print(
        f"{path}: {len(frames)} frames {width}x{height}, {len(by_id)} walker ids, {walker_frames} walker-frames, "
        f"{total_off} off-screen (hip centre outside the picture), {total_gap_frames} frames inside gaps"
    )


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if not args:
        sys.exit(__doc__)
    for p in args:
        summary(p, quiet="--quiet" in sys.argv)
