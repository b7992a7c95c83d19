"""The Qt item model behind the insight board.

`InsightListModel` holds the whole board (an `InsightCardData` per insight, from
`board_data`), filters it in memory (all, pinned or shared insights, or those of one theme)
and offers what a card shows through roles: words, themes, where it came from, pinned, shared,
the small step and its latest note. The list only ever holds the first rows of what the filter
lets through and asks for more as it scrolls towards the end (`canFetchMore`/`fetchMore`), so
a board of years costs the list a page of cards, not thousands. A new board or filter is merged
in row by row (gone rows are removed, moved ones keep their persistent indexes, changed ones
report `dataChanged`, new ones are inserted), so the view keeps its current row and the one
open card across a refresh.

Nothing here reads or writes the store: the view hands the board in.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from kapcompanion.domain import Insight
from kapcompanion.ids import InsightId
from kapcompanion.wording.translation import fill
from ui.insights.board_data import BoardData, BoardFilter, InsightCardData
from ui.insights.commitment_editor import status_label
from ui.widgets.wording import day_text

AnyIndex = QModelIndex | QPersistentModelIndex
NO_PARENT = QModelIndex()


class InsightRole:
    """Item data roles beyond Qt's own; DisplayRole is the insight's words."""

    DATA = Qt.ItemDataRole.UserRole + 1  # the InsightCardData
    ID = Qt.ItemDataRole.UserRole + 2
    THEMES = Qt.ItemDataRole.UserRole + 3  # [(name, colour), …]
    SOURCE = Qt.ItemDataRole.UserRole + 4  # "From: Session 3 · …", or ""
    LINKED = Qt.ItemDataRole.UserRole + 5  # whether the source reflection can be opened
    PINNED = Qt.ItemDataRole.UserRole + 6
    SHARED = Qt.ItemDataRole.UserRole + 7
    STATE = Qt.ItemDataRole.UserRole + 8  # "Pinned · Private"
    STEP = Qt.ItemDataRole.UserRole + 9  # the small step's words, or ""
    STEP_STATUS = Qt.ItemDataRole.UserRole + 10  # "Trying it", or ""
    LATEST_NOTE = Qt.ItemDataRole.UserRole + 11  # "12 May 2024: Easier today.", or ""
    ORDER = Qt.ItemDataRole.UserRole + 12  # place in the store's order


def _tr(source: str) -> str:
    return QCoreApplication.translate("InsightBoard", source)


def state_words(insight: Insight) -> str:
    """Whether an insight is pinned and shared, in a few words."""
    shared = _tr("Shared with my therapist") if insight.shareable else _tr("Private")
    return fill(_tr("Pinned · %1"), shared) if insight.pinned else shared


def _summary(data: InsightCardData) -> str:
    """All a card says, for a screen reader, beyond its words."""
    names = ", ".join(theme.name for theme in data.themes) or _tr("no themes")
    parts = [fill(_tr("%1. Themes: %2"), state_words(data.insight), names)]
    if data.source:
        parts.append(fill(_tr("From: %1"), data.source))
    if data.commitment is not None:
        parts.append(
            fill(
                _tr("Small step: %1 (%2)"),
                data.commitment.text,
                status_label(data.commitment.status),
            )
        )
    parts.append(_tr("Press Enter to pin, edit, share or add a small step."))
    return " ".join(parts)


PAGE = 24  # rows the list takes at a time: a few screens of cards


class InsightListModel(QAbstractListModel):
    """The insights a `BoardFilter` lets through, in the store's order (pinned first, then
    newest); the list holds the first of them and fetches more as it scrolls."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._board: tuple[InsightCardData, ...] = ()
        self._filter = BoardFilter()
        self._passing: list[InsightCardData] = []  # what the filter lets through, in order
        self._rows: list[InsightCardData] = []  # the first of those: the rows the list holds
        self._wanted = PAGE  # how many rows the list asks to hold
        self._order: dict[InsightId, int] = {}
        self._locale = QLocale()

    # The board and the filter ---------------------------------------------------------------

    def set_board(self, board: BoardData) -> None:
        """Show `board`: remove what went, move what moved, update what changed, add what is
        new (as many rows as the list held before, or more to keep the rows it holds on to)."""
        self._board = board.cards
        self._order = {data.id: place for place, data in enumerate(board.cards)}
        self._refilter(self._wanted)

    def board_filter(self) -> BoardFilter:
        return self._filter

    def set_filter(self, board_filter: BoardFilter) -> None:
        """Show what `board_filter` lets through, from the top (a page of it)."""
        self._filter = board_filter
        self._refilter(PAGE)

    def card_data(self, insight_id: InsightId) -> InsightCardData | None:
        """The insight on the board (shown or not)."""
        place = self._order.get(insight_id)
        return self._board[place] if place is not None else None

    def passing(self) -> list[InsightCardData]:
        """Every insight the filter lets through, top to bottom (held as rows or not yet)."""
        return list(self._passing)

    def passes(self, insight_id: InsightId) -> bool:
        """Whether an insight is on the board and the filter lets it through."""
        data = self.card_data(insight_id)
        return data is not None and self._filter.accepts(data)

    def row_of(self, insight_id: InsightId) -> int | None:
        """The row an insight shows on, if it passes the filter (fetching rows down to it)."""
        for place, data in enumerate(self._passing):
            if data.id == insight_id:
                if place >= len(self._rows):
                    self._wanted = place + 1
                    self._sync(self._passing[: self._wanted])
                return place
        return None

    def fetch(self, rows: int) -> None:
        """Hold `rows` more rows (or as many as are left)."""
        if self.canFetchMore(NO_PARENT):
            self._wanted = len(self._rows) + rows
            self._sync(self._passing[: self._wanted])

    def canFetchMore(self, parent: AnyIndex) -> bool:
        return not parent.isValid() and len(self._rows) < len(self._passing)

    def fetchMore(self, parent: AnyIndex) -> None:
        if not parent.isValid():
            self.fetch(PAGE)

    def _refilter(self, wanted: int) -> None:
        self._passing = [data for data in self._board if self._filter.accepts(data)]
        # Rows the view holds on to (its current row, the open card) stay among the rows.
        places = {data.id: place for place, data in enumerate(self._passing)}
        for index in self.persistentIndexList():
            if index.isValid():
                place = places.get(self._rows[index.row()].id)
                if place is not None:
                    wanted = max(wanted, place + 1)
        self._wanted = wanted
        self._sync(self._passing[:wanted])

    def _sync(self, target: list[InsightCardData]) -> None:
        """Make the rows `target`, in steps the view can follow row by row."""
        wanted = {data.id for data in target}
        row = len(self._rows) - 1
        while row >= 0:  # what went, bottom up, a run of rows at a time
            if self._rows[row].id in wanted:
                row -= 1
                continue
            last = row
            while row > 0 and self._rows[row - 1].id not in wanted:
                row -= 1
            self.beginRemoveRows(NO_PARENT, row, last)
            del self._rows[row : last + 1]
            self.endRemoveRows()
            row -= 1
        self._move_into(target)
        present = {data.id for data in self._rows}
        row = 0
        while row < len(target):  # what is new, a run at a time (the rest is in order now)
            if target[row].id in present:
                row += 1
                continue
            end = row
            while end < len(target) and target[end].id not in present:
                end += 1
            self.beginInsertRows(NO_PARENT, row, end - 1)
            self._rows[row:row] = target[row:end]
            self.endInsertRows()
            row = end
        for row, new in enumerate(target):
            if self._rows[row] is not new:
                changed = self._rows[row] != new
                self._rows[row] = new
                if changed:
                    self.dataChanged.emit(self.index(row), self.index(row))

    def _move_into(self, target: list[InsightCardData]) -> None:
        """Put the rows kept in `target`'s order (a pin moves an insight to the top), carrying
        the view's persistent indexes (current row, open card) along."""
        place = {data.id: number for number, data in enumerate(target)}
        ordered = sorted(self._rows, key=lambda data: place[data.id])
        if all(new is old for new, old in zip(ordered, self._rows, strict=True)):
            return
        self.layoutAboutToBeChanged.emit()
        new_row = {data.id: row for row, data in enumerate(ordered)}
        before = self.persistentIndexList()
        after = [self.index(new_row[self._rows[index.row()].id]) for index in before]
        self._rows = ordered
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    # Rows and roles -------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        data = self._rows[index.row()]
        if role == InsightRole.DATA:  # first: the list asks it of every row at each layout
            return data
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return data.insight.text
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return _summary(data)
        return self._role_data(data, role)

    def _role_data(self, data: InsightCardData, role: int) -> Any:
        insight, step = data.insight, data.commitment
        if role == InsightRole.DATA:
            return data
        if role == InsightRole.ID:
            return int(data.id)
        if role == InsightRole.THEMES:
            return [(theme.name, theme.colour) for theme in data.themes]
        if role == InsightRole.SOURCE:
            return fill(_tr("From: %1"), data.source) if data.source else ""
        if role == InsightRole.LINKED:
            return data.reflection_id is not None and bool(data.source)
        if role == InsightRole.PINNED:
            return insight.pinned
        if role == InsightRole.SHARED:
            return insight.shareable
        if role == InsightRole.STATE:
            return state_words(insight)
        if role == InsightRole.STEP:
            return step.text if step is not None else ""
        if role == InsightRole.STEP_STATUS:
            return status_label(step.status) if step is not None else ""
        if role == InsightRole.LATEST_NOTE:
            return latest_note_words(data, self._locale)
        if role == InsightRole.ORDER:
            return self._order.get(data.id, len(self._order))
        return None


def latest_note_words(data: InsightCardData, locale: QLocale) -> str:
    """ "12 May 2024: Easier today." for the small step's latest note, or ""."""
    if not data.notes:
        return ""
    latest = data.notes[-1]
    return fill(_tr("%1: %2"), day_text(latest.noted_at, locale), latest.text)
