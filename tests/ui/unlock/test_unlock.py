"""The unlock screen and the idle lock, in the real window, on a protected sample course."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox, QPlainTextEdit, QTextEdit
from pytestqt.qtbot import QtBot

from kapcompanion.profile import Profile
from tests.ui.conftest import PROTECTED_PASSPHRASE as PASSPHRASE
from tests.ui.conftest import WindowFactory
from tests.ui.helpers import focused, press, tab_to, type_text, visible_texts
from ui.main_window import MainWindow
from ui.settings.delete_all import DeleteAllDialog
from ui.unlock.view import UnlockView
from ui.widgets.idle import LOCK_AFTER_KEY


def locked_window(open_window: WindowFactory, profile: Profile, qtbot: QtBot) -> MainWindow:
    window = open_window(profile, load=False)
    with qtbot.waitSignal(window.locked, timeout=10_000):
        window.open_profile()
    return window


def unlock_page(window: MainWindow) -> UnlockView:
    assert window.unlock_view is not None
    return window.unlock_view


def unlock_by_keyboard(window: MainWindow, qtbot: QtBot, passphrase: str = PASSPHRASE) -> None:
    with qtbot.waitSignal(window.profile_opened, timeout=10_000):
        type_text(qtbot, passphrase)
        press(qtbot, Qt.Key.Key_Return)


def every_visible_text(window: MainWindow) -> str:
    """Everything a person could read in the window: labels, fields and writing areas."""
    words = visible_texts(window)
    for field in window.findChildren(QLineEdit):
        if field.isVisibleTo(window) and field.echoMode() == QLineEdit.EchoMode.Normal:
            words.append(field.text())
    for plain in window.findChildren(QPlainTextEdit):
        if plain.isVisibleTo(window):
            words.append(plain.toPlainText())
    for rich in window.findChildren(QTextEdit):
        if rich.isVisibleTo(window):
            words.append(rich.toPlainText())
    return "\n".join(words)


def test_a_protected_profile_opens_on_the_unlock_screen(
    open_window: WindowFactory, protected_profile: Profile, qtbot: QtBot
) -> None:
    window = locked_window(open_window, protected_profile, qtbot)
    page = unlock_page(window)
    assert window.is_locked() and window.store is None
    assert window.pages.currentWidget() is page
    assert not window.sidebar.isVisible()
    assert "Your entries are locked" in visible_texts(page)
    assert page.passphrase_edit.hasFocus()
    assert page.passphrase_edit.echoMode() == QLineEdit.EchoMode.Password
    assert page.unlock_button.isDefault()
    for widget in (page.passphrase_edit, page.show_button, page.unlock_button, page.forgot_button):
        assert widget.accessibleName()
    # Ctrl+3 (Reflect) leads nowhere while locked.
    press(qtbot, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.pages.currentWidget() is page


def test_typing_the_passphrase_and_enter_shows_home_with_the_course(
    open_window: WindowFactory, protected_profile: Profile, qtbot: QtBot
) -> None:
    window = locked_window(open_window, protected_profile, qtbot)
    unlock_by_keyboard(window, qtbot)
    assert not window.is_locked()
    assert window.store is not None and window.store.protected and not window.store.is_empty()
    assert window.current_destination() == "home"
    assert window.sidebar.isVisible()
    assert "Welcome to KAP Companion" not in visible_texts(window.home)
    assert unlock_page(window).passphrase_edit.text() == ""


def test_a_wrong_passphrase_keeps_it_locked_and_says_so_then_the_right_one_opens(
    open_window: WindowFactory, protected_profile: Profile, qtbot: QtBot
) -> None:
    window = locked_window(open_window, protected_profile, qtbot)
    page = unlock_page(window)
    page.retry_delay_ms = 200
    type_text(qtbot, "not it")
    press(qtbot, Qt.Key.Key_Return)
    # While it is tried, the field rests and says so; the window goes on answering.
    assert window.is_opening() and not page.passphrase_edit.isEnabled()
    assert any("Opening your entries" in words for words in visible_texts(page))
    qtbot.waitUntil(lambda: not window.is_opening(), timeout=15_000)
    assert window.is_locked() and window.store is None
    assert any("does not open your entries" in words for words in visible_texts(page))
    assert page.is_resting() and not page.passphrase_edit.isEnabled()
    assert page.passphrase_edit.text() == ""
    assert not page.passphrase_edit.isUndoAvailable()  # Ctrl+Z cannot bring it back
    qtbot.waitUntil(lambda: page.passphrase_edit.isEnabled(), timeout=2000)
    assert page.passphrase_edit.hasFocus()
    unlock_by_keyboard(window, qtbot)
    assert window.store is not None and not window.is_locked()


def test_an_empty_passphrase_is_asked_for_without_a_pause(
    open_window: WindowFactory, protected_profile: Profile, qtbot: QtBot
) -> None:
    window = locked_window(open_window, protected_profile, qtbot)
    page = unlock_page(window)
    press(qtbot, Qt.Key.Key_Return)
    assert "Please type your passphrase first." in visible_texts(page)
    assert not page.is_resting() and window.is_locked()


def test_show_and_hide_the_passphrase(
    open_window: WindowFactory, protected_profile: Profile, qtbot: QtBot
) -> None:
    window = locked_window(open_window, protected_profile, qtbot)
    page = unlock_page(window)
    type_text(qtbot, "abc")
    tab_to(qtbot, page.show_button)
    press(qtbot, Qt.Key.Key_Space)
    assert page.passphrase_edit.echoMode() == QLineEdit.EchoMode.Normal
    assert page.show_button.text() == "Hide"
    assert page.show_button.accessibleName() == "Hide the passphrase"
    press(qtbot, Qt.Key.Key_Space)
    assert page.passphrase_edit.echoMode() == QLineEdit.EchoMode.Password
    assert page.show_button.text() == "Show"


def test_support_opens_while_locked_with_crisis_lines_and_leads_back(
    open_window: WindowFactory, protected_profile: Profile, qtbot: QtBot
) -> None:
    window = locked_window(open_window, protected_profile, qtbot)
    press(qtbot, Qt.Key.Key_F1)
    support = window.support_view
    assert window.pages.currentWidget() is support
    assert window.store is None
    assert not support.safety_plan_choice.isEnabled()  # the client's own writing waits
    support.show_contacts()
    # Crisis lines need no data (or, for a country not listed, the words on where to find one).
    assert support.contacts.crisis_line_texts() or support.contacts.elsewhere_words.isVisible()
    assert window.unlock_nav_button.isVisible()
    window.unlock_nav_button.click()
    assert window.pages.currentWidget() is unlock_page(window)
    assert focused() is unlock_page(window).passphrase_edit
    unlock_by_keyboard(window, qtbot)
    assert window.current_destination() == "home"
    assert window.support_view.safety_plan_choice.isEnabled()


def test_idle_locks_hides_every_word_and_returns_to_the_same_screen(
    open_window: WindowFactory, protected_profile: Profile, qtbot: QtBot
) -> None:
    window = locked_window(open_window, protected_profile, qtbot)
    unlock_by_keyboard(window, qtbot)
    store = window.store
    assert store is not None
    window.show_destination("journal")
    # An entry open in the journal, its words on show.
    window.journal_view.open_entry(store.reflections.list()[0].id)
    entry_words = [words for words in visible_texts(window.journal_view) if len(words) > 40]
    assert "My own blanket. Knowing the door isn't locked. Music without words." in entry_words
    window.idle_lock_ms = 300
    with qtbot.waitSignal(window.locked, timeout=5000):
        pass
    assert window.store is None and window.is_locked() and window.passphrase() is None
    shown = every_visible_text(window)
    assert "Your entries are locked" in shown
    assert not [words for words in entry_words if words in shown]
    assert window.current_destination() == "journal"
    unlock_by_keyboard(window, qtbot)
    assert window.pages.currentWidget() is window.journal_view
    assert window.current_destination() == "journal"


def test_input_keeps_it_unlocked(
    open_window: WindowFactory, protected_profile: Profile, qtbot: QtBot
) -> None:
    window = locked_window(open_window, protected_profile, qtbot)
    unlock_by_keyboard(window, qtbot)
    window.idle_lock_ms = 600
    for _ in range(4):
        qtbot.wait(250)
        press(qtbot, Qt.Key.Key_Down)
    assert not window.is_locked()
    qtbot.waitUntil(window.is_locked, timeout=3000)


def test_lock_now_with_ctrl_l(
    open_window: WindowFactory, protected_profile: Profile, qtbot: QtBot
) -> None:
    window = locked_window(open_window, protected_profile, qtbot)
    unlock_by_keyboard(window, qtbot)
    window.show_destination("sessions")
    press(qtbot, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.is_locked() and window.store is None
    assert "sessions" not in window._built
    assert focused() is unlock_page(window).passphrase_edit
    unlock_by_keyboard(window, qtbot)
    assert window.current_destination() == "sessions"


def test_an_unprotected_profile_never_locks(
    open_window: WindowFactory, demo_profile: Profile, qtbot: QtBot
) -> None:
    window = open_window(demo_profile)
    window.idle_lock_ms = 100
    qtbot.wait(300)
    press(qtbot, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert not window.is_locked() and window.store is not None


def test_the_auto_lock_time_is_kept_in_the_window_settings(
    open_window: WindowFactory, protected_profile: Profile, qtbot: QtBot
) -> None:
    window = locked_window(open_window, protected_profile, qtbot)
    unlock_by_keyboard(window, qtbot)
    assert window.idle_lock_ms == 10 * 60_000  # the default
    window.show_destination("settings")
    section = window.settings_view.passphrase_section
    assert section is not None and section.lock_after_row.isVisible()
    box = section.lock_after_box
    box.setCurrentIndex(box.findData(30))
    assert window.idle_lock_ms == 30 * 60_000
    window._settings.sync()
    assert "lock_after_minutes=30" in protected_profile.window_state_path.read_text()
    box.setCurrentIndex(box.findData(0))
    assert box.currentText() == "Never"
    assert window.idle_lock_ms == 0
    assert window._settings.value(LOCK_AFTER_KEY) in (0, "0")


def test_forgot_explains_there_is_no_way_in_and_can_start_afresh(
    open_window: WindowFactory, protected_profile: Profile, qtbot: QtBot
) -> None:
    window = locked_window(open_window, protected_profile, qtbot)
    page = unlock_page(window)
    seen: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            try:
                seen.append(box.informativeText())
                [delete] = [b for b in box.buttons() if b.text() == "Delete all my data…"]
                QTimer.singleShot(20, confirm)
                delete.click()
            finally:  # closed whatever happened, so a failing step cannot leave the run waiting
                if box.isVisible():
                    box.close()
        elif isinstance(box, DeleteAllDialog):
            return
        else:
            QTimer.singleShot(20, answer)

    def confirm() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, DeleteAllDialog):
            QTimer.singleShot(20, confirm)
            return
        try:
            dialog.phrase_edit.setText("delete everything")
            dialog.delete_button.click()
        finally:
            if dialog.isVisible():
                dialog.reject()

    QTimer.singleShot(20, answer)
    page.forgot_button.click()
    assert seen and "no one can open them without it" in seen[0]
    assert "new data folder" in seen[0]
    assert not window.is_locked()
    assert window.store is not None and window.store.is_empty() and not window.store.protected
    assert window.current_destination() == "home"
    assert "Welcome to KAP Companion" in visible_texts(window.home)
