"""Settings → Passphrase, in the real window, on real profiles: protect, change, remove."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from kapcompanion.profile import Profile
from kapcompanion.store.backup import backup_database, default_backup_path
from kapcompanion.store.protection import is_protected, unprotected_backups
from tests.ui.conftest import WindowFactory
from tests.ui.helpers import (
    answer_next_dialog,
    press,
    type_text,
    unlock,
    visible_texts,
    when_dialog_opens,
)
from ui.main_window import MainWindow
from ui.settings.passphrase import Mode, PassphraseDialog, PassphraseSection

FIRST = "a quiet harbour"
SECOND = "the morning light"


def readable_by_sqlite(path: Path) -> bool:
    """True if an ordinary SQLite (Python's own) can read the file's tables."""
    connection = sqlite3.connect(path)
    try:
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError:
        return False
    finally:
        connection.close()
    return True


@pytest.fixture
def with_backups(demo_profile: Profile) -> Profile:
    """The sample course with two ordinary backups made earlier."""
    for hour in (9, 10):
        backup_database(
            demo_profile.database_path,
            default_backup_path(demo_profile.backups_folder, datetime(2024, 5, 1, hour, 0)),
        )
    return demo_profile


def section_of(window: MainWindow) -> PassphraseSection:
    window.show_destination("settings")
    section = window.settings_view.passphrase_section
    assert section is not None
    return section


def when_asked(act: Callable[[PassphraseDialog], object]) -> None:
    """Call `act(dialog)` once a passphrase dialog is open."""
    when_dialog_opens(PassphraseDialog, act)


def fill(dialog: PassphraseDialog, *, current: str = "", new: str = "") -> None:
    dialog.current_edit.setText(current)
    dialog.new_edit.setText(new)
    dialog.again_edit.setText(new)
    dialog.accept_button.click()


def protect(window: MainWindow, passphrase: str = FIRST, *, backups: bool = True) -> None:
    def answer(dialog: PassphraseDialog) -> None:
        dialog.backups_box.setChecked(backups)
        fill(dialog, new=passphrase)

    when_asked(answer)
    section_of(window).protect_button.click()


def test_an_unprotected_profile_is_offered_protection_in_plain_words(
    open_window: WindowFactory, demo_profile: Profile
) -> None:
    section = section_of(open_window(demo_profile))
    shown = " ".join(visible_texts(section))
    assert "Anyone who can use this computer account could open your entries" in shown
    assert section.protect_button.isVisible()
    assert section.protect_button.accessibleName() == "Protect with a passphrase"
    assert not section.change_button.isVisible() and not section.lock_after_row.isVisible()


def test_the_dialog_waits_until_both_passphrases_match(qtbot: QtBot) -> None:
    dialog = PassphraseDialog(Mode.PROTECT, backups=3)
    qtbot.addWidget(dialog)
    dialog.show()
    shown = " ".join(visible_texts(dialog))
    assert "if it is forgotten, no one can open your entries" in shown
    assert dialog.backups_box.text() == "Also protect my 3 older backups"
    assert dialog.backups_box.isChecked()
    assert not dialog.accept_button.isEnabled()
    assert dialog.new_edit.hasFocus()
    type_text(qtbot, "one")
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "two")
    assert "The two new passphrases are not the same yet." in visible_texts(dialog)
    assert not dialog.accept_button.isEnabled()
    dialog.again_edit.setText("one")
    assert dialog.accept_button.isEnabled() and dialog.accept_button.isDefault()
    assert dialog.new_edit.echoMode() == QLineEdit.EchoMode.Password
    dialog.show_box.setChecked(True)
    assert dialog.new_edit.echoMode() == QLineEdit.EchoMode.Normal
    assert not dialog.current_edit.isVisibleTo(dialog)  # nothing to open yet
    for widget in (*dialog.fields, dialog.show_box, dialog.accept_button, dialog.cancel_button):
        assert widget.accessibleName()


def test_protecting_encrypts_the_data_and_its_backups_and_keeps_it_open(
    open_window: WindowFactory, with_backups: Profile, qtbot: QtBot
) -> None:
    window = open_window(with_backups)
    assert readable_by_sqlite(with_backups.database_path)
    protect(window)
    store = window.store
    assert store is not None and store.protected and not store.is_empty()
    assert is_protected(with_backups.database_path)
    assert not readable_by_sqlite(with_backups.database_path)
    assert unprotected_backups(with_backups.backups_folder) == []
    section = section_of(window)
    assert "Your entries are now protected with your passphrase." in visible_texts(section)
    assert section.change_button.isVisible() and section.lock_button.isVisible()
    assert not section.protect_button.isVisible()
    # A backup made afterwards is protected too.
    before = len(list(with_backups.backups_folder.iterdir()))
    window.settings_view.make_backup()
    assert window.settings_view.backup_status.text().startswith("A backup was saved as")
    assert len(list(with_backups.backups_folder.iterdir())) == before + 1
    assert unprotected_backups(with_backups.backups_folder) == []
    # Locking and unlocking take the new passphrase.
    window.lock_now()
    assert window.is_locked()
    unlock(window, qtbot, FIRST)
    assert window.store is not None and window.current_destination() == "settings"


def test_backups_left_unprotected_are_listed_with_a_way_to_protect_them(
    open_window: WindowFactory, with_backups: Profile
) -> None:
    window = open_window(with_backups)
    protect(window, backups=False)
    section = section_of(window)
    left = unprotected_backups(with_backups.backups_folder)
    # The two made before, and the automatic one made as the window opened.
    assert len(left) == 3
    assert section.backups_note.isVisible()
    note = section.backups_note.text()
    assert "Not protected: 3 older backups." in note
    assert all(path.name in note for path in left)
    section.protect_backups_button.click()
    assert unprotected_backups(with_backups.backups_folder) == []
    assert not section.backups_note.isVisible()
    assert window.store is not None and window.store.protected


def test_change_then_remove_round_trip(
    open_window: WindowFactory, demo_profile: Profile, qtbot: QtBot
) -> None:
    window = open_window(demo_profile)
    protect(window)
    when_asked(lambda dialog: fill(dialog, current=FIRST, new=SECOND))
    section_of(window).change_button.click()
    assert window.store is not None and window.store.protected
    window.lock_now()
    unlock(window, qtbot, FIRST)
    assert window.is_locked()  # the old passphrase opens nothing now
    unlock(window, qtbot, SECOND)
    assert not window.is_locked()

    when_asked(lambda dialog: fill(dialog, current=SECOND))
    section_of(window).remove_button.click()
    store = window.store
    assert store is not None and not store.protected and not store.is_empty()
    assert readable_by_sqlite(demo_profile.database_path)
    section = section_of(window)
    assert section.protect_button.isVisible() and not section.lock_after_row.isVisible()
    window.idle_lock_ms = 50
    qtbot.wait(200)
    assert not window.is_locked()  # nothing to lock without a passphrase


def test_a_wrong_current_passphrase_changes_nothing_and_says_so(
    open_window: WindowFactory, demo_profile: Profile, qtbot: QtBot
) -> None:
    window = open_window(demo_profile)
    protect(window)
    seen: list[tuple[str, str]] = []
    answer_next_dialog(seen)  # the calm error, once the passphrase dialog has gone
    when_asked(lambda dialog: fill(dialog, current="not it", new=SECOND))
    section_of(window).change_button.click()
    assert seen == [
        (
            "That passphrase does not fit",
            "That passphrase does not open your entries, so nothing was changed. You can take "
            "your time and try again.",
        )
    ]
    assert window.store is not None and window.store.protected  # open as before
    window.lock_now()
    unlock(window, qtbot, FIRST)
    assert not window.is_locked()


def test_cancel_changes_nothing(open_window: WindowFactory, demo_profile: Profile) -> None:
    window = open_window(demo_profile)
    when_asked(lambda dialog: dialog.cancel_button.click())
    section_of(window).protect_button.click()
    assert not is_protected(demo_profile.database_path)
    assert window.store is not None and not window.store.protected


def test_export_works_on_a_protected_profile(
    open_window: WindowFactory, demo_profile: Profile, qtbot: QtBot, tmp_path: Path
) -> None:
    window = open_window(demo_profile)
    protect(window)
    view = window.settings_view
    destination = tmp_path / "export.json"
    with qtbot.waitSignal(view.exchange_finished, timeout=20_000):
        view.export_to(destination)
    assert destination.is_file()
    assert "export.json" not in " ".join(visible_texts(view)) or destination.stat().st_size > 0


def test_without_sqlcipher_settings_says_protection_is_not_available(
    open_window: WindowFactory, demo_profile: Profile, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("kapcompanion.store.driver.encryption_available", lambda: False)
    section = section_of(open_window(demo_profile))
    assert any("not available on this installation" in words for words in visible_texts(section))
    assert not [button for button in section.buttons if button.isVisible()]
