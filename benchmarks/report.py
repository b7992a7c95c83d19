"""Therapist report benchmark: the whole-course PDF at 10, 20 and 30 years of a course.

For each length it builds (in a temporary folder, through `kapcompanion.store`) a course with
`benchmarks.charts.build_profile`: weekly dosing sessions (50 a year), three finished
reflections and an insight each, PHQ-9, GAD-7 and PCL-5 check-ins every two weeks; with
`--rich`, `build_year`'s fuller writing instead (six reflections a session with four answers of
150–400 characters, after-effects and notes, a small step per insight). Every reflection and
insight is ticked, every section chosen. Then, alternating, it times:

- ours: `save_report_pdf` (A4): the content from the store, the charts as vectors, the HTML,
  one layout, our page breaks, header, footer and page numbers, the file written whole;
- bare: the baseline doing the same work: plain matplotlib saving the same charts (same
  numbers, same printed sizes) as SVG, and the same HTML (built before the clock starts) on a
  plain QTextDocument printed with `QTextDocument.print_` to a QPdfWriter (Qt's pagination).

and prints medians of CPU time (all threads: robust on a shared machine), the ratio, the time
per page (flat when it grows linearly), peak RSS and what stays resident after the PDF (gc'd).

Run from the repository root: `.venv/bin/python benchmarks/report.py [--rounds 3]
[--years 10 20 30] [--rich]`
"""

from __future__ import annotations

import argparse
import gc
import io
import os
import random
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from PySide6.QtGui import QGuiApplication, QPageSize, QPdfWriter, QTextDocument  # noqa: E402

from benchmarks.charts import build_profile  # noqa: E402
from benchmarks.synthetic import add_fortnightly_check_ins  # noqa: E402
from kapcompanion.course.trends import Period  # noqa: E402
from kapcompanion.data_files.prompt_sets import prompt_set_for  # noqa: E402
from kapcompanion.domain import CommitmentStatus, NewSession, Phase  # noqa: E402
from kapcompanion.report.content.build import ReportContent, build_content  # noqa: E402
from kapcompanion.report.content.options import (  # noqa: E402
    ReportOptions,
    default_options,
    report_candidates,
)
from kapcompanion.report.paint.figures import (  # noqa: E402
    DISTRESS_HEIGHT_INCHES,
    QUESTIONNAIRE_HEIGHT_INCHES,
)
from kapcompanion.report.paint.render import (  # noqa: E402
    PDF_DPI,
    build_report,
    content_width_inches,
    pdf_writer,
    save_report_pdf,
)
from kapcompanion.store import Store  # noqa: E402

TARGET_RATIO = 1.5
TARGET_SECONDS_30_YEARS = 10.0
nan = float("nan")
TODAY = date(2026, 12, 31)
TEXT = (
    "today I noticed my shoulders dropping when I sat by the window and the light came in "
    "slowly, there was some sadness about my father and also a kind of quiet relief that I "
    "could stay with it without running, my breathing was slower and I wanted to write it "
    "down before it faded, the tea went cold while I was thinking about the garden"
)
WORDS = TEXT.split(" ")
EFFECTS = ("nausea", "dizziness", "headache", "disorientation", "sleep_change")


def sentence(rng: random.Random, low: int = 150, high: int = 400) -> str:
    target = rng.randint(low, high)
    words: list[str] = []
    while sum(len(word) + 1 for word in words) < target:
        words.append(rng.choice(WORDS))
    return " ".join(words).capitalize() + "."


def build_year(store: Store, sessions: int = 50, seed: int = 7) -> None:
    """A year of weekly sessions, six reflections each, check-ins every two weeks."""
    rng = random.Random(seed)
    start = datetime(2026, 1, 5, 10, tzinfo=UTC)
    phases = (Phase.SAME_DAY, Phase.NEXT_DAY, Phase.WEEK_AFTER)
    prompt_sets = {phase: prompt_set_for(phase) for phase in phases}
    with store.transaction():
        keys = [theme.key for theme in store.themes.list()]
        weights = [1 / (rank + 1) for rank in range(len(keys))]
        for number in range(1, sessions + 1):
            held = start + timedelta(weeks=number - 1)
            session = store.sessions.add(
                NewSession(
                    held_at=held,
                    number_in_course=number,
                    distress_before=rng.randint(4, 9),
                    distress_after=rng.randint(1, 6),
                    after_effects=tuple(rng.sample(EFFECTS, rng.randint(0, 2))),
                    after_effects_notes=sentence(rng, 40, 120),
                ),
                at=held,
            )
            for index in range(6):
                phase = phases[index % 3]
                prompt_set = prompt_sets[phase]
                written = held + timedelta(days=(0, 1, 6)[index % 3], hours=2 + index)
                reflection = store.reflections.start(
                    phase, prompt_set.id, prompt_set.version, session_id=session.id, at=written
                )
                for position, prompt in enumerate(prompt_set.prompts[:4]):
                    store.reflections.save_answer(
                        reflection.id,
                        position=position,
                        prompt_id=prompt.id,
                        prompt_text=prompt.text,
                        text=sentence(rng),
                        at=written,
                    )
                store.reflections.set_distress(
                    reflection.id, start=rng.randint(2, 9), end=rng.randint(1, 7)
                )
                themes = sorted(set(rng.choices(keys, weights, k=rng.randint(1, 3))))
                store.themes.set_for_reflection(reflection.id, themes)
                store.reflections.complete(reflection.id, at=written)
                store.reflections.set_shareable(reflection.id, True)
                if index % 3 == 0:
                    insight = store.insights.add(
                        sentence(rng, 30, 90),
                        reflection_id=reflection.id,
                        session_id=session.id,
                        shareable=True,
                        at=written,
                    )
                    store.themes.set_for_insight(insight.id, themes[:1])
                    store.insights.add_commitment(
                        insight.id, sentence(rng, 20, 60), CommitmentStatus.TRYING, at=written
                    )
        add_fortnightly_check_ins(store, start, sessions // 2, rng)


def timed(function: Callable[[], object]) -> float:
    """CPU seconds of the whole process (every thread): unlike the clock on the wall, it does
    not count the time other programs on a busy machine take (the load here often exceeds
    the two cores, which doubled wall times)."""
    started = time.process_time()
    function()
    return time.process_time() - started


def resident_mib() -> float:
    """This process's resident memory now (Linux)."""
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def whole_course(store: Store) -> ReportOptions:
    """The whole course, every reflection and insight ticked, every section."""
    candidates = report_candidates(store, Period())
    return replace(
        default_options(store, Period()),
        client_name="Benchmark",
        reflection_ids=frozenset(r.id for r in candidates.reflections),
        insight_ids=frozenset(i.id for i in candidates.insights),
    )


def bare_figures(content: ReportContent, width: float) -> list[Figure]:
    """The report's charts drawn with plain matplotlib (the same numbers, the same printed
    sizes; no styling, fonts, legends or layout engine)."""
    figures = []
    distress = content.distress
    if distress.sessions:
        figure = Figure(figsize=(width, DISTRESS_HEIGHT_INCHES))
        axes = figure.add_subplot()
        numbers = list(range(1, len(distress.sessions) + 1))
        for values in ([s.before for s in distress.sessions], [s.after for s in distress.sessions]):
            axes.plot(numbers, [nan if v is None else v for v in values], "o-")
        where = {s.session_id: i + 1 for i, s in enumerate(distress.sessions)}
        places = [
            where.get(r.session_id, nan) if r.session_id else nan for r in distress.reflections
        ]
        for values in (
            [r.start for r in distress.reflections],
            [r.end for r in distress.reflections],
        ):
            axes.plot(places, [nan if v is None else v for v in values], "o")
        figures.append(figure)
    theme_map = content.theme_map
    if theme_map.themes:
        figure = Figure(figsize=(width, 2 + len(theme_map.themes) * 0.17))
        axes = figure.add_subplot()
        axes.imshow(np.array(theme_map.counts), aspect="auto", interpolation="nearest")
        axes.set_yticks(range(len(theme_map.themes)), [t.name for t in theme_map.themes])
        figures.append(figure)
    for series in content.questionnaires:
        if series.points:
            figure = Figure(figsize=(width, QUESTIONNAIRE_HEIGHT_INCHES))
            axes = figure.add_subplot()
            stamps = np.array(
                [p.taken_at.replace(tzinfo=None) for p in series.points], dtype="datetime64[us]"
            )
            axes.plot(stamps, [p.total for p in series.points], "o-")
            figures.append(figure)
    return figures


def bare_pdf(content: ReportContent, html: str, width: float, target: Path) -> None:
    """The baseline doing the same work: plain matplotlib saving the same charts as SVG, then
    a plain QTextDocument printing the same HTML to a QPdfWriter (Qt's pagination)."""
    for figure in bare_figures(content, width):
        figure.savefig(io.BytesIO(), format="svg")
    document = QTextDocument()
    document.setHtml(html)
    writer = QPdfWriter(str(target))
    writer.setResolution(PDF_DPI)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    document.print_(writer)


def measure(years: int, rounds: int, folder: Path, *, rich: bool = False) -> dict[str, float]:
    """Build `years` of a course, then time its whole-course PDF against the bare baseline,
    `rounds` times each, alternating."""
    row: dict[str, float] = {"years": years}
    with Store.open(folder / f"profile-{years}.sqlite3") as store:
        started = time.perf_counter()
        (build_year if rich else build_profile)(store, 50 * years)
        row["built s"] = time.perf_counter() - started
        options = whole_course(store)
        content = build_content(store, options, TODAY)
        sizing = pdf_writer(folder / "sizing.pdf", QPageSize(QPageSize.PageSizeId.A4))
        width = content_width_inches(sizing)
        html = build_report(store, options, sizing, today=TODAY).html
        del sizing
        target = folder / f"ours-{years}.pdf"
        base = resident_mib()

        def ours() -> None:
            row["pages"] = save_report_pdf(store, options, target, today=TODAY).pages

        def bare() -> None:
            bare_pdf(content, html, width, folder / f"bare-{years}.pdf")

        mine, plain = [], []
        for _ in range(rounds):
            mine.append(timed(ours))
            gc.collect()
            row["after MiB"] = max(row.get("after MiB", 0.0), resident_mib() - base)
            plain.append(timed(bare))
        row["ours s"] = statistics.median(mine)
        row["bare s"] = statistics.median(plain)
        row["ratio"] = row["ours s"] / row["bare s"]
        row["peak MiB"] = peak_mib()
        row["MiB"] = target.stat().st_size / 2**20
    return row


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument(
        "--years", type=int, nargs="+", default=[10, 20, 30], help="one row per course length"
    )
    parser.add_argument("--rich", action="store_true", help="fuller writing (build_year)")
    args = parser.parse_args(argv)
    application = QGuiApplication.instance() or QGuiApplication(["benchmark"])
    rows = []
    with tempfile.TemporaryDirectory(prefix="kap-report-") as folder_name:
        # Warm caches (fonts, matplotlib, resources) before anything is measured.
        measure(1, 1, Path(folder_name))
        for years in args.years:
            rows.append(measure(years, args.rounds, Path(folder_name), rich=args.rich))
            print(f"  {years} years done", file=sys.stderr)
    print(
        f"\nWhole-course PDF (A4, every section, everything ticked), CPU seconds, "
        f"median of {args.rounds}:"
    )
    print(
        f"{'years':>5} {'pages':>6} {'ours s':>8} {'bare s':>8} {'ratio':>7} "
        f"{'s/page ms':>10} {'peak RSS MiB':>13} {'kept MiB':>9} {'PDF MiB':>8}"
    )
    for row in rows:
        print(
            f"{row['years']:>5.0f} {row['pages']:>6.0f} {row['ours s']:>8.2f} "
            f"{row['bare s']:>8.2f} {row['ratio']:>6.2f}× "
            f"{row['ours s'] / row['pages'] * 1e3:>10.1f} {row['peak MiB']:>13.0f} "
            f"{row['after MiB']:>9.0f} {row['MiB']:>8.1f}"
        )
    longest = rows[-1]
    within = all(r["ratio"] <= TARGET_RATIO for r in rows) and (
        longest["years"] < 30 or longest["ours s"] < TARGET_SECONDS_30_YEARS
    )
    print(
        f"Target: ≤ {TARGET_RATIO}× bare, 30 years < {TARGET_SECONDS_30_YEARS:.0f} s: "
        + ("within target." if within else "over target.")
    )
    del application
    return 0


if __name__ == "__main__":
    sys.exit(main())
