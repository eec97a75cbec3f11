"""How long `unletters.read_many` takes over a folder of letters, for 1, 2 and 4 threads.

    python python/benches/read_many.py [FOLDER] [--runs N]

FOLDER defaults to ../shared/corpus/letters. Prints the fastest of N runs (default 5) per thread
count, with `read` one file after another for comparison.
"""

from __future__ import annotations

import argparse
import time
import warnings
from pathlib import Path

import unletters


def fastest(runs: int, work) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    here = Path(__file__).resolve().parents[2]
    parser = argparse.ArgumentParser()
    parser.add_argument("folder", nargs="?", default=here.parent / "shared" / "corpus" / "letters")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    paths = sorted(Path(args.folder).glob("*.txt"))
    size = sum(p.stat().st_size for p in paths) / 1e6
    warnings.simplefilter("ignore", unletters.ReadWarning)
    print(f"{len(paths)} letters, {size:.2f} MB")
    serial = fastest(args.runs, lambda: [unletters.read(p) for p in paths])
    print(f"read, one after another: {serial:.3f} s")
    for jobs in (1, 2, 4):
        t = fastest(args.runs, lambda: list(unletters.read_many(paths, jobs=jobs)))
        print(f"read_many jobs={jobs}: {t:.3f} s ({len(paths) / t:.0f} letters/s)")


if __name__ == "__main__":
    main()
