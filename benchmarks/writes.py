"""Writes: what saving one session costs on the five-year database, and why.

Prints the median time of ``Store.log_session`` (goal ≤ 30 ms, crash-safe: temp
file, fsync, rename), then what the JSON encoding alone costs with the standard
library and with orjson, so the choice of encoder stays backed by a number.
"""

from __future__ import annotations

import json
import statistics
import tempfile
import time
from dataclasses import replace
from pathlib import Path

import orjson

from benchmarks.generate_history import write_history
from planner.storage import open_store

RUNS = 15


def timed(action: object, runs: int = RUNS) -> float:
    """Median seconds of calling ``action`` ``runs`` times."""
    assert callable(action)
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "five-years.json"
        write_history(db)
        size_mb = db.stat().st_size / 1e6
        with open_store(db) as store:
            template = store.logs()[-1]
            counter = iter(range(10_000))

            def log_one() -> None:
                store.log_session(replace(template, id=f"bench-{next(counter)}"))

            log_s = timed(log_one)
        data = json.loads(db.read_bytes())
        std_s = timed(lambda: json.dumps(data).encode(), 5)
        orjson_s = timed(lambda: orjson.dumps(data), 5)
        print(
            f"writes: log one session on {size_mb:.1f} MB = {log_s * 1000:.1f} ms median "
            f"(goal <= 30 ms); encoding alone: json {std_s * 1000:.1f} ms, "
            f"orjson {orjson_s * 1000:.1f} ms"
        )


if __name__ == "__main__":
    main()
