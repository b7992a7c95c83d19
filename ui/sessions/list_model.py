"""The Qt item model behind the sessions list: one row per session, newest first.

`summarise_sessions` reads the store once (sessions and reflections) and works out, for each
session, how many reflections it has and how many follow-ups are still open. The model turns
those summaries into the texts a row shows; `SessionRowDelegate` paints them.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractListModel,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from kapcompanion.course.follow_ups import follow_ups
from kapcompanion.domain import Reflection, Session
from kapcompanion.ids import SessionId
from kapcompanion.wording.translation import fill
from ui.widgets.wording import counts_text, distress_text, is_open, session_title, when_text

if TYPE_CHECKING:
    from kapcompanion.store import Store

AnyIndex = QModelIndex | QPersistentModelIndex


class SessionRole:
    """Item data roles beyond Qt's own; DisplayRole is the session's title."""

    SESSION_ID = Qt.ItemDataRole.UserRole + 1
    WHEN = Qt.ItemDataRole.UserRole + 2
    DISTRESS = Qt.ItemDataRole.UserRole + 3
    COUNTS = Qt.ItemDataRole.UserRole + 4


@dataclass(frozen=True)
class SessionSummary:
    """A session with what its list row says about its reflections."""

    session: Session
    reflections: int
    open_follow_ups: int


def summarise_sessions(store: Store, today: date) -> list[SessionSummary]:
    """Every live session, newest first, with its reflection and open follow-up counts."""
    sessions = sorted(store.sessions.list(), key=lambda s: (s.held_at, s.id), reverse=True)
    by_session: dict[int, list[Reflection]] = defaultdict(list)
    for reflection in store.reflections.list():
        if reflection.session_id is not None:
            by_session[reflection.session_id].append(reflection)
    summaries = []
    for session in sessions:
        mine = by_session.get(session.id, [])
        still_open = sum(1 for item in follow_ups(session, mine, today) if is_open(item))
        summaries.append(SessionSummary(session, len(mine), still_open))
    return summaries


class SessionListModel(QAbstractListModel):
    """Sessions as list rows; `set_summaries` replaces them all (the list is small and cheap)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[SessionSummary] = []

    def set_summaries(self, summaries: list[SessionSummary]) -> None:
        self.beginResetModel()
        self._rows = list(summaries)
        self.endResetModel()

    def summary(self, row: int) -> SessionSummary:
        return self._rows[row]

    def row_of(self, session_id: SessionId) -> int | None:
        """The row showing `session_id`, or None when it is not in the list."""
        return next(
            (row for row, item in enumerate(self._rows) if item.session.id == session_id), None
        )

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        item = self._rows[index.row()]
        session = item.session
        locale = QLocale()
        if role == Qt.ItemDataRole.DisplayRole:
            return session_title(session, locale)
        if role == SessionRole.SESSION_ID:
            return int(session.id)
        if role == SessionRole.WHEN:
            return when_text(session.held_at, locale)
        if role == SessionRole.DISTRESS:
            return distress_text(session, locale)
        if role == SessionRole.COUNTS:
            return counts_text(item.reflections, item.open_follow_ups, locale)
        if role in (Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            return fill(
                self.tr("%1, %2. %3. %4."),
                session_title(session, locale),
                when_text(session.held_at, locale),
                distress_text(session, locale),
                counts_text(item.reflections, item.open_follow_ups, locale),
            )
        return None
