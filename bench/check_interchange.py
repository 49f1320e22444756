#!/usr/bin/env python3
"""Loads a render's interchange files with the reference libraries and compares them with its steps JSON.

    python3 -m venv /tmp/otio && /tmp/otio/bin/pip install opentimelineio mido
    /tmp/otio/bin/python bench/check_interchange.py out/vtest

checks <name>.otio with OpenTimelineIO (one marker per step, the media as clips), <name>.steps.mid with mido (one
note-on and one marker per step) and the cue points of <name>.footsteps.wav as FFmpeg reads them (chapters), each
against <name>.steps.json within ±1 ms, the contract of issue 18 (the formats themselves are finer: a sample in the
WAV and the OTIO, a tick of 1/1920 s in the MIDI file; the worst difference is printed). Exits 1 on a mismatch.
"""
import json
import subprocess
import sys

import mido
import opentimelineio as otio

stem = sys.argv[1]
steps = sorted(s["time"] for s in json.load(open(stem + ".steps.json"))["steps"])
failures = []
TOLERANCE = 0.001  # seconds: ±1 ms


def compare(what, times, tolerance):
    times = sorted(times)
    if len(times) != len(steps):
        failures.append(f"{what}: {len(times)} events for {len(steps)} steps")
        return
    worst = max((abs(a - b) for a, b in zip(times, steps)), default=0)
    print(f"{what}: {len(times)} events, worst {worst * 1000:.3f} ms")
    if worst > tolerance:
        failures.append(f"{what}: off by {worst * 1000:.3f} ms")


timeline = otio.adapters.read_from_file(stem + ".otio")
print("otio tracks:", [(t.kind, t.name, len(t)) for t in timeline.tracks])
compare("otio markers", [m.marked_range.start_time.to_seconds() for m in timeline.tracks.markers], TOLERANCE)

notes, markers, now = [], [], 0.0
for message in mido.MidiFile(stem + ".steps.mid"):
    now += message.time
    if message.type == "note_on" and message.velocity > 0:
        notes.append(now)
    elif message.type == "marker":
        markers.append(now)
compare("midi notes", notes, TOLERANCE)
compare("midi markers", markers, TOLERANCE)

probe = subprocess.run(
    ["ffprobe", "-v", "error", "-show_chapters", "-of", "json", stem + ".footsteps.wav"],
    capture_output=True, text=True, check=True)
compare("wav cues", [float(c["start_time"]) for c in json.loads(probe.stdout)["chapters"]], TOLERANCE)

if failures:
    print("\n".join(failures))
    sys.exit(1)
print("ok")
