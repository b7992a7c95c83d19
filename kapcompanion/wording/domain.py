"""The domain's words that the window and the printout both use, written once: session kinds
and titles ("Session 3", "Preparation session"), phase titles ("The next day") and long dates
as the locale writes them ("25 November 2026", with the weekday when asked).

Sentences go through the core's `translate` (context "domain"), numbers and dates through
QLocale, so a session reads the same on screen, on paper and in any language. QtCore only:
never imports Qt's painting or widgets (the printout's content and the command line use it).
"""

from __future__ import annotations

import re
from datetime import date, datetime

from PySide6.QtCore import QDate, QLocale

from kapcompanion.data_files.prompt_sets import prompt_set_for
from kapcompanion.data_files.resource_files import ResourceError
from kapcompanion.domain import Phase, Session, SessionKind
from kapcompanion.wording.translation import translate

CONTEXT = "domain"


def kind_label(kind: SessionKind) -> str:
    """A plain name for a kind of session ("Dosing session")."""
    labels = {
        SessionKind.DOSING: translate(CONTEXT, "Dosing session"),
        SessionKind.PREPARATION: translate(CONTEXT, "Preparation session"),
        SessionKind.INTEGRATION: translate(CONTEXT, "Integration session"),
    }
    return labels[SessionKind(kind)]


def session_title(session: Session, locale: QLocale | None = None) -> str:
    """ "Session 3" for a numbered dosing session; otherwise the kind of session."""
    if session.kind is SessionKind.DOSING and session.number_in_course:
        number = (locale or QLocale()).toString(session.number_in_course)
        return translate(CONTEXT, "Session %1", number)
    return kind_label(session.kind)


def phase_title(phase: Phase) -> str:
    """The title of a phase's prompt set ("The next day"), or a plain fallback when the
    prompt set cannot be read."""
    try:
        return prompt_set_for(phase).title
    except ResourceError:
        return translate(CONTEXT, "Reflection")


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
