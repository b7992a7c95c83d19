"""How a session is put into words on screen: its name, its date, its distress, its reflections.

Shared by the sessions list, the session page and the form, so a session reads the same way
everywhere. The words the printout uses too (session titles and kinds, phase titles, long dates)
are written once in kapcompanion.wording.domain and re-exported here, so screens keep importing
them from this module. Every string goes through Qt's translation; numbers and dates through
QLocale.
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QTime
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from kapcompanion.course.follow_ups import FollowUp, FollowUpState
from kapcompanion.domain import ReflectionStatus, Session
from kapcompanion.wording.dates import day_of as day_of
from kapcompanion.wording.dates import local_date as local_date
from kapcompanion.wording.domain import kind_label as kind_label
from kapcompanion.wording.domain import phase_title as phase_title
from kapcompanion.wording.domain import session_title as session_title
from kapcompanion.wording.translation import fill
from ui.widgets.style import tokens

CONTEXT = "SessionWording"


def _tr(source: str) -> str:
    return QCoreApplication.translate(CONTEXT, source)


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
    return fill(
        _tr("%1 at %2"),
        day_of(moment, locale, weekday=True),
        locale.toString(local_qdatetime(moment).time(), QLocale.FormatType.ShortFormat),
    )


def day_text(moment: datetime, locale: QLocale | None = None) -> str:
    """The local day of `moment` as a long date with its weekday ("Wednesday, 25 November
    2026"), as lists and pages head their rows."""
    return day_of(moment, locale, weekday=True)


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


NAME_CHARACTERS = 60  # of an insight's words, in a control's accessible name


def short_words(words: str, limit: int = NAME_CHARACTERS) -> str:
    """An insight's words on one line, shortened with an ellipsis if long (for names)."""
    line = " ".join(words.split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"
