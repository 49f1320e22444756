#!/usr/bin/env python3
"""Would a listener tell which surface a step is on, and whether it was recorded or synthesised?

A small classifier stands in for the listener: MFCC statistics of each step (13 coefficients, mean and standard
deviation over 23 ms frames, standardised) and the nearest neighbour. Trained on the recordings setup installs
only, it reports per surface:

  held-out   how often it names the right surface for a recorded step when every step of that step's own
             recording is left out of the training set (leave one recording out)
  ours       how often it names the right surface for our procedural steps (`footfall audition --backend
             procedural`, 8 per surface, sneaker, a walk)
  real/ours  leave-one-out accuracy of a nearest-neighbour classifier telling recorded from procedural steps of
             that surface (0.5: indistinguishable, 1: always told apart)

  python3 bench/sound_recognisability.py [--footfall .build/debug/footfall] [--recordings .cache/recordings]

Needs python3 with numpy and the ffmpeg command. The sets are small (2-7 recorded steps per surface): read the
figures as a coarse check, not a listening test.
"""
import argparse
import json
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sound_descriptors as sd  # noqa: E402

SURFACES = ["concrete", "wood", "gravel", "grass", "snow", "sand", "metal", "wet"]


def mel_filterbank(n_fft, rate, bands=40, low=50.0, high=16_000.0):
    def mel(f):
        return 2595 * np.log10(1 + f / 700)

    def hz(m):
        return 700 * (10 ** (m / 2595) - 1)

    edges = hz(np.linspace(mel(low), mel(high), bands + 2))
    bins = np.fft.rfftfreq(n_fft, 1 / rate)
    fb = np.zeros((bands, len(bins)))
    for k in range(bands):
        lo, mid, hi = edges[k], edges[k + 1], edges[k + 2]
        fb[k] = np.clip(np.minimum((bins - lo) / (mid - lo), (hi - bins) / (hi - mid)), 0, None)
    return fb


def mfcc_stats(x, rate=sd.RATE, n_fft=1024, hop=512, coefficients=13):
    """Mean and standard deviation of the MFCCs over the frames within 40 dB of the step's loudest."""
    if len(x) < n_fft:
        x = np.pad(x, (0, n_fft - len(x)))
    frames = np.lib.stride_tricks.sliding_window_view(x, n_fft)[::hop] * np.hanning(n_fft)
    power = np.abs(np.fft.rfft(frames, axis=1)) ** 2
    energy = power.sum(axis=1)
    keep = energy >= energy.max() * 1e-4
    mel = np.log(power[keep] @ mel_filterbank(n_fft, rate).T + 1e-12)
    n = mel.shape[1]
    dct = np.cos(np.pi / n * (np.arange(n)[None, :] + 0.5) * np.arange(coefficients)[:, None])
    c = mel @ dct.T
    return np.concatenate([c.mean(axis=0), c.std(axis=0)])


def nearest(train, labels, query):
    d = np.linalg.norm(train - query[None, :], axis=1)
    return labels[int(np.argmin(d))]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--footfall", default=".build/debug/footfall")
    parser.add_argument("--recordings", default=".cache/recordings")
    parser.add_argument("--shoes", default="sneaker")
    args = parser.parse_args()
    if not os.path.isdir(args.recordings):
        sys.exit(f"no recordings in {args.recordings}: run 'make setup' first")

    # Recorded steps with the recording each came from (held-out tests leave out the whole recording).
    real, real_surface, real_file = [], [], []
    for name in sorted(os.listdir(args.recordings)):
        manifest_path = os.path.join(args.recordings, name, "manifest.json")
        if not os.path.exists(manifest_path):
            continue
        for entry in json.load(open(manifest_path))["recordings"]:
            surface = entry.get("surface")
            path = os.path.join(args.recordings, name, entry["file"])
            if surface not in SURFACES or not os.path.exists(path):
                continue
            for step in sd.slices(sd.decode(path)):
                real.append(mfcc_stats(step))
                real_surface.append(surface)
                real_file.append(path)
    real = np.array(real)
    real_surface = np.array(real_surface)
    real_file = np.array(real_file)
    ours, ours_surface = [], []
    for surface in SURFACES:
        for step in sd.our_steps(args.footfall, surface, args.shoes.split(",")):
            ours.append(mfcc_stats(step))
            ours_surface.append(surface)
    ours = np.array(ours)
    ours_surface = np.array(ours_surface)

    # Standardised on the recordings only: the classifier never sees our steps while learning.
    mean, std = real.mean(axis=0), real.std(axis=0) + 1e-9
    zr, zo = (real - mean) / std, (ours - mean) / std

    rows = ["| surface | recorded steps (files) | held-out recorded named right | ours named right | ours named as "
            "| real vs ours told apart |", "|---|---|---|---|---|---|"]
    totals = {"held": [0, 0], "ours": [0, 0], "sep": [0, 0]}
    for surface in SURFACES:
        mine = np.nonzero(real_surface == surface)[0]
        if len(mine) == 0:
            continue
        held = 0
        for i in mine:
            train = real_file != real_file[i]
            held += nearest(zr[train], real_surface[train], zr[i]) == surface
        o = np.nonzero(ours_surface == surface)[0]
        named = [nearest(zr, real_surface, zo[i]) for i in o]
        right = sum(n == surface for n in named)
        confusions = {}
        for n in named:
            confusions[n] = confusions.get(n, 0) + 1
        # Real against ours for this surface, leave one out (1-NN within the pooled steps).
        pool = np.concatenate([zr[mine], zo[o]])
        kind = np.array([0] * len(mine) + [1] * len(o))
        predicted = []
        for i in range(len(pool)):
            others = np.arange(len(pool)) != i
            predicted.append(nearest(pool[others], kind[others], pool[i]))
        # Balanced: the mean of the two classes' hit rates, so 0.5 is chance whatever the counts.
        real_hits = sum(p == 0 for p in predicted[:len(mine)])
        ours_hits = sum(p == 1 for p in predicted[len(mine):])
        balanced = 0.5 * (real_hits / len(mine) + ours_hits / len(o))
        totals["held"][0] += held
        totals["held"][1] += len(mine)
        totals["ours"][0] += right
        totals["ours"][1] += len(o)
        totals["sep"][0] += balanced
        totals["sep"][1] += 1
        files = len(set(real_file[mine]))
        as_text = ", ".join(f"{k} {v}" for k, v in sorted(confusions.items(), key=lambda kv: -kv[1]))
        rows.append(f"| {surface} | {len(mine)} ({files}) | {held}/{len(mine)} | {right}/{len(o)} | {as_text} "
                    f"| {balanced:.2f} |")
    rows.append(f"| all | {totals['held'][1]} | {totals['held'][0] / totals['held'][1]:.2f} "
                f"| {totals['ours'][0] / totals['ours'][1]:.2f} | | {totals['sep'][0] / totals['sep'][1]:.2f} |")
    print("\n".join(rows))


if __name__ == "__main__":
    main()
