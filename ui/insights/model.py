"""The Qt item models behind the insight board.

`InsightListModel` holds one row per insight (an `InsightCardData` from `board_data`) and
offers what a card shows through roles: words, themes, where it came from, pinned, shared,
the small step and its latest note. A new board is merged in row by row (changed rows report
`dataChanged`, gone ones are removed, new ones added), so the view keeps its current row and
the one open card across a refresh. `InsightFilterProxy` shows all, pinned or shared
insights, or those of one theme, in the store's order (pinned first, then newest).

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
    QSortFilterProxyModel,
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


class InsightListModel(QAbstractListModel):
    """Every live insight, one row each, in the order the store gives them."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[InsightCardData] = []
        self._order: dict[InsightId, int] = {}
        self._locale = QLocale()

    def set_board(self, board: BoardData) -> None:
        """Show `board`: remove what went, update what changed, add what is new."""
        self._order = {data.id: place for place, data in enumerate(board.cards)}
        wanted = {data.id: data for data in board.cards}
        for row in range(len(self._rows) - 1, -1, -1):
            if self._rows[row].id not in wanted:
                self.beginRemoveRows(NO_PARENT, row, row)
                del self._rows[row]
                self.endRemoveRows()
        known = set()
        for row, old in enumerate(self._rows):
            known.add(old.id)
            new = wanted[old.id]
            self._rows[row] = new
            # The order role changes with any pin elsewhere, so every row reports a change;
            # the proxy re-sorts and keeps each row's place (and the open card) with it.
            self.dataChanged.emit(self.index(row), self.index(row))
        fresh = [data for data in board.cards if data.id not in known]
        if fresh:
            start = len(self._rows)
            self.beginInsertRows(NO_PARENT, start, start + len(fresh) - 1)
            self._rows.extend(fresh)
            self.endInsertRows()

    def card_data(self, insight_id: InsightId) -> InsightCardData | None:
        for data in self._rows:
            if data.id == insight_id:
                return data
        return None

    def rowCount(self, parent: AnyIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        data = self._rows[index.row()]
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
            if not data.notes:
                return ""
            latest = data.notes[-1]
            return fill(_tr("%1: %2"), day_text(latest.noted_at, self._locale), latest.text)
        if role == InsightRole.ORDER:
            return self._order.get(data.id, len(self._order))
        return None


class InsightFilterProxy(QSortFilterProxyModel):
    """The insights a `BoardFilter` lets through, pinned first, then newest."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._filter = BoardFilter()
        self.setSortRole(InsightRole.ORDER)
        self.setDynamicSortFilter(True)
        self.sort(0)

    def board_filter(self) -> BoardFilter:
        return self._filter

    def set_filter(self, board_filter: BoardFilter) -> None:
        self.beginFilterChange()
        self._filter = board_filter
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        model = self.sourceModel()
        data = model.index(source_row, 0, source_parent).data(InsightRole.DATA)
        return isinstance(data, InsightCardData) and self._filter.accepts(data)

    def lessThan(self, left: AnyIndex, right: AnyIndex) -> bool:
        return int(left.data(InsightRole.ORDER)) < int(right.data(InsightRole.ORDER))

    def row_of(self, insight_id: InsightId) -> int | None:
        """Where an insight shows now, if it shows."""
        for row in range(self.rowCount()):
            if self.index(row, 0).data(InsightRole.ID) == insight_id:
                return row
        return None
