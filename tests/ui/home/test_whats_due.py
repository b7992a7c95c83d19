"""Home's "Ready when you are": what is due, one button each, "not now", and how it follows
what the client does elsewhere."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from kapcompanion.course.check_in_schedule import set_every_days
from kapcompanion.data_files.questionnaires import INSTRUMENTS
from kapcompanion.domain import NewSession, Phase
from kapcompanion.profile import Profile
from tests.ui.conftest import WindowFactory
from tests.ui.helpers import press, visible_texts
from ui.changes import DataKind
from ui.main_window import MainWindow


def window_with_yesterdays_session(open_window: WindowFactory, profile: Profile) -> MainWindow:
    window = open_window(profile)
    assert window.store is not None
    for instrument in INSTRUMENTS:
        set_every_days(window.store, instrument, 0)  # the reflections alone, for these tests
    held_at = (datetime.now() - timedelta(days=1)).astimezone()
    window.store.sessions.add(NewSession(held_at=held_at, number_in_course=1))
    window.data_changed.emit(DataKind.SESSIONS)
    return window


def due_rows(window: MainWindow) -> list[str]:
    """The words of each item due, read from its button's name."""
    QApplication.processEvents()  # widgets added to a shown layout appear on the next turn
    return [
        button.accessibleName().removeprefix("Begin: ")
        for button in window.home.findChildren(QPushButton)
        if button.accessibleName().startswith("Begin: ") and button.isVisibleTo(window.home)
    ]


def test_not_now_sets_an_item_aside_and_the_rest_stay(
    open_window: WindowFactory, profile: Profile
) -> None:
    window = window_with_yesterdays_session(open_window, profile)
    same_day, next_day = due_rows(window)
    assert same_day.startswith("Later the same day")
    assert next_day.startswith("The next day")
    [later] = [
        b
        for b in window.home.findChildren(QPushButton)
        if b.accessibleName() == f"Not now: {same_day}"
    ]
    later.click()
    assert due_rows(window) == [next_day]
    window.close_store()
    window.open_profile()  # still set aside when the window opens again
    assert due_rows(window) == [next_day]


def test_the_list_follows_a_reflection_finished_from_it_by_keyboard(
    open_window: WindowFactory, profile: Profile, qtbot: QtBot
) -> None:
    window = window_with_yesterdays_session(open_window, profile)
    [begin_next_day] = [
        b
        for b in window.home.findChildren(QPushButton)
        if b.accessibleName().startswith("Begin: The next day, after your session")
    ]
    begin_next_day.setFocus()
    press(qtbot, Qt.Key.Key_Space)
    view = window.reflect_view
    assert view.phase_choice.currentData() == Phase.NEXT_DAY.value
    assert view.begin_button.hasFocus()
    press(qtbot, Qt.Key.Key_Space)
    wizard = view.wizard
    assert wizard is not None
    for _ in range(len(wizard.prompt_pages) + 3):
        wizard.next()
    wizard.finish()
    window.show_destination("home")
    rows = due_rows(window)
    assert len(rows) == 1 and rows[0].startswith("Later the same day")
    assert "Ready when you are" in visible_texts(window.home)


def test_a_practice_reminder_logs_that_practice_with_enter(
    open_window: WindowFactory, profile: Profile, qtbot: QtBot
) -> None:
    from kapcompanion.course.practice_reminders import set_reminder
    from kapcompanion.domain import PracticeRef

    window = open_window(profile)
    assert window.store is not None
    set_reminder(window.store, PracticeRef(builtin_key="mindfulness"), 1)
    window.data_changed.emit(DataKind.PRACTICES)
    [log_it] = [
        b
        for b in window.home.findChildren(QPushButton)
        if b.accessibleName() == "Begin: Mindfulness, a practice you asked to be reminded of"
    ]
    log_it.click()
    dialog = window.quick_practice_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.list_view.hasFocus(), timeout=2000)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.quick_practice_dialog is None, timeout=2000)
    [entry] = window.store.practices.entries()
    assert entry.practice == PracticeRef(builtin_key="mindfulness")
    assert due_rows(window) == []  # logged today: no longer due
