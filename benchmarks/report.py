"""Therapist report benchmark on one year of synthetic data.

Builds (in a temporary folder, through `kapcompanion.store`) a year of a course: 50 weekly
dosing sessions with distress ratings and after-effects, six finished reflections per session
(300, each with four answers of 150–400 characters and confirmed themes, all marked shareable),
an insight with a small step for every third reflection, and a PHQ-9, GAD-7 and PCL-5 check-in
every two weeks. Then, in the same run, it times:

- ours: `render_report` onto a QPdfWriter: content from the store, five vector charts, the HTML,
  our pagination (a heading never ends a page), header, footer and page numbers;
- bare: the very same HTML (built before the clock starts) set on a plain QTextDocument and
  printed with `QTextDocument.print_` to a QPdfWriter (Qt's own pagination, no charts).

and prints medians, the ratio, and where our time goes.

Run from the repository root: `.venv/bin/python benchmarks/report.py [--rounds 5]`
"""

from __future__ import annotations

import argparse
import os
import random
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

from PySide6.QtGui import QGuiApplication, QPageSize, QPdfWriter, QTextDocument  # noqa: E402

from benchmarks.synthetic import add_fortnightly_check_ins  # noqa: E402
from kapcompanion.course.trends import Period  # noqa: E402
from kapcompanion.data_files.prompt_sets import prompt_set_for  # noqa: E402
from kapcompanion.domain import CommitmentStatus, NewSession, Phase  # noqa: E402
from kapcompanion.report.content.build import build_content  # noqa: E402
from kapcompanion.report.content.options import ReportOptions, default_options  # noqa: E402
from kapcompanion.report.paint.document import build_report_document  # noqa: E402
from kapcompanion.report.paint.figures import chart_pictures  # noqa: E402
from kapcompanion.report.paint.render import (  # noqa: E402
    build_report,
    content_width_inches,
    lay_out,
    pdf_writer,
    render_report,
)
from kapcompanion.store import Store  # noqa: E402

TARGET_RATIO = 1.5
TARGET_SECONDS = 3.0
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
    started = time.perf_counter()
    function()
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--sessions", type=int, default=50)
    args = parser.parse_args(argv)
    application = QGuiApplication.instance() or QGuiApplication(["benchmark"])
    a4 = QPageSize(QPageSize.PageSizeId.A4)

    with tempfile.TemporaryDirectory(prefix="kap-report-") as folder_name:
        folder = Path(folder_name)
        with Store.open(folder / "profile.sqlite3") as store:
            started = time.perf_counter()
            build_year(store, args.sessions)
            print(f"Built the synthetic year in {time.perf_counter() - started:.1f} s")
            options: ReportOptions = replace(
                default_options(store, Period()), client_name="Benchmark"
            )
            print(
                f"{len(options.reflection_ids)} reflections and {len(options.insight_ids)} "
                "insights chosen"
            )

            def ours() -> int:
                return render_report(
                    store, options, pdf_writer(folder / "ours.pdf", a4), today=TODAY
                )

            sizing = pdf_writer(folder / "sizing.pdf", a4)
            html = build_report(store, options, sizing, today=TODAY).html

            def bare() -> None:
                document = QTextDocument()
                document.setHtml(html)
                writer = QPdfWriter(str(folder / "bare.pdf"))
                writer.setPageSize(a4)
                document.print_(writer)

            pages = ours()  # warm caches (fonts, matplotlib, resources) before measuring
            bare()
            mine: list[float] = []
            plain: list[float] = []
            for _ in range(args.rounds):  # alternate, so both see the same machine
                mine.append(timed(ours))
                plain.append(timed(bare))

            # Where our time goes (one more run, step by step).
            steps: dict[str, float] = {}
            writer = pdf_writer(folder / "steps.pdf", a4)
            clock = time.perf_counter()
            content = build_content(store, options, TODAY)
            steps["content from the store"] = time.perf_counter() - clock
            clock = time.perf_counter()
            charts = chart_pictures(content, options, content_width_inches(writer))
            steps["charts (matplotlib → SVG)"] = time.perf_counter() - clock
            clock = time.perf_counter()
            report = build_report_document(content, options, charts)
            steps["HTML"] = time.perf_counter() - clock
            clock = time.perf_counter()
            laid_out = lay_out(report, writer)
            steps["layout + choosing page breaks"] = time.perf_counter() - clock
            del laid_out, writer

        ours_s, bare_s = statistics.median(mine), statistics.median(plain)
        ratio = ours_s / bare_s
        print(f"\nReport of {pages} pages (A4), median of {args.rounds} rounds, seconds:")
        print(f"{'variant':<44} {'median s':>9}")
        print(f"{'ours (render_report to QPdfWriter)':<44} {ours_s:>9.2f}")
        print(f"{'bare (same HTML, QTextDocument.print_)':<44} {bare_s:>9.2f}")
        print(f"{'ratio':<44} {ratio:>8.2f}×")
        print("\nOurs, step by step (one run):")
        for name, seconds in steps.items():
            print(f"  {name:<42} {seconds:>9.2f}")
        within = ratio <= TARGET_RATIO and ours_s < TARGET_SECONDS
        print(
            f"Target: ≤ {TARGET_RATIO}× bare and < {TARGET_SECONDS:.0f} s: "
            + ("within target." if within else "over target.")
        )
    del application
    return 0


if __name__ == "__main__":
    sys.exit(main())
