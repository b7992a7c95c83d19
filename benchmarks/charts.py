"""Trends chart benchmark on a ten-year synthetic profile.

Builds (in a temporary folder, through `kapcompanion.store`) a profile of 500 weekly dosing
sessions with three rated reflections each, one insight per reflection, 30 themes (the built-in
ones and the client's own, added with `store.themes.add`) and a PHQ-9, GAD-7 and PCL-5 check-in
every two weeks. Then, in the same run, it renders each chart (build the Figure + Agg draw) and
bare matplotlib drawing the same arrays (a plain Figure with plot / imshow of the same numbers,
no styling, no layout engine), and prints medians and the ratio.

Run from the repository root: `.venv/bin/python benchmarks/charts.py [--rounds 15]`
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from benchmarks.synthetic import add_fortnightly_check_ins  # noqa: E402
from kapcompanion.charts import (  # noqa: E402
    ChartStyle,
    distress_figure,
    questionnaire_figure,
    theme_map_figure,
)
from kapcompanion.course.trends import (  # noqa: E402
    DistressSeries,
    QuestionnaireSeries,
    distress_series,
    questionnaire_series,
    theme_map,
)
from kapcompanion.data_files.prompt_sets import prompt_set_for  # noqa: E402
from kapcompanion.domain import NewSession, Phase  # noqa: E402
from kapcompanion.store import Store  # noqa: E402

TARGET_RATIO = 1.5
TARGET_MS = 250.0
OWN_THEMES = (
    "Sleep",
    "Work stress",
    "My brother",
    "Music",
    "Moving house",
    "Grandmother's house",
    "Appetite",
    "Nature walks",
    "Dreams",
    "Feeling numb",
    "Creativity",
    "Money worries",
    "Letting go of the old story about my father",
)


def build_profile(store: Store, sessions: int = 500, seed: int = 11) -> None:
    """Ten years of a course: weekly sessions, three reflections each, check-ins fortnightly."""
    rng = random.Random(seed)
    start = datetime(2016, 1, 4, 10, tzinfo=UTC)
    phases = (Phase.SAME_DAY, Phase.NEXT_DAY, Phase.WEEK_AFTER)
    prompt_sets = {phase: prompt_set_for(phase) for phase in phases}
    with store.transaction():
        for name in OWN_THEMES:
            store.themes.add(name)
        keys = [theme.key for theme in store.themes.list()]
        # A few themes come up often, most now and then, as in real writing.
        weights = [1 / (rank + 1) for rank in range(len(keys))]
        level = 7.0
        for number in range(1, sessions + 1):
            held = start + timedelta(weeks=number - 1)
            # Drifts slowly from about 7 towards 4, with good and hard stretches on the way.
            settles_at = 7.0 - 3.0 * number / sessions
            level += 0.15 * (settles_at - level) + rng.gauss(0, 0.6)
            level = min(max(level, 1.0), 9.0)
            before = round(min(level + rng.uniform(0, 2), 10))
            after = round(max(level - rng.uniform(0, 3), 0))
            session = store.sessions.add(
                NewSession(
                    held_at=held,
                    number_in_course=number,
                    distress_before=before,
                    distress_after=after if rng.random() > 0.05 else None,
                ),
                at=held,
            )
            for offset, phase in enumerate(phases):
                written = held + timedelta(days=(0, 1, 7)[offset], hours=8)
                prompt_set = prompt_sets[phase]
                reflection = store.reflections.start(
                    phase, prompt_set.id, prompt_set.version, session_id=session.id, at=written
                )
                store.reflections.set_distress(
                    reflection.id,
                    start=round(min(max(level + rng.uniform(-2, 2), 0), 10)),
                    end=round(min(max(level + rng.uniform(-3, 1), 0), 10)),
                )
                themes = sorted(set(rng.choices(keys, weights, k=rng.randint(1, 3))))
                store.themes.set_for_reflection(reflection.id, themes)
                store.reflections.complete(reflection.id, at=written)
                insight = store.insights.add(
                    "Something to carry forward.",
                    reflection_id=reflection.id,
                    session_id=session.id,
                    at=written,
                )
                store.themes.set_for_insight(insight.id, themes[:1])
        add_fortnightly_check_ins(store, start, sessions // 2, rng)


# Bare matplotlib: the same numbers, drawn without any of our styling or layout -------------


@dataclass(frozen=True)
class Arrays:
    """The numbers a chart shows, taken out of the series before the clock starts."""

    x: list[float]
    ys: list[list[float]]
    dates: Any = None  # numpy datetime64 array for a date axis


def distress_arrays(series: DistressSeries, *, by_date: bool) -> Arrays:
    nan = float("nan")
    position = {s.session_id: i + 1.0 for i, s in enumerate(series.sessions)}

    def value(rating: int | None) -> float:
        return nan if rating is None else float(rating)

    if by_date:
        moments = [s.held_at for s in series.sessions] + [r.written_at for r in series.reflections]
        stamps = np.array([m.replace(tzinfo=None) for m in moments], dtype="datetime64[us]")
        return Arrays(
            [],
            [
                [value(s.before) for s in series.sessions] + [nan] * len(series.reflections),
                [value(s.after) for s in series.sessions] + [nan] * len(series.reflections),
                [nan] * len(series.sessions) + [value(r.start) for r in series.reflections],
                [nan] * len(series.sessions) + [value(r.end) for r in series.reflections],
            ],
            stamps,
        )
    sessions = [position[s.session_id] for s in series.sessions]
    reflections = [
        position.get(r.session_id, nan) if r.session_id else nan for r in series.reflections
    ]
    return Arrays(
        sessions + reflections,
        [
            [value(s.before) for s in series.sessions] + [nan] * len(reflections),
            [value(s.after) for s in series.sessions] + [nan] * len(reflections),
            [nan] * len(sessions) + [value(r.start) for r in series.reflections],
            [nan] * len(sessions) + [value(r.end) for r in series.reflections],
        ],
    )


def bare_lines(arrays: Arrays) -> Figure:
    """Plain `plot` of each series as markers, on a bare Figure, then an Agg draw."""
    figure = Figure(figsize=(7.6, 4.0), dpi=100)
    canvas = FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    x = arrays.dates if arrays.dates is not None else arrays.x
    for y in arrays.ys:
        axes.plot(x, y, "o")
    canvas.draw()
    return figure


def bare_theme_map(counts: Any, names: list[str]) -> Figure:
    """Plain `imshow` of the same counts with the theme names as row labels."""
    figure = Figure(figsize=(7.6, 4.0), dpi=100)
    canvas = FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    axes.imshow(counts, aspect="auto", interpolation="nearest")
    axes.set_yticks(range(len(names)), names)
    canvas.draw()
    return figure


def bare_scores(series: QuestionnaireSeries) -> Callable[[], Figure]:
    stamps = np.array(
        [p.taken_at.replace(tzinfo=None) for p in series.points], dtype="datetime64[us]"
    )
    totals = [float(p.total) for p in series.points]

    def draw() -> Figure:
        figure = Figure(figsize=(7.6, 4.0), dpi=100)
        canvas = FigureCanvasAgg(figure)
        axes = figure.add_subplot()
        axes.plot(stamps, totals, "o-")
        canvas.draw()
        return figure

    return draw


def ours(build: Callable[[], Figure]) -> Callable[[], Figure]:
    def draw() -> Figure:
        figure = build()
        FigureCanvasAgg(figure).draw()
        return figure

    return draw


def timed(function: Callable[[], object]) -> float:
    started = time.perf_counter()
    function()
    return (time.perf_counter() - started) * 1e3


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--sessions", type=int, default=500)
    args = parser.parse_args(argv)

    with (
        tempfile.TemporaryDirectory(prefix="kap-charts-") as folder,
        Store.open(Path(folder) / "profile.sqlite3") as store,
    ):
        started = time.perf_counter()
        build_profile(store, args.sessions)
        print(f"Built the synthetic profile in {time.perf_counter() - started:.1f} s")
        started = time.perf_counter()
        distress = distress_series(store)
        themes = theme_map(store)
        scores = questionnaire_series(store)
        print(
            f"Read the chart data (kapcompanion.course.trends) in "
            f"{(time.perf_counter() - started) * 1e3:.0f} ms: {len(distress.sessions)} sessions, "
            f"{len(distress.reflections)} reflections, {len(themes.themes)} themes, "
            + ", ".join(f"{len(s.points)} {s.questionnaire.name}" for s in scores)
        )

    style = ChartStyle.light()
    by_number, by_date = (
        distress_arrays(distress, by_date=False),
        distress_arrays(distress, by_date=True),
    )
    counts = np.array(themes.counts)
    names = [theme.name for theme in themes.themes]
    cases: list[tuple[str, Callable[[], Figure], Callable[[], Figure]]] = [
        (
            "distress by number",
            ours(partial(distress_figure, distress, style)),
            partial(bare_lines, by_number),
        ),
        (
            "distress by date",
            ours(partial(distress_figure, distress, style, by="date")),
            partial(bare_lines, by_date),
        ),
        (
            "theme map",
            ours(partial(theme_map_figure, themes, style)),
            partial(bare_theme_map, counts, names),
        ),
    ]
    cases += [
        (
            series.questionnaire.name,
            ours(partial(questionnaire_figure, series, style)),
            bare_scores(series),
        )
        for series in scores
    ]
    for _name, chart, bare in cases:  # warm the font and glyph caches before measuring
        chart()
        bare()

    print(f"\nRender (build the Figure + Agg draw), median of {args.rounds} rounds, ms:")
    print(f"{'chart':<20} {'ours':>8} {'bare':>8} {'ratio':>7}")
    within = True
    for name, chart, bare in cases:
        # Alternate the two, so that both see the same state of the machine.
        mine: list[float] = []
        plain: list[float] = []
        for _ in range(args.rounds):
            mine.append(timed(chart))
            plain.append(timed(bare))
        ours_ms, bare_ms = statistics.median(mine), statistics.median(plain)
        ratio = ours_ms / bare_ms
        within = within and ratio <= TARGET_RATIO and ours_ms < TARGET_MS
        print(f"{name:<20} {ours_ms:>8.1f} {bare_ms:>8.1f} {ratio:>6.2f}×")
    print(
        f"Target: each ≤ {TARGET_RATIO}× bare and < {TARGET_MS:.0f} ms: "
        + ("within target." if within else "over target.")
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
