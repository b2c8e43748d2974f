"""Shared by the Python runners: the command line, the shared files and the result line.

The files are written by the orchestrator (bench/shared-files.ts): meta.json, x.f64, y.f64 and
params.f64 (per layer W[in][out] row-major, then b[out]), little-endian float64.
"""
import argparse
import json
import os
import sys

import numpy as np

RESULT_PREFIX = "BENCH_RESULT "


def parse_args():
    p = argparse.ArgumentParser()
    p.add_argument("--data", required=True)
    p.add_argument("--workload", required=True)
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--warmup", type=int, default=1)
    p.add_argument("--epochs", type=int, default=None)
    p.add_argument("--variant", default="")
    return p.parse_args()


def load(data_dir, workload_id):
    """Returns (meta, x [n, features], y [n, outputs], [(W [in, out], b [out]), ...]) in float64."""
    d = os.path.join(data_dir, workload_id)
    with open(os.path.join(d, "meta.json"), encoding="utf-8") as f:
        meta = json.load(f)
    n, features, outputs = meta["n"], meta["features"], meta["outputs"]
    x = np.fromfile(os.path.join(d, "x.f64"), dtype="<f8").reshape(n, features)
    y = np.fromfile(os.path.join(d, "y.f64"), dtype="<f8").reshape(n, outputs)
    flat = np.fromfile(os.path.join(d, "params.f64"), dtype="<f8")
    params, o = [], 0
    for layer in meta["layers"]:
        i, u = layer["inputs"], layer["units"]
        w = flat[o:o + i * u].reshape(i, u)
        o += i * u
        b = flat[o:o + u]
        o += u
        params.append((w, b))
    return meta, x, y, params


def batches(n, batch_size):
    """(start, stop) of every mini-batch of an epoch in order, the last one possibly smaller."""
    return [(s, min(n, s + batch_size)) for s in range(0, n, batch_size)]


def time_runs(run, warmup, runs):
    """Calls run() `warmup` times, then `runs` times; returns the timed runs' seconds and the
    last one's final loss (run() returns (seconds, final_loss))."""
    for _ in range(warmup):
        run()
    times, final = [], float("nan")
    for _ in range(runs):
        seconds, final = run()
        times.append(seconds)
    return times, final


def print_result(times, final_loss, steps, info):
    sys.stdout.write(RESULT_PREFIX + json.dumps({
        "times": times, "finalLoss": float(final_loss), "steps": steps, "info": info,
    }) + "\n")
    sys.stdout.flush()
