"""The journal: every reflection on one timeline, with search, filters and a page for each one.

Four pages in a stack: the timeline (sessions newest first, their reflections beneath, on
`JournalModel` through `JournalFilterProxy`), the gentle step before a difficult reflection,
one reflection in full (`JournalDetail`), and "recently deleted". Search runs as the client
types (after a short pause) and combines with the filters. Changes go through a `QUndoStack`,
so Ctrl+Z and Ctrl+Shift+Z (or Ctrl+Y) take them back and forth. After any change the view
announces `data_changed(DataKind.REFLECTIONS)` and never reaches into other views; it reloads
only for the kinds of data it shows (`depends_on`), and out of sight only when next shown.
"""

from __future__ import annotations

import itertools
import sqlite3
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from kapcompanion.errors import KapError
from kapcompanion.ids import AnswerId, ReflectionId
from kapcompanion.journal import (
    FIRST_LINES_CHARACTERS,
    GATE_DIFFICULT_SETTING,
    JournalEntry,
    journal_entries,
)
from kapcompanion.search import match_expression, matching_reflections
from kapcompanion.wording.translation import fill
from ui.changes import DataKind
from ui.journal.delegate import JournalRowDelegate
from ui.journal.detail import JournalDetail
from ui.journal.filters import JournalFilterBar
from ui.journal.gate import DifficultEntryGate
from ui.journal.model import (
    JournalFilterProxy,
    JournalModel,
    JournalRole,
    ThemeLook,
    group_title,
)
from ui.operations.journal import (
    ChangeKind,
    EditAnswer,
    JournalChange,
    MoveToRecentlyDeleted,
    ShareReflection,
)
from ui.widgets.building_blocks import card, text
from ui.widgets.error_messages import show_message
from ui.widgets.page_frame import HeaderedPage, PageHeader, RecentlyDeletedPage
from ui.widgets.screen import Screen
from ui.widgets.style import space
from ui.widgets.wording import day_text, phase_title

if TYPE_CHECKING:
    from kapcompanion.store import Store

SEARCH_PAUSE_MS = 150
AnyIndex = QModelIndex | QPersistentModelIndex


class JournalView(Screen):
    """The journal screen, hosting the "Recently deleted" page it is given.

    Give it a store with `set_store`; `refresh` reloads from it.
    """

    # The timeline shows reflections by session with their themes; a reflection's page shows
    # its insights; the "recently deleted" page shows reflections and insights set aside.
    depends_on = frozenset(
        {
            DataKind.REFLECTIONS,
            DataKind.SESSIONS,
            DataKind.THEMES,
            DataKind.INSIGHTS,
            DataKind.DELETED,
        }
    )
    reflect_requested = Signal()

    def __init__(
        self, recently_deleted: RecentlyDeletedPage, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Journal"))
        self._query = ""
        self._snippets: dict[ReflectionId, str] = {}
        self._last_change: JournalChange | None = None

        self.undo_stack = QUndoStack(self)
        self.model = JournalModel(self)
        self.proxy = JournalFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_PAUSE_MS)
        self._search_timer.timeout.connect(self.run_search)

        self.pages = QStackedWidget()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)

        self.timeline_page = self._build_timeline_page()
        self.gate = DifficultEntryGate()
        self.gate.open_requested.connect(self._open_past_gate)
        self.gate.not_now.connect(self.show_timeline)
        self.detail = JournalDetail()
        self.detail.back_requested.connect(self.show_timeline)
        self.detail.share_requested.connect(self._share)
        self.detail.answer_save_requested.connect(self._edit_answer)
        self.detail.delete_requested.connect(self.move_to_recently_deleted)
        self.recently_deleted = recently_deleted
        self.recently_deleted.back_requested.connect(self.show_timeline)
        self.recently_deleted.data_changed.connect(self._recently_deleted_changed)
        self.recently_deleted.erased.connect(lambda *_: self.undo_stack.clear())
        for page in (self.timeline_page, self.gate, self.detail, self.recently_deleted):
            self.pages.addWidget(page)
        self._shortcuts()
        self._show_state()

    # Building ---------------------------------------------------------------------------------

    def _build_timeline_page(self) -> HeaderedPage:
        # The page scrolls only when a small window cannot hold the filters and a few rows.
        page = HeaderedPage(scrolling=True)
        page.setAccessibleName(self.tr("Your journal"))
        self.deleted_button = QPushButton(self.tr("Recently deleted"))
        self.deleted_button.setAccessibleName(self.tr("Recently deleted"))
        self.deleted_button.clicked.connect(self.show_recently_deleted)
        header = PageHeader((self.deleted_button,))
        header.set_words(
            self.tr("Journal"), self.tr("Your reflections, newest first, grouped by session.")
        )
        page.set_header(header)

        self.search_field = QLineEdit()
        self.search_field.setPlaceholderText(self.tr("Search your reflections"))
        self.search_field.setAccessibleName(self.tr("Search your reflections"))
        self.search_field.setAccessibleDescription(
            self.tr('Words find words that begin with them; "quotes" find a phrase.')
        )
        self.search_field.setClearButtonEnabled(True)
        # As tall as the Filters button beside it.
        self.search_field.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.search_field.textChanged.connect(self._search_typed)
        clear_search = QShortcut(
            QKeySequence(Qt.Key.Key_Escape),
            self.search_field,
            context=Qt.ShortcutContext.WidgetShortcut,
        )
        clear_search.activated.connect(self.search_field.clear)
        self.filters_button = QPushButton(self.tr("Filters"))
        self.filters_button.setCheckable(True)
        self.filters_button.setAccessibleName(self.tr("Show filters"))
        self.filters_button.toggled.connect(self._filters_toggled)
        self.search_row = QWidget()
        search_layout = QHBoxLayout(self.search_row)
        search_layout.setContentsMargins(0, 0, 0, 0)
        search_layout.setSpacing(space(1))
        search_layout.addWidget(self.search_field, 1)
        search_layout.addWidget(self.filters_button)

        self.filter_bar = JournalFilterBar()
        self.filter_bar.changed.connect(self._filters_changed)
        self.filter_card, filter_layout = card()
        filter_layout.setContentsMargins(space(2), space(2), space(2), space(2))
        filter_layout.addWidget(self.filter_bar)
        self.filter_card.hide()

        self.count_label = text("", "muted")
        self.count_label.setAccessibleName(self.tr("How many reflections show"))

        # Search, filters and the count stay close together, apart from the timeline.
        self.controls = QWidget()
        controls_layout = QVBoxLayout(self.controls)
        controls_layout.setContentsMargins(0, 0, 0, 0)
        controls_layout.setSpacing(space(1))
        controls_layout.addWidget(self.search_row)
        controls_layout.addWidget(self.filter_card)
        controls_layout.addWidget(self.count_label)
        page.body.setSpacing(space(2))
        page.body.addWidget(self.controls)

        self.notice, notice_layout = card()
        notice_layout.setContentsMargins(space(2), space(1), space(1), space(1))
        notice_row = QHBoxLayout()
        notice_row.setSpacing(space(2))
        self.notice_text = text("")
        self.notice_undo = QPushButton(self.tr("Undo"))
        self.notice_undo.setAccessibleName(self.tr("Undo the last change"))
        self.notice_undo.clicked.connect(self.undo)
        notice_row.addWidget(self.notice_text, 1)
        notice_row.addWidget(self.notice_undo, 0, Qt.AlignmentFlag.AlignVCenter)
        notice_layout.addLayout(notice_row)
        self.notice.hide()
        page.body.addWidget(self.notice)

        self.timeline = QTreeView()
        self.timeline.setAccessibleName(self.tr("Your reflections"))
        self.timeline.setAccessibleDescription(self.tr("Press Enter to open a reflection."))
        self.timeline.setModel(self.proxy)
        self.timeline.setItemDelegate(JournalRowDelegate(self.timeline))
        self.timeline.setHeaderHidden(True)
        self.timeline.setRootIsDecorated(False)
        self.timeline.setItemsExpandable(False)
        self.timeline.setIndentation(0)
        self.timeline.setUniformRowHeights(False)
        self.timeline.setFrameShape(QFrame.Shape.NoFrame)
        self.timeline.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # Per item: the scroll range needs no row heights, so years of entries stay light.
        self.timeline.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerItem)
        self.timeline.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.timeline.setMouseTracking(True)
        self.timeline.activated.connect(self._row_activated)
        self.timeline.installEventFilter(self)
        self.list_card, list_layout = card()
        list_layout.setContentsMargins(space(1), 0, space(1), space(1))
        list_layout.addWidget(self.timeline)
        page.body.addWidget(self.list_card, 1)

        self.no_match_card, no_match_layout = card()
        no_match_layout.addWidget(
            text(
                self.tr(
                    "Nothing matches these filters. You might clear a filter or try other words."
                ),
                "reading",
            )
        )
        self.show_all_button = QPushButton(self.tr("Clear search and filters"))
        self.show_all_button.setAccessibleName(self.tr("Clear search and filters"))
        self.show_all_button.clicked.connect(self.clear_search_and_filters)
        no_match_row = QHBoxLayout()
        no_match_row.addWidget(self.show_all_button)
        no_match_row.addStretch(1)
        no_match_layout.addLayout(no_match_row)
        page.body.addWidget(self.no_match_card)

        self.empty_card, empty_layout = card()
        empty_layout.addWidget(
            text(
                self.tr(
                    "Your reflections will appear here, newest first, ready to read again "
                    "and search."
                ),
                "reading",
            )
        )
        self.reflect_button = QPushButton(self.tr("Begin a reflection"))
        self.reflect_button.setObjectName("primary")
        self.reflect_button.setAccessibleName(self.tr("Begin a reflection"))
        self.reflect_button.clicked.connect(self.reflect_requested)
        empty_row = QHBoxLayout()
        empty_row.addWidget(self.reflect_button)
        empty_row.addStretch(1)
        empty_layout.addLayout(empty_row)
        page.body.addWidget(self.empty_card)
        # Stretch 0: the space below fills only while the timeline itself is hidden.
        page.body.addStretch(0)

        order = (
            self.deleted_button,
            self.search_field,
            self.filters_button,
            self.filter_bar.theme_box,
        )
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)
        QWidget.setTabOrder(self.filter_bar.clear_button, self.notice_undo)
        QWidget.setTabOrder(self.notice_undo, self.timeline)
        QWidget.setTabOrder(self.timeline, self.show_all_button)
        QWidget.setTabOrder(self.show_all_button, self.reflect_button)
        return page

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Room for at least one reflection and its session's heading, in the list's own font.
        if watched is self.timeline and event.type() in (
            QEvent.Type.Show,
            QEvent.Type.FontChange,
            QEvent.Type.StyleChange,
        ):
            self._fit_timeline()
        return False

    def _fit_timeline(self) -> None:
        delegate = self.timeline.itemDelegate()
        if delegate is None:
            return
        option = QStyleOptionViewItem()
        option.initFrom(self.timeline)
        option.font = self.timeline.font()
        first = self.proxy.index(0, 0)
        if first.isValid():
            height = delegate.sizeHint(option, first).height()
            self.timeline.setMinimumHeight(height + 2 * self.timeline.frameWidth())

    def _shortcuts(self) -> None:
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        # Ctrl+F works from anywhere in the window while the journal is shown (for example
        # straight after choosing it in the sidebar); hidden screens' shortcuts never fire.
        find = QShortcut(
            QKeySequence(QKeySequence.StandardKey.Find),
            self,
            context=Qt.ShortcutContext.WindowShortcut,
        )
        find.activated.connect(self.focus_search)
        self.undo_action = QAction(self.tr("Undo"), self)
        self.undo_action.setShortcuts([QKeySequence(QKeySequence.StandardKey.Undo)])
        self.undo_action.setShortcutContext(context)
        self.undo_action.triggered.connect(self.undo)
        self.redo_action = QAction(self.tr("Redo"), self)
        self.redo_action.setShortcuts(
            [
                QKeySequence(Qt.Modifier.CTRL | Qt.Modifier.SHIFT | Qt.Key.Key_Z),
                QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Y),
            ]
        )
        self.redo_action.setShortcutContext(context)
        self.redo_action.triggered.connect(self.redo)
        self.addAction(self.undo_action)
        self.addAction(self.redo_action)

    # Store and refreshing ---------------------------------------------------------------------

    def set_store(self, store: Store) -> None:
        self.undo_stack.clear()
        self.recently_deleted.set_store(store)
        super().set_store(store)

    def load_from_store(self) -> None:
        """Purge what waited 30 days, read everything again, and keep each page in step.

        Out of sight, the journal only notes that it is out of date and reloads when it is
        shown again (see `Screen`), so changes elsewhere never wait on reading years of entries.
        """
        assert self._store is not None
        try:
            if self._store.purge_deleted() > 0:
                self.undo_stack.clear()  # some steps may point at what was just erased
        except (KapError, sqlite3.Error):
            pass  # nothing is lost by purging later
        self._reload()
        self.recently_deleted.refresh()
        showing = self.detail.reflection_id()
        current = self.pages.currentWidget()
        if current is self.detail and showing is not None:
            if self.model.entry(showing) is None:
                self.show_timeline()
            else:
                self._fill_detail(showing)
        elif (
            current is self.gate
            and self.model.entry(ReflectionId(self.gate.reflection_id() or 0)) is None
        ):
            self.show_timeline()

    def _reload(self) -> None:
        """Read the journal's rows, themes and sessions again; keep search, filters and place."""
        assert self._store is not None
        current = self.current_reflection_id()
        themes = self._store.list_themes()
        entries = journal_entries(self._store.connection)
        written = [entry.started_at for entry in entries]
        self.filter_bar.set_choices(
            themes,
            self._store.list_sessions(),
            min(written).astimezone().date() if written else None,
            max(written).astimezone().date() if written else None,
        )
        looks = {theme.key: ThemeLook(theme.name, theme.colour) for theme in themes}
        self.model.set_entries(entries, looks)
        self._find(self._query)
        self._apply_filter(current)

    # Search and filters -----------------------------------------------------------------------

    def _search_typed(self) -> None:
        self.notice.hide()
        self._search_timer.start()

    def run_search(self) -> None:
        """Search for what is in the search field now (the pause after typing ends here)."""
        self._search_timer.stop()
        self._find(self.search_field.text())
        self._apply_filter(self.current_reflection_id())

    def _find(self, query: str) -> None:
        # A query without a single word to look for (only quotes or stars, say) finds
        # everything, so starting to type a "phrase" does not empty the list.
        self._query = query if match_expression(query) is not None else ""
        self._snippets = {}
        if self._query and self._store is not None:
            try:
                self._snippets = matching_reflections(self._store.connection, self._query)
            except sqlite3.Error:
                self._snippets = {}

    def _filters_changed(self) -> None:
        self.notice.hide()
        self._apply_filter(self.current_reflection_id())

    def _filters_toggled(self, shown: bool) -> None:
        self.filter_card.setVisible(shown)
        self.filters_button.setAccessibleName(
            self.tr("Hide filters") if shown else self.tr("Show filters")
        )
        if shown:
            self.filter_bar.theme_box.setFocus(Qt.FocusReason.OtherFocusReason)

    def _apply_filter(self, keep: ReflectionId | None) -> None:
        hits = frozenset(self._snippets) if self._query else None
        chosen = replace(self.filter_bar.current(), search_hits=hits)
        self.proxy.apply(chosen, self._snippets if self._query else {})
        self._select(keep)
        self._show_state()
        self._fit_timeline()

    def clear_search_and_filters(self) -> None:
        self.search_field.clear()
        self._search_timer.stop()  # the filters below re-filter once, for both
        self._query = ""
        self._snippets = {}
        self.filter_bar.clear()  # through `changed`
        self.search_field.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_state(self) -> None:
        """Timeline, "nothing matches", or the empty journal; and how many reflections show."""
        total = self.model.entry_count()
        showing = self.proxy.rowCount() if total else 0
        empty = total == 0
        self.controls.setVisible(not empty)
        self.filter_card.setVisible(self.filters_button.isChecked())
        self.empty_card.setVisible(empty)
        self.no_match_card.setVisible(not empty and showing == 0)
        self.list_card.setVisible(showing > 0)
        active = self.filter_bar.active_count()
        self.filters_button.setText(
            fill(self.tr("Filters (%1)"), active) if active else self.tr("Filters")
        )
        if showing == total:
            words = (
                self.tr("1 reflection") if total == 1 else fill(self.tr("%1 reflections"), total)
            )
        else:
            words = fill(self.tr("Showing %1 of %2 reflections"), showing, total)
        self.count_label.setText(words)

    # Moving around ----------------------------------------------------------------------------

    def current_page(self) -> str:
        """Which page shows: "timeline", "gate", "detail" or "deleted"."""
        current = self.pages.currentWidget()
        if current is self.gate:
            return "gate"
        if current is self.detail:
            return "detail"
        if current is self.recently_deleted:
            return "deleted"
        return "timeline"

    def is_editing(self) -> bool:
        """True while an answer is open for editing with changes not yet saved."""
        return self.current_page() == "detail" and self.detail.has_unsaved_edits()

    def save_open_edits(self) -> None:
        """Save any answer being edited (the window calls this before it closes)."""
        self.detail.save_open_edits()

    def current_reflection_id(self) -> ReflectionId | None:
        value = self.timeline.currentIndex().data(JournalRole.REFLECTION_ID)
        return None if value is None else ReflectionId(int(value))

    def _select(self, reflection_id: ReflectionId | None) -> None:
        """Make `reflection_id` the current row if it shows, else the first reflection."""
        index = QModelIndex()
        if reflection_id is not None:
            index = self.proxy.mapFromSource(self.model.index_of(reflection_id))
        if not index.isValid() and self.proxy.rowCount():
            index = self.proxy.index(0, 0)
        if index.isValid():
            self.timeline.setCurrentIndex(index)
            self.timeline.scrollTo(index)

    def show_timeline(self) -> None:
        """Back to the timeline, with the reflection you last looked at still current."""
        showing = self.detail.reflection_id()
        if self.pages.currentWidget() is self.detail and showing is not None:
            self._select(showing)
        self.pages.setCurrentWidget(self.timeline_page)
        if self.proxy.rowCount():
            self.timeline.setFocus(Qt.FocusReason.OtherFocusReason)
        elif self.model.entry_count():
            self.show_all_button.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.reflect_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_recently_deleted(self) -> None:
        self.recently_deleted.refresh()
        self.pages.setCurrentWidget(self.recently_deleted)
        self.recently_deleted.focus_first()

    def focus_search(self) -> None:
        """Ctrl+F: the search field, from wherever you are in the journal."""
        if self.pages.currentWidget() is self.detail:
            self.detail.save_open_edits()
        if self.pages.currentWidget() is not self.timeline_page:
            self.show_timeline()
        if self.search_field.isVisible():
            self.search_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self.search_field.selectAll()

    def _row_activated(self, index: AnyIndex) -> None:
        reflection_id = index.data(JournalRole.REFLECTION_ID)
        if reflection_id is not None:
            self.open_entry(int(reflection_id))

    def open_entry(self, reflection_id: int) -> None:
        """Open a reflection; one written at high distress asks first (unless turned off)."""
        self.refresh_if_stale()
        entry = self.model.entry(ReflectionId(reflection_id))
        if entry is None or self._store is None:
            return
        if entry.is_difficult and self._gate_on():
            self.gate.ask(reflection_id)
            self.pages.setCurrentWidget(self.gate)
            self.gate.not_now_button.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self._open_past_gate(reflection_id)

    def _gate_on(self) -> bool:
        if self._store is None:
            return True
        return bool(self._store.get_setting(GATE_DIFFICULT_SETTING, True))

    def _open_past_gate(self, reflection_id: int) -> None:
        if not self._fill_detail(ReflectionId(reflection_id)):
            self.show_timeline()
            return
        self.detail.say("")
        self.pages.setCurrentWidget(self.detail)
        self.detail.back_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _fill_detail(self, reflection_id: ReflectionId) -> bool:
        from kapcompanion.store import NotFoundError

        entry = self.model.entry(reflection_id)
        if self._store is None or entry is None:
            return False
        try:
            reflection = self._store.get_reflection(reflection_id)
        except NotFoundError:
            return False
        session = group_title(entry)
        if entry.session_held_at is not None:
            session = fill(self.tr("%1 · %2"), session, day_text(entry.session_held_at))
        insights = [
            insight.text
            for insight in self._store.list_insights()
            if insight.reflection_id == reflection_id
        ]
        self.detail.show_reflection(
            reflection,
            title=phase_title(reflection.phase),
            subtitle=session,
            themes=self.model.theme_looks(self._store.reflection_theme_keys(reflection_id)),
            insights=insights,
        )
        return True

    # Changes, undo and redo -------------------------------------------------------------------

    def _edit_answer(self, reflection_id: int, answer_id: int, before: str, after: str) -> None:
        if self._store is None:
            return
        self.undo_stack.push(
            EditAnswer(
                self._store,
                ReflectionId(reflection_id),
                AnswerId(answer_id),
                before,
                after,
                self._changed,
                self._problem,
            )
        )
        self._say(self.tr("Saved. Ctrl+Z undoes the change."), AnswerId(answer_id))

    def _share(self, reflection_id: int, shareable: bool) -> None:
        if self._store is None:
            return
        self.undo_stack.push(
            ShareReflection(
                self._store, ReflectionId(reflection_id), shareable, self._changed, self._problem
            )
        )
        self._say(
            self.tr("This reflection can go into the summary for your therapist.")
            if shareable
            else self.tr("This reflection stays with you; it is not shared.")
        )

    def move_to_recently_deleted(self, reflection_id: int) -> None:
        """Move a reflection to "recently deleted" (undoable, and restorable for 30 days)."""
        if self._store is None:
            return
        self.undo_stack.push(
            MoveToRecentlyDeleted(
                self._store, ReflectionId(reflection_id), self._changed, self._problem
            )
        )
        if self.model.entry(ReflectionId(reflection_id)) is None:
            self._say(
                self.tr("Moved to recently deleted. You can restore it from there for 30 days.")
            )

    def undo(self) -> None:
        if not self.undo_stack.canUndo():
            self._say(self.tr("There is nothing to undo."))
            return
        words = self.undo_stack.undoText()
        self._last_change = None
        self.undo_stack.undo()
        self._say(fill(self.tr("Undone: %1."), words), self._last_answer())

    def redo(self) -> None:
        if not self.undo_stack.canRedo():
            self._say(self.tr("There is nothing to redo."))
            return
        words = self.undo_stack.redoText()
        self._last_change = None
        self.undo_stack.redo()
        self._say(fill(self.tr("Redone: %1."), words), self._last_answer())

    def _last_answer(self) -> AnswerId | None:
        """The answer the last undo or redo changed, if it changed one."""
        return None if self._last_change is None else self._last_change.answer_id

    def _say(self, words: str, answer_id: AnswerId | None = None) -> None:
        """A quiet word about what just happened, on whichever page shows."""
        if self.pages.currentWidget() is self.detail:
            self.detail.say(words, answer_id)
            return
        self.notice_text.setText(words)
        self.notice_undo.setVisible(self.undo_stack.canUndo())
        self.notice.setVisible(bool(words) and self.pages.currentWidget() is self.timeline_page)

    def _changed(self, change: JournalChange) -> None:
        """A command changed the store: show it here, then tell the rest of the app."""
        if self._store is None:
            return
        self._last_change = change
        reflection_id = change.reflection_id
        if change.kind is ChangeKind.ANSWER:
            self._answer_changed(reflection_id, change.answer_id)
        elif change.kind is ChangeKind.SHARING:
            self._sharing_changed(reflection_id)
        elif change.kind is ChangeKind.DELETED:
            self.model.remove_entry(reflection_id)
            if self.detail.reflection_id() == reflection_id and self.current_page() in (
                "detail",
                "gate",
            ):
                self.pages.setCurrentWidget(self.timeline_page)
                self.timeline.setFocus(Qt.FocusReason.OtherFocusReason)
            self._apply_filter(self.current_reflection_id())
            self.recently_deleted.refresh()
        else:
            self._reload()
            self._select(reflection_id)
            self.recently_deleted.refresh()
        self.announce(DataKind.REFLECTIONS)

    def _answer_changed(self, reflection_id: ReflectionId, answer_id: AnswerId | None) -> None:
        from kapcompanion.store import NotFoundError

        assert self._store is not None
        try:
            reflection = self._store.get_reflection(reflection_id)
        except NotFoundError:
            return
        entry = self.model.entry(reflection_id)
        if entry is not None:
            first = next((a.text for a in reflection.answers if a.text), "")
            self.model.replace_entry(replace(entry, first_lines=first[:FIRST_LINES_CHARACTERS]))
        if self._query:
            self._find(self._query)
            self._apply_filter(self.current_reflection_id())
        if self.detail.reflection_id() == reflection_id and answer_id is not None:
            for answer in reflection.answers:
                if answer.id == answer_id:
                    self.detail.show_answer(answer_id, answer.text)

    def _sharing_changed(self, reflection_id: ReflectionId) -> None:
        from kapcompanion.store import NotFoundError

        assert self._store is not None
        try:
            shareable = self._store.get_reflection(reflection_id).shareable
        except NotFoundError:
            return
        entry: JournalEntry | None = self.model.entry(reflection_id)
        if entry is not None:
            self.model.replace_entry(replace(entry, shareable=shareable))
        if self.proxy.journal_filter().shareable_only:
            self._apply_filter(self.current_reflection_id())
        if self.detail.reflection_id() == reflection_id:
            self.detail.show_shareable(shareable)

    def _recently_deleted_changed(self, kind: str) -> None:
        changed = DataKind(kind)
        if changed is DataKind.REFLECTIONS:
            self._reload()
        self.announce(changed)

    def _problem(self, error: Exception, change: JournalChange) -> None:
        """The store refused a change: say so, show what is stored, and keep every word."""
        showing = self.detail.reflection_id()
        if self.current_page() == "detail" and showing == change.reflection_id:
            self._fill_detail(showing)  # what is really stored, the share box included
            if change.answer_id is not None and change.words is not None:
                for answer_card in self.detail.answer_cards:
                    if answer_card.answer_id == change.answer_id:
                        answer_card.start_editing(change.words)  # the words are still here
        show_message(
            self,
            self.tr("That change is not saved"),
            fill(
                self.tr(
                    "Your journal is as it was before, and what you wrote is still here. You "
                    "might try again in a moment.\n\n%1"
                ),
                str(error),
            ),
        )
