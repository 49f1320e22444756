#!/usr/bin/env python3
"""Descriptors of single footsteps: the recordings setup installs against Footfall's procedural steps.

Per surface, for every recorded step (each file cut at its transients as the recorded backend cuts it) and for
`footfall audition --backend procedural` steps (8 per shoe, seeds 1-8, a walk's cadence unless told), it measures:

  length    first to last 5 ms RMS frame within 30 dB of the loudest (ms)
  attack    onset (first 1 ms frame within 20 dB of the peak) to the peak (ms)
  centroid  power-weighted mean frequency of the bins below 11 kHz (Hz)
  bands     share of the energy below 250 Hz, 250 Hz-2 kHz, 2-8 kHz, above 8 kHz (%)
  gap       heel peak to toe peak, when a second contact 35-250 ms after the heel rises 6 dB above the dip before
            it (ms; '-' when there is none)
  decay     peak to the last 5 ms frame within 20 dB of it (ms)

and prints a markdown table: the recorded range (min-max) and ours (median, and min-max) per surface, with `in`
when our median lies within the recorded range widened by x1.5 (length, centroid), as issue 17 asks.

  python3 bench/sound_descriptors.py [--footfall .build/debug/footfall] [--recordings .cache/recordings]
      [--shoes sneaker,leather,boots,heels,barefoot] [--json FILE]

Needs python3 with numpy and the ffmpeg command (to decode the OGG recordings).
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

import numpy as np

RATE = 48_000
# The manifest's surfaces compared (the recorded backend's names), as issue 17's table.
SURFACES = ["concrete", "wood", "gravel", "grass", "snow", "sand", "metal", "wet"]


def decode(path):
    raw = subprocess.run(
        ["ffmpeg", "-v", "error", "-i", path, "-ac", "1", "-ar", str(RATE), "-f", "f32le", "-"],
        check=True, capture_output=True).stdout
    return np.frombuffer(raw, dtype=np.float32).astype(np.float64)


def levels(x, window, hop):
    """Mean power in dB of `window`-sample frames every `hop` samples (as StepSlicer.levels)."""
    if len(x) == 0:
        return np.zeros(0)
    c = np.concatenate([[0.0], np.cumsum(x * x)])
    frames = max(1, (len(x) - window) // hop + 1)
    lo = np.arange(frames) * hop
    hi = np.minimum(len(x), lo + window)
    power = (c[hi] - c[lo]) / np.maximum(1, hi - lo)
    return 10 * np.log10(np.maximum(power, 1e-24))


def slices(x):
    """The recorded backend's StepSlicer, same constants: where each step of a recording starts and ends."""
    window, hop = int(0.010 * RATE), int(0.0025 * RATE)
    lv = levels(x, window, hop)
    if len(lv) == 0 or lv.max() <= -200:
        return []
    loudest = lv.max()
    back, ahead = 12, 20
    gap, tail = 100, 48
    first = int(np.argmax(lv >= loudest - 30))
    onsets = [first]
    for i in range(first + 1, len(lv) - tail):
        if i - onsets[-1] < gap:
            continue
        if lv[i] - lv[max(0, i - back):i].min() < 9:
            continue
        if lv[i:i + ahead].max() < loudest - 6:
            continue
        onsets.append(i)
    pre, longest = int(0.005 * RATE), int(0.9 * RATE)
    starts = [max(0, o * hop - pre) for o in onsets]
    ends = starts[1:] + [len(x)]
    return [x[s:min(e, s + longest)] for s, e in zip(starts, ends)]


def descriptors(x):
    frame = RATE // 200
    n = len(x) // frame
    rms = np.sqrt(np.mean(x[:n * frame].reshape(n, frame) ** 2, axis=1)) if n else np.zeros(1)
    peak = rms.max()
    above = np.nonzero(rms >= peak * 10 ** (-30 / 20))[0]
    length = (above[-1] - above[0] + 1) * frame / RATE * 1000
    peak_frame = int(np.argmax(rms))
    within20 = np.nonzero(rms >= peak * 0.1)[0]
    decay = (within20[-1] - peak_frame) * frame / RATE * 1000
    fine = levels(x, RATE // 1000, RATE // 1000)
    top = int(np.argmax(fine))
    onset = int(np.argmax(fine >= fine[top] - 20))
    attack = float(top - onset)
    spectrum = np.abs(np.fft.rfft(x)) ** 2
    freqs = np.fft.rfftfreq(len(x), 1 / RATE)
    below = freqs < 11_000
    centroid = float((freqs[below] * spectrum[below]).sum() / max(spectrum[below].sum(), 1e-30))
    total = max(spectrum.sum(), 1e-30)
    bands = [float(spectrum[(freqs >= lo) & (freqs < hi)].sum() / total * 100)
             for lo, hi in [(0, 250), (250, 2000), (2000, 8000), (8000, RATE)]]
    return {"length": length, "attack": attack, "centroid": centroid, "bands": bands, "gap": heel_toe_gap(x),
            "decay": decay}


def heel_toe_gap(x):
    """As HeelToeRetiming.contacts: the heel is the loudest 5 ms in the first 80 ms, the toe the loudest 35-250 ms
    later if it rises 6 dB above the dip between and is within 24 dB of the heel."""
    lv = levels(x, int(0.005 * RATE), RATE // 1000)
    heel_end = min(len(lv), 80)
    if heel_end == 0:
        return None
    heel = int(np.argmax(lv[:heel_end]))
    lo, hi = heel + 35, min(len(lv), heel + 250)
    if lo >= hi:
        return None
    toe = lo + int(np.argmax(lv[lo:hi]))
    if toe <= heel + 1:
        return None
    dip = lv[heel + 1:toe].min()
    if lv[toe] - dip < 6 or lv[toe] < lv[heel] - 24:
        return None
    return float(toe - heel)


def recorded_steps(directory):
    steps = {}
    for name in sorted(os.listdir(directory)):
        manifest_path = os.path.join(directory, name, "manifest.json")
        if not os.path.exists(manifest_path):
            continue
        manifest = json.load(open(manifest_path))
        for entry in manifest["recordings"]:
            surface = entry.get("surface")
            path = os.path.join(directory, name, entry["file"])
            if surface in SURFACES and os.path.exists(path):
                steps.setdefault(surface, []).extend(slices(decode(path)))
    return steps


def our_steps(footfall, surface, shoes, cadence=1.8, intensity=0.5, count=8):
    """Procedural steps from `footfall audition`: one step per run (seeds 1...count), so a long step never overlaps
    the next, yet timed for `cadence` steps per second (the heel-to-toe gap follows the pace)."""
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        for shoe in shoes:
            for seed in range(1, count + 1):
                wav = os.path.join(tmp, f"{surface}.{shoe}.{seed}.wav")
                subprocess.run(
                    [footfall, "audition", "--backend", "procedural", "--surface", surface, "--shoe", shoe,
                     "--steps", "1", "--cadence", str(cadence), "--intensity", str(intensity), "--seed", str(seed),
                     "-o", wav, "--force", "--quiet"], check=True, stdout=subprocess.DEVNULL)
                x = decode(wav)
                out.append(x[int(0.23 * RATE):])
    return out


def summary(values):
    values = [v for v in values if v is not None]
    if not values:
        return None
    return {"min": float(min(values)), "max": float(max(values)), "median": float(np.median(values)),
            "count": len(values)}


def fmt(s, digits=0, scale=1.0):
    if s is None:
        return "-"
    f = f"{{:.{digits}f}}"
    return f"{f.format(s['min'] * scale)}-{f.format(s['max'] * scale)}"


def within(ours, recorded, widen=1.5):
    return recorded["min"] / widen <= ours["median"] <= recorded["max"] * widen


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--footfall", default=".build/debug/footfall")
    parser.add_argument("--recordings", default=".cache/recordings")
    parser.add_argument("--shoes", default="sneaker")
    parser.add_argument("--surfaces", default=",".join(SURFACES))
    parser.add_argument("--cadence", type=float, default=1.8, help="steps per second of our steps (3 = a run)")
    parser.add_argument("--intensity", type=float, default=0.5, help="0.5 a walk, 1 a run")
    parser.add_argument("--json", help="also write every figure here")
    args = parser.parse_args()
    if not os.path.isdir(args.recordings):
        sys.exit(f"no recordings in {args.recordings}: run 'make setup' first")
    recorded = recorded_steps(args.recordings)
    shoes = args.shoes.split(",")
    rows = []
    result = {}
    header = ("| surface | steps rec/ours | length ms rec | ours | centroid Hz rec | ours | attack ms rec | ours "
              "| <250 Hz % rec | ours | 2-8 kHz % rec | ours | heel-toe ms rec | ours | decay ms rec | ours | in x1.5 |")
    rows.append(header)
    rows.append("|" + "---|" * (header.count("|") - 1))
    for surface in args.surfaces.split(","):
        if surface not in recorded:
            continue
        rec = [descriptors(x) for x in recorded[surface]]
        ours = [descriptors(x) for x in our_steps(args.footfall, surface, shoes, args.cadence, args.intensity)]
        r = {k: summary([d[k] for d in rec]) for k in ["length", "attack", "centroid", "gap", "decay"]}
        o = {k: summary([d[k] for d in ours]) for k in ["length", "attack", "centroid", "gap", "decay"]}
        for label, index in [("low", 0), ("high", 2)]:
            r[label] = summary([d["bands"][index] for d in rec])
            o[label] = summary([d["bands"][index] for d in ours])
        ok = within(o["length"], r["length"]) and within(o["centroid"], r["centroid"])
        result[surface] = {"recorded": r, "ours": o, "inside": ok}

        def med(s, digits=0):
            return "-" if s is None else f"{s['median']:.{digits}f}"

        rows.append(
            f"| {surface} | {len(rec)}/{len(ours)} | {fmt(r['length'])} | {med(o['length'])} | {fmt(r['centroid'])} "
            f"| {med(o['centroid'])} | {fmt(r['attack'])} | {med(o['attack'])} | {fmt(r['low'])} | {med(o['low'])} "
            f"| {fmt(r['high'])} | {med(o['high'])} | {fmt(r['gap'])} | {med(o['gap'])} | {fmt(r['decay'])} "
            f"| {med(o['decay'])} | {'yes' if ok else 'NO'} |")
    print("\n".join(rows))
    if args.json:
        json.dump(result, open(args.json, "w"), indent=1, sort_keys=True)


if __name__ == "__main__":
    main()
