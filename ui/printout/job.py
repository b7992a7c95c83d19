"""Making one printout without holding up the window: its content is read from the store a
few reads at a time between the window's events (the store serves the window's thread only),
then the charts, layout and pages are made by a process of its own (ui.printout.
report_process): Qt's layout and matplotlib hold Python's lock while they work, so on a thread
of the window's process they froze it. Either part can be stopped (`cancel`); a stopped job
ends with `cancelled` and leaves nothing behind: the child writes no file, and the PDF it
sends back is written by the window, whole or not at all (kapcompanion.files).

Every job ends with exactly one of `done`, `failed` or `cancelled`. `done` carries the
SavedReport of a PDF, or the ChildPages of a preview (whose child then lives on to paint the
pages as they are looked at, until the preview is closed).
"""

from __future__ import annotations

import contextlib
import ctypes
import sys
import threading
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from PySide6.QtCore import QObject, QThread, QTimer, Signal

from kapcompanion.errors import KapError
from kapcompanion.report.content.build import ReportContent, content_steps
from kapcompanion.report.content.options import ReportOptions
from kapcompanion.report.errors import ReportStoppedError
from kapcompanion.report.paint.child import PaintRequest, paper_mm
from kapcompanion.report.paint.paper import write_report_pdf
from ui.printout.child_pages import ChildPages
from ui.printout.report_process import ReportProcess, stop_children_on_quit

if TYPE_CHECKING:
    from PySide6.QtGui import QPageSize

    from kapcompanion.store import Store

READING_SHARE = 0.1  # of the progress bar: reading the store, before the child's part

_running: set[ReportJob] = set()  # a job lives until it has ended


class _Writer(QThread):
    """Writes the finished PDF beside the window's thread: the disk may be slow."""

    def __init__(self, path: Path, data: bytes, pages: int) -> None:
        super().__init__()
        self._path, self._data, self._pages = path, data, pages
        self.result: object = None
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            self.result = write_report_pdf(self._path, self._data, self._pages)
        except BaseException as error:  # handed to the window's thread by the job
            self.error = error
        self._data = b""


class ReportJob(QObject):
    """Reads `options`' content from `store`, then has a child make the PDF at `path` (when
    `what` is "pdf") or lay out the pages of a preview ("pages") on `page_size`."""

    progressed = Signal(float)  # 0 to 1
    done = Signal(object)  # a SavedReport, or ChildPages
    failed = Signal(object)  # the exception that stopped it
    cancelled = Signal()

    def __init__(
        self,
        store: Store,
        options: ReportOptions,
        what: Literal["pdf", "pages"],
        page_size: QPageSize,
        *,
        path: Path | None = None,
        today: date | None = None,
    ) -> None:
        super().__init__()
        self._steps = content_steps(store, options, today or date.today())
        self._options = options
        self._what: Literal["pdf", "pages"] = what
        self._page_size = page_size
        self._path = path
        self._stop = threading.Event()
        self._child: ReportProcess | None = None
        self._writer: _Writer | None = None
        self._ended = False
        self._read = 0

    def start(self) -> None:
        _running.add(self)
        stop_children_on_quit()
        child = self._child = ReportProcess()
        child.progressed.connect(self._child_progressed)
        child.pdf_made.connect(self._write)
        child.pages_laid_out.connect(self._pages_ready)
        child.problem.connect(lambda message: self._end(self.failed, KapError(message)))
        child.died.connect(lambda: self._end(self.failed, ReportStoppedError()))
        child.gone.connect(self._child_gone)
        child.start()  # it starts up while the content is read
        QTimer.singleShot(0, self._read_some)

    def cancel(self) -> None:
        """Stop at once. A PDF already made and being written is written all the same."""
        self._stop.set()
        if self._writer is None and self._child is not None:
            self._child.stop()

    @property
    def running(self) -> bool:
        return not self._ended

    def wait(self) -> None:
        """Stop, and wait until the child and any writing are over (the application quits)."""
        self.cancel()
        if self._child is not None:
            self._child.wait()
        if self._writer is not None:
            self._writer.wait()

    def _read_some(self) -> None:
        if self._ended:
            return
        if self._stop.is_set():
            self._end(self.cancelled)
            return
        try:
            next(self._steps)
        except StopIteration as finished:
            self._send(finished.value)
            return
        except Exception as error:  # said by whoever started the job
            self._end(self.failed, error)
            return
        self._read += 1
        # The number of steps depends on the data; the bar creeps towards its share.
        self.progressed.emit(READING_SHARE * (1 - 1 / (1 + self._read / 4)))
        QTimer.singleShot(0, self._read_some)

    def _send(self, content: ReportContent) -> None:
        self._steps.close()
        assert self._child is not None
        paper = paper_mm(self._page_size)
        self._child.send(PaintRequest(content, self._options, paper, self._what))

    def _child_progressed(self, done: float) -> None:
        if not self._ended:
            self.progressed.emit(READING_SHARE + (1 - READING_SHARE) * done)

    def _pages_ready(self, count: int) -> None:
        child = self._child
        if self._ended or child is None:
            return
        self._child = None  # the preview's now: it lives as long as the preview
        self._end(self.done, ChildPages(child, count, self._page_size))

    def _write(self, data: bytes, pages: int) -> None:
        if self._ended or self._path is None:
            return
        writer = self._writer = _Writer(self._path, data, pages)
        writer.finished.connect(self._written)
        writer.start()

    def _written(self) -> None:
        writer = self._writer
        assert writer is not None
        writer.wait()
        if writer.error is not None:
            self._end(self.failed, writer.error)
        else:
            self._end(self.done, writer.result)

    def _child_gone(self) -> None:
        if self._writer is None and self._stop.is_set():
            self._end(self.cancelled)

    def _end(self, signal: Any, *value: object) -> None:
        if self._ended:
            return
        self._ended = True
        _running.discard(self)
        self._steps.close()
        if self._child is not None:  # its part is over (a preview's was handed on)
            self._child.stop()
        signal.emit(*value)
        give_memory_back()


def give_memory_back() -> None:
    """Return what reading a long printout's content used to the system. Freed memory stays
    with the process unless the C library is asked to let it go; glibc only (elsewhere this
    does nothing). The content holds no cycles, so it has gone already: a full collection
    of the window's objects would hold the window for tens of milliseconds to free nothing."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL("libc.so.6").malloc_trim(0)


def stop_every_job() -> None:
    """Cancel every job still running and wait for its child (before the application goes)."""
    for job in list(_running):
        job.wait()


def stop_jobs_on_quit() -> None:
    """Have every job stopped when the application is about to quit (once is enough)."""
    from PySide6.QtCore import QCoreApplication

    global _stopping_on_quit
    application = QCoreApplication.instance()
    if application is not None and not _stopping_on_quit:
        application.aboutToQuit.connect(stop_every_job)
        _stopping_on_quit = True


_stopping_on_quit = False
