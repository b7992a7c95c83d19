"""One piece of work on a thread of its own, its result handed back on the window's thread.

For work the window need not wait for and the client need not watch (opening the data at
start): nothing modal shows, the window goes on answering, and `then` receives what the work
returned, or the exception it raised, on the main thread once it is done. `Background` is also
the thread behind `ui.widgets.busy.run_busy`, for work the client waits for.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtCore import QObject, QThread, Slot

T = TypeVar("T")


class Background(QThread, Generic[T]):
    """Runs `work` once; `outcome` holds its result or exception after `wait()`."""

    def __init__(self, work: Callable[[], T]) -> None:
        super().__init__()
        self._work = work
        self.outcome: T | BaseException | None = None

    def run(self) -> None:
        try:
            self.outcome = self._work()
        except BaseException as error:  # handed back to the main thread with the result
            self.outcome = error


class _Relay(QObject, Generic[T]):
    """Lives on the main thread, so the thread's `finished` reaches `then` there."""

    def __init__(
        self, job: Background[T], then: Callable[[T | BaseException | None], None]
    ) -> None:
        super().__init__(job)
        self._job = job
        self._then = then

    @Slot()
    def deliver(self) -> None:
        self._then(self._job.outcome)


def run_in_background(
    work: Callable[[], T], then: Callable[[T | BaseException | None], None]
) -> Background[T]:
    """Start `work` on its own thread; `then(result or exception)` runs on this thread after.
    Keep the returned job until then (or `wait()` on it to have the outcome at once)."""
    job: Background[T] = Background(work)
    relay = _Relay(job, then)
    job.finished.connect(relay.deliver)
    job.start()
    return job
