#!/usr/bin/env python3
"""Compare Footfall's pose landmarks with MediaPipe's legacy BlazePose solution on the same video.

Usage:
    python3 bench/compare_pose.py VIDEO [--footfall .build/release/footfall] [--mediapipe-python /work/wt/mpvenv/bin/python]
                                  [--ours OURS.json] [--reference MP.json] [--threads 1] [--raw]

Without --ours/--reference it runs both (wall-clock timed, decode included for both):
    footfall pose VIDEO --json OURS.json          (our decoder + LiteRT, pipelined)
    bench/mediapipe_pose.py VIDEO MP.json         (PyAV decode + mp.solutions.pose, full model, smoothing on)
and writes the JSON files into a temp folder (never into the repository: dev clips stay out of it).

Reports, over frames where both found a person (MediaPipe tracks one person; ours is matched to it by the
nearest hip centre):
  - mean foot-landmark error (ankles, heels, foot index: landmarks 27-32) in % of person height, where the person
    height is the median over frames of MediaPipe's landmark box height;
  - the same for all 33 landmarks, and the detection coverage of both;
  - wall time per frame of both whole programs (start-up and model loading included), our decode+pose time per
    frame (from our log) and MediaPipe's inference-only time per frame (decode excluded, from its JSON);
    and CPU time per frame of both programs (user + system, robust when the machine is shared; the load average
    is printed too).
Standard library only (runs with any python3).
"""

import argparse
import json
import math
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time

FOOT = [27, 28, 29, 30, 31, 32]


def load(path):
    with open(path) as f:
        return json.load(f)


def hip(walker):
    lm = walker["landmarks"]
    return ((lm[23]["x"] + lm[24]["x"]) / 2, (lm[23]["y"] + lm[24]["y"]) / 2)


def run_timed(cmd):
    """Wall seconds of the whole program, and its stderr (our CLI logs its own decode+pose time there)."""
    start = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return time.perf_counter() - start, cpu, done.stderr


def compare(ours, ref):
    ours_by_frame = {f["frame"]: f for f in ours["frames"]}
    heights = []
    for f in ref["frames"]:
        for w in f["walkers"]:
            ys = [p["y"] for p in w["landmarks"]]
            heights.append(max(ys) - min(ys))
    if not heights:
        return None
    person_height = statistics.median(heights)
    foot_errors, all_errors = [], []
    both = ref_only = ours_only = 0
    for f in ref["frames"]:
        mine = ours_by_frame.get(f["frame"], {"walkers": []})["walkers"]
        if not f["walkers"]:
            ours_only += 1 if mine else 0
            continue
        if not mine:
            ref_only += 1
            continue
        both += 1
        r = f["walkers"][0]
        rh = hip(r)
        o = min(mine, key=lambda w: math.dist(hip(w), rh))
        for i in range(33):
            a, b = o["landmarks"][i], r["landmarks"][i]
            e = math.dist((a["x"], a["y"]), (b["x"], b["y"])) / person_height * 100
            all_errors.append(e)
            if i in FOOT:
                foot_errors.append(e)
    return {
        "person_height_px": person_height,
        "frames_both": both,
        "frames_reference_only": ref_only,
        "frames_ours_only": ours_only,
        "foot_error_pct_mean": statistics.fmean(foot_errors) if foot_errors else None,
        "foot_error_pct_median": statistics.median(foot_errors) if foot_errors else None,
        "all_error_pct_mean": statistics.fmean(all_errors) if all_errors else None,
    }


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("video")
    p.add_argument("--footfall", default=os.path.join(here, "..", ".build", "release", "footfall"))
    p.add_argument("--mediapipe-python", default="/work/wt/mpvenv/bin/python")
    p.add_argument("--ours")
    p.add_argument("--reference")
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--raw", action="store_true", help="compare our unsmoothed landmarks")
    args = p.parse_args()

    tmp = tempfile.mkdtemp(prefix="compare_pose.")
    ours_path = args.ours or os.path.join(tmp, "ours.json")
    ref_path = args.reference or os.path.join(tmp, "mediapipe.json")
    timing = {}
    if not args.ours:
        cmd = [args.footfall, "pose", args.video, "--json", ours_path, "--threads", str(args.threads)]
        if not args.raw:
            cmd.append("--smooth")  # MediaPipe's reference is smoothed; ours is raw unless asked
        timing["footfall_s"], timing["footfall_cpu_s"], log = run_timed(cmd)
        found = re.search(r"pose: (\d+) frames in ([\d.]+) s", log)
        if found:  # decode + pose, without process start and model loading
            timing["footfall_pipeline_ms_per_frame"] = float(found.group(2)) * 1000 / int(found.group(1))
    if not args.reference:
        timing["mediapipe_s"], timing["mediapipe_cpu_s"], _ = run_timed([args.mediapipe_python, os.path.join(here, "mediapipe_pose.py"),
                                              args.video, ref_path])
    ours, ref = load(ours_path), load(ref_path)
    n = len(ref["frames"])
    result = compare(ours, ref) or {}
    result["frames"] = n
    if "footfall_s" in timing:
        result["footfall_ms_per_frame"] = timing["footfall_s"] * 1000 / max(n, 1)
    if "mediapipe_s" in timing:
        result["mediapipe_ms_per_frame"] = timing["mediapipe_s"] * 1000 / max(n, 1)
    for name in ("footfall", "mediapipe"):
        if name + "_cpu_s" in timing:
            result[name + "_cpu_ms_per_frame"] = timing[name + "_cpu_s"] * 1000 / max(n, 1)
    if "footfall_s" in timing and "mediapipe_s" in timing:
        result["speedup_wall"] = timing["mediapipe_s"] / timing["footfall_s"]
        result["speedup_cpu"] = timing["mediapipe_cpu_s"] / timing["footfall_cpu_s"]
    if "footfall_pipeline_ms_per_frame" in timing:
        result["footfall_decode_pose_ms_per_frame"] = timing["footfall_pipeline_ms_per_frame"]
    if "timing" in ref:
        result["mediapipe_inference_ms_per_frame"] = ref["timing"]["ms_per_frame"]
    result["load_average"] = os.getloadavg()
    result["json"] = {"ours": ours_path, "reference": ref_path}
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    sys.exit(main())
