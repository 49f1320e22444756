#!/usr/bin/env python3
"""Peak memory of whole renders on long videos: the figure issue 11 asks for (goal < 400 MB, independent of length).

Runs the release binary as a child process per case and reads its peak resident set size from the kernel
(getrusage of the finished child), so nothing is sampled and nothing is missed. Cases:
  - the corpus's 30-minute clip rendered end to end (pose, steps, sound, mix, export);
  - the same clip with a generated steps file of three walkers stepping for the whole 30 minutes (about 10 000
    steps), so the sound, mix and stem path runs at full length whatever the picture shows;
  - any extra videos given with --video (e.g. a 10-minute 1080p clip), rendered end to end.
Exit status 1 when a case exceeds --limit MB or fails.

  bench/memory_check.py [--limit 400] [--video FILE ...] [--binary .build/release/footfall]
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def probe(binary, video):
    out = subprocess.run([binary, "probe", video, "--json"], capture_output=True, text=True, check=True).stdout
    return json.loads(out)


def walking_steps(duration, width, height, walkers=3, cadence=1.9):
    """Three walkers crossing the frame back and forth, alternating feet, for the whole clip."""
    steps = []
    for w in range(walkers):
        t = 0.3 + 0.17 * w
        n = 0
        while t < duration - 0.2:
            phase = (t / 20.0 + w / walkers) % 2.0
            x = width * (0.1 + 0.8 * (phase if phase < 1 else 2 - phase))
            steps.append({
                "time": round(t, 6), "frame": int(t * 10), "walker": w,
                "foot": "left" if n % 2 == 0 else "right", "kind": "heel_strike", "confidence": 0.9,
                "position": {"x": x, "y": height * (0.7 + 0.05 * w)}, "walker_height": height * (0.3 + 0.1 * w),
            })
            t += 1.0 / cadence
            n += 1
    steps.sort(key=lambda s: s["time"])
    return steps


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=float, default=400)
    ap.add_argument("--video", action="append", default=[])
    ap.add_argument("--binary", default=os.path.join(ROOT, ".build/release/footfall"))
    ap.add_argument("--long-clip", default=os.path.join(ROOT, ".cache/corpus/long_30min.mp4"))
    opts = ap.parse_args()
    if not os.path.exists(opts.binary):
        sys.exit(f"memory_check: {opts.binary} is missing: run make release")

    work = tempfile.mkdtemp(prefix="footfall-memory-")
    cases = []
    if os.path.exists(opts.long_clip):
        info = probe(opts.binary, opts.long_clip)
        steps_file = os.path.join(work, "long.steps.json")
        width, height = info.get("width", info["coded_width"]), info.get("height", info["coded_height"])
        doc = {"version": 1, "video": {"file": os.path.basename(opts.long_clip), "duration": info["duration"],
                                       "width": width, "height": height,
                                       "frame_rate": info.get("frame_rate", 10)},
               "steps": walking_steps(info["duration"], width, height)}
        with open(steps_file, "w") as f:
            json.dump(doc, f)
        cases.append((f"30-min clip, {len(doc['steps'])} generated steps (sound, mix, export)",
                      [opts.long_clip, "--steps", steps_file]))
        cases.append(("30-min clip end to end", [opts.long_clip]))
    else:
        print(f"[memory] {opts.long_clip} is missing (scripts/make-corpus.sh --long makes it); skipping it")
    for video in opts.video:
        cases.append((f"{os.path.basename(video)} end to end", [video]))

    failed = False
    print(f"[memory] {'case':<60} {'peak RSS':>10} {'seconds':>8}")
    for i, (label, args) in enumerate(cases):
        # Each case in a fresh child process of a fresh python, so RUSAGE_CHILDREN is that case's alone.
        out = os.path.join(work, f"out{i}")
        code = ("import resource,subprocess,sys,json,time;t=time.time();"
                "p=subprocess.run(sys.argv[1:],capture_output=True,text=True);"
                "print(json.dumps({'rc':p.returncode,'err':p.stderr[-2000:],"
                "'kb':resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,'s':time.time()-t}))")
        cmd = [sys.executable, "-c", code, opts.binary, "render"] + args + ["-o", out, "--force", "--quiet"]
        result = json.loads(subprocess.run(cmd, capture_output=True, text=True, check=True).stdout)
        mb = result["kb"] / 1024
        status = "ok" if result["rc"] == 0 and mb <= opts.limit else "FAIL"
        print(f"[memory] {label:<60} {mb:>7.0f} MB {result['s']:>8.0f}  {status}")
        if result["rc"] != 0:
            print(result["err"], file=sys.stderr)
        failed |= status != "ok"
        shutil.rmtree(out, ignore_errors=True)
    shutil.rmtree(work, ignore_errors=True)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
