"""How a session is put into words on screen: its name, its date, its distress, its reflections.

Shared by the sessions list, the session page and the form, so a session reads the same way
everywhere. Every string goes through Qt's translation; numbers and dates through QLocale.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QTime
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from kapcompanion.course.follow_ups import FollowUp, FollowUpState
from kapcompanion.domain import Phase, ReflectionStatus, Session, SessionKind
from kapcompanion.wording.translation import fill
from ui.widgets.style import tokens

CONTEXT = "SessionWording"


def _tr(source: str) -> str:
    return QCoreApplication.translate(CONTEXT, source)


def kind_label(kind: SessionKind) -> str:
    """A plain name for a kind of session, as the form offers it."""
    labels = {
        SessionKind.DOSING: _tr("Dosing session"),
        SessionKind.PREPARATION: _tr("Preparation session"),
        SessionKind.INTEGRATION: _tr("Integration session"),
    }
    return labels[SessionKind(kind)]


def session_title(session: Session, locale: QLocale | None = None) -> str:
    """ "Session 3" for a numbered dosing session; otherwise the kind of session."""
    if session.kind is SessionKind.DOSING and session.number_in_course:
        return fill(_tr("Session %1"), (locale or QLocale()).toString(session.number_in_course))
    return kind_label(session.kind)


def local_qdatetime(moment: datetime) -> QDateTime:
    """`moment` as a QDateTime in the computer's local time."""
    local = moment.astimezone()
    return QDateTime(
        QDate(local.year, local.month, local.day), QTime(local.hour, local.minute, local.second)
    )


def from_qdatetime(moment: QDateTime) -> datetime:
    """A QDateTime (local time) as an aware datetime in UTC, to the minute."""
    return datetime.fromtimestamp(moment.toSecsSinceEpoch(), UTC).replace(second=0)


def when_text(moment: datetime, locale: QLocale | None = None) -> str:
    """The day and time of `moment`, in local time, as the locale writes them."""
    locale = locale or QLocale()
    local = local_qdatetime(moment)
    return fill(
        _tr("%1 at %2"),
        locale.toString(local.date(), QLocale.FormatType.LongFormat),
        locale.toString(local.time(), QLocale.FormatType.ShortFormat),
    )


def day_text(moment: datetime, locale: QLocale | None = None) -> str:
    locale = locale or QLocale()
    return locale.toString(local_qdatetime(moment).date(), QLocale.FormatType.LongFormat)


def distress_text(session: Session, locale: QLocale | None = None) -> str:
    """Distress before and after, in a few words, saying plainly when it was not rated."""
    locale = locale or QLocale()
    before, after = session.distress_before, session.distress_after
    if before is None and after is None:
        return _tr("Distress not rated")
    if after is None:
        assert before is not None
        return fill(_tr("Distress %1 before"), locale.toString(before))
    if before is None:
        return fill(_tr("Distress %1 after"), locale.toString(after))
    return fill(_tr("Distress %1 → %2"), locale.toString(before), locale.toString(after))


def counts_text(reflections: int, open_follow_ups: int, locale: QLocale | None = None) -> str:
    """ "2 reflections · 1 open follow-up", or a quiet "No reflections yet"."""
    locale = locale or QLocale()
    if reflections == 0:
        written = _tr("No reflections yet")
    elif reflections == 1:
        written = _tr("1 reflection")
    else:
        written = fill(_tr("%1 reflections"), locale.toString(reflections))
    if open_follow_ups == 0:
        return written
    if open_follow_ups == 1:
        waiting = _tr("1 open follow-up")
    else:
        waiting = fill(_tr("%1 open follow-ups"), locale.toString(open_follow_ups))
    return fill(_tr("%1 · %2"), written, waiting)


def is_open(follow_up: FollowUp) -> bool:
    """Due and not yet finished (a paused reflection still counts as open)."""
    return follow_up.state in (FollowUpState.OPEN, FollowUpState.STARTED)


def reflection_state_text(status: ReflectionStatus) -> str:
    if status is ReflectionStatus.COMPLETE:
        return _tr("complete")
    return _tr("paused")


def phase_title(phase: Phase) -> str:
    """The title of a phase's prompt set ("The next day"), or a plain fallback."""
    from kapcompanion.data_files.prompt_sets import prompt_set_for
    from kapcompanion.data_files.resource_files import ResourceError

    try:
        return prompt_set_for(phase).title
    except ResourceError:
        return _tr("A reflection")


def reading_font() -> QFont:
    """The font for writing and reading areas: the UI font at the reading scale."""
    return scaled_font(QApplication.font(), "reading")


def scaled_font(base: QFont, scale_name: str, *, bold: bool = False) -> QFont:
    """`base` at one of the style tokens' type scales ("reading", "small", …)."""
    font = QFont(base)
    size = font.pointSizeF() if font.pointSizeF() > 0 else 10.0
    font.setPointSizeF(size * tokens().type_scale[scale_name])
    font.setBold(bold)
    return font


def local_date(moment: datetime) -> QDate:
    local = moment.astimezone()
    return QDate(local.year, local.month, local.day)


def _without_weekday(long_format: str) -> str:
    """The locale's long date format without the weekday ("d MMMM yyyy", "MMMM d, yyyy")."""
    if long_format.startswith("dddd"):
        return re.sub(r"^dddd[\s,،]*", "", long_format)
    return re.sub(r"[\s,،]*dddd", "", long_format)


def day_of(moment: datetime | date, locale: QLocale | None = None, *, weekday: bool = False) -> str:
    """The local day of `moment` as the locale writes a long date (weekday only if asked)."""
    locale = locale or QLocale()
    if isinstance(moment, datetime):
        day = local_qdatetime(moment).date()
    else:
        day = QDate(moment.year, moment.month, moment.day)
    long_format = locale.dateFormat(QLocale.FormatType.LongFormat)
    return locale.toString(day, long_format if weekday else _without_weekday(long_format))


NAME_CHARACTERS = 60  # of an insight's words, in a control's accessible name


def short_words(words: str, limit: int = NAME_CHARACTERS) -> str:
    """An insight's words on one line, shortened with an ellipsis if long (for names)."""
    line = " ".join(words.split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"
