"""What a passphrase costs: opening (the key derivation) and searching a protected profile,
next to the same profile unprotected, in the same run.

Builds the search benchmark's synthetic profile (100,000 reflections over 2,000 sessions by
default), copies it, protects the copy with `kapcompanion.store.protection.protect`, then
measures, alternating plain and protected each round:

- opening the store (`Store.open`; for the protected copy this includes SQLCipher's key
  derivation, PBKDF2-HMAC-SHA512 with 256,000 iterations, the part unlocking waits on);
- the journal's searches (`store.journal.search`, top 50 with snippets, and
  `store.journal.matching_reflections`) over the search benchmark's queries: "first" is the
  first pass after opening (pages read from the file, and for the protected copy decrypted),
  "again" a second pass, as in a window that has been open a while.

Goal: protected ÷ plain ≤ 1.3× for search, by median. Opening is reported in milliseconds
(the derivation is deliberately slow; it is paid once per unlock).

Run from the repository root: `.venv/bin/python benchmarks/protected.py [--reflections N]`
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.search import QUERIES, build_profile, p95  # noqa: E402
from kapcompanion.store import Store, protection  # noqa: E402

PASSPHRASE = "a long enough passphrase for the benchmark"


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1e3


def timed(function: Callable[[], object]) -> float:
    started = time.perf_counter()
    function()
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--reflections", type=int, default=100_000)
    parser.add_argument("--sessions", type=int, default=2_000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="kap-protected-") as folder:
        plain = Path(folder) / "plain" / "kap-companion.sqlite3"
        locked = Path(folder) / "protected" / "kap-companion.sqlite3"
        plain.parent.mkdir()
        locked.parent.mkdir()
        started = time.perf_counter()
        build_profile(plain, args.reflections, args.sessions)
        print(
            f"Built {args.reflections:,} reflections in {time.perf_counter() - started:.1f} s "
            f"({plain.stat().st_size / 1e6:.0f} MB)"
        )
        shutil.copyfile(plain, locked)
        converting = timed(
            lambda: protection.protect(locked, locked.parent / "backups", PASSPHRASE)
        )
        print(f"Protecting it (convert, verify, swap, wipe): {converting:.1f} s")

        opening: dict[str, list[float]] = {"plain": [], "protected": []}
        searching: dict[str, dict[str, list[float]]] = {
            kind: {"plain": [], "protected": []}
            for kind in (
                "top 50, first",
                "all matches, first",
                "top 50, again",
                "all matches, again",
            )
        }
        for round_number in range(args.rounds):
            order = [("plain", plain, None), ("protected", locked, PASSPHRASE)]
            if round_number % 2:
                order.reverse()
            for name, path, passphrase in order:
                started = time.perf_counter()
                store = Store.open(path, passphrase=passphrase)
                opening[name].append(time.perf_counter() - started)
                try:
                    for when in ("first", "again"):
                        for query in QUERIES:
                            searching[f"top 50, {when}"][name].append(
                                timed(partial(store.journal.search, query, limit=50))
                            )
                            searching[f"all matches, {when}"][name].append(
                                timed(partial(store.journal.matching_reflections, query))
                            )
                finally:
                    store.close()

        print(f"\nOpening the store, {args.rounds} rounds (ms): median, p95")
        for name, samples in opening.items():
            print(f"  {name:<10} {median_ms(samples):>8.1f} {p95(samples) * 1e3:>8.1f}")
        print(
            f"  unlocking costs {median_ms(opening['protected']) - median_ms(opening['plain']):.0f}"
            " ms more (the key derivation)"
        )
        print(f"\nSearch, {len(QUERIES)} queries × {args.rounds} rounds (ms): median, p95")
        for kind, by_profile in searching.items():
            for name, samples in by_profile.items():
                print(
                    f"  {kind:<12} {name:<10} {median_ms(samples):>8.1f} {p95(samples) * 1e3:>8.1f}"
                )
            ratio = median_ms(by_profile["protected"]) / median_ms(by_profile["plain"])
            verdict = "within" if ratio <= 1.3 else "over"
            print(f"  {kind}: protected ÷ plain = {ratio:.2f}× (goal ≤ 1.3×: {verdict})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
