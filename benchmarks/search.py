"""Search and journal benchmark on a synthetic profile of years of entries.

Builds (once, cached in a temporary folder for the run) a profile of 2,000 sessions and 100,000
reflections with two answers each, then measures, in the same run:

- search latency through the core (`store.journal.search`, top 50 with snippets, and
  `store.journal.matching_reflections`, every matching reflection) against the raw FTS5 query
  it is built on (run on a second, plain connection to the same file);
- loading the whole journal (`store.journal.entries`) and resetting the journal's
  Qt model with it, if the journal model exists.

Run from the repository root: `.venv/bin/python benchmarks/search.py [--reflections 100000]`
(add `--profile DIR` to build the profile once and reuse it on later runs).
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from kapcompanion.journal import JournalEntry  # noqa: E402
from kapcompanion.search import (  # noqa: E402
    HIGHLIGHT_END,
    HIGHLIGHT_START,
    match_expression,
)
from kapcompanion.store import Store  # noqa: E402

QUERIES = [
    "felt",
    "calm",
    "grandmother",
    "chest tight",
    '"quiet room"',
    "river",
    "anger",
    "safe",
    "zoe",
    "NEAR(",
    "the",
    "lighthouse",
    "breath",
    "sister",
    "hope",
    "numb",
]
WORDS = tuple(
    " ".join(
        (
            "i felt the a and my of to in was it that quiet room safe calm calmer",
            "chest tight breath river walk grandmother sister mother anger fear",
            "shame hope light warm cold music cello blanket window rain morning",
            "evening tired tender heavy soft open closed hands jaw belly memory",
            "house stairs kitchen garden dog friend therapist session again still",
            "slowly noticed remembered cried laughed rested slept woke wrote",
            "lighthouse numb gentle kind",
        )
    ).split()
)


def vocabulary(rng: random.Random) -> tuple[list[str], list[float]]:
    """Words with Zipf-like weights, as in real writing: a few very common, most rare."""
    syllables = ["ka", "lo", "mi", "ren", "sa", "tor", "vel", "un", "di", "ash", "por", "el"]
    made_up = {"".join(rng.choices(syllables, k=rng.randint(2, 4))) for _ in range(6000)}
    words = list(WORDS) + sorted(made_up - set(WORDS))
    return words, [1 / (rank + 1) ** 0.9 for rank in range(len(words))]


def build_profile(path: Path, reflections: int, sessions: int) -> None:
    rng = random.Random(7)
    words, weights = vocabulary(rng)
    start = datetime(2016, 1, 1, 10, tzinfo=UTC)
    with Store.open(path):
        pass  # creates the schema; the synthetic rows go in through a plain connection
    db = sqlite3.connect(path)
    try:
        with db:
            for number in range(1, sessions + 1):
                held = (start + timedelta(days=(number - 1) * 1.8)).isoformat()
                db.execute(
                    "INSERT INTO sessions (uuid, kind, held_at, number_in_course, notes, "
                    "created_at, updated_at) VALUES (?, 'dosing', ?, ?, ?, ?, ?)",
                    [
                        f"s{number}",
                        held,
                        number,
                        "notes " + " ".join(rng.choices(WORDS, k=8)),
                        held,
                        held,
                    ],
                )
            for number in range(reflections):
                session = number % sessions + 1
                when = (start + timedelta(hours=number * 1.5)).isoformat()
                cursor = db.execute(
                    "INSERT INTO reflections (uuid, session_id, phase, prompt_set_id, "
                    "prompt_set_version, status, distress_start, distress_end, started_at, "
                    "updated_at) VALUES (?, ?, 'same_day', 'same_day', 1, 'complete', ?, ?, ?, ?)",
                    [f"r{number}", session, rng.randint(0, 10), rng.randint(0, 10), when, when],
                )
                reflection_id = cursor.lastrowid
                for position in range(2):
                    db.execute(
                        "INSERT INTO answers (uuid, reflection_id, position, prompt_id, "
                        "prompt_text, text, updated_at) VALUES (?, ?, ?, ?, '?', ?, ?)",
                        [
                            f"a{number}-{position}",
                            reflection_id,
                            position,
                            f"p{position}",
                            " ".join(rng.choices(words, weights, k=rng.randint(20, 60))),
                            when,
                        ],
                    )
                if number % 97 == 0:
                    db.execute(
                        "INSERT INTO reflection_themes (reflection_id, theme_id) VALUES (?, ?)",
                        [reflection_id, rng.randint(1, 17)],
                    )
    finally:
        db.close()


def timings(function: Callable[[], object], rounds: int) -> list[float]:
    samples = []
    for _ in range(rounds):
        started = time.perf_counter()
        function()
        samples.append(time.perf_counter() - started)
    return samples


def p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20, method="inclusive")[-1]


def raw_top(connection: sqlite3.Connection, expression: str) -> list[tuple[object, ...]]:
    return connection.execute(
        "SELECT rowid, snippet(answers_fts, 0, ?, ?, '…', 12) FROM answers_fts "
        "WHERE answers_fts MATCH ? ORDER BY rank LIMIT 50",
        [HIGHLIGHT_START, HIGHLIGHT_END, expression],
    ).fetchall()


def raw_all(connection: sqlite3.Connection, expression: str) -> list[tuple[object, ...]]:
    return connection.execute(
        "SELECT rowid FROM answers_fts WHERE answers_fts MATCH ?", [expression]
    ).fetchall()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--reflections", type=int, default=100_000)
    parser.add_argument("--sessions", type=int, default=2_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument(
        "--profile",
        type=Path,
        help="a folder to keep the built profile in and reuse on later runs (the same sizes)",
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="kap-search-") as folder:
        name = f"search-{args.reflections}-{args.sessions}.sqlite3"
        path = (args.profile or Path(folder)) / name
        built = path.with_name(path.name + ".complete")
        if built.exists():
            print(f"Reusing {args.reflections:,} reflections over {args.sessions:,} sessions")
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.unlink(missing_ok=True)
            started = time.perf_counter()
            build_profile(path, args.reflections, args.sessions)
            built.touch()
            print(
                f"Built {args.reflections:,} reflections over {args.sessions:,} sessions in "
                f"{time.perf_counter() - started:.1f} s ({path.stat().st_size / 1e6:.0f} MB)"
            )
        with Store.open(path) as store:
            connection = sqlite3.connect(path)
            rows: dict[str, list[float]] = {
                "core top 50": [],
                "raw top 50": [],
                "core all matches": [],
                "raw all matches": [],
            }
            for query in QUERIES:
                expression = match_expression(query) or '""'
                measured: dict[str, Callable[[], object]] = {
                    "core top 50": partial(store.journal.search, query, limit=50),
                    "raw top 50": partial(raw_top, connection, expression),
                    "core all matches": partial(store.journal.matching_reflections, query),
                    "raw all matches": partial(raw_all, connection, expression),
                }
                # Rounds alternate core and raw, so a busy moment on the machine falls on both.
                for _ in range(args.rounds):
                    for name, function in measured.items():
                        rows[name] += timings(function, 1)
            print(f"Search over {len(QUERIES)} queries × {args.rounds} rounds (ms):")
            print(f"{'':<18} {'median':>8} {'p95':>8}")
            for name, samples in rows.items():
                print(
                    f"{name:<18} {statistics.median(samples) * 1e3:>8.1f} "
                    f"{p95(samples) * 1e3:>8.1f}"
                )
            for core, raw in (
                ("core top 50", "raw top 50"),
                ("core all matches", "raw all matches"),
            ):
                ratio = statistics.median(rows[core]) / statistics.median(rows[raw])
                print(f"{core} / {raw}: {ratio:.2f}× (target ≤ 1.5×, median < 50 ms)")

            load = timings(store.journal.entries, 3)
            print(
                f"Journal rows loaded: {len(store.journal.entries()):,} in "
                f"{statistics.median(load) * 1e3:.0f} ms (median of 3)"
            )
            print(model_reset_line(store.journal.entries()))
            connection.close()
    return 0


def model_reset_line(entries: list[JournalEntry]) -> str:
    """Time the journal model's reset with all rows, if the model exists yet."""
    try:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from PySide6.QtWidgets import QApplication

        from ui.journal.model import JournalModel
    except ImportError:
        return "Journal model: not built yet"
    app = QApplication.instance() or QApplication([])
    model = JournalModel()
    samples = timings(lambda: model.set_entries(entries), 5)
    del app
    return f"Journal model reset with all rows: {statistics.median(samples) * 1e3:.1f} ms"


if __name__ == "__main__":
    sys.exit(main())
