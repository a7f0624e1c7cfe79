"""Shared by the latency benchmarks: time a call repeatedly, report p50/p95, print the table."""
from __future__ import annotations

import json
import statistics
import time
from collections.abc import Callable


def percentiles(call: Callable[[], object], repeat: int) -> dict:
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        call()
        timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    return {"p50_ms": round(statistics.median(timings), 1),
            "p95_ms": round(timings[max(0, int(len(timings) * 0.95) - 1)], 1)}


def report(result: dict, size: int, as_json: bool) -> None:
    if as_json:
        print(json.dumps({"articles": size, **result}))
        return
    print(f"articles: {size}")
    for name, figures in result.items():
        print(f"{name:<20} p50 {figures['p50_ms']:>8.1f} ms   p95 {figures['p95_ms']:>8.1f} ms")
