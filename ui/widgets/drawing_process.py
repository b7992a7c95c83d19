"""The app's one drawing process: charts drawn in a child of our own, so the window never waits.

Drawing a chart with matplotlib holds Python's lock for long stretches of C++ (Agg, text
layout), and matplotlib with its fonts and figures takes tens of MiB: in a thread of the
window's process both freeze and swell the window. So the window reads the numbers and asks
this child (kapcompanion.charts.drawing_process, started through `own_program` so it works from
a bundle too) for the picture, over its stdin and stdout.

It is started once the window is idle after opening the data (`start`), and reused for every
chart. One request is with the child at a time; each asker (a chart panel) has at most one more
waiting, and a newer one replaces it, so nothing is drawn that is no longer wanted. If the child
dies or cannot start, the request it had (and those waiting, when it never answered at all) is
answered with None, and the next request starts it again. It ends when its stdin closes, and is
ended when the application quits.

After some minutes with nothing to draw it is let go (its stdin closed), so the memory
matplotlib holds goes back to the system while the client writes or reads; the next chart
starts it again, a second or two later than it would have been drawn.
"""

from __future__ import annotations

import atexit
import logging
import os
import pickle
import struct
from collections.abc import Callable, Hashable
from contextlib import suppress
from functools import partial
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QProcess, QTimer

from ui.widgets.own_program import own_program

log = logging.getLogger(__name__)

COMMAND = "draw-charts"
HEADER = struct.Struct("!Q")  # as kapcompanion.charts.drawing_process reads and writes
STOP_WAIT_MS = 2000
REST_AFTER_MS = 5 * 60 * 1000  # with nothing to draw this long, the child is let go

Answer = Callable[[Any], None]


class DrawingProcess(QObject):
    """The child and the requests for it."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._process: QProcess | None = None
        self._inbox = bytearray()
        self._waiting: dict[Hashable, tuple[object, Answer]] = {}
        self._asked: Answer | None = None  # the answer the child is working on
        self._answered = False  # since it started
        self.rest_after_ms = REST_AFTER_MS
        self._rest = QTimer(self)
        self._rest.setSingleShot(True)
        self._rest.timeout.connect(self._let_go)

    def start(self) -> None:
        """Start the child, if it is not running (it loads matplotlib meanwhile)."""
        if self._process is not None:
            return
        program, arguments = own_program(COMMAND, str(os.getpid()))  # it ends with us
        process = QProcess(self)
        # Its warnings and faults go to our log (stderr); stdout carries only the answers.
        process.setProcessChannelMode(QProcess.ProcessChannelMode.ForwardedErrorChannel)
        process.readyReadStandardOutput.connect(self._read)
        process.finished.connect(lambda *_: self._ended(process))
        process.errorOccurred.connect(partial(self._failed, process))
        self._process, self._answered = process, False
        self._inbox.clear()
        process.start(program, arguments)
        self._idle_from_now()

    def pid(self) -> int | None:
        """The running child's process id, if there is one."""
        if self._process is None:
            return None
        return int(self._process.processId()) or None

    def busy(self) -> bool:
        """Whether anything asked is still to be answered."""
        return self._asked is not None or bool(self._waiting)

    def ask(self, asker: Hashable, request: object, then: Answer) -> None:
        """Have `request` answered: `then(answer)` on this thread (None: it could not be). A
        request from `asker` still waiting is dropped for this one."""
        self._waiting.pop(asker, None)
        self._waiting[asker] = (request, then)
        self._rest.stop()
        self.start()
        self._send_next()

    def withdraw(self, asker: Hashable) -> None:
        """`asker` no longer wants what it asked for (if not yet with the child)."""
        self._waiting.pop(asker, None)

    def _send_next(self) -> None:
        if self._process is None or self._asked is not None or not self._waiting:
            return
        asker = next(iter(self._waiting))
        request, then = self._waiting.pop(asker)
        message = pickle.dumps(request, protocol=pickle.HIGHEST_PROTOCOL)
        self._asked = then
        self._process.write(HEADER.pack(len(message)) + message)

    def _read(self) -> None:
        if self._process is None:
            return
        self._inbox += self._process.readAllStandardOutput().data()
        while len(self._inbox) >= HEADER.size:
            (size,) = HEADER.unpack_from(self._inbox)
            if len(self._inbox) < HEADER.size + size:
                return
            message = bytes(self._inbox[HEADER.size : HEADER.size + size])
            del self._inbox[: HEADER.size + size]
            then, self._asked = self._asked, None
            self._answered = True
            self._send_next()  # the child works on the next while this one is shown
            try:
                answer = pickle.loads(message)
            except Exception:
                log.exception("The drawing process's answer could not be read")
                answer = None
            if then is not None:
                _deliver(then, answer)
            self._idle_from_now()

    def _failed(self, process: QProcess, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart:  # else `finished` follows, if at all
            self._ended(process)

    def _ended(self, process: QProcess) -> None:
        """The child stopped (or never started): what it was asked is answered with None."""
        if process is not self._process:
            return
        self._process = None
        process.deleteLater()
        then, self._asked = self._asked, None
        failed = [then] if then is not None else []
        if not self._answered:  # it never drew: do not start it again for those waiting
            failed += [answer for _request, answer in self._waiting.values()]
            self._waiting.clear()
        log.warning("The drawing process stopped (%s)", process.errorString())
        for answer in failed:
            _deliver(answer, None)
        if self._waiting:  # what was asked after what it was drawing: once more
            self.start()
            self._send_next()

    def _idle_from_now(self) -> None:
        """With nothing asked, let the child go after `rest_after_ms`."""
        if not self.busy():
            self._rest.start(self.rest_after_ms)

    def _let_go(self) -> None:
        """Nothing was asked for a while: close the child's stdin, and it ends on its own."""
        process = self._process
        if process is None or self.busy():
            return
        self._process = None
        process.readyReadStandardOutput.disconnect()
        process.finished.disconnect()
        process.errorOccurred.disconnect()
        process.finished.connect(process.deleteLater)
        process.closeWriteChannel()

    def stop(self) -> None:
        """End the child now (the application quits); nothing asked is answered after."""
        process, self._process = self._process, None
        self._waiting.clear()
        self._asked = None
        self._rest.stop()
        if process is None:
            return
        process.readyReadStandardOutput.disconnect()
        process.finished.disconnect()
        process.errorOccurred.disconnect()
        if process.state() != QProcess.ProcessState.NotRunning:
            process.kill()
            process.waitForFinished(STOP_WAIT_MS)
        process.deleteLater()


def _deliver(then: Answer, answer: object) -> None:
    with suppress(RuntimeError):  # the one who asked has gone
        then(answer)


_DRAWING: DrawingProcess | None = None


def drawing_process() -> DrawingProcess:
    """The app's one drawing process (not started until asked, or `start`)."""
    global _DRAWING
    if _DRAWING is None:
        _DRAWING = DrawingProcess()
        application = QCoreApplication.instance()
        if application is not None:
            application.aboutToQuit.connect(_DRAWING.stop)
        atexit.register(_DRAWING.stop)  # also when the program ends without quitting
    return _DRAWING


def start_drawing() -> None:
    """Start the drawing process ahead of the first chart (the window is idle, the data open)."""
    drawing_process().start()


def stop_drawing() -> None:
    """End the drawing process, if it runs."""
    if _DRAWING is not None:
        _DRAWING.stop()
