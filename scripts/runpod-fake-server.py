#!/usr/bin/env python3
"""A stand-in RunPod serverless endpoint for trying the runpod backend without a GPU or an API key.

Usage:  scripts/runpod-fake-server.py [PORT]        (default 8765)
Then:   RUNPOD_API_KEY=dev RUNPOD_ENDPOINT_ID=fake RUNPOD_BASE_URL=http://127.0.0.1:8765/v2 \
        FOOTFALL_CACHE_DIR=/tmp/ff-cache footfall render VIDEO --backend runpod -o out

It answers /run with a queued job, /status with IN_QUEUE, IN_PROGRESS, then COMPLETED and a base64 WAV of synthetic
footsteps (noise bursts, one per 0.55 s, as many as seconds_total allows), and /cancel. It logs each request.
"""
import base64, io, json, math, random, struct, sys, wave
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

JOBS = {}

def footsteps_wav(seconds, seed):
    rate = 44100
    rng = random.Random(seed)
    n = int(seconds * rate)
    x = [rng.uniform(-1, 1) * 0.0005 for _ in range(n)]
    t = 0.3
    while t + 0.4 < seconds:
        start = int((t + rng.uniform(-0.03, 0.03)) * rate)
        for amp, offset, decay in ((0.6, 0, 0.03), (0.2, 0.07, 0.02)):
            s0 = start + int(offset * rate)
            for i in range(int(decay * 8 * rate)):
                if s0 + i < n:
                    env = i / 88 if i < 88 else math.exp(-(i - 88) / (decay * rate))
                    x[s0 + i] += env * rng.uniform(-1, 1) * amp
        t += 0.55
    buf = io.BytesIO()
    with wave.open(buf, "wb") as w:
        w.setnchannels(1); w.setsampwidth(2); w.setframerate(rate)
        w.writeframes(b"".join(struct.pack("<h", int(max(-1, min(1, v)) * 32767)) for v in x))
    return buf.getvalue()

class Handler(BaseHTTPRequestHandler):
    def reply(self, obj, status=200):
        body = json.dumps(obj).encode()
        self.send_response(status); self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(body))); self.end_headers(); self.wfile.write(body)

    def authorized(self):
        if not self.headers.get("authorization", "").startswith("Bearer "):
            self.reply({"error": "unauthorized"}, 401); return False
        return True

    def do_POST(self):
        if not self.authorized(): return
        data = json.loads(self.rfile.read(int(self.headers.get("content-length", 0))) or b"{}")
        parts = self.path.strip("/").split("/")
        if parts[-1] in ("run", "runsync"):
            job = f"job-{len(JOBS) + 1}"
            JOBS[job] = {"input": data.get("input", {}), "polls": 0}
            print("prompt:", data.get("input", {}).get("prompt"), file=sys.stderr)
            self.reply({"id": job, "status": "IN_QUEUE"})
        elif "cancel" in parts:
            self.reply({"id": parts[-1], "status": "CANCELLED"})
        else:
            self.reply({"error": "not found"}, 404)

    def do_GET(self):
        if not self.authorized(): return
        job = self.path.rstrip("/").split("/")[-1]
        if job not in JOBS: return self.reply({"error": "no such job"}, 404)
        JOBS[job]["polls"] += 1
        polls = JOBS[job]["polls"]
        if polls < 3: return self.reply({"id": job, "status": ["IN_QUEUE", "IN_PROGRESS"][polls - 1]})
        inp = JOBS[job]["input"]
        wav = footsteps_wav(float(inp.get("seconds_total", 6)), int(inp.get("seed", 1)))
        self.reply({"id": job, "status": "COMPLETED", "output": {"audio": base64.b64encode(wav).decode()}})

def stay_tied_to_the_test():
    """Tests start this server through `env python3`, which may be a wrapper (pyenv's shim) that stops on SIGTERM
    and leaves python running: die with the parent, and in any case after ten minutes."""
    try:
        import ctypes, signal
        ctypes.CDLL(None).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except Exception:
        pass
    import threading, os
    threading.Timer(600, lambda: os._exit(0)).start()


if __name__ == "__main__":
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 8765
    stay_tied_to_the_test()
    print(f"fake RunPod on http://127.0.0.1:{port}/v2", file=sys.stderr)
    ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()
