"""The sessions screen, driven through its real widgets and the keyboard, on a real store."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot

from kapcompanion.data_files.prompt_sets import prompt_set_for
from kapcompanion.domain import DeletedKind, NewSession, Phase, SessionKind
from kapcompanion.store import Store
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
from ui.sessions.list_model import SessionRole
from ui.sessions.view import SessionsView

# Helpers ----------------------------------------------------------------------------------


def row_titles(view: SessionsView) -> list[str]:
    model = view.model
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def hours_ago(hours: float) -> datetime:
    return datetime.now(UTC).replace(microsecond=0) - timedelta(hours=hours)


# Fixtures ---------------------------------------------------------------------------------

ViewFactory = Callable[[Store], SessionsView]


@pytest.fixture
def open_view(show_view: ShowView) -> ViewFactory:
    """Show a sessions screen, on its list, in its own active window."""
    return lambda store: show_view(SessionsView, store, first_page=SessionsView.show_list)


# Tests ------------------------------------------------------------------------------------


def test_an_empty_profile_says_what_will_appear_and_offers_one_button(
    open_view: ViewFactory, store: Store
) -> None:
    view = open_view(store)
    assert view.empty_card.isVisibleTo(view)
    assert not view.list_card.isVisibleTo(view)
    assert any("will appear here" in line for line in visible_texts(view))
    buttons = [b for b in view.findChildren(QPushButton) if b.isVisibleTo(view)]
    assert [b.text() for b in buttons] == ["Add a session"]
    assert buttons[0].objectName() == "primary"
    assert focused() is view.add_button


def test_a_session_is_added_entirely_by_keyboard(
    open_view: ViewFactory, store: Store, qtbot: QtBot
) -> None:
    view = open_view(store)
    view.add_button.setFocus()
    press(qtbot, Qt.Key.Key_Space)
    form = view.form
    assert view.current_page() == "form"
    assert focused() is form.when_edit
    assert form.number_box.value() == 1  # the first dosing session of the course

    # Tab follows the form from top to bottom.
    for expected in (form.kind_box, form.number_box, form.route_box, form.setting_edit):
        press(qtbot, Qt.Key.Key_Tab)
        assert focused() in (expected, expected.focusProxy()), expected.accessibleName()
    qtbot.keyClicks(focused(), "The clinic's quiet room")
    tab_to(qtbot, form.intention_edit)
    qtbot.keyClicks(focused(), "To be gentle with what comes up")
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is form.distress_before_box
    qtbot.keyClicks(focused(), "6")
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is form.distress_after_box
    qtbot.keyClicks(focused(), "3")
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is form.after_effect_boxes["nausea"]
    press(qtbot, Qt.Key.Key_Space)
    tab_to(qtbot, form.notes_edit)
    type_text(qtbot, "Music helped. 🌿 שלום")

    with qtbot.waitSignal(view.data_changed) as changed:
        press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert changed.args == ["sessions"]

    [session] = store.sessions.list()
    assert session.kind is SessionKind.DOSING
    assert session.number_in_course == 1
    assert session.setting == "The clinic's quiet room"
    assert session.intention == "To be gentle with what comes up"
    assert (session.distress_before, session.distress_after) == (6, 3)
    assert session.after_effects == ("nausea",)
    assert session.notes == "Music helped. 🌿 שלום"
    assert abs(session.held_at - datetime.now(UTC)) < timedelta(minutes=2)

    # Saved: the session's own page opens, and the list already holds it.
    assert view.current_page() == "session"
    assert row_titles(view) == ["Session 1"]
    assert view.model.index(0, 0).data(SessionRole.DISTRESS) == "Distress 6 → 3"
    press(qtbot, Qt.Key.Key_Escape)
    assert view.current_page() == "list"
    assert view.list_card.isVisibleTo(view) and not view.empty_card.isVisibleTo(view)


def test_the_next_number_in_the_course_is_suggested_and_only_for_dosing(
    open_view: ViewFactory, demo_store: Store, qtbot: QtBot
) -> None:
    view = open_view(demo_store)
    view.add_session()
    form = view.form
    assert form.number_box.value() == 7  # the sample course has six dosing sessions
    assert form.number_box.isVisibleTo(view)
    form.kind_box.setFocus()
    qtbot.keyClick(form.kind_box, Qt.Key.Key_Down)
    assert form.kind() is SessionKind.PREPARATION
    assert not form.number_box.isVisibleTo(view)
    press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    newest = max(demo_store.sessions.list(), key=lambda s: s.id)
    assert newest.kind is SessionKind.PREPARATION
    assert newest.number_in_course is None
    assert row_titles(view)[0] == "Preparation session"


def test_editing_keeps_the_session_and_after_effects_this_version_does_not_know(
    open_view: ViewFactory, store: Store, qtbot: QtBot
) -> None:
    original = store.sessions.add(
        NewSession(
            held_at=hours_ago(30),
            number_in_course=4,
            intention="Stay with the body",
            distress_before=8,
            after_effects=("nausea", "tingling_hands_from_a_newer_version"),
        )
    )
    view = open_view(store)
    view.list_view.setFocus()
    press(qtbot, Qt.Key.Key_Return)
    assert view.current_page() == "session"
    view.session_page.edit_button.setFocus()
    press(qtbot, Qt.Key.Key_Space)
    form = view.form
    assert view.current_page() == "form"
    assert form.intention_edit.toPlainText() == "Stay with the body"
    assert form.number_box.value() == 4
    assert form.after_effect_boxes["nausea"].isChecked()
    assert "tingling_hands_from_a_newer_version" in form.kept_after_effects_label.text()

    tab_to(qtbot, form.intention_edit)
    qtbot.keyClick(form.intention_edit, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(form.intention_edit, ", and breathe")
    tab_to(qtbot, form.after_effect_boxes["headache"])
    press(qtbot, Qt.Key.Key_Space)
    press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    [saved] = store.sessions.list()
    assert saved.id == original.id and saved.uuid == original.uuid
    assert saved.created_at == original.created_at
    assert saved.intention == "Stay with the body, and breathe"
    assert saved.distress_before == 8 and saved.distress_after is None
    assert set(saved.after_effects) == {
        "nausea",
        "headache",
        "tingling_hands_from_a_newer_version",
    }
    assert view.current_page() == "session"  # back where the edit began


def test_escape_leaves_the_form_without_saving(
    open_view: ViewFactory, store: Store, qtbot: QtBot
) -> None:
    view = open_view(store)
    seen: list[tuple[str, str]] = []

    # Nothing changed: Esc leaves at once and asks nothing.
    view.add_session()
    press(qtbot, Qt.Key.Key_Escape)
    assert view.current_page() == "list"
    assert seen == []

    # Something typed: a gentle question; "Keep editing" keeps every word.
    view.add_session()
    tab_to(qtbot, view.form.intention_edit)
    qtbot.keyClicks(focused(), "Half a thought")
    answer_next_dialog(seen, choose="Keep editing")
    press(qtbot, Qt.Key.Key_Escape)
    assert seen[0][0] == "Leave without saving?"
    assert view.current_page() == "form"
    assert view.form.intention_edit.toPlainText() == "Half a thought"

    answer_next_dialog(seen, choose="Leave without saving")
    press(qtbot, Qt.Key.Key_Escape)
    assert view.current_page() == "list"
    assert store.sessions.list() == []


def test_a_failed_save_says_so_gently_and_keeps_what_was_typed(
    open_view: ViewFactory, store: Store, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    view = open_view(store)
    view.add_session()
    tab_to(qtbot, view.form.intention_edit)
    qtbot.keyClicks(focused(), "Words that must not be lost")

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise ValueError("The data file is full.")

    monkeypatch.setattr(store.sessions, "add", refuse)
    seen: list[tuple[str, str]] = []
    answer_next_dialog(seen, choose="Close")
    press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    [(title, message)] = seen
    assert title == "This session is not saved yet"
    assert "still here" in message and "Traceback" not in message
    assert view.current_page() == "form"
    assert view.form.intention_edit.toPlainText() == "Words that must not be lost"


def test_a_session_page_shows_its_reflections_and_open_follow_ups(
    open_view: ViewFactory, store: Store, qtbot: QtBot
) -> None:
    session = store.sessions.add(NewSession(held_at=hours_ago(24 * 3), number_in_course=2))
    store.sessions.add(NewSession(held_at=hours_ago(24 * 20), number_in_course=1))
    same_day = prompt_set_for(Phase.SAME_DAY)
    done = store.reflections.start(
        Phase.SAME_DAY, same_day.id, same_day.version, session_id=session.id
    )
    store.reflections.complete(done.id)
    next_day = prompt_set_for(Phase.NEXT_DAY)
    store.reflections.start(Phase.NEXT_DAY, next_day.id, next_day.version, session_id=session.id)

    view = open_view(store)
    assert view.model.index(0, 0).data(SessionRole.COUNTS) == "2 reflections · 1 open follow-up"
    view.list_view.setFocus()
    press(qtbot, Qt.Key.Key_Return)  # the newest session is the current row
    assert view.current_page() == "session"
    texts = visible_texts(view.session_page)
    assert "Session 2" in texts
    assert "Later the same day" in " ".join(texts)
    reflections = [t for t in texts if t.startswith(("Later the same day ·", "The next day ·"))]
    assert any(t.endswith("complete") for t in reflections)
    assert any(t.endswith("paused") for t in reflections)
    open_items = [
        label.text()
        for label in view.session_page.findChildren(QLabel)
        if label.property("followUpPhase") and label.isVisibleTo(view)
    ]
    assert len(open_items) == 2  # the next day (paused) and a week after (not due yet)
    assert open_items[0].startswith("The next day · started and paused, due ")
    assert open_items[1].startswith("A week after · from ")

    assert focused() is view.session_page.reflect_button
    with qtbot.waitSignal(view.reflect_requested) as requested:
        press(qtbot, Qt.Key.Key_Space)
    assert requested.args == [int(session.id)]
    press(qtbot, Qt.Key.Key_Escape)
    assert view.current_page() == "list"


def test_an_overdue_follow_up_is_counted_and_dated(
    open_view: ViewFactory, store: Store, qtbot: QtBot
) -> None:
    store.sessions.add(NewSession(held_at=hours_ago(24 * 10), number_in_course=1))
    view = open_view(store)
    assert view.model.index(0, 0).data(SessionRole.COUNTS) == (
        "No reflections yet · 3 open follow-ups"
    )
    view.list_view.setFocus()
    press(qtbot, Qt.Key.Key_Return)
    open_items = [
        label.text()
        for label in view.session_page.findChildren(QLabel)
        if label.property("followUpPhase") and label.isVisibleTo(view)
    ]
    assert [item.split(" · ")[0] for item in open_items] == [
        "Later the same day",
        "The next day",
        "A week after",
    ]
    assert all(" · due " in item for item in open_items)


def test_the_sample_course_is_listed_newest_first(
    open_view: ViewFactory, demo_store: Store, qtbot: QtBot
) -> None:
    view = open_view(demo_store)
    assert row_titles(view) == [
        "Session 6",
        "Session 5",
        "Session 4",
        "Session 3",
        "Session 2",
        "Session 1",
        "Preparation session",
    ]
    model = view.model
    held = [model.summary(row).session.held_at for row in range(model.rowCount())]
    assert held == sorted(held, reverse=True)
    assert model.index(6, 0).data(SessionRole.COUNTS) == "1 reflection"
    assert model.index(1, 0).data(SessionRole.COUNTS) == "3 reflections"
    spoken = model.index(0, 0).data(Qt.ItemDataRole.AccessibleTextRole)
    assert spoken.startswith("Session 6, ") and "Distress 5 → 3" in spoken
    # Moving down the list and pressing Enter opens that session.
    view.list_view.setFocus()
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Return)
    assert view.current_page() == "session"
    assert view.session_page.header.title.text() == "Session 5"
    press(qtbot, Qt.Key.Key_Escape)
    assert view.list_view.currentIndex().row() == 1  # back where you were


def test_double_click_opens_a_session(
    open_view: ViewFactory, demo_store: Store, qtbot: QtBot
) -> None:
    view = open_view(demo_store)
    row = view.list_view.visualRect(view.model.index(2, 0)).center()
    # A real double-click is a click and then a double-click event; QTest sends only the second.
    qtbot.mouseClick(view.list_view.viewport(), Qt.MouseButton.LeftButton, pos=row)
    qtbot.mouseDClick(view.list_view.viewport(), Qt.MouseButton.LeftButton, pos=row)
    assert view.current_page() == "session"
    assert view.session_page.header.title.text() == "Session 4"


def test_nothing_is_clipped_in_the_smallest_window(
    open_view: ViewFactory, demo_store: Store, qtbot: QtBot
) -> None:
    view = open_view(demo_store)
    view.resize(520, 480)  # the main window's smallest size, less its sidebar
    first = int(view.model.summary(0).session.id)
    for show in (view.show_list, lambda: view.open_session(first), view.add_session):
        show()
        page = view.pages.currentWidget()
        assert page is not None
        wait_until_nothing_is_clipped(qtbot, page)


def test_a_session_moves_to_recently_deleted_with_its_reflections_after_a_calm_question(
    open_view: ViewFactory, store: Store, qtbot: QtBot
) -> None:
    older = store.sessions.add(NewSession(held_at=hours_ago(24 * 20), number_in_course=1))
    session = store.sessions.add(NewSession(held_at=hours_ago(30), number_in_course=2))
    same_day = prompt_set_for(Phase.SAME_DAY)
    reflection = store.reflections.start(
        Phase.SAME_DAY, same_day.id, same_day.version, session_id=session.id
    )
    insight = store.insights.add("I can rest.", reflection_id=reflection.id, session_id=session.id)
    view = open_view(store)
    assert row_titles(view) == ["Session 2", "Session 1"]
    view.list_view.setFocus()
    press(qtbot, Qt.Key.Key_Return)  # Session 2, the newest
    tab_to(qtbot, view.session_page.delete_button)
    assert view.session_page.delete_button.accessibleName() == (
        "Move this session to recently deleted"
    )

    seen: list[tuple[str, str]] = []
    answer_next_dialog(seen, choose="Not now")
    press(qtbot, Qt.Key.Key_Space)
    ((title, words),) = seen
    assert title == "Move this session to recently deleted?"
    assert "bring it back from Recently deleted for 30 days" in words
    assert "The 1 reflection you wrote about it will go with it" in words
    assert "1 insight came from it." in words
    assert view.current_page() == "session"
    assert row_titles(view) == ["Session 2", "Session 1"]

    answer_next_dialog(seen, choose="Move it, keep the insights")
    with qtbot.waitSignal(view.data_changed) as changed:
        press(qtbot, Qt.Key.Key_Space)
    assert changed.args == ["sessions"]
    assert view.current_page() == "list"
    assert row_titles(view) == ["Session 1"]
    assert focused() is view.list_view
    assert [each.id for each in store.sessions.list()] == [older.id]
    assert store.reflections.list() == []  # it went with its session
    assert [each.id for each in store.insights.list()] == [insight.id]  # kept, as chosen

    store.deleted.restore(DeletedKind.SESSION, session.id)
    view.refresh()
    assert row_titles(view) == ["Session 2", "Session 1"]
    assert view.model.index(0, 0).data(SessionRole.COUNTS).startswith("1 reflection")
