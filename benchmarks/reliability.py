#!/usr/bin/env python3
"""Time and peak memory of each hostile input of the reliability kit, each in a fresh process.

    python benchmarks/reliability.py [--json]

Writes the kit with ``../shared/reliability/make_badinputs.py`` into a temporary folder, then
runs ``newsgraph analyze FILE`` on every file alone and reports the verdict it got (analysed,
refused, both), wall time and the child's peak RSS (``ru_maxrss`` from ``wait4``). The target
is under 30 s and under 1 GB for every input; the model's own load (~0.15 GB, ~1 s) is included.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
KIT_MAKER = ROOT.parent / "shared" / "reliability" / "make_badinputs.py"
NEWSGRAPH = Path(sys.executable).parent / "newsgraph"


def run(path: Path) -> dict:
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        started = time.perf_counter()
        child = subprocess.Popen([str(NEWSGRAPH), "analyze", str(path)], stdout=out, stderr=err)
        _, _, usage = os.wait4(child.pid, 0)  # the child's own peak RSS, not the largest child so far
        seconds = time.perf_counter() - started
        out.seek(0)
        err.seek(0)
        output, errors = out.read(), err.read()
    analysed = sum(1 for line in output.splitlines() if line.startswith("{"))
    refused = sum(1 for line in errors.splitlines() if line.startswith("newsgraph: error:"))
    return {"input": path.name, "analysed": analysed, "refused": refused, "traceback": "Traceback" in errors,
            "seconds": round(seconds, 2), "peak_mb": round(usage.ru_maxrss / 1024)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run([sys.executable, str(KIT_MAKER), folder], check=True, capture_output=True)
        expected = json.loads((Path(folder) / "expected.json").read_text())
        rows = [{**run(Path(folder) / name), "expected": verdict} for name, verdict in sorted(expected.items())]
    if args.json:
        print(json.dumps(rows))
        return
    print(f"{'input':<26} {'expected':<9} {'analysed':>8} {'refused':>7} {'s':>6} {'MB':>6}")
    for row in rows:
        print(f"{row['input']:<26} {row['expected']:<9} {row['analysed']:>8} {row['refused']:>7} "
              f"{row['seconds']:>6} {row['peak_mb']:>6}{'  TRACEBACK' if row['traceback'] else ''}")


if __name__ == "__main__":
    main()
