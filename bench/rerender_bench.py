#!/usr/bin/python3
"""Re-render time of edited steps in the web interface (issue 18): the figure in bench/RESULTS.md.

Cuts a clip of --seconds (default 60) from the demo video as H.264 (what a phone uploads), starts `footfall serve`
on a free loopback port with a temporary data folder, uploads the clip and waits for the first (full) render, then
replaces its steps with exactly --steps (default 100) edited ones — the detected steps moved by 20 ms, and more added
or some left out to reach the count — and re-renders them --runs times (default 3), each with another seed so the
sounds are new. A run is timed from the POST of the render to the job's "done" as the API reports it (polled every
20 ms), so it includes the queue, the sounds, the mix, every output file but the stems, and the waveform. The
stems (one WAV per walker and foot, and stems.zip) are written after the job is done; the time until stems.zip can be
downloaded (a HEAD of it waits for them) is reported beside it as `stems_ready`.

    bench/rerender_bench.py [--bin .build/release/footfall] [--seconds 60] [--steps 100] [--runs 3] [--json]

Standard library only; needs ffmpeg (Debian's) for the cut. Nothing is written into the repository.
"""

import argparse
import json
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / ".cache/demo/vtest.avi"


def request(method, url, body=None, timeout=30):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(url, data=data, method=method, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=timeout) as response:
        return json.load(response)


def upload(base, clip):
    boundary = "bench-boundary"
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"video\"; filename=\"{clip.name}\"\r\n"
            "Content-Type: video/mp4\r\n\r\n").encode() + clip.read_bytes() + f"\r\n--{boundary}--\r\n".encode()
    req = urllib.request.Request(f"{base}/api/jobs", data=body, method="POST",
                                 headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})
    with urllib.request.urlopen(req, timeout=120) as response:
        return json.load(response)["id"]


def wait_done(base, job, limit, poll=0.02):
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        state = request("GET", f"{base}/api/jobs/{job}")
        if state["status"] in ("done", "failed"):
            if state["status"] == "failed":
                sys.exit(f"the render failed: {state['error']}")
            return state
        time.sleep(poll)
    sys.exit(f"the render did not finish within {limit} s")


def edited_steps(detected, count, duration):
    """`count` steps: the detected ones moved by 20 ms, then more in the gaps (or fewer) to reach the count."""
    steps = [dict(s, time=min(duration - 0.05, s["time"] + 0.02)) for s in detected][:count]
    walkers = sorted({s["walker"] for s in detected}) or [1]
    i = 0
    while len(steps) < count:
        t = 0.25 + (duration - 0.5) * ((i * 0.618034) % 1)
        steps.append({"time": round(t, 3), "walker": walkers[i % len(walkers)], "foot": "left" if i % 2 else "right"})
        i += 1
    return steps


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--bin", default=str(ROOT / ".build/release/footfall"))
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--steps", type=int, default=100)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    args = parser.parse_args()
    args.bin = str(Path(args.bin).resolve())
    if not Path(args.bin).exists():
        sys.exit(f"no {args.bin}: build it first (make release)")
    if not DEMO.exists():
        sys.exit(f"no demo video at {DEMO}: run scripts/setup.sh")

    work = Path(tempfile.mkdtemp(prefix="footfall-rerender-"))
    server = None
    try:
        clip = work / "walk.mp4"
        subprocess.run(["ffmpeg", "-loglevel", "error", "-y", "-i", str(DEMO), "-t", str(args.seconds), "-c:v",
                        "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", "-an", str(clip)], check=True)
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        log = open(work / "serve.log", "w")
        server = subprocess.Popen([args.bin, "serve", "--port", str(port), "--data", str(work / "data")],
                                  stdout=log, stderr=subprocess.STDOUT, cwd=ROOT)
        base = f"http://127.0.0.1:{port}"
        for _ in range(150):
            try:
                request("GET", f"{base}/healthz", timeout=2)
                break
            except OSError:
                time.sleep(0.2)
        job = upload(base, clip)
        started = time.monotonic()
        first = wait_done(base, job, 1800, poll=0.5)
        first_seconds = time.monotonic() - started
        duration = request("GET", f"{base}/api/jobs/{job}")["upload"]["duration"]
        detected = request("GET", f"{base}/api/jobs/{job}/steps")["steps"]
        steps = edited_steps(detected, args.steps, duration)
        saved = request("PUT", f"{base}/api/jobs/{job}/steps", {"steps": steps})
        assert len(saved["steps"]) == args.steps, len(saved["steps"])

        runs = []
        for run in range(args.runs):
            started = time.monotonic()
            request("POST", f"{base}/api/jobs/{job}/render", {"seed": 100 + run})
            state = wait_done(base, job, 600)
            wall = time.monotonic() - started
            stages = {t["stage"]: round(t["seconds"], 3) for t in state["timings"]}
            stems_ready = None
            if "stems.zip" in state["files"]:
                head = urllib.request.Request(f"{base}/api/jobs/{job}/files/stems.zip", method="HEAD")
                with urllib.request.urlopen(head, timeout=120) as response:
                    assert response.status == 200, response.status
                stems_ready = round(time.monotonic() - started, 3)
            assert "pose" not in stages and "surface" not in stages, stages
            runs.append({"wall": round(wall, 3), "stems_ready": stems_ready, "stages": stages})
        result = {
            "clip_seconds": round(duration, 2), "steps": args.steps, "detected_steps": len(detected),
            "walkers": len({s["walker"] for s in steps}), "first_render_seconds": round(first_seconds, 1),
            "first_render_stages": {t["stage"]: round(t["seconds"], 2) for t in first["timings"]},
            "rerender_median_seconds": statistics.median(r["wall"] for r in runs),
            "stems_ready_median_seconds": statistics.median(r["stems_ready"] or 0 for r in runs), "runs": runs,
        }
        if args.json:
            print(json.dumps(result, indent=2))
        else:
            print(f"{result['clip_seconds']} s clip, {args.steps} edited steps ({len(detected)} detected), "
                  f"{result['walkers']} walkers; first render {result['first_render_seconds']} s")
            for i, r in enumerate(runs):
                parts = ", ".join(f"{k} {v:.2f}" for k, v in r["stages"].items())
                stems = f", stems.zip ready at {r['stems_ready']:.2f} s" if r["stems_ready"] else ""
                print(f"re-render {i + 1}: {r['wall']:.2f} s wall ({parts}){stems}")
            print(f"median re-render: {result['rerender_median_seconds']:.2f} s; "
                  f"stems.zip ready: {result['stems_ready_median_seconds']:.2f} s")
    finally:
        if server:
            server.terminate()
            server.wait(timeout=10)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
