"""The window's side of a printout painted in a process of its own (kapcompanion.report.paint.
child): start KAP Companion again with the hidden command, send it what to paint, and hear
back, a piece at a time between the window's events, how far it has come and what it made.

The child is given the content already read, never the passphrase or the profile: nothing on
its command line or in its environment says anything about the client. Every child is
stopped when the application quits (`stop_every_child`).
"""

from __future__ import annotations

import json
import pickle
import sys

from PySide6.QtCore import QByteArray, QCoreApplication, QObject, QProcess, Signal
from PySide6.QtGui import QImage

from kapcompanion.cli.report import PAINT_CHILD_COMMAND
from kapcompanion.report.paint.child import PaintRequest
from ui.widgets.own_program import own_program

QUIT_WAIT_MS = 2_000  # the longest to wait for a killed child to be gone

_living: set[ReportProcess] = set()  # a child (and its object) lives until it has gone


class ReportProcess(QObject):
    """One child painting one printout. Say what to paint with `send`; for a preview, ask for
    pages with `ask_for_page`. `stop` ends it at once (`wait`, and waits until it has gone).

    Every child ends with `gone`; `died` before it if it went before saying what it made
    (crashed, was killed from outside, or could not start), `problem` if it could not make
    the report for a reason the client can act on (the message, in its words)."""

    progressed = Signal(float)  # 0 to 1
    pdf_made = Signal(object, int)  # the PDF's bytes, its pages
    pages_laid_out = Signal(int)  # how many pages the preview has
    page_painted = Signal(int, object)  # a page (from 0) and its QImage
    problem = Signal(str)
    died = Signal()
    gone = Signal()

    def __init__(self) -> None:
        super().__init__()
        self._process = QProcess(self)
        program, arguments = own_program(PAINT_CHILD_COMMAND)
        self._process.setProgram(program)
        self._process.setArguments(arguments)
        # What it says on its standard error (a warning from a library) goes to ours.
        self._process.setProcessChannelMode(QProcess.ProcessChannelMode.ForwardedErrorChannel)
        self._process.readyReadStandardOutput.connect(self._read)
        self._process.finished.connect(self._finished)
        self._process.errorOccurred.connect(self._failed_to_start)
        self._received = bytearray()
        self._awaiting: list[bytes] | None = None  # the line before bytes still to come
        self._answered = False  # it said what it made (or why it could not)
        self._stopping = False
        self._gone = False

    def start(self) -> None:
        """Start the child; it waits for `send` (starting it early lets its start-up and the
        reading of the content overlap)."""
        _living.add(self)
        self._process.start()

    def send(self, request: PaintRequest) -> None:
        self._process.write(QByteArray(pickle.dumps(request, pickle.HIGHEST_PROTOCOL)))

    def ask_for_page(self, page: int, width: int) -> None:
        """Ask for page `page` (from 0) as an image `width` pixels wide (`page_painted`)."""
        if not self._gone:
            self._process.write(QByteArray(f"page {page} {width}\n".encode()))

    def stop(self) -> None:
        """End the child now, whatever it is doing (`gone` follows)."""
        self._stopping = True
        if self._process.state() != QProcess.ProcessState.NotRunning:
            self._process.kill()

    @property
    def running(self) -> bool:
        return not self._gone

    def wait(self) -> None:
        """Stop the child and wait until it has gone (a moment: it is killed)."""
        self.stop()
        self._process.waitForFinished(QUIT_WAIT_MS)

    # Hearing from the child --------------------------------------------------------------------

    def _read(self) -> None:
        self._received += self._process.readAllStandardOutput().data()
        while self._take_one():
            pass

    def _take_one(self) -> bool:
        """Act on the next whole answer received, if there is one; False when there is not."""
        if self._awaiting is None:
            end = self._received.find(b"\n")
            if end < 0:
                return False
            words = bytes(self._received[:end]).split()
            del self._received[: end + 1]
            if words and words[0] in (b"pdf", b"image"):
                self._awaiting = words
                return True
            self._heard(words)
            return True
        size = int(self._awaiting[-1])
        if len(self._received) < size:
            return False
        data = bytes(self._received[:size])
        del self._received[:size]
        words, self._awaiting = self._awaiting, None
        if words[0] == b"pdf":
            self._answered = True
            self.pdf_made.emit(data, int(words[1]))
        else:
            page, width, height = (int(each) for each in words[1:4])
            image = QImage(data, width, height, 4 * width, QImage.Format.Format_RGB32)
            self.page_painted.emit(page, image.copy())  # a copy that owns its pixels
        return True

    def _heard(self, words: list[bytes]) -> None:
        if not words:
            return
        if words[0] == b"progress":
            self.progressed.emit(float(words[1]))
        elif words[0] == b"pages":
            self._answered = True
            self.pages_laid_out.emit(int(words[1]))
        elif words[0] == b"problem":
            self._answered = True
            self.problem.emit(str(json.loads(b" ".join(words[1:]))))

    def _failed_to_start(self, error: QProcess.ProcessError) -> None:
        if error is QProcess.ProcessError.FailedToStart:
            print(f"The printout's painter could not start: {error!r}", file=sys.stderr)
            self._finished()

    def _finished(self) -> None:
        if self._gone:
            return
        self._read()
        self._gone = True
        _living.discard(self)
        if not self._answered and not self._stopping:
            self.died.emit()
        self.gone.emit()


def stop_every_child() -> None:
    """Stop every child still running and wait until it has gone."""
    for child in list(_living):
        child.wait()


def stop_children_on_quit() -> None:
    """Have every child stopped when the application is about to quit (once is enough)."""
    global _stopping_on_quit
    application = QCoreApplication.instance()
    if application is not None and not _stopping_on_quit:
        application.aboutToQuit.connect(stop_every_child)
        _stopping_on_quit = True


_stopping_on_quit = False
