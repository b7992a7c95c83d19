"""One background thread for drawing charts, so the window never waits for matplotlib.

Jobs run one at a time, in the order given, off the main thread: importing matplotlib (about
a second and a half) and drawing a figure with Agg both happen here. A job hands its result back
itself (a queued Qt signal); a `Ticket` lets the one who asked give up on a job that has not
started yet. `warm_up_charts` imports the chart code (and a screen's own modules) once the
window is up, before anyone asks for a chart. Knows nothing of any screen; never touches a widget.
"""

from __future__ import annotations

import atexit
import logging
import queue
import threading
from collections.abc import Callable
from contextlib import suppress
from functools import partial
from importlib import import_module

log = logging.getLogger(__name__)

STOP_WAIT_S = 3.0


class Ticket:
    """A job's claim to be run: withdrawn when its result would no longer be wanted."""

    def __init__(self) -> None:
        self._withdrawn = threading.Event()

    def withdraw(self) -> None:
        self._withdrawn.set()

    @property
    def withdrawn(self) -> bool:
        return self._withdrawn.is_set()


class ChartWorker:
    """A single daemon thread running jobs in order (started with the first job)."""

    def __init__(self) -> None:
        self._jobs: queue.SimpleQueue[tuple[Ticket, Callable[[], object]] | None] = (
            queue.SimpleQueue()
        )
        self._start = threading.Lock()
        self._thread: threading.Thread | None = None

    def submit(self, job: Callable[[], object]) -> Ticket:
        """Run `job` in the background after the jobs before it; skipped if its ticket is
        withdrawn before it starts."""
        ticket = Ticket()
        with self._start:
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="charts", daemon=True)
                self._thread.start()
                atexit.register(self.stop)
        self._jobs.put((ticket, job))
        return ticket

    def stop(self, wait_s: float = STOP_WAIT_S) -> None:
        """Let the thread end after the job it is on (waiting at most `wait_s`): the jobs after
        it are dropped. (A thread still running as the program ends could take it down
        uncleanly; a daemon, it does not hold the program up if a job will not finish.)"""
        with self._start:
            thread, self._thread = self._thread, None
        if thread is None:
            return
        while not self._jobs.empty():
            with suppress(queue.Empty):
                self._jobs.get_nowait()
        self._jobs.put(None)
        thread.join(wait_s)

    def _run(self) -> None:
        while True:
            item = self._jobs.get()
            if item is None:
                return
            ticket, job = item
            if ticket.withdrawn:
                continue
            try:
                job()
            except Exception:
                # A job hands back its own failures; anything else must not end the thread.
                log.exception("A chart could not be drawn in the background")


_WORKER = ChartWorker()


def chart_worker() -> ChartWorker:
    """The app's one chart-drawing thread."""
    return _WORKER


CHART_MODULES = (
    "matplotlib.backends.backend_agg",
    "kapcompanion.charts.distress",
    "kapcompanion.charts.theme_map",
    "kapcompanion.charts.check_in_scores",
)


def _import_charts(first: tuple[str, ...]) -> None:
    for name in (*first, *CHART_MODULES):
        import_module(name)
    from kapcompanion.charts.fonts import use_fallback_fonts

    use_fallback_fonts()  # matplotlib's list of installed fonts read, ours put first


def warm_up_charts(*first: str) -> Ticket:
    """Import the modules named `first` (a screen that shows charts), then the chart code, in
    the background, so the first visit to that screen need not."""
    return _WORKER.submit(partial(_import_charts, first))
