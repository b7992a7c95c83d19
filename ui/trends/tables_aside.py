"""A chart's table made on a thread of its own while no one has asked to see it yet.

Ten years of sessions make a table of thousands of rows, words and dates written by QLocale:
most of a second on the window's thread. Made aside once the chart is drawn, "Show as table"
then only shows it (or waits the little that is left).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from ui.trends.tables import TableData
from ui.widgets.background import Background

_running: set[TableJob] = set()  # kept until their thread ends, whoever still wants them
_waited_for_on_quit = False


class TableJob(Background[TableData]):
    """Makes one table; `made_by` is the maker, to tell which data it is for."""

    def __init__(self, make: Callable[[], TableData]) -> None:
        super().__init__(make)
        self.made_by = make


def make_aside(make: Callable[[], TableData]) -> TableJob:
    """Start making a table on a thread of its own; `outcome` holds it after `wait()`."""
    global _waited_for_on_quit
    application = QCoreApplication.instance()
    if application is not None and not _waited_for_on_quit:
        application.aboutToQuit.connect(wait_for_tables)
        _waited_for_on_quit = True
    job = TableJob(make)
    _running.add(job)
    job.finished.connect(lambda: _let_go(job))
    job.start()
    return job


def _let_go(job: TableJob) -> None:
    job.wait()  # `finished` comes just before the thread itself ends
    _running.discard(job)


def wait_for_tables() -> None:
    """Wait until every table being made is made (before the application goes)."""
    for job in list(_running):
        _let_go(job)
