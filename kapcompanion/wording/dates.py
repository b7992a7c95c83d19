"""Days as the client's locale writes them, and the local day a stored moment falls on.

Kept apart from the domain's words (kapcompanion.wording.domain) because the first window
needs only these: importing them loads nothing but QtCore.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from PySide6.QtCore import QDate, QLocale


def local_date(moment: datetime) -> QDate:
    """The day `moment` falls on in the computer's local time."""
    local = moment.astimezone()
    return QDate(local.year, local.month, local.day)


def day_of(
    moment: datetime | date,
    locale: QLocale | None = None,
    *,
    weekday: bool = False,
    short: bool = False,
) -> str:
    """The local day of `moment` as the locale writes a long date: "25 November 2026", with
    the weekday only if asked ("Wednesday, 25 November 2026"), the month abbreviated if
    `short` ("25 Nov 2026", for tables)."""
    locale = locale or QLocale()
    if isinstance(moment, datetime):
        day = local_date(moment)
    else:
        day = QDate(moment.year, moment.month, moment.day)
    written = locale.dateFormat(QLocale.FormatType.LongFormat)
    if not weekday:
        written = _without_weekday(written)
    if short:
        written = written.replace("MMMM", "MMM")
    return locale.toString(day, written)


def _without_weekday(long_format: str) -> str:
    """The locale's long date format without the weekday ("d MMMM yyyy", "MMMM d, yyyy")."""
    if long_format.startswith("dddd"):
        return re.sub(r"^dddd[\s,،]*", "", long_format)
    return re.sub(r"[\s,،]*dddd", "", long_format)
