"""Making one printout without holding up the window: its content is read from the store a
few reads at a time between the window's events (the store serves the window's thread only),
then the charts, layout and pages are made on a thread of their own (Qt lets other threads
run while it lays out and paints). Either part can be stopped (`cancel`); a stopped job ends
with `cancelled` and leaves nothing behind, so whatever it was to write is written only by
its last step, whole (see kapcompanion.report.paint.render).

Every job ends with exactly one of `done`, `failed` or `cancelled`.
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import sys
import threading
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QThread, QTimer, Signal

from kapcompanion.report.content.build import ReportContent, content_steps
from kapcompanion.report.content.options import ReportOptions
from kapcompanion.report.errors import ReportCancelledError

if TYPE_CHECKING:
    from kapcompanion.report.paint.render import Progress
    from kapcompanion.store import Store

READING_SHARE = 0.1  # of the progress bar: reading the store, before the worker's part
Work = Callable[[ReportContent, "Progress"], object]

_running: set[ReportJob] = set()  # a job (and its thread) lives until it has ended


class _Worker(QThread):
    progressed = Signal(float)

    def __init__(self, work: Work, content: ReportContent, stop: threading.Event) -> None:
        super().__init__()
        self._work = work
        self._content = content
        self._stop = stop
        self.result: object = None
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            self.result = self._work(self._content, self._progress)
        except BaseException as error:  # handed to the window's thread by the job
            self.error = error
        self._content = None  # type: ignore[assignment]  # let the content go with the work

    def _progress(self, done: float) -> None:
        if self._stop.is_set():
            raise ReportCancelledError()
        self.progressed.emit(done)


class ReportJob(QObject):
    """Reads `options`' content from `store`, then runs `work(content, progress)` on a worker
    thread; `work` must create every Qt object it uses, and call `progress` now and then (it
    raises ReportCancelledError once the job is cancelled)."""

    progressed = Signal(float)  # 0 to 1
    done = Signal(object)  # what `work` returned
    failed = Signal(object)  # the exception it raised (or reading the store raised)
    cancelled = Signal()

    def __init__(
        self, store: Store, options: ReportOptions, work: Work, *, today: date | None = None
    ) -> None:
        super().__init__()
        self._steps = content_steps(store, options, today or date.today())
        self._work = work
        self._stop = threading.Event()
        self._worker: _Worker | None = None
        self._ended = False
        self._read = 0

    def start(self) -> None:
        _running.add(self)
        QTimer.singleShot(0, self._read_some)

    def cancel(self) -> None:
        """Stop as soon as the work allows (at most a page or a chart from now). Work that
        has passed its last `progress` (a PDF being written) is done all the same."""
        self._stop.set()

    @property
    def running(self) -> bool:
        return not self._ended

    def wait(self) -> None:
        """Block until the worker's part is over (for the application quitting)."""
        self.cancel()
        if self._worker is not None:
            self._worker.wait()

    def _read_some(self) -> None:
        if self._stop.is_set():
            self._end(self.cancelled)
            return
        try:
            next(self._steps)
        except StopIteration as finished:
            self._start_worker(finished.value)
            return
        except Exception as error:  # said by whoever started the job
            self._end(self.failed, error)
            return
        self._read += 1
        # The number of steps depends on the data; the bar creeps towards its share.
        self.progressed.emit(READING_SHARE * (1 - 1 / (1 + self._read / 4)))
        QTimer.singleShot(0, self._read_some)

    def _start_worker(self, content: ReportContent) -> None:
        self._steps.close()
        worker = self._worker = _Worker(self._work, content, self._stop)
        worker.progressed.connect(self._worker_progressed)
        worker.finished.connect(self._worker_finished)
        worker.start()

    def _worker_progressed(self, done: float) -> None:
        if not self._ended:
            self.progressed.emit(READING_SHARE + (1 - READING_SHARE) * done)

    def _worker_finished(self) -> None:
        worker = self._worker
        assert worker is not None
        worker.wait()
        error, result = worker.error, worker.result
        worker.result = None
        if isinstance(error, ReportCancelledError):
            self._end(self.cancelled)
        elif error is not None:
            self._end(self.failed, error)
        else:
            self._end(self.done, result)

    def _end(self, signal: Any, *value: object) -> None:
        if self._ended:
            return
        self._ended = True
        _running.discard(self)
        self._worker = None
        signal.emit(*value)
        give_memory_back()


def give_memory_back() -> None:
    """Return what a long printout used to the system. Freed memory stays with the process
    (much of it in the worker thread's own malloc arena: 150 MiB after ten years) unless the
    C library is asked to let it go; glibc only (elsewhere this does nothing)."""
    gc.collect()
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL("libc.so.6").malloc_trim(0)


def stop_every_job() -> None:
    """Cancel every job still running and wait for its worker (before the application goes)."""
    for job in list(_running):
        job.wait()


def stop_jobs_on_quit() -> None:
    """Have every job stopped when the application is about to quit (once is enough)."""
    global _stopping_on_quit
    application = QCoreApplication.instance()
    if application is not None and not _stopping_on_quit:
        application.aboutToQuit.connect(stop_every_job)
        _stopping_on_quit = True


_stopping_on_quit = False
