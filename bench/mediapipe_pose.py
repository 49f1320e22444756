#!/usr/bin/env python3
"""Reference pose landmarks from MediaPipe's legacy BlazePose solution, in Footfall's pose JSON format.

Usage:
    /work/wt/mpvenv/bin/python bench/mediapipe_pose.py VIDEO OUT.json [--crop X,Y,W,H]

--crop runs MediaPipe on a rectangle of the upright frame only (it tracks a single person; a crop picks which);
landmarks are mapped back to full-frame pixels.

Venv (outside the repo; see bench/README.md):
    python3.11 -m venv /work/wt/mpvenv
    /work/wt/mpvenv/bin/pip install .cache/wheels/mediapipe-0.10.21-cp311-cp311-manylinux_2_28_x86_64.whl av

Runs `mp.solutions.pose.Pose(model_complexity=1, static_image_mode=False, smooth_landmarks=True)` (the "full"
landmark model, tracking mode, MediaPipe's own landmark smoothing) on every decoded frame. Frames are decoded with
PyAV; each frame's time is its PTS in seconds relative to the stream's start time (so VFR clips keep real times).
Rotation metadata is applied so coordinates are in the upright picture, like Footfall's decoder.
MediaPipe tracks one person, reported as walker 0. Output schema (snake_case, like Footfall's JSON):

    {"video": {"file", "width", "height", "duration", "frame_rate"},
     "frames": [{"time", "frame", "walkers": [{"walker": 0, "landmarks": [33 x {"x", "y", "z", "visibility",
                 "presence"}], "box": {"x", "y", "width", "height"}, "score": 1}]}],
     "timing": {"frames", "total_ms", "ms_per_frame"}}

x, y are pixels in the upright frame; z is MediaPipe's relative depth scaled to pixels like x. The legacy solution
fills presence only in some builds; when absent it is written as 1.
Prints ms/frame (inference only, decode excluded) at the end.
"""

import json
import os
import sys
import time

import av
import numpy as np
import mediapipe as mp


def rotation_of(frame):
    """Display rotation in degrees clockwise. PyAV >= 13 exposes the display matrix as frame.rotation
    (counter-clockwise degrees); fall back to 0."""
    rot = getattr(frame, "rotation", 0) or 0
    return (-int(round(rot))) % 360


def upright(img, rotation):
    if rotation == 90:
        return np.ascontiguousarray(np.rot90(img, k=-1))
    if rotation == 180:
        return np.ascontiguousarray(img[::-1, ::-1])
    if rotation == 270:
        return np.ascontiguousarray(np.rot90(img, k=1))
    return img


def main():
    args = sys.argv[1:]
    crop = None
    if "--crop" in args:
        i = args.index("--crop")
        crop = [int(v) for v in args[i + 1].split(",")]
        del args[i:i + 2]
    if len(args) != 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        sys.exit(2)
    video_path, out_path = args
    container = av.open(video_path)
    stream = container.streams.video[0]
    stream.thread_type = "AUTO"
    tb = float(stream.time_base) if stream.time_base else 0.0
    start = stream.start_time if stream.start_time is not None else None

    pose = mp.solutions.pose.Pose(
        static_image_mode=False, model_complexity=1, smooth_landmarks=True, enable_segmentation=False,
        min_detection_confidence=0.5, min_tracking_confidence=0.5)

    frames = []
    infer_s = 0.0
    width = height = 0
    first_pts = None
    for index, frame in enumerate(container.decode(stream)):
        img = upright(frame.to_ndarray(format="rgb24"), rotation_of(frame))
        height, width = img.shape[0], img.shape[1]
        if frame.pts is not None and tb > 0:
            if first_pts is None:
                first_pts = start if start is not None else frame.pts
            t = (frame.pts - first_pts) * tb
        else:
            t = frame.time if frame.time is not None else 0.0
        ox = oy = 0
        view = img
        if crop is not None:
            ox, oy, cw, ch = crop
            view = np.ascontiguousarray(img[oy:oy + ch, ox:ox + cw])
        vh, vw = view.shape[0], view.shape[1]
        t0 = time.perf_counter()
        result = pose.process(view)
        infer_s += time.perf_counter() - t0
        walkers = []
        if result.pose_landmarks is not None:
            lms = []
            for lm in result.pose_landmarks.landmark:
                presence = lm.presence if lm.HasField("presence") else 1.0
                lms.append({"x": ox + lm.x * vw, "y": oy + lm.y * vh, "z": lm.z * vw,
                            "visibility": lm.visibility, "presence": presence})
            xs = [p["x"] for p in lms]
            ys = [p["y"] for p in lms]
            box = {"x": min(xs), "y": min(ys), "width": max(xs) - min(xs), "height": max(ys) - min(ys)}
            walkers.append({"walker": 0, "landmarks": lms, "box": box, "score": 1})
        frames.append({"time": round(t, 6), "frame": index, "walkers": walkers})
    pose.close()

    duration = 0.0
    if stream.duration is not None and tb > 0:
        duration = stream.duration * tb
    elif container.duration is not None:
        duration = container.duration / av.time_base
    rate = float(stream.average_rate) if stream.average_rate else (len(frames) / duration if duration else 0.0)
    n = max(len(frames), 1)
    doc = {
        "video": {"file": os.path.basename(video_path), "width": width, "height": height,
                  "duration": duration, "frame_rate": rate},
        "frames": frames,
        "timing": {"frames": len(frames), "total_ms": infer_s * 1000, "ms_per_frame": infer_s * 1000 / n},
    }
    tmp = out_path + ".tmp"
    with open(tmp, "w") as f:
        json.dump(doc, f)
    os.replace(tmp, out_path)
    detected = sum(1 for fr in frames if fr["walkers"])
    print(f"{os.path.basename(video_path)}: {len(frames)} frames, person in {detected}, "
          f"{infer_s * 1000 / n:.1f} ms/frame (inference)")


if __name__ == "__main__":
    main()
