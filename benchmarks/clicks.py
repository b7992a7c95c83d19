"""Clicks benchmark: how long each thing a client does takes in the real window at ten years.

One command builds (or reuses) the ten-year profile of benchmarks/ten_years.py, then:

1. start-up: whole-process wall time of `app.py --exit-after shown` on an empty folder and on
   the ten-year profile with each screen as the last one on show, against a bare PySide6 window
   (benchmarks/bare_window.py), interleaved, medians;
2. clicks: one fresh process opens the real main window offscreen on a copy of the profile and
   does what a client does — the first and a repeat visit of every screen, each Trends control,
   typing a search, a filter, opening entries, the print preview, saving the default and the
   whole-course PDF — timing each.

For each action it prints:
- main ms: CPU time of the main (GUI) thread from the action until the window is idle again;
- block ms: the longest the event loop could not turn (a 2 ms heartbeat timer's longest gap,
  or the action's own call if longer): what a client feels as a freeze;
- other ms: CPU time of all other threads meanwhile (work moved off the main thread);
- wall ms: from the action until its result is on screen and the main thread idle;
- RSS MiB: resident memory after the action (and the peak over the run at the end);
- child MiB: resident memory of the window's child processes after it (the drawing process).
An action is within budget when its main-thread CPU is ≤ 100 ms, or, for work the app does in
the background or in parts (opening the profile and readying screens while idle, the first
visit to Trends and every Trends control, saving and previewing PDFs), when nothing blocks the
window longer than 100 ms.

Run from the repository root:

    .venv/bin/python benchmarks/clicks.py                 # build or reuse, then measure
    .venv/bin/python benchmarks/clicks.py --profile DIR   # keep the profile in DIR
    .venv/bin/python benchmarks/clicks.py --skip-startup  # only the clicks

It reports; it exits 0 unless the window could not be driven.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from ui.printout.view import ReportView
    from ui.widgets.choices import ThemeChoice

    W = TypeVar("W", bound=QWidget)

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

BUDGET_MS = 100.0
STARTUP_TARGET = 1.3
PARTS = frozenset({"visits", "journal", "trends", "printout"})
SCREENS = (
    "home",
    "sessions",
    "reflect",
    "journal",
    "insights",
    "trends",
    "checkins",
    "practices",
    "report",
    "support",
    "settings",
)
HEARTBEAT_MS = 2
# The window counts as idle after this long with (almost) no main-thread CPU: longer than the
# search's pause after typing, so a debounced search is counted with the keystroke.
QUIET_MS = 450
# A client looks at Home a moment before the first click; the window uses such pauses.
READING_HOME_MS = 3000
BUSY_TICK_CPU_MS = 1.0  # an idle turn of the loop costs well under 0.1 ms


def parts(words: str) -> frozenset[str]:
    chosen = frozenset(word.strip() for word in words.split(",") if word.strip())
    unknown = chosen - PARTS
    if unknown or not chosen:
        raise argparse.ArgumentTypeError(f"choose from {', '.join(sorted(PARTS))}")
    return chosen


@dataclass
class Row:
    action: str
    main_ms: float
    block_ms: float
    other_ms: float
    wall_ms: float
    rss_mib: float
    background: bool = False
    children_rss_mib: float = 0.0

    def within_budget(self) -> bool:
        measure = self.block_ms if self.background else self.main_ms
        return measure <= BUDGET_MS


# The measuring process ---------------------------------------------------------------------


@dataclass
class Watch:
    """What the heartbeat has seen since an action began (perf_counter seconds)."""

    block: float
    last_tick: float
    last_busy: float
    last_cpu: float = 0.0
    done_at: float | None = None


def rss_mib() -> float:
    with Path("/proc/self/statm").open(encoding="ascii") as statm:
        pages = int(statm.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def children_of(pid: int) -> list[int]:
    """Every process below `pid` (children, theirs, …), from /proc (Linux). Read from each
    process's parent in /proc/*/stat: /proc/*/task/*/children is not in every kernel."""
    below: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            parent = int(stat.read_text(encoding="ascii").rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):  # ended meanwhile
            continue
        below.setdefault(parent, []).append(int(stat.parent.name))
    found, waiting = [], list(below.get(pid, []))
    while waiting:
        child = waiting.pop()
        found.append(child)
        waiting += below.get(child, [])
    return found


def children_rss_mib() -> float:
    """Resident memory of this process's children (the window's drawing process), summed."""
    total = 0
    for child in children_of(os.getpid()):
        try:
            statm = Path(f"/proc/{child}/statm").read_text(encoding="ascii")
        except OSError:  # ended meanwhile
            continue
        total += int(statm.split()[1])
    return total * os.sysconf("SC_PAGE_SIZE") / 2**20


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class Clicker:
    """Drives the real main window and times each action until the window is idle again."""

    def __init__(self, profile_folder: Path) -> None:
        from PySide6.QtCore import QSettings

        from kapcompanion.profile import Profile, ProfileLock
        from ui.application import create_application
        from ui.main_window import MainWindow
        from ui.widgets.style import apply_style, stored_colour_scheme

        self.app = create_application()
        profile = Profile(profile_folder)
        self.lock = ProfileLock(profile)
        self.lock.acquire()
        settings = QSettings(str(profile.window_state_path), QSettings.Format.IniFormat)
        apply_style(self.app, stored_colour_scheme(settings))
        self.window = MainWindow(profile, settings, demo=False, lock=self.lock)
        self.window.resize(1280, 860)
        self.rows: list[Row] = []
        self.startup_rss = 0.0

    def measure(
        self,
        action_name: str,
        action: Callable[[], object],
        *,
        done: Callable[[], bool] = lambda: True,
        finish: Callable[[], object] = lambda: None,
        background: bool = False,
        timeout_s: float = 120.0,
    ) -> Row:
        """Run `action`, then the event loop until `done()` holds and the main thread has been
        quiet for QUIET_MS; `finish` runs then (closing a dialog the action opened)."""
        from PySide6.QtCore import QEventLoop, Qt, QTimer
        from PySide6.QtWidgets import QMessageBox

        main_start = time.thread_time()
        all_start = time.process_time()
        wall_start = time.perf_counter()
        action()
        called = time.perf_counter()
        watch = Watch(block=called - wall_start, last_tick=called, last_busy=called)
        watch.last_cpu = time.thread_time()
        watch.done_at = called if done() else None
        loop = QEventLoop()
        heartbeat = QTimer()
        heartbeat.setTimerType(Qt.TimerType.PreciseTimer)
        heartbeat.setInterval(HEARTBEAT_MS)

        def tick() -> None:
            now = time.perf_counter()
            cpu = time.thread_time()
            watch.block = max(watch.block, now - watch.last_tick)
            busy = (cpu - watch.last_cpu) * 1e3 > BUSY_TICK_CPU_MS
            if busy or now - watch.last_tick > 0.02:
                watch.last_busy = now
            watch.last_tick, watch.last_cpu = now, cpu
            # A message saying a PDF was saved waits for OK: a client would read it, then press it.
            modal = self.app.activeModalWidget()
            if isinstance(modal, QMessageBox):
                modal.done(0)
            if watch.done_at is None and done():
                watch.done_at = now
            quiet = (now - watch.last_busy) * 1e3 >= QUIET_MS
            if (watch.done_at is not None and quiet) or now - wall_start > timeout_s:
                heartbeat.stop()
                finish()
                loop.quit()

        heartbeat.timeout.connect(tick)
        heartbeat.start()
        loop.exec()
        main_ms = (time.thread_time() - main_start) * 1e3
        other_ms = max((time.process_time() - all_start) * 1e3 - main_ms, 0.0)
        if time.perf_counter() - wall_start > timeout_s:
            action_name += " (timed out)"
        finished = max(watch.last_busy, watch.done_at or called)
        row = Row(
            action=action_name,
            main_ms=main_ms,
            block_ms=watch.block * 1e3,
            other_ms=other_ms,
            wall_ms=(finished - wall_start) * 1e3,
            rss_mib=rss_mib(),
            background=background,
            children_rss_mib=children_rss_mib(),
        )
        self.rows.append(row)
        print(json.dumps(asdict(row)), flush=True)
        return row

    # Finding controls as a client does: by the names a screen reader reads ---------------

    def control(self, kind: type[W], name: str) -> W:
        for widget in self.window.findChildren(kind):
            if widget.accessibleName() == name and widget.isVisible():
                return widget
        raise LookupError(f"no visible {kind.__name__} named {name!r}")

    def visit(self, key: str) -> Callable[[], object]:
        return lambda: self.window.show_destination(key)

    # The script ------------------------------------------------------------------------------

    def run(self, out_folder: Path, only: frozenset[str] = PARTS) -> None:
        self.window.show()
        self.measure(
            "open the profile, then ready screens while idle",
            self.window.open_profile_in_background,  # as the app opens it at start
            done=lambda: self.window.store is not None,
            background=True,
        )
        self.startup_rss = rss_mib()
        self.idle(READING_HOME_MS)
        if "visits" in only:
            for key in SCREENS:
                # Trends reads its parts a turn at a time and draws in its own process, like
                # its controls: judged, like them, by the longest the window could not turn.
                self.measure(
                    f"first visit: {key}",
                    self.visit(key),
                    done=self.settled,
                    background=key == "trends",
                )
            for key in SCREENS:
                self.measure(f"repeat visit: {key}", self.visit(key))
        if "journal" in only:
            self.journal()
        if "trends" in only:
            self.trends()
        if "printout" in only:
            self.printout(out_folder)
        self.measure("back to Home", self.visit("home"))

    def choose_in(self, name: str, index: int) -> Callable[[], object]:
        from PySide6.QtWidgets import QComboBox

        return lambda: self.control(QComboBox, name).setCurrentIndex(index)

    def journal(self) -> None:
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QComboBox, QLineEdit

        self.window.show_destination("journal")
        self.idle()
        search = self.control(QLineEdit, "Search your journal")
        search.setFocus()
        for letter in "river":
            self.measure(f"search: type {letter!r}", partial(QTest.keyClicks, search, letter))
        self.measure("search: clear", lambda: search.clear())
        if not self.control_visible(QComboBox, "Filter by phase"):
            self.measure("show filters", partial(self.click, "Show filters"))
        self.measure("filter: a phase", self.choose_in("Filter by phase", 1))
        self.measure("filter: clear", self.choose_in("Filter by phase", 0))
        journal = self.window.journal_view
        model = journal.model
        entries = model.entries()
        ids = [entry.reflection_id for entry in entries[:: max(len(entries) // 10, 1)]]
        for number, reflection_id in enumerate(ids[:10], start=1):
            self.measure(f"open journal entry {number}", partial(journal.open_entry, reflection_id))
            self.measure(f"back to the timeline {number}", journal.show_timeline)

    def trends(self) -> None:
        from PySide6.QtWidgets import QComboBox

        from ui.widgets.choices import ThemeChoice

        self.window.show_destination("trends")
        self.idle()
        self.wait_until(self.settled)
        period = self.control(QComboBox, "Period")
        for index in range(period.count()):
            words = period.itemText(index)
            if "…" in words:  # choosing dates opens two date fields; nothing to redraw yet
                continue
            self.measure(
                f"Trends period: {words}",
                partial(period.setCurrentIndex, index),
                done=self.settled,
                background=True,
            )
        self.measure(
            "Trends period: back to the first",
            lambda: period.setCurrentIndex(0),
            done=self.settled,
            background=True,
        )
        self.measure(
            "Trends: distress by date",
            partial(self.click, "Sessions by date"),
            done=self.settled,
            background=True,
        )
        self.measure(
            "Trends: distress by session",
            partial(self.click, "Sessions by number"),
            done=self.settled,
            background=True,
        )
        themes = self.control(ThemeChoice, "Themes on the map")
        self.measure(
            "Trends: every theme on the map",
            partial(self.tick_all, themes),
            done=self.settled,
            background=True,
        )
        self.measure(
            "Trends: themes back to usual",
            partial(themes.choose, ()),
            done=self.settled,
            background=True,
        )
        if self.control(QComboBox, "Sessions shown").count() > 1:
            self.measure(
                "Trends: one session",
                self.choose_in("Sessions shown", 1),
                done=self.settled,
                background=True,
            )
        self.measure(
            "Trends: window narrower",
            lambda: self.window.resize(1000, 860),
            done=self.settled,
            background=True,
        )
        self.measure(
            "Trends: window wider",
            lambda: self.window.resize(1280, 860),
            done=self.settled,
            background=True,
        )
        view = self.window.trends_view
        bar = view.scroll_area.verticalScrollBar()
        self.measure(
            "Trends: scroll to the check-in charts",
            lambda: bar.setValue(bar.maximum()),
            done=self.settled,
            background=True,
        )

    def printout(self, out_folder: Path) -> None:
        from PySide6.QtWidgets import QComboBox

        from ui.printout.view import ReportView

        self.window.show_destination("report")
        self.idle()
        view = self.window.page("report")
        assert isinstance(view, ReportView)
        outcomes: list[str] = []
        view.output_finished.connect(outcomes.append)
        self.save_and_preview(view, outcomes, "the default", out_folder / "default.pdf")
        days = self.control(QComboBox, "Which days the printout covers")
        rows = [row for row in range(days.count()) if "whole" in days.itemText(row).lower()]
        if rows and days.currentIndex() != rows[0]:
            self.measure("Printout: whole course", self.choose_in(days.accessibleName(), rows[0]))
            self.save_and_preview(view, outcomes, "the whole course", out_folder / "whole.pdf")

    def save_and_preview(
        self, view: ReportView, outcomes: list[str], which: str, pdf: Path
    ) -> None:
        """Save `which` printout as a PDF, then preview it; each runs until the view says it
        finished (for the preview, until its first page is painted; its dialog is then
        closed, as a client would)."""
        from ui.printout.child_pages import ChildPages

        def first_page_shown() -> bool:
            """The preview's first page is painted, not a blank sheet waiting for it."""
            pages = getattr(self.preview(), "pages", None)
            return not isinstance(pages, ChildPages) or pages.has_come(0)

        outcomes.clear()
        self.measure(
            f"Printout: save {which} as PDF",
            lambda: view.start_save_pdf(pdf, tell=False),
            done=lambda: bool(outcomes),
            background=True,
        )
        if outcomes != ["saved"]:
            raise RuntimeError(f"saving {which} ended {outcomes}")
        outcomes.clear()
        self.measure(
            f"Printout: preview {which}",
            view.start_preview,
            done=lambda: bool(outcomes) and self.preview_shown() and first_page_shown(),
            finish=self.close_preview,
            background=True,
        )
        if outcomes != ["previewed"]:
            raise RuntimeError(f"previewing {which} ended {outcomes}")

    # Small moves -------------------------------------------------------------------------

    def settled(self) -> bool:
        """The screen on show has read what it shows and drawn the charts in sight (Trends
        reads a part per turn and draws in its drawing process)."""
        from ui.trends.view import TrendsView

        screen = self.window.pages.currentWidget()
        if not isinstance(screen, TrendsView):
            return True
        # Its own list of charts: looking through every widget on each 2 ms tick would be
        # counted as the window's work.
        in_sight = [
            panel
            for panel in screen.panels()
            if panel.canvas.isVisible() and not panel.canvas.visibleRegion().isEmpty()
        ]
        return not screen.is_reading() and not any(panel.is_drawing() for panel in in_sight)

    def wait_until(self, condition: Callable[[], bool], timeout_s: float = 60.0) -> None:
        deadline = time.perf_counter() + timeout_s
        while not condition() and time.perf_counter() < deadline:
            self.idle(20)

    def idle(self, ms: int = QUIET_MS) -> None:
        from PySide6.QtCore import QEventLoop, QTimer

        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def preview(self) -> object | None:
        for widget in self.app.topLevelWidgets():
            if widget.accessibleName() == "Print preview" and widget.isVisible():
                return widget
        return None

    def preview_shown(self) -> bool:
        return self.preview() is not None

    def close_preview(self) -> None:
        preview = self.preview()
        if preview is not None:
            preview.reject()  # type: ignore[attr-defined]

    def control_visible(self, kind: type, name: str) -> bool:
        try:
            self.control(kind, name)
        except LookupError:
            return False
        return True

    def click(self, name: str) -> None:
        from PySide6.QtWidgets import QAbstractButton

        self.control(QAbstractButton, name).click()

    def tick_all(self, choice: ThemeChoice) -> None:
        from ui.widgets.choices import CHOICE_KEY_ROLE

        choice.choose([str(choice.itemData(row, CHOICE_KEY_ROLE)) for row in range(choice.count())])


def measure_clicks(profile_folder: Path, only: frozenset[str]) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="kap-clicks-out-") as out:
        clicker = Clicker(profile_folder)
        try:
            clicker.run(Path(out), only)
        finally:
            clicker.window.close_store()
            clicker.lock.release()
        print(json.dumps({"startup_rss_mib": clicker.startup_rss, "peak_rss_mib": peak_rss_mib()}))
    return 0


# The reporting process ---------------------------------------------------------------------


def profile_copy(source: Path, destination: Path, last_screen: str | None = None) -> Path:
    from kapcompanion.profile import Profile

    destination.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(Profile(source).database_path, Profile(destination).database_path)
    if last_screen is not None:
        Profile(destination).window_state_path.write_text(
            f"[window]\ndestination={last_screen}\n", encoding="utf-8"
        )
    return destination


def startup_table(profile: Path, rounds: int) -> None:
    from benchmarks.startup import Timing, app_command, environment, timed

    env = environment()
    with tempfile.TemporaryDirectory(prefix="kap-clicks-start-") as scratch:
        folder = Path(scratch)
        variants: dict[str, list[str]] = {
            "bare window": [sys.executable, str(ROOT / "benchmarks" / "bare_window.py")],
            "empty profile": app_command(folder / "empty", "--exit-after", "shown"),
        }
        (folder / "empty").mkdir()
        for key in SCREENS:
            copy = profile_copy(profile, folder / key, key)
            variants[f"10 years, {key} last"] = app_command(copy, "--exit-after", "shown")
        samples: dict[str, list[Timing]] = {name: [] for name in variants}
        names = list(variants)
        for round_number in range(rounds + 2):
            turn = names[round_number % len(names) :] + names[: round_number % len(names)]
            for name in turn:
                timing = timed(variants[name], env)
                if round_number >= 2:  # two warm-up rounds
                    samples[name].append(timing)
    bare = statistics.median(timing.ready for timing in samples["bare window"])
    bare_whole = statistics.median(timing.whole for timing in samples["bare window"])
    print(
        f"\nStart-up to the first window ({rounds} rounds, medians; whole: until the process ended)"
    )
    print(f"{'variant':<32} {'ready ms':>9} {'× bare':>7} {'whole ms':>9} {'× bare':>7}")
    for name, timings in samples.items():
        median = statistics.median(timing.ready for timing in timings)
        whole = statistics.median(timing.whole for timing in timings)
        verdict = (
            ""
            if name == "bare window"
            else ("  ok" if median / bare <= STARTUP_TARGET else f"  over {STARTUP_TARGET}×")
        )
        print(
            f"{name:<32} {median * 1e3:>9.0f} {median / bare:>7.2f} {whole * 1e3:>9.0f}"
            f" {whole / bare_whole:>7.2f}{verdict}"
        )


def clicks_table(profile: Path, only: frozenset[str]) -> None:
    with tempfile.TemporaryDirectory(prefix="kap-clicks-") as scratch:
        copy = profile_copy(profile, Path(scratch) / "profile")
        env = dict(os.environ)
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        # An installed copy runs from bytecode compiled when it was installed: so does this.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        for package in ("kapcompanion", "ui"):
            compileall.compile_dir(ROOT / package, quiet=1)
        result = subprocess.run(
            [
                sys.executable,
                str(Path(__file__).resolve()),
                "--measure-in",
                str(copy),
                "--only",
                ",".join(sorted(only)),
            ],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=1800,
        )
    if result.returncode != 0:
        sys.exit(f"The measuring window failed ({result.returncode}):\n{result.stderr[-4000:]}")
    rows: list[Row] = []
    totals: dict[str, float] = {}
    for line in result.stdout.splitlines():
        if not line.startswith("{"):
            continue
        values = json.loads(line)
        if "action" in values:
            rows.append(Row(**values))
        else:
            totals.update(values)
    print(f"\nClicks in the real window on the 10-year profile (budget {BUDGET_MS:.0f} ms)")
    print(
        f"{'action':<52} {'main ms':>8} {'block ms':>8} {'other ms':>8} {'wall ms':>8}"
        f" {'RSS MiB':>8} {'child MiB':>9}"
    )
    for row in rows:
        verdict = "" if row.within_budget() else "  OVER"
        print(
            f"{row.action:<52} {row.main_ms:>8.0f} {row.block_ms:>8.0f} {row.other_ms:>8.0f}"
            f" {row.wall_ms:>8.0f} {row.rss_mib:>8.0f} {row.children_rss_mib:>9.0f}{verdict}"
        )
    over = [row for row in rows if not row.within_budget()]
    print(
        f"\n{len(rows) - len(over)} of {len(rows)} actions within budget."
        f" RSS after opening the profile {totals.get('startup_rss_mib', 0):.0f} MiB,"
        f" after everything {rows[-1].rss_mib if rows else 0:.0f} MiB"
        f" (and {rows[-1].children_rss_mib if rows else 0:.0f} MiB in child processes),"
        f" peak {totals.get('peak_rss_mib', 0):.0f} MiB."
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--profile", type=Path, help="where to keep (and reuse) the profile")
    parser.add_argument("--rounds", type=int, default=7, help="start-up rounds (default 7)")
    parser.add_argument("--skip-startup", action="store_true")
    parser.add_argument("--skip-clicks", action="store_true")
    parser.add_argument(
        "--only",
        type=parts,
        default=PARTS,
        help=f"some of {','.join(sorted(PARTS))} (comma-separated; opening the profile and "
        "going back to Home are always measured)",
    )
    parser.add_argument("--measure-in", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.measure_in is not None:
        return measure_clicks(args.measure_in, args.only)

    from benchmarks import ten_years

    profile = (
        args.profile
        or Path(tempfile.gettempdir()) / f"kap-companion-ten-years-v{ten_years.VERSION}"
    )
    if not ten_years.is_built(profile):
        shutil.rmtree(profile, ignore_errors=True)
        started = time.perf_counter()
        ten_years.build(profile)
        print(f"Built the 10-year profile in {profile} ({time.perf_counter() - started:.0f} s)")
    else:
        print(f"Reusing the 10-year profile in {profile}")
    if not args.skip_clicks:
        clicks_table(profile, args.only)
    if not args.skip_startup:
        startup_table(profile, args.rounds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
