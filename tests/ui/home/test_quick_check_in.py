"""A quick check-in: how much distress right now, from Home or by Ctrl+Shift+K from any screen, by
keyboard, kept with its note; Esc saves nothing."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from kapcompanion.domain import NewSession
from kapcompanion.profile import Profile
from tests.ui.conftest import WindowFactory
from tests.ui.helpers import press, type_text, visible_texts
from ui.changes import DataKind
from ui.main_window import MainWindow
from ui.widgets.quick_check_in import QuickCheckInDialog


def open_check_in(window: MainWindow, qtbot: QtBot) -> QuickCheckInDialog:
    window.activateWindow()
    qtbot.keyClick(
        window,
        Qt.Key.Key_K,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    dialog = window.quick_check_in_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.scale.slider, timeout=2000)
    return dialog


def test_the_shortcut_from_any_screen_keeps_a_rating_and_its_note_by_keyboard(
    open_window: WindowFactory, profile: Profile, qtbot: QtBot
) -> None:
    window = open_window(profile)
    window.show_destination("journal")
    dialog = open_check_in(window, qtbot)
    assert not dialog.save_button.isEnabled()  # nothing to save before a rating
    press(qtbot, Qt.Key.Key_6)
    assert dialog.save_button.isEnabled()
    dialog.note_edit.setFocus()
    type_text(qtbot, "tight chest, ok 🌿")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.quick_check_in_dialog is None, timeout=2000)
    assert window.store is not None
    [rating] = window.store.check_ins.distress_ratings()
    assert (rating.value, rating.note) == (6, "tight chest, ok 🌿")
    assert window.current_destination() == "journal"  # the client stays where they were


def test_escape_saves_nothing(open_window: WindowFactory, profile: Profile, qtbot: QtBot) -> None:
    window = open_window(profile)
    open_check_in(window, qtbot)
    press(qtbot, Qt.Key.Key_3)
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.quick_check_in_dialog is None, timeout=2000)
    assert window.store is not None and window.store.check_ins.distress_ratings() == []


def test_home_offers_it_and_says_what_was_noted_last(
    open_window: WindowFactory, profile: Profile, qtbot: QtBot
) -> None:
    window = open_window(profile)
    assert window.store is not None
    held_at = (datetime.now() - timedelta(days=3)).astimezone()
    window.store.sessions.add(NewSession(held_at=held_at, number_in_course=1))
    window.data_changed.emit(DataKind.SESSIONS)
    QApplication.processEvents()  # widgets added to a shown layout appear on the next turn
    [check_in] = [
        b
        for b in window.home.findChildren(QPushButton)
        if b.text() == "Check in" and b.isVisibleTo(window.home)
    ]
    check_in.click()
    dialog = window.quick_check_in_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.scale.slider, timeout=2000)
    press(qtbot, Qt.Key.Key_2)
    dialog.save_button.click()
    qtbot.waitUntil(lambda: window.quick_check_in_dialog is None, timeout=2000)
    texts = " ".join(visible_texts(window.home))
    assert "you noted 2 out of 10" in texts


def test_the_shortcut_works_while_typing_in_a_field(
    open_window: WindowFactory, profile: Profile, qtbot: QtBot
) -> None:
    from PySide6.QtWidgets import QLineEdit

    window = open_window(profile)
    window.show_destination("journal")
    [search] = [
        field
        for field in window.journal_view.findChildren(QLineEdit)
        if field.accessibleName() == "Search your journal"
    ]
    search.setFocus()
    type_text(qtbot, "calm")
    open_check_in(window, qtbot).reject()
    assert search.text() == "calm"  # nothing typed was taken away by the keys
