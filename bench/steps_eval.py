#!/usr/bin/env python3
"""Scores footfall's heel strikes on the dev clips that have ground truth; prints a Markdown table.

Usage:
    python3 bench/steps_eval.py POSE_DIR [--suffix mp] [--clips /work/shared/clips] [--footfall .build/debug/footfall]
                                [--method auto|cascade|zeni|vertical]

For each clip with groundtruth/<clip>.json it reads POSE_DIR/<clip>.<suffix>.json (a pose JSON from
`footfall pose CLIP --json F` or bench/mediapipe_pose.py), runs `footfall eval CLIP --pose P --truth GT --json`
and, for clips with audio-onset truth, also scores the onset detector (`footfall eval` without --truth) against
the hand-labelled onsets. Pose files and clips stay outside the repository.
"""
import argparse
import json
import os
import subprocess
import sys


def run_eval(footfall, video, pose, truth=None, method="auto"):
    cmd = [footfall, "eval", video, "--pose", pose, "--json", "--quiet", "--method", method]
    if truth:
        cmd += ["--truth", truth]
    out = subprocess.run(cmd, capture_output=True, text=True)
    if out.returncode != 0:
        return None, out.stderr.strip()
    return json.loads(out.stdout), None


def fmt(v, scale=1.0, digits=2, unit=""):
    return "–" if v is None else f"{v * scale:.{digits}f}{unit}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("pose_dir")
    ap.add_argument("--suffix", default="mp")
    ap.add_argument("--clips", default="/work/shared/clips")
    ap.add_argument("--footfall", default=".build/debug/footfall")
    ap.add_argument("--method", default="auto", help="auto (gait-cycle model), cascade (earlier rules), zeni, vertical")
    a = ap.parse_args()
    gt_dir = os.path.join(a.clips, "groundtruth")
    rows = []
    onset_rows = []
    for name in sorted(os.listdir(gt_dir)):
        if not name.endswith(".json"):
            continue
        clip = name[:-5]
        video = os.path.join(a.clips, clip + ".mp4")
        pose = os.path.join(a.pose_dir, f"{clip}.{a.suffix}.json")
        truth_path = os.path.join(gt_dir, name)
        truth = json.load(open(truth_path))
        if not os.path.exists(pose):
            rows.append(f"| {clip} | – | no pose file | | | | | | |")
            continue
        result, err = run_eval(a.footfall, video, pose, truth_path, a.method)
        if result is None:
            rows.append(f"| {clip} | – | error: {err} | | | | | | |")
            continue
        e = result["evaluation"]
        m = e["metrics"]
        s50 = next(s for s in m["scores"] if abs(s["tolerance"] - 0.05) < 1e-9)
        s100 = next(s for s in m["scores"] if abs(s["tolerance"] - 0.1) < 1e-9)
        views = ", ".join(sorted({f"{w['view']}/{w['method']}" for w in result["walkers"]})) or "no person"
        judged = "" if e["judges_precision"] else " (recall only)"
        f50 = fmt(s50.get("f1")) if e["judges_precision"] else "R " + fmt(s50.get("recall"))
        f100 = fmt(s100.get("f1")) if e["judges_precision"] else "R " + fmt(s100.get("recall"))
        rows.append(
            f"| {clip}{judged} | {views} | {e['reference_count']} | {e['detected_count']} | {f50} | {f100} | "
            f"{fmt(m.get('median_abs_error'), 1000, 1, ' ms')} | {fmt(m.get('mean_error'), 1000, 1, ' ms')} | "
            f"{fmt(m.get('early_share'))} | {e['false_steps_at_non_steps']} |")
        if truth.get("method") == "audio-onset":
            res, err = run_eval(a.footfall, video, pose, method=a.method)
            if res and res.get("onsets") is not None:
                labelled = [ev["time"] for ev in truth["events"] if ev["kind"] == "heel_strike"]
                errs = []
                for t in labelled:
                    near = [o - t for o in res["onsets"] if abs(o - t) <= 0.05]
                    if near:
                        errs.append(min(near, key=abs))
                onset_rows.append(
                    f"| {clip} | {len(labelled)} | {len(res['onsets'])} | {len(errs)} | "
                    + (", ".join(f"{x * 1000:+.1f}" for x in errs) or "–") + " |")
    print("| clip | view/method | truth | detected | F1 ±50 ms | F1 ±100 ms | median abs err | mean err | early share | steps at non-steps |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    print("\n".join(rows))
    if onset_rows:
        print()
        print("Onset detector vs hand-labelled audio onsets (errors in ms, within ±50 ms):")
        print()
        print("| clip | labelled | onsets found | matched | errors (ms) |")
        print("|---|---|---|---|---|")
        print("\n".join(onset_rows))


if __name__ == "__main__":
    sys.exit(main())
