"""Insights: the board of everything the client wants to carry forward, as cards.

Pinned insights come first, then the newest. A filter row narrows the board to pinned or
shared insights, or to one theme. The board is a `QListView` over `InsightListModel` (see
`model.py`), which filters in memory and hands the list a page of rows at a time as it
scrolls; cards are painted, and the one the client opens (Enter, Space or a click) becomes a
real `InsightCard` with every control. Every change a card asks for (words, pin, sharing,
themes, how a small step is going, moving to recently deleted) is an operation on the board's
QUndoStack, so Ctrl+Z and Ctrl+Shift+Z (or Ctrl+Y) take it back and forth. After such a change
only that insight is read again (`with_insight_reloaded`); a change elsewhere reloads the
board. After a change the view emits `data_changed("insights")`; it never reaches into other
views. Opening the reflection an insight came from is the window's business
(`open_reflection_requested`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kapcompanion.domain import CommitmentStatus, Theme
from kapcompanion.errors import EntryRefusedError, KapError
from kapcompanion.ids import CommitmentId, InsightId
from kapcompanion.wording.translation import fill
from ui.changes import DataKind
from ui.insights.board_data import (
    BoardData,
    BoardFilter,
    InsightCardData,
    ShowOnly,
    load_board,
    with_insight_reloaded,
)
from ui.insights.board_list import InsightBoardList
from ui.insights.card import InsightCard
from ui.insights.model import InsightListModel, InsightRole
from ui.insights.style import SEGMENT
from ui.operations.base import Reports
from ui.operations.insights import (
    EditInsightText,
    InsightCommand,
    MoveInsightToRecentlyDeleted,
    PinInsight,
    RethemeInsight,
    SetCommitmentStatus,
    ShareInsight,
)
from ui.widgets.building_blocks import card, text
from ui.widgets.error_messages import describe, show_message
from ui.widgets.flow_layout import FlowLayout
from ui.widgets.focus import chain_tab_order
from ui.widgets.page_frame import HeaderedPage, PageHeader
from ui.widgets.screen import Screen
from ui.widgets.style import space
from ui.widgets.undo_buttons import UndoButtons
from ui.widgets.wording import short_words

if TYPE_CHECKING:
    from kapcompanion.store import Store


class InsightsView(Screen):
    """The insight board. Give it a store with `set_store`; `refresh` reloads from it."""

    # A card names the session and reflection it came from, and its themes.
    depends_on = frozenset(
        {DataKind.INSIGHTS, DataKind.THEMES, DataKind.REFLECTIONS, DataKind.SESSIONS}
    )
    open_reflection_requested = Signal(int)  # a reflection's id
    reflect_requested = Signal()  # from the empty board: begin a reflection

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Insights"))
        self._board = BoardData((), ())
        self._last_change_failed = False
        self.undo_buttons = UndoButtons(self)
        self.undo_stack = self.undo_buttons.stack
        self.undo_stack.indexChanged.connect(self._stack_moved)
        self.model = InsightListModel(self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.page = HeaderedPage(scrolling=False)
        layout.addWidget(self.page)
        self._build_header()
        self._build_body()

    # Building -------------------------------------------------------------------------------

    def _build_header(self) -> None:
        self.undo_button = self.undo_buttons.undo_button
        self.redo_button = self.undo_buttons.redo_button
        self.header = PageHeader((self.undo_button, self.redo_button))
        self.header.set_words(
            self.tr("Insights"),
            self.tr("What you want to carry forward. Pinned ones stay at the top."),
        )
        self.page.set_header(self.header)

        self.filter_row = QWidget()
        flow = FlowLayout(self.filter_row, spacing=space(1))
        self.filter_row.setContentsMargins(0, space(2), 0, 0)
        self.show_group = QButtonGroup(self)
        self.show_group.setExclusive(True)
        self.show_buttons: dict[ShowOnly, QPushButton] = {}
        segments = (
            (ShowOnly.ALL, self.tr("All"), self.tr("Show all insights")),
            (ShowOnly.PINNED, self.tr("Pinned"), self.tr("Show pinned insights")),
            (
                ShowOnly.SHARED,
                self.tr("Shared"),
                self.tr("Show insights shared with my therapist"),
            ),
        )
        for show, label, name in segments:
            button = QPushButton(label)
            button.setObjectName(SEGMENT)
            button.setCheckable(True)
            button.setAccessibleName(name)
            self.show_group.addButton(button)
            self.show_buttons[show] = button
            button.clicked.connect(lambda _checked=False, show=show: self.set_show(show))
            flow.addWidget(button)
        self.show_buttons[ShowOnly.ALL].setChecked(True)
        self.theme_box = QComboBox()
        self.theme_box.setAccessibleName(self.tr("Show insights with this theme"))
        self.theme_box.addItem(self.tr("Any theme"), None)
        self.theme_box.currentIndexChanged.connect(self._theme_filter_chosen)
        flow.addWidget(self.theme_box)
        self.page.header_slot.addWidget(self.filter_row)

    def _build_body(self) -> None:
        body = self.page.body
        body.setSpacing(space(2))
        self.notice = text("", "muted")
        self.notice.hide()
        body.addWidget(self.notice)

        self.empty_card, empty_layout = card()
        self.empty_text = text("", "reading")
        empty_layout.addWidget(self.empty_text)
        empty_row = QHBoxLayout()
        empty_row.setContentsMargins(0, space(1), 0, 0)
        self.empty_button = QPushButton()
        self.empty_button.clicked.connect(self._empty_action)
        empty_row.addWidget(self.empty_button)
        empty_row.addStretch(1)
        empty_layout.addLayout(empty_row)
        self.empty_card.hide()
        body.addWidget(self.empty_card)

        self.board_list = InsightBoardList()
        self.board_list.setAccessibleName(self.tr("Insights"))
        self.board_list.setAccessibleDescription(
            self.tr("Arrow keys move between insights; Enter opens one to change it.")
        )
        self.board_list.setModel(self.model)
        self.board_list.open_requested.connect(self._open_index)
        body.addWidget(self.board_list, 1)
        # Takes the room while the board is hidden, so the empty card stays its own size.
        body.addStretch(0)
        chain_tab_order(
            [
                self.undo_button,
                self.redo_button,
                *self.show_buttons.values(),
                self.theme_box,
                self.empty_button,
                self.board_list,
            ]
        )

    # Store and refreshing -------------------------------------------------------------------

    def set_store(self, store: Store) -> None:
        if store is not self._store:
            self.undo_buttons.clear()
            self.board_list.close_card()
        super().set_store(store)

    def load_from_store(self) -> None:
        """Reload the board from the store; the open card and the current row stay."""
        self._reload()

    def _reload(self, *, force: bool = False, only: InsightId | None = None) -> None:
        """Reload from the store and show it; `force` resets the open card's controls too
        (after a refused change, a tick box may show what the store does not hold). `only`
        reads just that insight again, after a change to it alone."""
        if self._store is None:
            return
        focus = QApplication.focusWidget()
        had_focus = focus is not None and self.isAncestorOf(focus)
        card_before = self.open_card()
        in_card = card_before is not None and focus is not None and card_before.isAncestorOf(focus)
        at = self.board_list.currentIndex().row()
        if only is None:
            self._board = load_board(self._store)
        else:
            self._board = with_insight_reloaded(self._store, self._board, only)
        self.model.set_board(self._board)
        self._fill_theme_filter()
        self._show_open_card(force=force)
        self._show_empty_state()
        # The open card went with its row (moved to deleted, or filtered out): focus goes to
        # the insight that took its place, never to wherever Qt passed it on.
        card_gone = in_card and self.open_card() is None
        if had_focus and (card_gone or not self._focus_is_inside()):
            self._focus_row(at)

    def shown_insights(self) -> list[InsightCardData]:
        """The insights on show, top to bottom (the list takes the lower ones as it scrolls)."""
        return self.model.passing()

    def rows(self) -> int:
        """How many insights are on show."""
        return len(self.model.passing())

    def open_card(self) -> InsightCard | None:
        """The insight opened as a real card, if one is."""
        shown = self.board_list.open_card()
        return shown if isinstance(shown, InsightCard) else None

    def _fill_theme_filter(self) -> None:
        chosen = self.model.board_filter().theme_key
        themes = self._board.themes_in_use()
        if chosen is not None and chosen not in {theme.key for theme in themes}:
            themes += [theme for theme in self._board.themes if theme.key == chosen]
        self.theme_box.blockSignals(True)
        while self.theme_box.count() > 1:
            self.theme_box.removeItem(1)
        for theme in themes:
            self.theme_box.addItem(theme.name, theme.key)
        index = self.theme_box.findData(chosen) if chosen is not None else 0
        self.theme_box.setCurrentIndex(max(index, 0))
        self.theme_box.blockSignals(False)

    def _show_open_card(self, *, force: bool) -> None:
        shown = self.open_card()
        if shown is None:
            return
        data = self.model.card_data(shown.data.id)
        if data is None:
            return
        if force:
            shown.set_data(data, self._board.themes)
        else:
            shown.update_data(data, self._board.themes)

    def _focus_is_inside(self) -> bool:
        focus = QApplication.focusWidget()
        return focus is not None and focus.isVisible() and self.isAncestorOf(focus)

    def _focus_row(self, row: int) -> None:
        """Put focus on the list at `row` (or its last row), else on the empty card's button."""
        if self.model.rowCount():
            index = self.model.index(min(max(row, 0), self.model.rowCount() - 1), 0)
            self.board_list.setCurrentIndex(index)
            self.board_list.setFocus(Qt.FocusReason.OtherFocusReason)
        elif self.empty_card.isVisibleTo(self):
            self.empty_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_empty_state(self) -> None:
        anything_shown = self.rows() > 0
        nothing_at_all = not self._board.cards
        self.filter_row.setVisible(not nothing_at_all)
        self.empty_card.setVisible(not anything_shown)
        self.board_list.setVisible(anything_shown)
        if anything_shown:
            return
        if nothing_at_all:
            words = self.tr(
                "Things you want to carry forward will appear here. They come from the end of "
                "each reflection."
            )
            action = self.tr("Begin a reflection")
        else:
            words = self._nothing_matches_words()
            action = self.tr("Show all insights")
        self.empty_text.setText(words)
        self.empty_button.setText(action)
        self.empty_button.setAccessibleName(action)

    def _nothing_matches_words(self) -> str:
        board_filter = self.model.board_filter()
        if board_filter.theme_key is not None:
            if board_filter.show is not ShowOnly.ALL:
                return self.tr("No insights match what you chose. You can show them all again.")
            return self.tr("No insights here carry this theme. You can show them all again.")
        if board_filter.show is ShowOnly.PINNED:
            return self.tr(
                "Nothing is pinned yet. You can pin an insight to keep it at the top of the board."
            )
        return self.tr(
            "Nothing is shared with your therapist yet. Insights stay private unless you choose "
            "to share them."
        )

    def _empty_action(self) -> None:
        if self._board.cards:
            self.set_filter(BoardFilter())
            self._focus_row(0)
        else:
            self.reflect_requested.emit()

    # Opening an insight ---------------------------------------------------------------------

    def open_insight(self, insight_id: int) -> InsightCard | None:
        """Open an insight as a real card (if it is on show) and put focus on it."""
        row = self.model.row_of(InsightId(insight_id))
        if row is None:
            return None
        self._open_index(self.model.index(row, 0))
        return self.open_card()

    def _open_index(self, index: QModelIndex) -> None:
        data = index.data(InsightRole.DATA)
        if not isinstance(data, InsightCardData):
            return
        self.board_list.setCurrentIndex(index)
        shown = self.open_card()
        if shown is None or shown.data.id != data.id:
            shown = self._make_card(data)
            self.board_list.show_card(index, shown)
            chain_tab_order([self.board_list, *shown.focus_chain()])
        shown.first_control().setFocus(Qt.FocusReason.OtherFocusReason)

    def _make_card(self, data: InsightCardData) -> InsightCard:
        made = InsightCard(data, self._board.themes, self._create_theme)
        made.pin_requested.connect(self._pin)
        made.share_requested.connect(self._share)
        made.text_edited.connect(self._edit_text)
        made.themes_chosen.connect(self._retheme)
        made.delete_requested.connect(self._move_to_recently_deleted)
        made.open_reflection_requested.connect(self.open_reflection_requested)
        made.commitment_added.connect(self._add_commitment)
        made.status_chosen.connect(self._set_status)
        made.note_added.connect(self._add_note)
        made.close_requested.connect(self.board_list.close_card)
        return made

    # Filters --------------------------------------------------------------------------------

    def board_filter(self) -> BoardFilter:
        return self.model.board_filter()

    def set_filter(self, board_filter: BoardFilter) -> None:
        self.model.set_filter(board_filter)
        self.show_buttons[board_filter.show].setChecked(True)
        self._fill_theme_filter()
        self._show_empty_state()

    def set_show(self, show: ShowOnly) -> None:
        self.set_filter(BoardFilter(show, self.model.board_filter().theme_key))

    def _theme_filter_chosen(self, index: int) -> None:
        key = self.theme_box.itemData(index) if index >= 0 else None
        self.set_filter(BoardFilter(self.model.board_filter().show, str(key) if key else None))

    # Undo and redo --------------------------------------------------------------------------

    def undo(self) -> None:
        self.undo_buttons.undo()

    def redo(self) -> None:
        self.undo_buttons.redo()

    def _stack_moved(self, _index: int) -> None:
        self.notice.hide()

    def _reports(self) -> Reports[InsightId]:
        return Reports(self._changed, self._failed)

    def _push(self, command: InsightCommand) -> bool:
        """Do `command` (undoably); False if the store refused it."""
        self._last_change_failed = False
        self.undo_stack.push(command)
        return not self._last_change_failed

    def _changed(self, insight_id: InsightId) -> None:
        shown_before = self.model.passes(insight_id)
        self._reload(only=insight_id)
        row = None if shown_before else self.model.row_of(insight_id)
        if row is not None and not shown_before and self._focus_is_inside():
            self._focus_row(row)  # it came back (an undone move): go to it
        self.announce(InsightCommand.data_kind)

    def _failed(self, error: Exception, _insight_id: InsightId | None = None) -> None:
        self._last_change_failed = True
        if isinstance(error, LookupError):
            title = self.tr("This insight is no longer here")
            message = self.tr(
                "It may have been moved to recently deleted from another screen. Nothing else "
                "was changed."
            )
        else:
            title = self.tr("This change was not saved")
            reason = describe(error)[1] if isinstance(error, KapError) else str(error)
            message = fill(self.tr("%1\n\nNothing you wrote was lost."), reason)
        self._reload(force=True)
        show_message(self, title, message)

    # What the open card asks for ------------------------------------------------------------

    def _data(self, insight_id: int) -> InsightCardData | None:
        return self.model.card_data(InsightId(insight_id))

    def _pin(self, insight_id: int, pinned: bool) -> None:
        data = self._data(insight_id)
        if data is not None and self._store is not None:
            self._push(PinInsight(self._store, data.insight, pinned, self._reports()))

    def _share(self, insight_id: int, shared: bool) -> None:
        data = self._data(insight_id)
        if data is not None and self._store is not None:
            self._push(ShareInsight(self._store, data.insight, shared, self._reports()))

    def _edit_text(self, insight_id: int, words: str) -> None:
        data = self._data(insight_id)
        if data is None or self._store is None:
            return
        if not self._push(EditInsightText(self._store, data.insight, words, self._reports())):
            shown = self.open_card()
            if shown is not None and shown.data.id == insight_id:
                shown.start_editing(draft=words)  # the words are kept, not lost

    def _retheme(self, insight_id: int, keys: list[str]) -> None:
        data = self._data(insight_id)
        if data is None or self._store is None:
            return
        themes = (data.theme_keys, keys)
        if not self._push(RethemeInsight(self._store, data.insight, themes, self._reports())):
            shown = self.open_card()
            if shown is not None and shown.data.id == insight_id:
                shown.start_theming(selected=keys)

    def _set_status(self, insight_id: int, _commitment_id: int, status: str) -> None:
        data = self._data(insight_id)
        if data is None or data.commitment is None or self._store is None:
            return
        step, chosen = data.commitment, CommitmentStatus(status)
        self._push(SetCommitmentStatus(self._store, step, chosen, self._reports()))

    def _move_to_recently_deleted(self, insight_id: int) -> None:
        data = self._data(insight_id)
        if data is None or self._store is None:
            return
        if self._push(MoveInsightToRecentlyDeleted(self._store, data.insight, self._reports())):
            self.notice.setText(
                fill(
                    self.tr(
                        "“%1” is in recently deleted now. You can undo this, or bring it back "
                        "from there within 30 days."
                    ),
                    short_words(data.insight.text),
                )
            )
            self.notice.show()

    def _add_commitment(self, insight_id: int, words: str) -> None:
        if self._store is None:
            return
        try:
            self._store.insights.add_commitment(InsightId(insight_id), words)
        except KapError as error:  # a calm message, never a traceback
            self._failed(error)
            return
        self._changed(InsightId(insight_id))

    def _add_note(self, insight_id: int, commitment_id: int, words: str) -> None:
        if self._store is None:
            return
        try:
            self._store.insights.add_commitment_note(CommitmentId(commitment_id), words)
        except KapError as error:  # a calm message, never a traceback
            self._failed(error)
            return
        shown = self.open_card()
        if shown is not None and shown.data.id == insight_id:
            shown.commitment_editor.note_saved()
        self._changed(InsightId(insight_id))

    def _create_theme(self, name: str) -> Theme:
        """A theme of the client's own, for the theme picker (a KapError if it can't be)."""
        if self._store is None:
            raise EntryRefusedError(self.tr("Your entries are not open just now."))
        theme = self._store.themes.add(name)
        self._reload()
        self.announce(DataKind.THEMES)
        return theme
