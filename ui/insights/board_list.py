"""The list the insight board shows its cards in: painted rows, and one real card for the
insight the client opened.

Tab reaches the list as one stop; the arrow keys move between insights; Enter or Space (or a
click) opens the current one, which puts an `InsightCard` with every control (pin, edit,
themes, share, the small step) on top of its row, and Tab then walks through that card. The
row grows and shrinks with the card. When focus moves inside the card the list scrolls to
keep it in view. The model hands the list a page of rows at a time as it scrolls down (the
arrow keys and Page Down fetch more on the way; End fetches them all, for the last insight),
and the list lays its rows out again only when one of them changes height. This module never
changes data: it says which insight to open
(`open_requested`) and the board builds and wires the card.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFrame,
    QListView,
    QStyleOptionViewItem,
    QWidget,
)

from ui.insights.delegate import InsightCardDelegate
from ui.insights.model import PAGE, InsightListModel
from ui.widgets.style import space

AnyIndex = QModelIndex | QPersistentModelIndex
END_SLICE = 4 * PAGE  # rows fetched per turn of the event loop on the way to the end
OPEN_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space)


class InsightBoardList(QListView):
    """The board's cards, one row per insight; at most one of them open as a real card."""

    open_requested = Signal(QModelIndex)  # a row of the list's model

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._open: QPersistentModelIndex | None = None
        self._open_height: int | None = None  # the open card's height its row was given
        self._towards_end = QTimer(self)  # End: the next slice of rows on the way down
        self._towards_end.setSingleShot(True)
        self._towards_end.setInterval(0)
        self._towards_end.timeout.connect(self._next_slice_towards_end)
        self.setObjectName("insightBoard")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setUniformItemSizes(False)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.verticalScrollBar().setSingleStep(space(3))
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setMouseTracking(True)
        self.viewport().setCursor(Qt.CursorShape.PointingHandCursor)  # every card opens
        self.viewport().setAutoFillBackground(False)  # the page shows through between cards
        self.board_delegate = InsightCardDelegate(self.viewport(), self.card_at, self)
        self.setItemDelegate(self.board_delegate)
        self.clicked.connect(self._clicked)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_moved)

    # The open card --------------------------------------------------------------------------

    def _open_index(self) -> QModelIndex | None:
        """The open row as a plain index (a persistent one follows the row as it moves)."""
        if self._open is None or not self._open.isValid():
            return None
        return self.model().index(self._open.row(), 0)

    def card_at(self, index: AnyIndex) -> QWidget | None:
        """The real card on this row, if it is the open one."""
        if self._open is None or index.row() != self._open.row():  # asked for every row
            return None
        opened = self._open_index()
        if opened is None or index.row() != opened.row():
            return None
        return self.indexWidget(opened)

    def open_card(self) -> QWidget | None:
        opened = self._open_index()
        return self.indexWidget(opened) if opened is not None else None

    def show_card(self, index: QModelIndex, card: QWidget) -> None:
        """Put `card` on top of the row at `index` (closing any other open card)."""
        self.close_card()
        self._open = QPersistentModelIndex(index)
        card.installEventFilter(self)
        # setIndexWidget lays the rows out again, this one at the card's height.
        self._open_height = card.heightForWidth(self.board_delegate.width())
        self.setIndexWidget(index, card)
        self.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)

    def close_card(self) -> None:
        """Back to a painted row; focus, if it was in the card, returns to the list."""
        opened = self._open_index()
        card = self.open_card()
        self._open = None
        if card is None or opened is None:
            return
        focus = QApplication.focusWidget()
        if focus is not None and card.isAncestorOf(focus):
            self.setCurrentIndex(opened)
            self.setFocus(Qt.FocusReason.OtherFocusReason)
        card.removeEventFilter(self)
        card.hide()
        self.setIndexWidget(opened, None)  # type: ignore[arg-type]  # None removes (and deletes) it
        self.board_delegate.sizeHintChanged.emit(opened)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        opened = self._open_index()
        if (
            event.type() == QEvent.Type.LayoutRequest
            and opened is not None
            and watched is self.indexWidget(opened)
        ):
            self._fit_row_to_card(opened)
        return super().eventFilter(watched, event)

    def _fit_row_to_card(self, opened: QModelIndex) -> None:
        """The card grew or shrank (an editor opened, notes unfolded): so does its row. Only
        then: each new height lays out every row the list holds."""
        card = self.indexWidget(opened)
        height = card.heightForWidth(self.board_delegate.width()) if card is not None else None
        if height != self._open_height:
            self._open_height = height
            self.board_delegate.sizeHintChanged.emit(opened)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.board_delegate.forget_sizes()
        super().changeEvent(event)

    # Keyboard and pointer -------------------------------------------------------------------

    def moveCursor(
        self, action: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier
    ) -> QModelIndex:
        if action == QAbstractItemView.CursorAction.MoveEnd:
            # End means the last insight on the board, not the last row fetched so far. The
            # rows on the way are fetched (and measured) a slice per turn of the event loop,
            # so the window answers all along; any other key or click stops there.
            self._fetch_towards_end()
        return super().moveCursor(action, modifiers)

    def _fetch_towards_end(self) -> None:
        model = self.model()
        if not isinstance(model, InsightListModel):
            return
        model.fetch(END_SLICE)
        if model.canFetchMore(QModelIndex()):
            self._towards_end.start()

    def _next_slice_towards_end(self) -> None:
        self._fetch_towards_end()
        last = self.model().index(self.model().rowCount() - 1, 0)
        if last.isValid():
            self.setCurrentIndex(last)
            self.scrollTo(last, QAbstractItemView.ScrollHint.PositionAtBottom)

    def _stop_towards_end(self) -> None:
        self._towards_end.stop()

    def dataChanged(
        self, top_left: AnyIndex, bottom_right: AnyIndex, roles: Sequence[int] = ()
    ) -> None:
        super().dataChanged(top_left, bottom_right, roles)
        # A card's words or small step changed: its row may need another height. Only then
        # is the list laid out again (that asks every row it holds for its height).
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        for row in range(top_left.row(), bottom_right.row() + 1):
            index = self.model().index(row, 0)
            if self.card_at(index) is not None:
                continue  # the open card's row follows the card (eventFilter)
            height = self.board_delegate.sizeHint(option, index).height()
            if height != self.visualRect(index).height():
                self.board_delegate.sizeHintChanged.emit(index)
                return

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._stop_towards_end()
        super().mousePressEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        self._stop_towards_end()
        current = self.currentIndex()
        if event.key() in OPEN_KEYS and current.isValid() and self.hasFocus():
            self.open_requested.emit(current)
            return
        super().keyPressEvent(event)

    def _clicked(self, index: QModelIndex) -> None:
        if index.isValid() and self.card_at(index) is None:
            self.open_requested.emit(index)

    def _focus_moved(self, _old: QWidget | None, new: QWidget | None) -> None:
        """Keep the focused control of the open card in view as Tab walks through it."""
        card = self.open_card()
        if new is None or card is None or not card.isAncestorOf(new):
            return
        top = new.mapTo(self.viewport(), new.rect().topLeft()).y() - space(2)
        bottom = new.mapTo(self.viewport(), new.rect().bottomLeft()).y() + space(2)
        bar = self.verticalScrollBar()
        if top < 0:
            bar.setValue(bar.value() + top)
        elif bottom > self.viewport().height():
            bar.setValue(bar.value() + bottom - self.viewport().height())
