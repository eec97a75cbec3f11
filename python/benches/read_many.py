"""How long `unletters.read_many` takes over a folder of letters, for 1, 2 and 4 threads.

    python python/benches/read_many.py [FOLDER] [--runs N]

FOLDER defaults to ../shared/corpus/letters. Prints the fastest and the median of N runs (default 5)
per thread count, with `read` one file after another for comparison, and the load average.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
import warnings
from pathlib import Path

import unletters


def timed(runs: int, work) -> str:
    """`best s (median s)` over `runs` runs of `work`."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return f"{min(times):.3f} s (median {statistics.median(times):.3f} s)"


def main() -> None:
    here = Path(__file__).resolve().parents[2]
    parser = argparse.ArgumentParser()
    parser.add_argument("folder", nargs="?", default=here.parent / "shared" / "corpus" / "letters")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    paths = sorted(Path(args.folder).glob("*.txt"))
    size = sum(p.stat().st_size for p in paths) / 1e6
    warnings.simplefilter("ignore", unletters.ReadWarning)
    print(f"{len(paths)} letters, {size:.2f} MB; load average {os.getloadavg()[0]:.1f}")
    print(f"read, one after another: {timed(args.runs, lambda: [unletters.read(p) for p in paths])}")
    for jobs in (1, 2, 4):
        t = timed(args.runs, lambda: list(unletters.read_many(paths, jobs=jobs)))
        print(f"read_many jobs={jobs}: {t}")
    print(f"load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
