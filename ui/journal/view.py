"""The journal: every reflection on one timeline, with search, filters and a page for each one.

Five pages in a stack: the timeline (`TimelinePage`: sessions newest first, their reflections
beneath, quick check-ins in their places in time, on `JournalModel` through
`JournalFilterProxy`), the gentle step before a difficult reflection, one reflection in full
(`JournalDetail`), one quick check-in (`CheckInDetail`), and "recently deleted". Search runs as the
client types (after a short pause, `JournalSearch`) and combines with the filters. Changes go
through `JournalEditing` and its `QUndoStack`, so Ctrl+Z and Ctrl+Shift+Z (or Ctrl+Y) take them
back and forth. This module wires the pages together and shows each change; after one it
announces `data_changed(DataKind.REFLECTIONS)` and never reaches into other views. It reloads
only for the kinds of data it shows (`depends_on`), and out of sight only when next shown.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

from kapcompanion.domain import DeletedKind
from kapcompanion.errors import KapError, NotFoundError
from kapcompanion.ids import AnswerId, DistressRatingId, ReflectionId
from kapcompanion.journal import (
    FIRST_LINES_CHARACTERS,
    GATE_DIFFICULT_SETTING,
    JournalEntry,
    note_matcher,
    timeline_rows,
)
from kapcompanion.wording.translation import fill
from ui.changes import DataKind
from ui.journal.check_in_detail import CheckInDetail
from ui.journal.detail import JournalDetail
from ui.journal.editing import JournalEditing
from ui.journal.gate import DifficultEntryGate
from ui.journal.model import (
    JournalFilterProxy,
    JournalModel,
    JournalRole,
    ThemeLook,
    group_title,
)
from ui.journal.page_stack import PageStack
from ui.journal.search import JournalSearch
from ui.journal.timeline_page import TimelinePage
from ui.operations.check_ins import CheckInChange
from ui.operations.journal import ChangeKind, JournalChange
from ui.widgets.deleting import ask_about_reflection
from ui.widgets.error_messages import describe, show_error, show_message
from ui.widgets.page_frame import RecentlyDeletedPage
from ui.widgets.screen import Screen
from ui.widgets.wording import day_text, phase_title

if TYPE_CHECKING:
    from kapcompanion.store import Store

AnyIndex = QModelIndex | QPersistentModelIndex


class JournalView(Screen):
    """The journal screen, hosting the "Recently deleted" page it is given.

    Give it a store with `set_store`; `refresh` reloads from it.
    """

    # The timeline shows reflections by session with their themes; a reflection's page shows
    # its insights; the "recently deleted" page shows what was set aside, sessions included.
    depends_on = frozenset(
        {
            DataKind.REFLECTIONS,
            DataKind.SESSIONS,
            DataKind.THEMES,
            DataKind.INSIGHTS,
            DataKind.CHECK_INS,
            DataKind.DELETED,
        }
    )
    reflect_requested = Signal()

    def __init__(
        self, recently_deleted: RecentlyDeletedPage, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Journal"))
        self.model = JournalModel(self)
        self.proxy = JournalFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.search = JournalSearch(self)
        self.search.paused.connect(self.run_search)
        self.editing = JournalEditing(
            self,
            changed=self._changed,
            problem=self._problem,
            say=self._say,
            check_in_changed=self._check_in_changed,
        )
        self.undo_stack = self.editing.undo_stack

        self.pages = PageStack(self)
        self.pages.setContentsMargins(0, 0, 0, 0)

        self.timeline_page = TimelinePage(self.proxy)
        self._wire_timeline_page(self.timeline_page)
        self.gate = DifficultEntryGate()
        self.gate.open_requested.connect(self._open_past_gate)
        self.gate.not_now.connect(self.show_timeline)
        self.detail = JournalDetail()
        self.detail.back_requested.connect(self.show_timeline)
        self.detail.share_requested.connect(self.editing.share)
        self.detail.answer_save_requested.connect(self.editing.edit_answer)
        self.detail.delete_requested.connect(self.move_to_recently_deleted)
        self.check_in_detail = CheckInDetail()
        self.check_in_detail.back_requested.connect(self.show_timeline)
        self.check_in_detail.delete_requested.connect(
            self.editing.move_check_in_to_recently_deleted
        )
        self.recently_deleted = recently_deleted
        self.recently_deleted.back_requested.connect(self.show_timeline)
        self.recently_deleted.data_changed.connect(self._recently_deleted_changed)
        self.recently_deleted.erased.connect(lambda *_: self.undo_stack.clear())
        pages = (
            self.timeline_page,
            self.gate,
            self.detail,
            self.check_in_detail,
            self.recently_deleted,
        )
        for page in pages:
            self.pages.addWidget(page)
        # Ctrl+F works from anywhere in the window while the journal is shown (for example
        # straight after choosing it in the sidebar); hidden screens' shortcuts never fire.
        find = QShortcut(
            QKeySequence(QKeySequence.StandardKey.Find),
            self,
            context=Qt.ShortcutContext.WindowShortcut,
        )
        find.activated.connect(self.focus_search)
        self._show_state()

    def _wire_timeline_page(self, page: TimelinePage) -> None:
        """Connect the timeline page's controls, and name them here as the journal's own."""
        page.deleted_button.clicked.connect(self.show_recently_deleted)
        page.search_field.textChanged.connect(self._search_typed)
        page.filter_bar.changed.connect(self._filters_changed)
        page.notice_undo.clicked.connect(self.editing.undo)
        page.timeline.activated.connect(self._row_activated)
        page.show_all_button.clicked.connect(self.clear_search_and_filters)
        page.reflect_button.clicked.connect(self.reflect_requested)
        self.deleted_button = page.deleted_button
        self.search_field = page.search_field
        self.filters_button = page.filters_button
        self.filter_bar = page.filter_bar
        self.filter_card = page.filter_card
        self.count_label = page.count_label
        self.notice = page.notice
        self.notice_undo = page.notice_undo
        self.timeline = page.timeline
        self.list_card = page.list_card
        self.no_match_card = page.no_match_card
        self.show_all_button = page.show_all_button
        self.empty_card = page.empty_card
        self.reflect_button = page.reflect_button

    # Store and refreshing ---------------------------------------------------------------------

    def set_store(self, store: Store) -> None:
        self.editing.set_store(store)
        self.recently_deleted.set_store(store)
        super().set_store(store)

    def load_from_store(self) -> None:
        """Read everything again and keep each page in step (never writes: what waited 30
        days in "recently deleted" is purged when the profile opens).

        Out of sight, the journal only notes that it is out of date and reloads when it is
        shown again (see `Screen`), so changes elsewhere never wait on reading years of entries.
        """
        assert self._store is not None
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
        elif current is self.check_in_detail:
            check_in = self.model.check_in(DistressRatingId(self.check_in_detail.rating_id() or 0))
            if check_in is None:
                self.show_timeline()
            else:
                self.check_in_detail.show_check_in(check_in)

    def _reload(self) -> None:
        """Read the journal's rows, themes and sessions again; keep search, filters and place."""
        assert self._store is not None
        current = self.current_reflection_id()
        current_check_in = self.current_check_in_id()
        themes = self._store.themes.list()
        entries = self._store.journal.entries()
        check_ins = self._store.check_ins.distress_ratings()
        written = [entry.started_at for entry in entries]
        written += [rating.rated_at for rating in check_ins]
        self.filter_bar.set_choices(
            themes,
            self._store.sessions.list(),
            min(written).astimezone().date() if written else None,
            max(written).astimezone().date() if written else None,
        )
        looks = {theme.key: ThemeLook(theme.name, theme.colour) for theme in themes}
        self.model.set_entries(timeline_rows(entries, check_ins), looks)
        self.search.find(self._store, self.search.query)
        self._apply_filter(current, current_check_in)
        # On the next turn of the event loop: reading it here would lengthen this one.
        QTimer.singleShot(0, self, lambda: self.search.get_ready(self._store))

    # Search and filters -----------------------------------------------------------------------

    def _search_typed(self) -> None:
        self.notice.hide()
        self.search.typed()

    def run_search(self) -> None:
        """Search for what is in the search field now (the pause after typing ends here)."""
        self.search.timer.stop()
        self.search.find(self._store, self.search_field.text())
        self._apply_filter(self.current_reflection_id())

    def _filters_changed(self) -> None:
        self.notice.hide()
        self._apply_filter(self.current_reflection_id())

    def _apply_filter(
        self, keep: ReflectionId | None, keep_check_in: DistressRatingId | None = None
    ) -> None:
        if keep is None and keep_check_in is None:
            keep_check_in = self.current_check_in_id()
        hits = self.search.hits()
        check_in_hits = None
        if hits is not None:
            matches = note_matcher(self.search.query)
            check_in_hits = frozenset(
                c.rating_id for c in self.model.check_ins() if matches(c.note)
            )
        chosen = replace(self.filter_bar.current(), search_hits=hits, check_in_hits=check_in_hits)
        self.proxy.apply(chosen, self.search.shown_snippets())
        self._select(keep, keep_check_in)
        self._show_state()
        self.timeline_page.fit_timeline()

    def clear_search_and_filters(self) -> None:
        self.search_field.clear()
        self.search.clear()  # the filters below re-filter once, for both
        self.filter_bar.clear()  # through `changed`
        self.search_field.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_state(self) -> None:
        chosen = self.proxy.journal_filter()
        check_ins = self.model.check_ins()
        self.timeline_page.show_state(
            self.model.entry_count(),
            len(check_ins),
            sum(1 for check_in in check_ins if chosen.accepts(check_in)),
        )

    # Moving around ----------------------------------------------------------------------------

    def current_page(self) -> str:
        """Which page shows: "timeline", "gate", "detail", "check-in" or "deleted"."""
        current = self.pages.currentWidget()
        if current is self.gate:
            return "gate"
        if current is self.check_in_detail:
            return "check-in"
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

    def current_check_in_id(self) -> DistressRatingId | None:
        value = self.timeline.currentIndex().data(JournalRole.CHECK_IN_ID)
        return None if value is None else DistressRatingId(int(value))

    def _select(
        self, reflection_id: ReflectionId | None, check_in_id: DistressRatingId | None = None
    ) -> None:
        """Make `reflection_id` (or the quick check-in `check_in_id`) the current row if it
        shows, else the first row."""
        index = QModelIndex()
        if reflection_id is not None:
            index = self.proxy.mapFromSource(self.model.index_of(reflection_id))
        elif check_in_id is not None:
            index = self.proxy.mapFromSource(self.model.index_of_check_in(check_in_id))
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
        elif self.pages.currentWidget() is self.check_in_detail:
            self._select(None, self.check_in_detail.rating_id())
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
            return
        rating_id = index.data(JournalRole.CHECK_IN_ID)
        if rating_id is not None:
            self.open_check_in(int(rating_id))

    def open_check_in(self, rating_id: int) -> None:
        """Open a quick check-in: when it was, its distress and its note."""
        self.refresh_if_stale()
        check_in = self.model.check_in(DistressRatingId(rating_id))
        if check_in is None:
            return
        self.check_in_detail.show_check_in(check_in)
        self.pages.setCurrentWidget(self.check_in_detail)
        self.check_in_detail.back_button.setFocus(Qt.FocusReason.OtherFocusReason)

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
        return bool(self._store.settings.get(GATE_DIFFICULT_SETTING, True))

    def _open_past_gate(self, reflection_id: int) -> None:
        if not self._fill_detail(ReflectionId(reflection_id)):
            self.show_timeline()
            return
        self.detail.say("")
        self.pages.setCurrentWidget(self.detail)
        self.detail.back_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _fill_detail(self, reflection_id: ReflectionId) -> bool:
        entry = self.model.entry(reflection_id)
        if self._store is None or entry is None:
            return False
        try:
            reflection = self._store.reflections.get(reflection_id)
        except NotFoundError:
            return False
        session = group_title(entry)
        if entry.session_held_at is not None:
            session = fill(self.tr("%1 · %2"), session, day_text(entry.session_held_at))
        insights = [insight.text for insight in self._store.insights.from_reflection(reflection_id)]
        self.detail.show_reflection(
            reflection,
            title=phase_title(reflection.phase),
            subtitle=session,
            themes=self.model.theme_looks(self._store.themes.keys_for_reflection(reflection_id)),
            insights=insights,
        )
        return True

    # Changes ----------------------------------------------------------------------------------

    def move_to_recently_deleted(self, reflection_id: int) -> None:
        """Move a reflection to "recently deleted" (undoable, and restorable for 30 days);
        when insights came from it, ask first whether they go too."""
        if self._store is None:
            return
        try:
            insights = self._store.deleted.insights_from(
                DeletedKind.REFLECTION, ReflectionId(reflection_id)
            )
        except KapError as error:
            show_error(self, error)
            return
        with_insights = False
        if insights:
            choice = ask_about_reflection(self, insights)
            if choice is None:
                return
            with_insights = choice.with_insights
        self.editing.move_to_recently_deleted(reflection_id, with_insights=with_insights)

    def _say(self, words: str, answer_id: AnswerId | None = None) -> None:
        """A quiet word about what just happened, on whichever page shows."""
        if self.pages.currentWidget() is self.detail:
            self.detail.say(words, answer_id)
            return
        self.timeline_page.say(
            words,
            can_undo=self.undo_stack.canUndo(),
            in_sight=self.pages.currentWidget() is self.timeline_page,
        )

    def _changed(self, change: JournalChange) -> None:
        """A command changed the store: show it here, then tell the rest of the app."""
        if self._store is None:
            return
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
        assert self._store is not None
        try:
            reflection = self._store.reflections.get(reflection_id)
        except NotFoundError:
            return
        entry = self.model.entry(reflection_id)
        if entry is not None:
            first = next((a.text for a in reflection.answers if a.text), "")
            self.model.replace_entry(replace(entry, first_lines=first[:FIRST_LINES_CHARACTERS]))
        if self.search.query:
            self.search.find(self._store, self.search.query)
            self._apply_filter(self.current_reflection_id())
        if self.detail.reflection_id() == reflection_id and answer_id is not None:
            for answer in reflection.answers:
                if answer.id == answer_id:
                    self.detail.show_answer(answer_id, answer.text)

    def _sharing_changed(self, reflection_id: ReflectionId) -> None:
        assert self._store is not None
        try:
            shareable = self._store.reflections.get(reflection_id).shareable
        except NotFoundError:
            return
        entry: JournalEntry | None = self.model.entry(reflection_id)
        if entry is not None:
            self.model.replace_entry(replace(entry, shareable=shareable))
        if self.proxy.journal_filter().shareable_only:
            self._apply_filter(self.current_reflection_id())
        if self.detail.reflection_id() == reflection_id:
            self.detail.show_shareable(shareable)

    def _check_in_changed(self, change: CheckInChange) -> None:
        """A quick check-in moved to "recently deleted" or back: show it, tell the others."""
        if self._store is None:
            return
        if change.restored:
            self._reload()
            self._select(None, change.rating_id)
        else:
            self.model.remove_check_in(change.rating_id)
            if self.pages.currentWidget() is self.check_in_detail:
                self.pages.setCurrentWidget(self.timeline_page)
                self.timeline.setFocus(Qt.FocusReason.OtherFocusReason)
            self._apply_filter(self.current_reflection_id())
        self.recently_deleted.refresh()
        self.announce(DataKind.CHECK_INS)

    def _recently_deleted_changed(self, kind: str) -> None:
        changed = DataKind(kind)
        if changed in (DataKind.REFLECTIONS, DataKind.SESSIONS, DataKind.CHECK_INS):
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
                describe(error)[1] if isinstance(error, KapError) else str(error),
            ),
        )
