"""A checklist for the printout: which of the reflections (or insights) in the period go in.

A list of check marks (a model of its own in a QListView: a row's words are put together only
when it is first shown, so ten years of reflections are offered at once), with
"Select all" and "Select none" above it and one quiet sentence in its place when there is
nothing to choose. Space ticks the current row; a click anywhere on a row ticks it. What the
client ticks or unticks is remembered while the screen lives, so changing the period and back
keeps their choices; rows they have not touched follow what the screen pre-selects.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QMouseEvent,
    QPainter,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QListView,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from ui.widgets.building_blocks import text
from ui.widgets.row_painting import LINE_GAP, paint_row_background, row_fonts
from ui.widgets.style import ink_on, space, tokens

AnyIndex = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole + 1
UUID_ROLE = Qt.ItemDataRole.UserRole + 3
HEADING_ROLE = Qt.ItemDataRole.UserRole + 2  # a quiet line above the row's words
VISIBLE_ROWS = 6  # the list scrolls beyond this many rows
ROW_PADDING = space(1)
BOX = 18  # the check box, the size of the app's own (14 px inside a 2 px line)
BOX_LINE = 2
CHECKED, UNCHECKED = Qt.CheckState.Checked, Qt.CheckState.Unchecked
TICK_POINTS = ((3.0, 7.3), (5.9, 10.0), (11.0, 4.2))  # on a 14-unit square, as the icon


@dataclass(frozen=True)
class Choice:
    """One row: the id it stands for, its uuid (what the client's ticks are remembered by:
    a row id can come back for a new item once an old one is deleted for good), its words
    (with a quiet heading line above them, if any) and what a screen reader says for it."""

    id: int
    uuid: str
    shown: str
    spoken: str
    heading: str = ""


@dataclass(frozen=True)
class Offered:
    """One row before its words are put together: the id it stands for and its uuid."""

    id: int
    uuid: str


Describe = Callable[[int], Choice]  # the row (from 0) of what was offered, in words


class ChoiceModel(QAbstractListModel):
    """The rows on offer and their ticks. A row's words (`describe`) are asked for only when
    the list first shows or reads out that row, then kept."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._offered: list[Offered] = []
        self._ticked: list[bool] = []
        self._describe: Describe = _nothing_to_describe
        self._described: dict[int, Choice] = {}
        self.ticked_by_hand: Callable[[int], None] = lambda _row: None

    def offer(self, offered: Sequence[Offered], ticked: list[bool], describe: Describe) -> None:
        self.beginResetModel()
        self._offered, self._ticked = list(offered), ticked
        self._describe, self._described = describe, {}
        self.endResetModel()

    def offered(self, row: int) -> Offered:
        return self._offered[row]

    def is_ticked(self, row: int) -> bool:
        return self._ticked[row]

    def tick_all(self, ticked: list[bool]) -> None:
        """Tick each row as `ticked` says (one change for all of them)."""
        self._ticked = ticked
        if ticked:
            last = self.index(len(ticked) - 1, 0)
            self.dataChanged.emit(self.index(0, 0), last, [Qt.ItemDataRole.CheckStateRole])

    def choice(self, row: int) -> Choice:
        choice = self._described.get(row)
        if choice is None:
            choice = self._described[row] = self._describe(row)
        return choice

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008  (Qt's own default)
        return 0 if parent.isValid() else len(self._offered)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsUserCheckable
        )

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._offered):
            return None
        row = index.row()
        if role == Qt.ItemDataRole.CheckStateRole:
            return (CHECKED if self._ticked[row] else UNCHECKED).value
        if role == ID_ROLE:
            return self._offered[row].id
        if role == UUID_ROLE:
            return self._offered[row].uuid
        if role == Qt.ItemDataRole.DisplayRole:
            return self.choice(row).shown
        if role == HEADING_ROLE:
            return self.choice(row).heading
        if role in (Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            return self.choice(row).spoken
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        state = value.value if isinstance(value, Qt.CheckState) else int(value)
        self._ticked[index.row()] = state == CHECKED.value
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.ticked_by_hand(index.row())
        return True


def _nothing_to_describe(row: int) -> Choice:
    raise IndexError(row)


@dataclass(frozen=True)
class ChoiceListWords:
    """What one checklist is called and says."""

    title: str
    list_name: str  # the list's accessible name
    all_name: str  # "Select all"'s accessible name
    none_name: str  # "Select none"'s accessible name
    empty: str  # in place of the list when the period has nothing to choose
    none_yet: str  # in its place when the course has nothing to choose at all yet


class _ChoiceRows(QStyledItemDelegate):
    """Rows drawn like the app's other lists (a ring where the keyboard is, a soft shade
    under the pointer): a check box, a quiet heading line if the row has one, and its words
    on one line, shortened with "…" when the list is narrow. A click anywhere on a row ticks
    or unticks it, not only on its small box."""

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont]:
        _title, body, small = row_fonts(option.font)
        return small, body

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        small, body = self._fonts(option)
        height = QFontMetrics(body).height()
        if index.data(HEADING_ROLE):
            height += QFontMetrics(small).height() + LINE_GAP
        return QSize(space(20), height + 2 * ROW_PADDING)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        shown = QStyleOptionViewItem(option)
        self.initStyleOption(shown, index)
        widget = shown.widget
        painter.save()
        paint_row_background(painter, shown.rect, shown.palette, shown.state)

        enabled = bool(shown.state & QStyle.StateFlag.State_Enabled) and (
            widget is None or widget.isEnabled()
        )
        # Greyed out, both lines take the quiet colour (the stylesheet gives every text role
        # one colour whatever the state).
        quiet = shown.palette.color(QPalette.ColorRole.PlaceholderText)
        area = shown.rect.adjusted(ROW_PADDING, ROW_PADDING, -ROW_PADDING, -ROW_PADDING)
        box = QRect(area.left(), area.top() + (area.height() - BOX) // 2, BOX, BOX)
        checked = index.data(Qt.ItemDataRole.CheckStateRole) == CHECKED.value
        self._box(painter, box, checked, enabled, shown.palette)
        words_area = area.adjusted(BOX + space(1), 0, 0, 0)
        small, body = self._fonts(shown)
        top = words_area.top()
        heading = str(index.data(HEADING_ROLE) or "")
        if heading:
            top = self._line(
                painter,
                words_area,
                top,
                heading,
                small,
                quiet,
            )
            top += LINE_GAP
        self._line(
            painter,
            words_area,
            top,
            str(index.data(Qt.ItemDataRole.DisplayRole) or ""),
            body,
            shown.palette.color(QPalette.ColorRole.Text) if enabled else quiet,
        )
        painter.restore()

    @staticmethod
    def _box(
        painter: QPainter, rect: QRect, checked: bool, enabled: bool, palette: QPalette
    ) -> None:
        """The check box, as the app's own check boxes look: an outlined square, filled with
        the accent colour when ticked (quiet colours when greyed out)."""
        quiet = palette.color(QPalette.ColorRole.PlaceholderText)
        ink = palette.color(QPalette.ColorRole.Accent) if enabled else quiet
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(ink if checked else quiet)
        pen.setWidth(BOX_LINE)
        painter.setPen(pen)
        painter.setBrush(ink if checked else palette.color(QPalette.ColorRole.Base))
        half = BOX_LINE / 2
        radius = tokens().radius["control"] / 2
        painter.drawRoundedRect(QRectF(rect).adjusted(half, half, -half, -half), radius, radius)
        if checked:  # the tick the app's check boxes show (resources/icons/check-*.svg)
            inside = QRectF(rect).adjusted(BOX_LINE, BOX_LINE, -BOX_LINE, -BOX_LINE)
            step = inside.width() / 14  # the icon's 14 units fill the box inside its border
            tick = QPen(ink_on(ink))
            tick.setWidthF(2.2 * step)
            tick.setCapStyle(Qt.PenCapStyle.RoundCap)
            tick.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            painter.setPen(tick)
            painter.drawPolyline(
                [QPointF(inside.left() + x * step, inside.top() + y * step) for x, y in TICK_POINTS]
            )

    @staticmethod
    def _line(
        painter: QPainter, area: QRect, top: int, words: str, font: QFont, colour: QColor
    ) -> int:
        """Draw `words` on one line from `top`, shortened to fit; the bottom of the line."""
        metrics = QFontMetrics(font)
        painter.setFont(font)
        painter.setPen(colour)
        shortened = metrics.elidedText(words, Qt.TextElideMode.ElideRight, area.width())
        line = QRect(area.left(), top, area.width(), metrics.height())
        painter.drawText(
            line, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), shortened
        )
        return line.bottom() + 1

    def editorEvent(
        self,
        event: QEvent,
        model: QAbstractItemModel,
        option: QStyleOptionViewItem,
        index: AnyIndex,
    ) -> bool:
        if (
            event.type() == QEvent.Type.MouseButtonRelease
            and isinstance(event, QMouseEvent)
            and event.button() == Qt.MouseButton.LeftButton
            and index.flags() & Qt.ItemFlag.ItemIsUserCheckable
            and index.flags() & Qt.ItemFlag.ItemIsEnabled
            and option.rect.contains(event.position().toPoint())
        ):
            checked = index.data(Qt.ItemDataRole.CheckStateRole) == CHECKED.value
            model.setData(
                index, (UNCHECKED if checked else CHECKED).value, Qt.ItemDataRole.CheckStateRole
            )
            return True
        return super().editorEvent(event, model, option, index)


class ChoiceList(QWidget):
    """Check marks for the reflections or insights on offer; `chosen()` is what is ticked."""

    changed = Signal()

    def __init__(self, words: ChoiceListWords, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(words.title)
        self._overrides: dict[str, bool] = {}  # by uuid
        # The ids ticked, kept as they change: reading every row's tick took 30 ms a time
        # with 1,500 rows, and the summary asks after every change.
        self._chosen: set[int] = set()

        self.model = ChoiceModel(self)
        self.model.ticked_by_hand = self._ticked
        self.view = QListView()
        self.view.setAccessibleName(words.list_name)
        self.view.setModel(self.model)
        self.view.setItemDelegate(_ChoiceRows(self.view))
        self.view.setUniformItemSizes(True)  # every row has the same lines: quick to lay out
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.setWordWrap(False)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)

        self.all_button = QPushButton(self.tr("Select all"))
        self.all_button.setAccessibleName(words.all_name)
        self.all_button.clicked.connect(self.select_all)
        self.none_button = QPushButton(self.tr("Select none"))
        self.none_button.setAccessibleName(words.none_name)
        self.none_button.clicked.connect(self.select_none)
        for button in (self.all_button, self.none_button):
            button.setObjectName("cardAction")

        self.title = text(words.title, "insightSection")
        self.words = words
        self.empty_text = text(words.empty, "muted")
        self.empty_text.hide()
        self.inactive_text = text("", "muted")
        self.inactive_text.hide()

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.setSpacing(space(1))
        top.addWidget(self.title, 1)
        top.addWidget(self.all_button)
        top.addWidget(self.none_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(space(1))
        layout.addLayout(top)
        layout.addWidget(self.inactive_text)
        layout.addWidget(self.view)
        layout.addWidget(self.empty_text)
        QWidget.setTabOrder(self.all_button, self.none_button)
        QWidget.setTabOrder(self.none_button, self.view)

    # Filling -----------------------------------------------------------------------------------

    def set_choices(
        self, offered: Sequence[Offered], preselected: Collection[int], describe: Describe
    ) -> None:
        """Offer `offered`, ticking those in `preselected` unless the client chose otherwise;
        `describe` puts a row into words when it is first shown."""
        ticked = [self._overrides.get(each.uuid, each.id in preselected) for each in offered]
        self._chosen = {each.id for each, tick in zip(offered, ticked, strict=True) if tick}
        self.model.offer(offered, ticked, describe)
        if offered:
            # Tab lands on a row, so Space has something to tick.
            self.view.setCurrentIndex(self.model.index(0, 0))
        self._show_state()
        self.changed.emit()

    def set_empty_words(self, words: str) -> None:
        """Say `words` in place of the list while there is nothing to choose."""
        self.empty_text.setText(words)

    def forget_choices(self) -> None:
        """Forget what the client ticked or unticked (the next `set_choices` pre-selects)."""
        self._overrides.clear()

    def set_active(self, active: bool, note: str = "") -> None:
        """Let the client choose, or (with `note` saying why) show the rows greyed out."""
        self.inactive_text.setText(note)
        self.inactive_text.setVisible(not active and bool(note))
        self.view.setEnabled(active)
        self._show_state()

    # Reading and choosing ----------------------------------------------------------------------

    def ids(self) -> list[int]:
        """Every id on offer, in the list's order."""
        return [self.model.offered(row).id for row in range(self.model.rowCount())]

    def chosen(self) -> frozenset[int]:
        """The ids ticked."""
        return frozenset(self._chosen)

    def choose(self, ids: Collection[int]) -> None:
        """Tick exactly `ids` (one `changed` at the end), as if the client had."""
        offered = [self.model.offered(row) for row in range(self.model.rowCount())]
        ticked = [each.id in ids for each in offered]
        for each, tick in zip(offered, ticked, strict=True):
            self._overrides[each.uuid] = tick
        self._chosen = {each.id for each, tick in zip(offered, ticked, strict=True) if tick}
        self.model.tick_all(ticked)
        self.changed.emit()

    def select_all(self) -> None:
        self.choose(self.ids())

    def select_none(self) -> None:
        self.choose(())

    # Reacting ----------------------------------------------------------------------------------

    def _ticked(self, row: int) -> None:
        offered, ticked = self.model.offered(row), self.model.is_ticked(row)
        self._overrides[offered.uuid] = ticked
        (self._chosen.add if ticked else self._chosen.discard)(offered.id)
        self.changed.emit()

    def _show_state(self) -> None:
        rows = self.model.rowCount()
        self.view.setVisible(rows > 0)
        self.empty_text.setVisible(rows == 0)
        for button in (self.all_button, self.none_button):
            button.setVisible(rows > 0)
            button.setEnabled(self.view.isEnabled())
        if rows:
            shown = min(rows, VISIBLE_ROWS)
            frame = 2 * self.view.frameWidth()
            self.view.setFixedHeight(shown * self.view.sizeHintForRow(0) + frame)
