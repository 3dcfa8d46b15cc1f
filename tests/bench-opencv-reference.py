#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The usual OpenCV way of checking a document photo, timed on the frames
that bench-photo wrote, so that our photo check has a reference to be
measured against. One thread, as our check runs on one core.

Per frame, as document-scanner and KYC tutorials do it:
  grey      cv2.cvtColor(RGBA -> GRAY)
  focus     variance of cv2.Laplacian (CV_64F)
  glare     cv2.threshold at 240 + cv2.connectedComponentsWithStats
  outline   cv2.resize to 640 on the long side (INTER_AREA), GaussianBlur 5x5,
            cv2.Canny(50, 150), cv2.findContours (external), the five largest
            contours by area, cv2.approxPolyDP(0.02 * perimeter) until a
            quadrilateral is found

Usage: bench-opencv-reference.py [--json] [--iterations N] DIR
Frames are DIR/<width>x<height>-<kind>.png. Run it with Debian's
/usr/bin/python3 (python3-opencv, python3-numpy).
"""

import argparse
import glob
import json
import math
import os
import sys
import time

import cv2
import numpy as np


def grey_view(rgba):
    return cv2.cvtColor(rgba, cv2.COLOR_RGBA2GRAY)


def focus(grey):
    return cv2.Laplacian(grey, cv2.CV_64F).var()


def glare(grey):
    _, bright = cv2.threshold(grey, 240, 255, cv2.THRESH_BINARY)
    n_blobs, _, stats, _ = cv2.connectedComponentsWithStats(bright, connectivity=8)
    return n_blobs - 1, stats


def outline(grey):
    height, width = grey.shape
    scale = 640.0 / max(width, height)
    small = cv2.resize(grey, (max(1, round(width * scale)), max(1, round(height * scale))),
                       interpolation=cv2.INTER_AREA)
    small = cv2.GaussianBlur(small, (5, 5), 0)
    edges = cv2.Canny(small, 50, 150)
    contours, _ = cv2.findContours(edges, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    for contour in sorted(contours, key=cv2.contourArea, reverse=True)[:5]:
        approx = cv2.approxPolyDP(contour, 0.02 * cv2.arcLength(contour, True), True)
        if len(approx) == 4:
            return approx / scale
    return None


STAGES = ('grey', 'focus', 'glare', 'outline')


def check(rgba):
    """Runs the stages; returns each one's wall time and the total thread
    CPU time, in milliseconds."""
    c0 = time.thread_time_ns()
    t0 = time.perf_counter_ns()
    grey = grey_view(rgba)
    t1 = time.perf_counter_ns()
    focus(grey)
    t2 = time.perf_counter_ns()
    glare(grey)
    t3 = time.perf_counter_ns()
    outline(grey)
    t4 = time.perf_counter_ns()
    c1 = time.thread_time_ns()
    return [(b - a) / 1e6 for a, b in ((t0, t1), (t1, t2), (t2, t3), (t3, t4))], (c1 - c0) / 1e6


def percentile(values, p):
    """Nearest rank, as bench-photo computes it."""
    ordered = sorted(values)
    rank = max(1, min(len(ordered), math.ceil(p / 100.0 * len(ordered))))
    return ordered[rank - 1]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--json', action='store_true', help='print one JSON object')
    parser.add_argument('--iterations', type=int, default=30)
    parser.add_argument('dir')
    args = parser.parse_args()

    cv2.setNumThreads(1)
    cv2.ocl.setUseOpenCL(False)

    paths = sorted(glob.glob(os.path.join(args.dir, '*x*-*.png')))
    if not paths:
        sys.exit(f'no frames in {args.dir}')

    frames = {}
    sizes = {}
    for path in paths:
        name = os.path.basename(path)[:-len('.png')]
        image = cv2.imread(path, cv2.IMREAD_UNCHANGED)
        if image is None:
            sys.exit(f'cannot read {path}')
        # The same four-channel RGBA layout our check is given.
        code = cv2.COLOR_BGRA2RGBA if image.shape[2] == 4 else cv2.COLOR_BGR2RGBA
        rgba = np.ascontiguousarray(cv2.cvtColor(image, code))

        times = []
        cpu_times = []
        stages = {stage: [] for stage in STAGES}
        for i in range(-3, args.iterations):
            parts, cpu = check(rgba)
            if i >= 0:
                times.append(sum(parts))
                cpu_times.append(cpu)
                for stage, ms in zip(STAGES, parts):
                    stages[stage].append(ms)
        frames[name] = {'median_ms': percentile(times, 50), 'p95_ms': percentile(times, 95),
                        'median_cpu_ms': percentile(cpu_times, 50), 'p95_cpu_ms': percentile(cpu_times, 95)}
        frames[name].update({stage + '_ms': percentile(values, 50) for stage, values in stages.items()})
        size = sizes.setdefault(name.split('-', 1)[0], ([], []))
        size[0].extend(times)
        size[1].extend(cpu_times)

    result = {
        'opencv_version': cv2.__version__,
        'python': sys.version.split()[0],
        'frames': frames,
        'sizes': {size: {'median_ms': percentile(wall, 50), 'p95_ms': percentile(wall, 95),
                         'median_cpu_ms': percentile(cpu, 50), 'p95_cpu_ms': percentile(cpu, 95)}
                  for size, (wall, cpu) in sizes.items()},
    }

    if args.json:
        json.dump(result, sys.stdout, indent=1)
        print()
        return

    print(f'OpenCV {result["opencv_version"]}, one thread, {args.iterations} runs per frame')
    print(f'{"frame":<26} {"median ms":>10} {"p95 ms":>10} {"cpu ms":>10}'
          + ''.join(f' {s + " ms":>11}' for s in STAGES))
    for name, figures in frames.items():
        print(f'{name:<26} {figures["median_ms"]:>10.2f} {figures["p95_ms"]:>10.2f}'
              f' {figures["median_cpu_ms"]:>10.2f}'
              + ''.join(f' {figures[s + "_ms"]:>11.2f}' for s in STAGES))
    for size, figures in result['sizes'].items():
        print(f'{size + " all":<26} {figures["median_ms"]:>10.2f} {figures["p95_ms"]:>10.2f}'
              f' {figures["median_cpu_ms"]:>10.2f}')


if __name__ == '__main__':
    main()
