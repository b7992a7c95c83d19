"""Logging a practice from anywhere: Ctrl+Shift+D, a first letter, Enter; minutes and a note by Tab;
a practice of one's own named right there; what cannot be kept is refused in words."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from kapcompanion.domain import NewSession
from kapcompanion.profile import Profile
from kapcompanion.wording.domain import practice_name
from tests.ui.conftest import WindowFactory
from tests.ui.helpers import focused, press, type_text
from ui.changes import DataKind
from ui.main_window import MainWindow
from ui.widgets.quick_practice import QuickPracticeDialog


def open_dialog(window: MainWindow, qtbot: QtBot) -> QuickPracticeDialog:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    qtbot.keyClick(
        window,
        Qt.Key.Key_D,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    dialog = window.quick_practice_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.list_view, timeout=2000)
    return dialog


def closed(window: MainWindow, qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: window.quick_practice_dialog is None, timeout=2000)


def test_three_keys_from_another_screen_log_a_practice_now(
    open_window: WindowFactory, profile: Profile, qtbot: QtBot
) -> None:
    window = open_window(profile)
    window.show_destination("journal")
    told: list[str] = []
    window.data_changed.connect(told.append)
    open_dialog(window, qtbot)  # 1: Ctrl+Shift+D
    press(qtbot, Qt.Key.Key_B)  # 2: the first letter
    press(qtbot, Qt.Key.Key_Return)  # 3: Enter
    closed(window, qtbot)
    assert window.store is not None
    [entry] = window.store.practices.entries()
    assert practice_name(entry) == "Breathwork"
    assert (entry.minutes, entry.note) == (None, "")
    assert told == [DataKind.PRACTICES]
    assert window.current_destination() == "journal"  # the client stays where they were


def test_minutes_and_a_note_by_tab(
    open_window: WindowFactory, profile: Profile, qtbot: QtBot
) -> None:
    window = open_window(profile)
    dialog = open_dialog(window, qtbot)
    press(qtbot, Qt.Key.Key_T)
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is dialog.own_edit
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is dialog.minutes_box
    type_text(qtbot, "25")
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is dialog.note_edit
    type_text(qtbot, "by the river 🌿")
    press(qtbot, Qt.Key.Key_Return)
    closed(window, qtbot)
    assert window.store is not None
    [entry] = window.store.practices.entries()
    assert (practice_name(entry), entry.minutes, entry.note) == (
        "Time outdoors",
        25,
        "by the river 🌿",
    )


def test_too_many_minutes_are_refused_kindly_and_nothing_typed_is_lost(
    open_window: WindowFactory, profile: Profile, qtbot: QtBot
) -> None:
    window = open_window(profile)
    dialog = open_dialog(window, qtbot)
    press(qtbot, Qt.Key.Key_M)
    dialog.minutes_box.setFocus()
    dialog.minutes_box.selectAll()  # as Tab into it does
    type_text(qtbot, "-x5000")  # a minus and a letter are not taken; 5000 is too many
    assert dialog.minutes_box.value() == 5000
    dialog.note_edit.setFocus()
    type_text(qtbot, "long sit")
    press(qtbot, Qt.Key.Key_Return)
    assert window.quick_practice_dialog is dialog and dialog.isVisible()
    assert dialog.problem.isVisible()
    assert "whole number from 1 to 1440" in dialog.problem.text()
    assert dialog.note_edit.text() == "long sit"
    assert window.store is not None and window.store.practices.entries() == []
    dialog.minutes_box.setFocus()
    dialog.minutes_box.selectAll()
    type_text(qtbot, "45")
    press(qtbot, Qt.Key.Key_Return)
    closed(window, qtbot)
    [entry] = window.store.practices.entries()
    assert (entry.minutes, entry.note) == (45, "long sit")


def test_a_practice_of_ones_own_is_named_and_then_offered(
    open_window: WindowFactory, profile: Profile, qtbot: QtBot
) -> None:
    window = open_window(profile)
    dialog = open_dialog(window, qtbot)
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "Gärtnern 🌱")
    press(qtbot, Qt.Key.Key_Return)
    closed(window, qtbot)
    assert window.store is not None
    [own] = window.store.practices.own()
    assert own.name == "Gärtnern 🌱"
    dialog = open_dialog(window, qtbot)
    press(qtbot, Qt.Key.Key_G)
    assert dialog.list_view.currentIndex().data() == "Gärtnern 🌱"
    press(qtbot, Qt.Key.Key_Return)
    closed(window, qtbot)
    entries = window.store.practices.entries()
    assert [practice_name(entry) for entry in entries] == ["Gärtnern 🌱", "Gärtnern 🌱"]
    assert len(window.store.practices.own()) == 1


def test_a_name_of_ten_thousand_characters_is_refused_in_words(
    open_window: WindowFactory, profile: Profile, qtbot: QtBot
) -> None:
    window = open_window(profile)
    dialog = open_dialog(window, qtbot)
    dialog.own_edit.setText("ж" * 10_000)
    dialog.own_edit.setFocus()
    press(qtbot, Qt.Key.Key_Return)
    assert dialog.isVisible() and "A name holds up to 200 characters" in dialog.problem.text()
    assert window.store is not None
    assert window.store.practices.own() == [] and window.store.practices.entries() == []
    press(qtbot, Qt.Key.Key_Escape)
    closed(window, qtbot)


def test_home_offers_it(open_window: WindowFactory, profile: Profile, qtbot: QtBot) -> None:
    window = open_window(profile)
    assert window.store is not None
    from datetime import datetime, timedelta

    held_at = (datetime.now() - timedelta(days=3)).astimezone()
    window.store.sessions.add(NewSession(held_at=held_at, number_in_course=1))
    window.data_changed.emit(DataKind.SESSIONS)
    QApplication.processEvents()
    [button] = [
        b
        for b in window.home.findChildren(QPushButton)
        if b.text() == "Log a practice" and b.isVisibleTo(window.home)
    ]
    assert button.accessibleName()
    button.click()
    dialog = window.quick_practice_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.list_view, timeout=2000)
    press(qtbot, Qt.Key.Key_Escape)
    closed(window, qtbot)
    assert window.store.practices.entries() == []


def test_enter_alone_logs_nothing_until_a_practice_is_chosen(
    open_window: WindowFactory, profile: Profile, qtbot: QtBot
) -> None:
    window = open_window(profile)
    dialog = open_dialog(window, qtbot)
    press(qtbot, Qt.Key.Key_Return)
    assert dialog.isVisible() and not dialog.log_button.isEnabled()
    assert window.store is not None and window.store.practices.entries() == []
    press(qtbot, Qt.Key.Key_Escape)
    closed(window, qtbot)


def test_what_is_logged_shows_in_the_practice_log_at_once(
    open_window: WindowFactory, profile: Profile, qtbot: QtBot
) -> None:
    window = open_window(profile)
    window.show_destination("practices")
    page = window.practices_view.log_page
    assert page.empty_card.isVisible()
    open_dialog(window, qtbot)
    press(qtbot, Qt.Key.Key_C)
    press(qtbot, Qt.Key.Key_Return)
    closed(window, qtbot)
    assert not page.empty_card.isVisible()
    day = page.model.index(0, 0)
    assert page.model.index(0, 0, day).data() == "Connection"
