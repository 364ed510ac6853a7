"""Writes: what saving one session costs on the five-year database, and why it is cheap.

Prints the median time of saving a session with its feedback review, as one
transaction (goal ≤ 30 ms, crash-safe: temp file, fsync, rename), of a live
session's checkpoint (goal < 5 ms: a small file of its own), what encoding the
hot file costs with the standard library and with orjson, and what every write
would encode if the five years were kept in one file: the two numbers behind
keeping old weeks in an archive file and writing with orjson.
"""

from __future__ import annotations

import json
import statistics
import time
from dataclasses import replace

import orjson

from benchmarks.generate_history import benchmark_history
from planner.domain.catalogue import load_catalogue
from planner.planbook.journal import record_session
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


def encode_costs(data: object) -> tuple[float, float]:
    """Median seconds to encode ``data`` with the standard library and with orjson."""
    return timed(lambda: json.dumps(data).encode(), 5), timed(lambda: orjson.dumps(data), 5)


def main() -> None:
    with benchmark_history(__doc__) as (_, db, years):
        hot_mb = db.stat().st_size / 1e6
        catalogue = load_catalogue()
        with open_store(db) as store:
            archives = store.archive.paths
            template = store.logs()[-1]
            counter = iter(range(10_000))

            def log_one() -> None:
                log = replace(template, id=f"bench-{next(counter)}")
                record_session(store, catalogue, log, template.day)

            def checkpoint_one() -> None:
                log = replace(template, id=f"running-{next(counter)}")
                store.save_pending_log(log, interrupted=True)

            log_s = timed(log_one)
            checkpoint_s = timed(checkpoint_one)
        hot = orjson.loads(db.read_bytes())
        hot_std, hot_orjson = encode_costs(hot)
        # What every write would encode if the five years stayed in one file.
        whole: dict[str, dict[str, object]] = {}
        for part in [*archives, db]:
            for table, documents in orjson.loads(part.read_bytes()).items():
                whole.setdefault(table, {}).update(
                    {f"{part.name}-{key}": doc for key, doc in documents.items()}
                )
        whole_mb = len(orjson.dumps(whole)) / 1e6
        whole_std, whole_orjson = encode_costs(whole)
        print(
            f"writes: log one session with its review = {log_s * 1000:.1f} ms median "
            f"(goal <= 30 ms); checkpoint = {checkpoint_s * 1000:.1f} ms (goal < 5 ms); "
            f"rewriting the {hot_mb:.1f} MB hot file (json {hot_std * 1000:.1f} ms, orjson "
            f"{hot_orjson * 1000:.1f} ms to encode); unsplit, every write would encode "
            f"{whole_mb:.1f} MB (json {whole_std * 1000:.0f} ms, "
            f"orjson {whole_orjson * 1000:.0f} ms)"
        )


if __name__ == "__main__":
    main()
