"""A quick check-in kept from the window (Ctrl+Shift+K) shows on the journal's timeline at
once, while the journal is on screen, and is read aloud with its note."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kapcompanion.profile import Profile
from tests.ui.conftest import WindowFactory
from tests.ui.helpers import press, type_text
from ui.journal.model import JournalRole


def test_a_check_in_from_the_shortcut_appears_on_the_journal_timeline(
    open_window: WindowFactory, profile: Profile, qtbot: QtBot
) -> None:
    window = open_window(profile)
    window.show_destination("journal")
    journal = window.journal_view
    assert journal.proxy.rowCount() == 0 and journal.empty_card.isVisibleTo(journal)
    window.activateWindow()
    qtbot.keyClick(
        window,
        Qt.Key.Key_K,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    dialog = window.quick_check_in_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.scale.slider.hasFocus(), timeout=2000)
    press(qtbot, Qt.Key.Key_4)
    dialog.note_edit.setFocus()
    type_text(qtbot, "wobbly")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: journal.proxy.rowCount() == 1, timeout=2000)
    row = journal.proxy.index(0, 0)
    spoken = row.data(Qt.ItemDataRole.AccessibleTextRole)
    assert spoken.startswith("Quick check-in, ") and "Distress 4 of 10. Note: wobbly" in spoken
    assert row.data(JournalRole.CHECK_IN_ID) is not None
    assert journal.list_card.isVisibleTo(journal) and not journal.empty_card.isVisibleTo(journal)
