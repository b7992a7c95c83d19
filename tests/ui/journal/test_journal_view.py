"""The journal screen, driven through its real widgets and the keyboard, on a real store."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import cast

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QPushButton,
    QStyleOptionViewItem,
    QWidget,
)
from pytestqt.qtbot import QtBot

from kapcompanion.domain import DeletedKind, NewSession
from kapcompanion.errors import NotFoundError
from kapcompanion.ids import ReflectionId
from kapcompanion.journal import (
    GATE_DIFFICULT_SETTING,
    JournalEntry,
    JournalFilter,
    QuickCheckInEntry,
    filter_entries,
)
from kapcompanion.search import HIGHLIGHT_END, HIGHLIGHT_START
from kapcompanion.store import Store
from tests.raw_sql import connection_of, refusing_writes
from tests.ui.conftest import ShowView
from tests.ui.helpers import (
    answer_next_dialog,
    focused,
    press,
    tab_to,
    type_text,
    visible_texts,
    wait_until_nothing_is_clipped,
)
from ui.changes import DataKind
from ui.journal.delegate import JournalRowDelegate
from ui.journal.detail import CARDS_MADE_AHEAD, AnswerCard
from ui.journal.model import JournalRole
from ui.journal.view import JournalView
from ui.recently_deleted.view import WHEN_ROLE, RecentlyDeletedView

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier

# Helpers ----------------------------------------------------------------------------------


def shown_ids(view: JournalView) -> list[int]:
    """The reflections the timeline shows, top to bottom (quick check-ins aside)."""
    proxy = view.proxy
    shown = (proxy.index(row, 0).data(JournalRole.REFLECTION_ID) for row in range(proxy.rowCount()))
    return [int(reflection_id) for reflection_id in shown if reflection_id is not None]


def shown_check_ins(view: JournalView) -> list[int]:
    """The quick check-ins the timeline shows, top to bottom."""
    proxy = view.proxy
    shown = (proxy.index(row, 0).data(JournalRole.CHECK_IN_ID) for row in range(proxy.rowCount()))
    return [int(rating_id) for rating_id in shown if rating_id is not None]


def entries_of(store: Store) -> list[JournalEntry]:
    return store.journal.entries()


def search_for(view: JournalView, qtbot: QtBot, words: str) -> None:
    """Type `words` into the search field, as a person does, and wait for the list to follow."""
    view.search_field.setFocus()
    view.search_field.selectAll()
    press(qtbot, Qt.Key.Key_Backspace)
    type_text(qtbot, words)
    qtbot.waitUntil(lambda: not view.search.timer.isActive(), timeout=2000)


def calm_entry(view: JournalView) -> JournalEntry:
    """A reflection that opens without the gentle step, with words in its first answer."""
    return next(e for e in view.model.entries() if not e.is_difficult and e.first_lines)


def calm_entry_with(view: JournalView, store: Store, *, insights: bool) -> JournalEntry:
    """A calm reflection that insights came from (or, with `insights=False`, none did)."""
    return next(
        entry
        for entry in view.model.entries()
        if not entry.is_difficult
        and entry.first_lines
        and bool(store.deleted.insights_from(DeletedKind.REFLECTION, entry.reflection_id))
        == insights
    )


def open_by_keyboard(view: JournalView, qtbot: QtBot, reflection_id: ReflectionId) -> None:
    """Make `reflection_id` the current row of the timeline and press Enter on it."""
    view.show_timeline()
    view._select(reflection_id)
    view.timeline.setFocus()
    press(qtbot, Qt.Key.Key_Return)


# Fixtures ---------------------------------------------------------------------------------

ViewFactory = Callable[[Store], JournalView]


@pytest.fixture
def open_view(show_view: ShowView) -> ViewFactory:
    """Show a journal, on its timeline, in its own active window."""
    return lambda store: show_view(
        lambda: JournalView(RecentlyDeletedView()), store, first_page=JournalView.show_timeline
    )


# The timeline -----------------------------------------------------------------------------


def test_the_timeline_shows_every_reflection_newest_session_first(
    open_view: ViewFactory, demo_store: Store
) -> None:
    view = open_view(demo_store)
    expected = entries_of(demo_store)
    assert shown_ids(view) == [int(entry.reflection_id) for entry in expected]
    check_ins = demo_store.check_ins.distress_ratings()
    assert check_ins
    assert view.count_label.text() == (
        f"{len(expected)} reflections · {len(check_ins)} quick check-ins"
    )
    first = view.proxy.mapFromSource(view.model.index_of(expected[0].reflection_id))
    assert first.data(JournalRole.GROUP_TITLE) == "Session 6"
    assert first.data(JournalRole.DISTRESS).startswith("Distress ")
    themes = first.data(JournalRole.THEMES)
    assert themes and all(colour.startswith("#") for _name, colour in themes)
    spoken = first.data(Qt.ItemDataRole.AccessibleTextRole)
    assert "Session 6" in spoken and "Themes: " in spoken
    # Rows are painted, not built of widgets: the list holds none of its own.
    assert view.timeline.viewport().findChildren(QLabel) == []
    assert focused() is view.timeline


def test_an_empty_journal_says_what_will_appear_and_offers_one_button(
    open_view: ViewFactory, store: Store, qtbot: QtBot
) -> None:
    view = open_view(store)
    assert view.empty_card.isVisibleTo(view)
    assert not view.list_card.isVisibleTo(view)
    assert not view.search_field.isVisibleTo(view)
    assert any("will appear here" in line for line in visible_texts(view.empty_card))
    buttons = view.timeline_page.findChildren(QPushButton)
    shown = [b.text() for b in buttons if b.isVisibleTo(view) and b is not view.deleted_button]
    assert shown == ["Begin a reflection"]
    assert focused() is view.reflect_button
    with qtbot.waitSignal(view.reflect_requested):
        press(qtbot, Qt.Key.Key_Space)


# Search -----------------------------------------------------------------------------------


def test_search_as_you_type_narrows_the_list_and_highlights_what_matched(
    open_view: ViewFactory, demo_store: Store, qtbot: QtBot
) -> None:
    view = open_view(demo_store)
    total = len(entries_of(demo_store))
    press(qtbot, Qt.Key.Key_F, CTRL)
    assert focused() is view.search_field
    type_text(qtbot, "ja")
    assert len(shown_ids(view)) == total  # a short pause first: nothing jumps while typing
    type_text(qtbot, "w")
    qtbot.waitUntil(lambda: len(shown_ids(view)) < total, timeout=2000)

    hits = demo_store.journal.matching_reflections("jaw")
    assert sorted(shown_ids(view)) == sorted(int(i) for i in hits)
    for row in range(view.proxy.rowCount()):
        snippet = view.proxy.index(row, 0).data(JournalRole.SNIPPET)
        assert f"{HIGHLIGHT_START}jaw{HIGHLIGHT_END}" in snippet.lower()
    assert view.count_label.text() == f"Showing {len(hits)} of {total} reflections"

    # Prefix matching ("ja" finds "jaw") and "phrases" come from the core.
    search_for(view, qtbot, '"jaw check"')
    assert 0 < len(shown_ids(view)) < len(hits)

    # Esc in the search field empties it; everything shows again.
    view.search_field.setFocus()
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: len(shown_ids(view)) == total, timeout=2000)
    assert view.proxy.index(0, 0).data(JournalRole.SNIPPET) == ""


def test_down_from_the_search_box_moves_into_the_results(
    open_view: ViewFactory, demo_store: Store, qtbot: QtBot
) -> None:
    view = open_view(demo_store)
    search_for(view, qtbot, "jaw")
    found = shown_ids(view)
    assert found
    press(qtbot, Qt.Key.Key_Down)
    assert focused() is view.timeline
    assert view.timeline.currentIndex().data(JournalRole.REFLECTION_ID) == found[0]
    assert view.search_field.text() == "jaw"  # the search stays as typed


@pytest.mark.parametrize(
    "query",
    ['"', "*", "NEAR(", "-", "🌿", 'jaw"', "AND OR NOT", "'; DROP TABLE answers; --", "x" * 10_000],
)
def test_odd_queries_never_break_anything(
    open_view: ViewFactory, demo_store: Store, qtbot: QtBot, query: str
) -> None:
    view = open_view(demo_store)
    total = len(entries_of(demo_store))
    search_for(view, qtbot, query[:40])  # typed, as far as a person would type
    view.search_field.setText(query)  # and pasted whole
    view.run_search()
    shown = len(shown_ids(view))
    assert shown <= total
    assert view.list_card.isVisibleTo(view) == (shown > 0)
    assert view.no_match_card.isVisibleTo(view) == (shown == 0)
    if query in ('"', "*", "-", "🌿"):
        assert shown == total  # nothing to look for: everything stays
    assert len(entries_of(demo_store)) == total  # and nothing was harmed


def test_nothing_matching_says_so_calmly_and_offers_a_way_back(
    open_view: ViewFactory, demo_store: Store, qtbot: QtBot
) -> None:
    view = open_view(demo_store)
    search_for(view, qtbot, "zebra")
    assert shown_ids(view) == []
    assert view.no_match_card.isVisibleTo(view)
    assert (
        "Nothing matches these filters. You might clear a filter or try other words."
        in visible_texts(view.no_match_card)
    )
    tab_to(qtbot, view.show_all_button)
    press(qtbot, Qt.Key.Key_Space)
    assert view.search_field.text() == ""
    assert len(shown_ids(view)) == len(entries_of(demo_store))


# Filters ------------------------------------------------------------------------------------


def test_filters_combine_with_search_and_with_each_other(
    open_view: ViewFactory, demo_store: Store, qtbot: QtBot
) -> None:
    view = open_view(demo_store)
    entries = entries_of(demo_store)
    bar = view.filter_bar

    def expected(chosen: JournalFilter, query: str = "") -> list[int]:
        if query:
            hits = frozenset(demo_store.journal.matching_reflections(query))
            chosen = replace(chosen, search_hits=hits)
        return [int(entry.reflection_id) for entry in filter_entries(entries, chosen)]

    search_for(view, qtbot, "jaw")
    view.filters_button.setFocus()
    press(qtbot, Qt.Key.Key_Space)
    assert view.filter_card.isVisibleTo(view)
    assert focused() is bar.theme_box

    # Themes: the list opens with the keyboard and Space ticks without closing it.
    press(qtbot, Qt.Key.Key_Down)
    popup = bar.theme_box.view()
    qtbot.waitUntil(popup.isVisible, timeout=2000)
    shame_row = next(
        row
        for row in range(bar.theme_box.count())
        if bar.theme_box.itemData(row, Qt.ItemDataRole.DisplayRole) == "Shame"
    )
    popup.setCurrentIndex(bar.theme_box.model().index(shame_row, 0))
    qtbot.keyClick(popup, Qt.Key.Key_Space)
    assert popup.isVisible()
    bar.theme_box.hidePopup()
    assert bar.theme_box.label() == "Shame"
    with_theme = JournalFilter(themes=frozenset({"shame"}))
    assert shown_ids(view) == expected(with_theme, "jaw") != []

    # Phase, by keyboard: "Later the same day" is second in the list.
    bar.phase_box.setFocus()
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Down)
    phase = bar.current().phases
    assert phase
    assert shown_ids(view) == expected(replace(with_theme, phases=phase), "jaw")
    assert view.filters_button.text() == "Filters (2)"

    # Session.
    bar.phase_box.setCurrentIndex(0)
    bar.session_box.setFocus()
    press(qtbot, Qt.Key.Key_End)  # the oldest session
    session_id = bar.current().session_id
    assert session_id is not None
    assert shown_ids(view) == expected(replace(with_theme, session_id=session_id), "jaw")

    # Dates: from the second session on, without a search, gives fewer than all.
    view.search_field.clear()
    view.run_search()
    bar.theme_box.choose(())
    bar.session_box.setCurrentIndex(0)
    days = sorted({entry.local_day for entry in entries})
    bar.from_date.choose(days[2])
    bar.to_date.choose(days[-2])
    dated = JournalFilter(date_from=days[2], date_to=days[-2])
    assert 0 < len(shown_ids(view)) < len(entries)
    assert shown_ids(view) == expected(dated)

    # "Shareable only": nothing is shared yet; share one and it shows.
    bar.from_date.choose(None)
    bar.to_date.choose(None)
    bar.shareable_box.setFocus()
    press(qtbot, Qt.Key.Key_Space)
    assert shown_ids(view) == []
    assert view.no_match_card.isVisibleTo(view)
    chosen = entries[3]
    demo_store.reflections.set_shareable(chosen.reflection_id, True)
    view.refresh()
    assert shown_ids(view) == [int(chosen.reflection_id)]

    # Clear filters: everything again.
    tab_to(qtbot, bar.clear_button)
    press(qtbot, Qt.Key.Key_Space)
    assert len(shown_ids(view)) == len(entries)
    assert view.filters_button.text() == "Filters"
    assert not bar.clear_button.isEnabled()


# The gentle step before a difficult entry -------------------------------------------------


def test_the_session_filter_offers_every_session_once_the_filters_open(
    open_view: ViewFactory, demo_store: Store, qtbot: QtBot
) -> None:
    view = open_view(demo_store)
    added = demo_store.sessions.add(
        NewSession(held_at=datetime.now(UTC) - timedelta(hours=1), number_in_course=7)
    )
    view.data_changed_elsewhere(DataKind.SESSIONS)  # a session logged while the filters are shut
    view.filters_button.setFocus()
    press(qtbot, Qt.Key.Key_Space)
    box = view.filter_bar.session_box
    offered = [box.itemData(row) for row in range(1, box.count())]
    assert offered[0] == int(added.id)  # newest first
    assert sorted(offered) == sorted(int(s.id) for s in demo_store.sessions.list())
    box.setCurrentIndex(1)
    view.data_changed_elsewhere(DataKind.SESSIONS)
    assert box.currentData() == int(added.id)  # a choice made stays through a change


def test_a_difficult_entry_asks_first_and_the_setting_turns_that_off(
    open_view: ViewFactory, demo_store: Store, qtbot: QtBot
) -> None:
    view = open_view(demo_store)
    [difficult] = [entry for entry in view.model.entries() if entry.is_difficult]
    assert max(difficult.distress_start or 0, difficult.distress_end or 0) >= 8

    open_by_keyboard(view, qtbot, difficult.reflection_id)
    assert view.current_page() == "gate"
    assert "This one was hard to write. Open it now?" in visible_texts(view.gate)
    # Nothing of the reflection itself shows yet.
    assert not any(difficult.first_lines[:30] in line for line in visible_texts(view.gate))
    assert focused() is view.gate.not_now_button
    press(qtbot, Qt.Key.Key_Space)  # "Not now"
    assert view.current_page() == "timeline"
    assert view.current_reflection_id() == difficult.reflection_id

    open_by_keyboard(view, qtbot, difficult.reflection_id)
    press(qtbot, Qt.Key.Key_Escape)  # Esc means "not now" too
    assert view.current_page() == "timeline"

    open_by_keyboard(view, qtbot, difficult.reflection_id)
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is view.gate.open_button
    press(qtbot, Qt.Key.Key_Space)  # "Open it"
    assert view.current_page() == "detail"
    assert view.detail.reflection_id() == difficult.reflection_id
    press(qtbot, Qt.Key.Key_Escape)
    assert view.current_page() == "timeline"

    # A calm entry opens straight away.
    open_by_keyboard(view, qtbot, calm_entry(view).reflection_id)
    assert view.current_page() == "detail"
    press(qtbot, Qt.Key.Key_Escape)

    # Turned off in Settings: the difficult one opens straight away as well.
    demo_store.settings.set(GATE_DIFFICULT_SETTING, False)
    open_by_keyboard(view, qtbot, difficult.reflection_id)
    assert view.current_page() == "detail"


# The whole reflection ---------------------------------------------------------------------


def test_the_detail_shows_prompts_as_written_and_skipped_ones_quietly(
    open_view: ViewFactory, demo_store: Store, qtbot: QtBot
) -> None:
    view = open_view(demo_store)
    entry = calm_entry(view)
    open_by_keyboard(view, qtbot, entry.reflection_id)
    reflection = demo_store.reflections.get(entry.reflection_id)
    texts = visible_texts(view.detail)
    for answer in reflection.answers:
        assert answer.prompt_text in texts
        if answer.text:
            assert answer.text in texts
    skipped = [a for a in reflection.answers if not a.text]
    assert texts.count("You skipped this one.") == len(skipped)
    names = {theme.key: theme.name for theme in demo_store.themes.list()}
    for key in entry.theme_keys:
        assert names[key] in texts
    assert any(line.endswith(" at the end") for line in texts)  # distress, start and end
    assert focused() is view.detail.back_button


def test_editing_an_answer_can_be_undone_and_redone(
    open_view: ViewFactory, demo_store: Store, qtbot: QtBot
) -> None:
    view = open_view(demo_store)
    entry = calm_entry(view)
    open_by_keyboard(view, qtbot, entry.reflection_id)
    answer_card = next(c for c in view.detail.answer_cards if c.words())
    answer_id = answer_card.answer_id
    before = answer_card.words()
    stamp_before = next(
        a.updated_at
        for a in demo_store.reflections.get(entry.reflection_id).answers
        if a.id == answer_id
    )

    def stored() -> str:
        answers = demo_store.reflections.get(entry.reflection_id).answers
        return next(a.text for a in answers if a.id == answer_id)

    answer_card.edit_button.setFocus()
    press(qtbot, Qt.Key.Key_Space)
    assert focused() is answer_card.editor
    press(qtbot, Qt.Key.Key_A, CTRL)
    type_text(qtbot, "Softer now. 🌿")
    with qtbot.waitSignal(view.data_changed) as changed:
        press(qtbot, Qt.Key.Key_Return, CTRL)
    assert changed.args == [DataKind.REFLECTIONS]
    assert stored() == "Softer now. 🌿"
    assert answer_card.words_label.text() == "Softer now. 🌿"
    assert focused() is answer_card.edit_button
    updated = next(
        a.updated_at
        for a in demo_store.reflections.get(entry.reflection_id).answers
        if a.id == answer_id
    )
    assert updated >= stamp_before
    assert "Ctrl+Z" in answer_card.note.text()

    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert stored() == before
    assert answer_card.words_label.text() == before
    assert answer_card.note.text() == "Undone: the change to an answer."
    press(qtbot, Qt.Key.Key_Z, CTRL | SHIFT)
    assert stored() == "Softer now. 🌿"
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert stored() == before
    press(qtbot, Qt.Key.Key_Y, CTRL)
    assert stored() == "Softer now. 🌿"

    # Undo works from the timeline too, and the row follows.
    press(qtbot, Qt.Key.Key_Escape)
    assert view.current_page() == "timeline"
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert stored() == before
    assert view.notice.isVisibleTo(view)


def test_cancel_keeps_the_answer_and_esc_saves_before_going_back(
    open_view: ViewFactory, demo_store: Store, qtbot: QtBot
) -> None:
    view = open_view(demo_store)
    entry = calm_entry(view)
    open_by_keyboard(view, qtbot, entry.reflection_id)
    answer_card = view.detail.answer_cards[-1]
    before = answer_card.words()
    answer_card.start_editing()
    type_text(qtbot, " and more")
    answer_card.cancel_button.click()
    assert answer_card.words() == before
    assert not view.undo_stack.canUndo()

    answer_card.start_editing()
    type_text(qtbot, " kept")
    assert view.is_editing()
    press(qtbot, Qt.Key.Key_Escape)
    assert view.current_page() == "timeline"
    answers = demo_store.reflections.get(entry.reflection_id).answers
    assert next(a.text for a in answers if a.id == answer_card.answer_id) == before + " kept"


def height_needed(label: QLabel) -> int:
    """How tall `label`'s words are at its width, worked out by a new label of the same kind
    (so nothing the page's own label remembers can hide a change)."""
    fresh = QLabel(label.text())
    fresh.setObjectName(label.objectName())
    fresh.setWordWrap(True)
    fresh.setTextFormat(label.textFormat())
    fresh.setTextInteractionFlags(label.textInteractionFlags())
    fresh.ensurePolished()
    fresh.setFont(label.font())
    return fresh.heightForWidth(label.width())


def answers_fully_shown(view: JournalView) -> bool:
    """Every prompt and answer on the reflection's page is exactly as tall as its words."""
    QApplication.processEvents()
    labels = [
        label
        for card in view.detail.answer_cards
        for label in (card.prompt_label, card.words_label)
    ]
    return all(label.height() == height_needed(label) for label in labels)


def test_every_answer_shows_in_full_after_edits_undo_other_entries_and_resizing(
    open_view: ViewFactory, demo_store: Store, qtbot: QtBot
) -> None:
    view = open_view(demo_store)
    entries = [e for e in view.model.entries() if not e.is_difficult and e.first_lines]
    open_by_keyboard(view, qtbot, entries[0].reflection_id)
    qtbot.waitUntil(lambda: answers_fully_shown(view), timeout=3000)

    answer_card = next(c for c in view.detail.answer_cards if c.words())
    before_height = answer_card.words_label.height()
    answer_card.start_editing("Longer now. " * 60)
    answer_card.save()
    qtbot.waitUntil(lambda: answers_fully_shown(view), timeout=3000)
    assert answer_card.words_label.height() > before_height
    press(qtbot, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: answers_fully_shown(view), timeout=3000)
    assert answer_card.words_label.height() == before_height

    answer_card.start_editing("")  # an emptied answer reads as skipped, in its quieter role
    answer_card.save()
    assert answer_card.words_label.text() == "You skipped this one."
    qtbot.waitUntil(lambda: answers_fully_shown(view), timeout=3000)

    for entry in entries[1:4]:  # the cards are filled again for each reflection
        view.show_timeline()
        open_by_keyboard(view, qtbot, entry.reflection_id)
        reflection = demo_store.reflections.get(entry.reflection_id)
        assert [c.words() for c in view.detail.answer_cards] == [a.text for a in reflection.answers]
        qtbot.waitUntil(lambda: answers_fully_shown(view), timeout=3000)

    wide = view.detail.answer_cards[0].words_label.width()
    view.resize(520, 480)
    qtbot.waitUntil(lambda: view.detail.answer_cards[0].words_label.width() < wide, timeout=3000)
    qtbot.waitUntil(lambda: answers_fully_shown(view), timeout=3000)


def test_a_reflection_opened_after_a_quiet_moment_shows_each_answer_once(
    open_view: ViewFactory, demo_store: Store, qtbot: QtBot
) -> None:
    view = open_view(demo_store)
    # While the window is quiet, the page makes its answer cards ahead of time.
    qtbot.waitUntil(lambda: len(view.detail.findChildren(AnswerCard)) >= CARDS_MADE_AHEAD)
    for entry in [e for e in view.model.entries() if not e.is_difficult][:3]:
        view.show_timeline()
        open_by_keyboard(view, qtbot, entry.reflection_id)
        answers = demo_store.reflections.get(entry.reflection_id).answers
        shown = [c for c in view.detail.findChildren(AnswerCard) if c.isVisibleTo(view.detail)]
        assert sorted(c.answer_id for c in shown) == sorted(a.id for a in answers)
        texts = visible_texts(view.detail)
        for answer in answers:
            assert texts.count(answer.prompt_text) == 1
            if answer.text:
                assert texts.count(answer.text) == 1


def test_tab_reaches_every_answer_of_a_long_reflection_in_order(
    open_view: ViewFactory, demo_store: Store, qtbot: QtBot
) -> None:
    view = open_view(demo_store)
    entry = max(
        (e for e in view.model.entries() if not e.is_difficult),
        key=lambda e: len(demo_store.reflections.get(e.reflection_id).answers),
    )
    shorter = next(e for e in view.model.entries() if not e.is_difficult and e != entry)
    open_by_keyboard(view, qtbot, shorter.reflection_id)  # its cards are used again next
    view.show_timeline()
    open_by_keyboard(view, qtbot, entry.reflection_id)
    cards = view.detail.answer_cards
    assert len(cards) == len(demo_store.reflections.get(entry.reflection_id).answers) > 1
    reached: list[QWidget] = []
    for _ in range(2 * len(cards) + 10):
        press(qtbot, Qt.Key.Key_Tab)
        reached.append(focused())
    for card in cards:
        assert card.edit_button in reached, card.prompt_text
    # Top to bottom: the share box in the first card, then each answer's Edit.
    order = [reached.index(view.detail.share_box)] + [reached.index(c.edit_button) for c in cards]
    assert order == sorted(order)


def test_a_refused_save_says_so_gently_and_keeps_the_words(
    open_view: ViewFactory,
    demo_store: Store,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    view = open_view(demo_store)
    entry = calm_entry(view)
    open_by_keyboard(view, qtbot, entry.reflection_id)
    answer_card = view.detail.answer_cards[0]
    before = answer_card.words()

    answer_card.start_editing()
    type_text(qtbot, " and this must not be lost")
    seen: list[tuple[str, str]] = []
    answer_next_dialog(seen, choose="Close")
    with refusing_writes(demo_store):
        press(qtbot, Qt.Key.Key_Return, CTRL)
    [(title, message)] = seen
    assert title == "That change is not saved"
    assert "still here" in message and "Traceback" not in message
    answer_card = view.detail.answer_cards[0]
    assert answer_card.is_editing()
    assert answer_card.editor.toPlainText() == before + " and this must not be lost"
    assert answer_card.words() == before
    assert not view.undo_stack.canUndo()
    said = [card.note.text() for card in view.detail.answer_cards] + [view.detail.status.text()]
    assert not any("Saved" in words for words in said)  # nothing claims it worked


def test_sharing_is_a_checkbox_that_can_be_undone(
    open_view: ViewFactory, demo_store: Store, qtbot: QtBot
) -> None:
    view = open_view(demo_store)
    entry = calm_entry(view)
    open_by_keyboard(view, qtbot, entry.reflection_id)
    tab_to(qtbot, view.detail.share_box)
    press(qtbot, Qt.Key.Key_Space)
    assert demo_store.reflections.get(entry.reflection_id).shareable
    assert view.model.entry(entry.reflection_id).shareable  # type: ignore[union-attr]
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert not demo_store.reflections.get(entry.reflection_id).shareable
    assert not view.detail.share_box.isChecked()


# Recently deleted ---------------------------------------------------------------------------


def test_move_to_recently_deleted_then_restore(
    open_view: ViewFactory, demo_store: Store, qtbot: QtBot
) -> None:
    view = open_view(demo_store)
    entry = calm_entry_with(view, demo_store, insights=False)  # moves without a question
    total = len(shown_ids(view))
    open_by_keyboard(view, qtbot, entry.reflection_id)
    view.detail.delete_button.setFocus()
    with qtbot.waitSignal(view.data_changed):
        press(qtbot, Qt.Key.Key_Space)
    assert view.current_page() == "timeline"
    assert int(entry.reflection_id) not in shown_ids(view)
    assert len(shown_ids(view)) == total - 1
    assert view.notice.isVisibleTo(view) and view.notice_undo.isVisibleTo(view)
    with pytest.raises(NotFoundError):
        demo_store.reflections.get(entry.reflection_id)

    # Ctrl+Z brings it straight back; Ctrl+Shift+Z moves it again.
    view.timeline.setFocus()
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert int(entry.reflection_id) in shown_ids(view)
    press(qtbot, Qt.Key.Key_Z, CTRL | SHIFT)
    assert int(entry.reflection_id) not in shown_ids(view)

    # Or restore it from "recently deleted".
    view.deleted_button.setFocus()
    press(qtbot, Qt.Key.Key_Space)
    assert view.current_page() == "deleted"
    page = cast(RecentlyDeletedView, view.recently_deleted)
    assert page.model.rowCount() == 1
    assert page.model.index(0, 0).data().startswith("A reflection: ")
    assert focused() is page.list_view
    tab_to(qtbot, page.restore_button)
    with qtbot.waitSignal(view.data_changed) as changed:
        press(qtbot, Qt.Key.Key_Space)
    assert changed.args == [DataKind.REFLECTIONS]
    assert page.model.rowCount() == 0
    assert page.empty_card.isVisibleTo(view)
    press(qtbot, Qt.Key.Key_Escape)
    assert view.current_page() == "timeline"
    assert int(entry.reflection_id) in shown_ids(view)
    assert demo_store.reflections.get(entry.reflection_id).id == entry.reflection_id


def test_moving_a_reflection_asks_about_its_insights_and_undo_takes_back_all(
    open_view: ViewFactory, demo_store: Store, qtbot: QtBot
) -> None:
    view = open_view(demo_store)
    entry = calm_entry_with(view, demo_store, insights=True)
    board = {insight.text for insight in demo_store.insights.list()}
    its_own = {
        insight.text
        for insight in demo_store.insights.list()
        if insight.reflection_id == entry.reflection_id
    }

    def move_choosing(choice: str) -> list[tuple[str, str]]:
        open_by_keyboard(view, qtbot, entry.reflection_id)
        seen: list[tuple[str, str]] = []
        answer_next_dialog(seen, choose=choice)
        view.detail.delete_button.setFocus()
        press(qtbot, Qt.Key.Key_Space)
        return seen

    # "Not now" leaves everything where it was.
    ((title, words),) = move_choosing("Not now")
    assert title == "Some insights came from this reflection"
    assert "came from it" in words and "keep your insights on the board" in words
    assert view.current_page() == "detail"
    assert int(entry.reflection_id) in shown_ids(view)

    # Keep the insights: the reflection goes, its insights stay on the board.
    move_choosing("Move it, keep the insights")
    assert int(entry.reflection_id) not in shown_ids(view)
    assert {insight.text for insight in demo_store.insights.list()} == board
    view.timeline.setFocus()
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert int(entry.reflection_id) in shown_ids(view)

    # Move them too: both go; Ctrl+Z brings both back, Ctrl+Shift+Z moves both again.
    move_choosing("Move the insights too")
    assert "with its insights" in view.timeline_page.notice_text.text()
    assert {insight.text for insight in demo_store.insights.list()} == board - its_own
    view.timeline.setFocus()
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert int(entry.reflection_id) in shown_ids(view)
    assert {insight.text for insight in demo_store.insights.list()} == board
    press(qtbot, Qt.Key.Key_Z, CTRL | SHIFT)
    assert int(entry.reflection_id) not in shown_ids(view)
    assert {insight.text for insight in demo_store.insights.list()} == board - its_own

    # Recently deleted shows one row that names the insights; restoring brings all back.
    view.show_recently_deleted()
    page = cast(RecentlyDeletedView, view.recently_deleted)
    assert page.model.rowCount() == 1
    assert page.model.index(0, 0).data(WHEN_ROLE).startswith("With its ")
    assert "insight" in page.model.index(0, 0).data(WHEN_ROLE)
    tab_to(qtbot, page.restore_button)
    press(qtbot, Qt.Key.Key_Space)
    assert {insight.text for insight in demo_store.insights.list()} == board
    press(qtbot, Qt.Key.Key_Escape)
    assert int(entry.reflection_id) in shown_ids(view)


def test_delete_permanently_asks_once_more_then_erases(
    open_view: ViewFactory, demo_store: Store, qtbot: QtBot
) -> None:
    view = open_view(demo_store)
    entry = calm_entry(view)
    demo_store.deleted.move(DeletedKind.REFLECTION, entry.reflection_id)
    view.refresh()
    view.show_recently_deleted()
    page = cast(RecentlyDeletedView, view.recently_deleted)
    assert page.model.rowCount() == 1

    seen: list[tuple[str, str]] = []
    answer_next_dialog(seen, choose="Keep it")
    page.delete_button.setFocus()
    press(qtbot, Qt.Key.Key_Space)
    assert seen == [("Delete this for good?", "This cannot be undone.")]
    assert page.model.rowCount() == 1  # kept

    answer_next_dialog(seen, choose="Delete for good")
    page.delete_button.setFocus()
    with qtbot.waitSignal(view.data_changed):
        press(qtbot, Qt.Key.Key_Space)
    assert page.model.rowCount() == 0
    assert demo_store.deleted.items() == []
    with pytest.raises(NotFoundError):
        demo_store.reflections.get(entry.reflection_id)
    assert not view.undo_stack.canUndo()
    rows = (
        connection_of(demo_store)
        .execute("SELECT COUNT(*) FROM answers WHERE reflection_id = ?", [entry.reflection_id])
        .fetchone()[0]
    )
    assert rows == 0


# Keyboard, names and room -----------------------------------------------------------------


def test_ctrl_f_finds_the_search_from_anywhere_in_the_journal(
    open_view: ViewFactory, demo_store: Store, qtbot: QtBot
) -> None:
    view = open_view(demo_store)
    open_by_keyboard(view, qtbot, calm_entry(view).reflection_id)
    assert view.current_page() == "detail"
    press(qtbot, Qt.Key.Key_F, CTRL)
    assert view.current_page() == "timeline"
    assert focused() is view.search_field
    # From the search field, Tab reaches the timeline; Enter there opens the current row.
    tab_to(qtbot, view.timeline)
    press(qtbot, Qt.Key.Key_Return)
    assert view.current_page() in ("detail", "gate")


def test_nothing_is_clipped_in_the_smallest_window(
    open_view: ViewFactory, demo_store: Store, qtbot: QtBot
) -> None:
    view = open_view(demo_store)
    view.resize(520, 480)  # the main window's smallest size, less its sidebar
    entry = calm_entry(view)
    [difficult] = [e for e in view.model.entries() if e.is_difficult]
    demo_store.deleted.move(DeletedKind.REFLECTION, view.model.entries()[-1].reflection_id)
    view.refresh()

    def timeline_with_filters() -> None:
        view.show_timeline()
        view.filters_button.setChecked(True)

    def nothing_matches() -> None:
        view.search_field.setText("zebra")
        view.run_search()

    for show in (
        timeline_with_filters,
        nothing_matches,
        lambda: view.open_entry(int(difficult.reflection_id)),
        lambda: view.open_entry(int(entry.reflection_id)),
        view.show_recently_deleted,
    ):
        show()
        page = view.pages.currentWidget()
        assert page is not None
        wait_until_nothing_is_clipped(qtbot, page)


def test_changes_made_elsewhere_show_when_the_journal_is_shown_again(
    open_view: ViewFactory, demo_store: Store, qtbot: QtBot
) -> None:
    view = open_view(demo_store)
    first = view.model.entries()[0]
    view.hide()
    demo_store.deleted.move(DeletedKind.REFLECTION, first.reflection_id)
    view.refresh()  # out of sight: only noted
    assert view.model.entry(first.reflection_id) is not None
    view.show()
    qtbot.waitUntil(lambda: view.model.entry(first.reflection_id) is None, timeout=2000)
    assert int(first.reflection_id) not in shown_ids(view)


def test_tab_leaves_a_date_filter_that_says_any_date(
    open_view: ViewFactory, demo_store: Store, qtbot: QtBot
) -> None:
    view = open_view(demo_store)
    view.filters_button.setChecked(True)
    QApplication.processEvents()
    from_date = view.filter_bar.from_date
    assert from_date.chosen() is None  # shows "Any date"
    from_date.setFocus()
    qtbot.waitUntil(
        lambda: (
            from_date.hasFocus() or bool(from_date.lineEdit() and from_date.lineEdit().hasFocus())
        ),
        timeout=1000,
    )
    press(qtbot, Qt.Key.Key_Tab)
    now = focused()
    assert now is not from_date and now is not from_date.lineEdit()


# Quick check-ins ----------------------------------------------------------------------------


def test_quick_check_ins_stand_in_time_among_the_reflections_and_read_aloud(
    open_view: ViewFactory, demo_store: Store
) -> None:
    view = open_view(demo_store)
    ratings = demo_store.check_ins.distress_ratings()
    newest_first = sorted(ratings, key=lambda rating: rating.rated_at, reverse=True)
    assert shown_check_ins(view) == [int(rating.id) for rating in newest_first]
    # Each row stands where it belongs in time: below the sessions held after it.
    proxy = view.proxy
    for row in range(proxy.rowCount()):
        check_in = proxy.index(row, 0).data(JournalRole.ENTRY)
        if not isinstance(check_in, QuickCheckInEntry):
            continue
        above = [proxy.index(r, 0).data(JournalRole.ENTRY) for r in range(row)]
        assert all(entry.placed_at >= check_in.rated_at for entry in above)
    restless = next(rating for rating in ratings if rating.note == "Restless evening.")
    index = proxy.mapFromSource(view.model.index_of_check_in(restless.id))
    assert index.data() == "Quick check-in"
    assert index.data(JournalRole.GROUP_TITLE) == "Between sessions"
    spoken = index.data(Qt.ItemDataRole.AccessibleTextRole)
    assert spoken.startswith("Quick check-in, ")
    assert "Distress 6 of 10" in spoken and "Note: Restless evening." in spoken
    # A compact row: shorter than a reflection's (each without its session's heading).
    delegate = cast(JournalRowDelegate, view.timeline.itemDelegate())
    option = QStyleOptionViewItem()
    option.initFrom(view.timeline)

    def own_height(shown: QModelIndex) -> int:
        heading = delegate._heading_height(option.font) if delegate.starts_group(shown) else 0
        return delegate.sizeHint(option, shown).height() - heading

    reflection = proxy.mapFromSource(view.model.index_of(view.model.entries()[0].reflection_id))
    assert own_height(index) < own_height(reflection)


def test_a_quick_check_in_opens_by_keyboard_and_moves_away_with_undo(
    open_view: ViewFactory, demo_store: Store, qtbot: QtBot
) -> None:
    view = open_view(demo_store)
    restless = next(
        rating
        for rating in demo_store.check_ins.distress_ratings()
        if rating.note == "Restless evening."
    )
    total = len(shown_check_ins(view))
    view.timeline.setFocus()
    view._select(None, restless.id)
    press(qtbot, Qt.Key.Key_Return)
    assert view.current_page() == "check-in"
    page = view.check_in_detail
    assert focused() is page.back_button
    texts = visible_texts(page)
    assert "Quick check-in" in texts and "Restless evening." in texts
    assert any(words.startswith("Distress 6 of 10: ") for words in texts)
    press(qtbot, Qt.Key.Key_Escape)
    assert view.current_page() == "timeline"
    assert view.current_check_in_id() == restless.id

    press(qtbot, Qt.Key.Key_Return)
    tab_to(qtbot, page.delete_button)
    with qtbot.waitSignal(view.data_changed) as changed:
        press(qtbot, Qt.Key.Key_Space)
    assert changed.args == [DataKind.CHECK_INS]
    assert view.current_page() == "timeline"
    assert int(restless.id) not in shown_check_ins(view)
    assert len(shown_check_ins(view)) == total - 1
    assert restless not in demo_store.check_ins.distress_ratings()
    assert view.notice.isVisibleTo(view) and view.notice_undo.isVisibleTo(view)
    assert "recently deleted" in view.timeline_page.notice_text.text()

    # Undo brings it straight back, in its place; redo moves it again.
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert int(restless.id) in shown_check_ins(view)
    assert restless in demo_store.check_ins.distress_ratings()
    press(qtbot, Qt.Key.Key_Z, CTRL | SHIFT)
    assert int(restless.id) not in shown_check_ins(view)

    # And "recently deleted" restores it too.
    deleted = cast(RecentlyDeletedView, view.recently_deleted)
    view.show_recently_deleted()
    assert deleted.model.rowCount() == 1
    tab_to(qtbot, deleted.restore_button)
    with qtbot.waitSignal(view.data_changed):
        press(qtbot, Qt.Key.Key_Space)
    press(qtbot, Qt.Key.Key_Escape)
    assert int(restless.id) in shown_check_ins(view)


def test_filters_leave_quick_check_ins_out_and_a_search_keeps_matching_notes(
    open_view: ViewFactory, demo_store: Store, qtbot: QtBot
) -> None:
    view = open_view(demo_store)
    assert shown_check_ins(view)
    view.filter_bar.shareable_box.setChecked(True)
    assert shown_check_ins(view) == []
    view.filter_bar.shareable_box.setChecked(False)
    assert shown_check_ins(view)

    restless = next(
        rating
        for rating in demo_store.check_ins.distress_ratings()
        if rating.note == "Restless evening."
    )
    search_for(view, qtbot, "restless")
    assert shown_check_ins(view) == [int(restless.id)]
    assert view.count_label.text().endswith(" · 1 quick check-in")
    search_for(view, qtbot, "zzzz-nothing")
    assert shown_check_ins(view) == []
    assert view.no_match_card.isVisibleTo(view)


def test_a_journal_of_only_quick_check_ins_shows_them(open_view: ViewFactory, store: Store) -> None:
    store.check_ins.add_distress_rating(3, note="steady")
    view = open_view(store)
    assert len(shown_check_ins(view)) == 1
    assert view.list_card.isVisibleTo(view)
    assert not view.empty_card.isVisibleTo(view)
    assert view.count_label.text() == "1 quick check-in"
