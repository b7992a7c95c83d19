"""Insights: the board of everything the client wants to carry forward, as cards.

Pinned insights come first, then the newest. A filter row narrows the board to pinned or
shared insights, or to one theme. Every change a card asks for (words, pin, sharing, themes,
how a small step is going, moving to recently deleted) is a command on the board's
QUndoStack, so Ctrl+Z and Ctrl+Shift+Z (or Ctrl+Y) take it back and forth. After a change the
view announces `data_changed(DataKind.INSIGHTS)`; it never reaches into other views. Opening the
reflection an insight came from is the window's business (`open_reflection_requested`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QUndoStack
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
from kapcompanion.ids import CommitmentId, InsightId
from kapcompanion.wording.translation import fill
from ui.changes import DataKind
from ui.insights.board_data import (
    BoardData,
    BoardFilter,
    InsightCardData,
    ShowOnly,
    load_board,
)
from ui.insights.card import InsightCard
from ui.insights.style import SEGMENT
from ui.operations.insights import (
    CommandContext,
    EditInsightText,
    InsightCommand,
    MoveInsightToRecentlyDeleted,
    PinInsight,
    RethemeInsight,
    SetCommitmentStatus,
    ShareInsight,
    store_refusals,
)
from ui.widgets.building_blocks import card, text
from ui.widgets.error_messages import show_message
from ui.widgets.flow_layout import FlowLayout
from ui.widgets.focus import chain_tab_order
from ui.widgets.page_frame import HeaderedPage, PageHeader
from ui.widgets.screen import Screen
from ui.widgets.style import space
from ui.widgets.wording import short_words

if TYPE_CHECKING:
    from kapcompanion.store import Store

PAGE_SIZE = 30  # cards built at a time; "Show more" builds the next ones


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
        self._filter = BoardFilter()
        self._cards: dict[InsightId, InsightCard] = {}
        self._shown_limit = PAGE_SIZE
        self._last_change_failed = False
        self.undo_stack = QUndoStack(self)
        self.undo_stack.indexChanged.connect(self._stack_moved)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.page = HeaderedPage(scrolling=True)
        layout.addWidget(self.page)
        self._build_header()
        self._build_body()
        self._build_shortcuts()

    # Building -------------------------------------------------------------------------------

    def _build_header(self) -> None:
        self.undo_button = QPushButton(self.tr("Undo"))
        self.undo_button.setAccessibleName(self.tr("Undo"))
        self.undo_button.setEnabled(False)
        self.undo_button.clicked.connect(self.undo)
        self.redo_button = QPushButton(self.tr("Redo"))
        self.redo_button.setAccessibleName(self.tr("Redo"))
        self.redo_button.setEnabled(False)
        self.redo_button.clicked.connect(self.redo)
        self.undo_stack.canUndoChanged.connect(self.undo_button.setEnabled)
        self.undo_stack.canRedoChanged.connect(self.redo_button.setEnabled)
        self.undo_stack.undoTextChanged.connect(self._name_undo)
        self.undo_stack.redoTextChanged.connect(self._name_redo)
        self.header = PageHeader((self.undo_button, self.redo_button))
        self.header.set_words(
            self.tr("Insights"),
            self.tr("What you want to carry forward. Pinned ones stay at the top."),
        )
        self.page.set_header(self.header)
        self._show_undo_buttons()

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

        self.cards_holder = QWidget()
        self.cards_layout = QVBoxLayout(self.cards_holder)
        self.cards_layout.setContentsMargins(0, 0, 0, 0)
        self.cards_layout.setSpacing(space(2))
        body.addWidget(self.cards_holder)

        more_row = QHBoxLayout()
        self.more_button = QPushButton(self.tr("Show more insights"))
        self.more_button.setAccessibleName(self.tr("Show more insights"))
        self.more_button.clicked.connect(self.show_more)
        self.more_button.hide()
        more_row.addWidget(self.more_button)
        more_row.addStretch(1)
        body.addLayout(more_row)
        body.addStretch(1)

    def _build_shortcuts(self) -> None:
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        undo = QShortcut(QKeySequence(QKeySequence.StandardKey.Undo), self, context=context)
        undo.activated.connect(self.undo)
        redo_keys: dict[str, QKeySequence] = {}
        for sequence in (
            *QKeySequence.keyBindings(QKeySequence.StandardKey.Redo),
            QKeySequence("Ctrl+Shift+Z"),
            QKeySequence("Ctrl+Y"),
        ):
            redo_keys.setdefault(sequence.toString(), sequence)
        self._redo_shortcuts = []
        for sequence in redo_keys.values():
            shortcut = QShortcut(sequence, self, context=context)
            shortcut.activated.connect(self.redo)
            self._redo_shortcuts.append(shortcut)

    # Store and refreshing -------------------------------------------------------------------

    def set_store(self, store: Store) -> None:
        if store is not self._store:
            self.undo_stack.clear()
            self._show_undo_buttons()
        super().set_store(store)

    def load_from_store(self) -> None:
        """Reload the board from the store; cards keep their widgets (and focus)."""
        if self._store is None:
            return
        board = load_board(self._store)
        if board == self._board and self._cards:
            return
        self._board = board
        self._fill_theme_filter()
        self._show_board()

    def _reload(self, focus_insight: InsightId | None = None, *, force: bool = False) -> None:
        """Reload from the store and show it; `force` resets every card's controls too (after
        a refused change, a tick box may show what the store does not hold)."""
        if self._store is None:
            return
        self._board = load_board(self._store)
        self._fill_theme_filter()
        self._show_board(focus_insight=focus_insight, force=force)

    def board(self) -> BoardData:
        return self._board

    def cards(self) -> list[InsightCard]:
        """The cards on show, top to bottom."""
        found = (self.cards_layout.itemAt(i) for i in range(self.cards_layout.count()))
        return [
            widget
            for item in found
            if item is not None and isinstance(widget := item.widget(), InsightCard)
        ]

    def card_for(self, insight_id: int) -> InsightCard | None:
        return self._cards.get(InsightId(insight_id))

    def _fill_theme_filter(self) -> None:
        chosen = self._filter.theme_key
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

    def _show_board(self, *, focus_insight: InsightId | None = None, force: bool = False) -> None:
        matching = self._board.matching(self._filter)
        shown = matching[: self._shown_limit]
        wanted = {data.id for data in shown}
        focus = QApplication.focusWidget()
        had_focus = focus is not None and self.isAncestorOf(focus)
        before = self.cards()
        lost_at: int | None = None
        for position, old in enumerate(before):
            if old.data.id not in wanted:
                if focus is not None and old.isAncestorOf(focus):
                    lost_at = position
                del self._cards[old.data.id]
                old.hide()
                old.deleteLater()
        while self.cards_layout.count():
            self.cards_layout.takeAt(0)
        created: list[InsightId] = []
        for data in shown:
            existing = self._cards.get(data.id)
            if existing is None:
                existing = self._make_card(data)
                self._cards[data.id] = existing
                created.append(data.id)
            elif force:
                existing.set_data(data, self._board.themes)
            else:
                existing.update_data(data, self._board.themes)
            self.cards_layout.addWidget(existing)
            existing.show()
        self.more_button.setVisible(len(matching) > len(shown))
        self._show_empty_state(bool(shown))
        self._order_focus()
        if had_focus:
            self._settle_focus(lost_at, focus_insight, created)

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
        return made

    def _show_empty_state(self, anything_shown: bool) -> None:
        nothing_at_all = not self._board.cards
        self.filter_row.setVisible(not nothing_at_all)
        self.empty_card.setVisible(not anything_shown)
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
        if self._filter.theme_key is not None:
            if self._filter.show is not ShowOnly.ALL:
                return self.tr("No insights match what you chose. You can show them all again.")
            return self.tr("No insights here carry this theme. You can show them all again.")
        if self._filter.show is ShowOnly.PINNED:
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
            first = self.cards()
            if first:
                first[0].first_control().setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.reflect_requested.emit()

    def _order_focus(self) -> None:
        chain: list[QWidget] = [
            self.undo_button,
            self.redo_button,
            *self.show_buttons.values(),
            self.theme_box,
            self.empty_button,
        ]
        for shown in self.cards():
            chain.extend(shown.focus_chain())
        chain.append(self.more_button)
        chain_tab_order(chain)

    def _settle_focus(
        self, lost_at: int | None, focus_insight: InsightId | None, created: list[InsightId]
    ) -> None:
        """After the board changed under the client's focus, put focus somewhere sensible:
        on an insight that came back (an undone move), else where a card went away."""
        target: QWidget | None = None
        current = QApplication.focusWidget()
        if focus_insight is not None and focus_insight in created:
            target = self._cards[focus_insight].first_control()
        elif lost_at is not None or current is None or not self.isAncestorOf(current):
            shown = self.cards()
            if shown:
                target = shown[min(lost_at or 0, len(shown) - 1)].first_control()
            elif self.empty_card.isVisibleTo(self):
                target = self.empty_button
        if target is not None:
            target.setFocus(Qt.FocusReason.OtherFocusReason)
        QTimer.singleShot(0, self._reveal_focus)

    def _reveal_focus(self) -> None:
        focus = QApplication.focusWidget()
        scroller = self.page.scroller
        if focus is not None and scroller is not None and self.isAncestorOf(focus):
            scroller.ensureWidgetVisible(focus, space(2), space(4))

    # Filters --------------------------------------------------------------------------------

    def board_filter(self) -> BoardFilter:
        return self._filter

    def set_filter(self, board_filter: BoardFilter) -> None:
        self._filter = board_filter
        self._shown_limit = PAGE_SIZE
        self.show_buttons[board_filter.show].setChecked(True)
        self._fill_theme_filter()
        self._show_board()

    def set_show(self, show: ShowOnly) -> None:
        self.set_filter(BoardFilter(show, self._filter.theme_key))

    def _theme_filter_chosen(self, index: int) -> None:
        key = self.theme_box.itemData(index) if index >= 0 else None
        self.set_filter(BoardFilter(self._filter.show, str(key) if key else None))

    def show_more(self) -> None:
        """Build the next cards of a long board, and move to the first of them."""
        already = len(self.cards())
        self._shown_limit += PAGE_SIZE
        self._show_board()
        shown = self.cards()
        if len(shown) > already:
            shown[already].first_control().setFocus(Qt.FocusReason.OtherFocusReason)
            QTimer.singleShot(0, self._reveal_focus)

    # Undo and redo --------------------------------------------------------------------------

    def undo(self) -> None:
        if self.undo_stack.canUndo():
            self.undo_stack.undo()

    def redo(self) -> None:
        if self.undo_stack.canRedo():
            self.undo_stack.redo()

    def _name_undo(self, what: str) -> None:
        name = fill(self.tr("Undo: %1"), what) if what else self.tr("Undo")
        self.undo_button.setAccessibleName(name)
        self.undo_button.setToolTip(name if what else "")

    def _name_redo(self, what: str) -> None:
        name = fill(self.tr("Redo: %1"), what) if what else self.tr("Redo")
        self.redo_button.setAccessibleName(name)
        self.redo_button.setToolTip(name if what else "")

    def _stack_moved(self, _index: int) -> None:
        self.notice.hide()
        self._show_undo_buttons()

    def _show_undo_buttons(self) -> None:
        """Undo and Redo appear once there is something to take back (calmer before then)."""
        anything = self.undo_stack.count() > 0
        self.undo_button.setVisible(anything)
        self.redo_button.setVisible(anything)

    def _context(self) -> CommandContext:
        assert self._store is not None
        return CommandContext(self._store, self._changed, self._failed)

    def _push(self, command: InsightCommand) -> bool:
        """Do `command` (undoably); False if the store refused it."""
        self._last_change_failed = False
        self.undo_stack.push(command)
        return not self._last_change_failed

    def _changed(self, insight_id: InsightId) -> None:
        self._reload(focus_insight=insight_id)
        self.announce(DataKind.INSIGHTS)

    def _failed(self, error: Exception) -> None:
        self._last_change_failed = True
        if isinstance(error, LookupError):
            title = self.tr("This insight is no longer here")
            message = self.tr(
                "It may have been moved to recently deleted from another screen. Nothing else "
                "was changed."
            )
        else:
            title = self.tr("This change was not saved")
            message = fill(
                self.tr("Something stopped the change from being saved (%1). Nothing was lost."),
                error,
            )
        self._reload(force=True)
        show_message(self, title, message)

    # What the cards ask for -----------------------------------------------------------------

    def _data(self, insight_id: int) -> InsightCardData | None:
        shown = self._cards.get(InsightId(insight_id))
        return shown.data if shown is not None else None

    def _pin(self, insight_id: int, pinned: bool) -> None:
        data = self._data(insight_id)
        if data is not None and self._store is not None:
            self._push(PinInsight(self._context(), data.insight, pinned))

    def _share(self, insight_id: int, shared: bool) -> None:
        data = self._data(insight_id)
        if data is not None and self._store is not None:
            self._push(ShareInsight(self._context(), data.insight, shared))

    def _edit_text(self, insight_id: int, words: str) -> None:
        data = self._data(insight_id)
        if data is None or self._store is None:
            return
        if not self._push(EditInsightText(self._context(), data.insight, words)):
            shown = self.card_for(insight_id)
            if shown is not None:
                shown.start_editing(draft=words)  # the words are kept, not lost

    def _retheme(self, insight_id: int, keys: list[str]) -> None:
        data = self._data(insight_id)
        if data is None or self._store is None:
            return
        command = RethemeInsight(self._context(), data.insight, data.theme_keys, keys)
        if not self._push(command):
            shown = self.card_for(insight_id)
            if shown is not None:
                shown.start_theming(selected=keys)

    def _set_status(self, insight_id: int, _commitment_id: int, status: str) -> None:
        data = self._data(insight_id)
        if data is None or data.commitment is None or self._store is None:
            return
        self._push(SetCommitmentStatus(self._context(), data.commitment, CommitmentStatus(status)))

    def _move_to_recently_deleted(self, insight_id: int) -> None:
        data = self._data(insight_id)
        if data is None or self._store is None:
            return
        if self._push(MoveInsightToRecentlyDeleted(self._context(), data.insight)):
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
            self._store.add_commitment(InsightId(insight_id), words)
        except store_refusals() as error:  # a calm message, never a traceback
            self._failed(error)
            return
        self._changed(InsightId(insight_id))

    def _add_note(self, insight_id: int, commitment_id: int, words: str) -> None:
        if self._store is None:
            return
        try:
            self._store.add_commitment_note(CommitmentId(commitment_id), words)
        except store_refusals() as error:  # a calm message, never a traceback
            self._failed(error)
            return
        shown = self.card_for(insight_id)
        if shown is not None:
            shown.commitment_editor.note_saved()
        self._changed(InsightId(insight_id))

    def _create_theme(self, name: str) -> Theme:
        """A theme of the client's own, for the theme picker (ValueError if it can't be)."""
        if self._store is None:
            raise ValueError(self.tr("Your entries are not open just now."))
        try:
            theme = self._store.add_theme(name)
        except ValueError:
            raise
        except store_refusals() as error:
            raise ValueError(
                fill(self.tr("The theme could not be saved just now (%1)."), error)
            ) from error
        self._reload()
        self.announce(DataKind.THEMES)
        return theme
