"""Start-up recovery in the real window: a damaged, empty or cut-short data file gets a calm
page offering the newest backup that opens whole, and putting it back keeps the file it
replaces byte-identical beside it."""

from __future__ import annotations

import argparse
import hashlib
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QListWidget
from pytestqt.qtbot import QtBot

from kapcompanion.domain import Phase
from kapcompanion.profile import Profile
from kapcompanion.store import Store, protection
from kapcompanion.store.backup import backup_database, default_backup_path
from kapcompanion.store.restore import KEPT_INFIX
from tests.ui.conftest import WindowFactory
from tests.ui.helpers import answer_next_dialog, focused, press, tab_to, type_text, visible_texts
from ui.main_window import MainWindow
from ui.recovery.choose import ChooseBackupDialog
from ui.recovery.view import RecoveryView

PASSPHRASE = "a quiet river at dawn"


def fingerprint(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def back_up(profile: Profile, when: datetime, passphrase: str | None = None) -> Path:
    destination = default_backup_path(profile.backups_folder, when)
    profile.backups_folder.mkdir(exist_ok=True)
    return backup_database(profile.database_path, destination, passphrase)


def sessions_in(profile: Profile, passphrase: str | None = None) -> int:
    with Store.open(profile.database_path, passphrase=passphrase) as store:
        return len(store.sessions.list())


def recovering_window(open_window: WindowFactory, profile: Profile, qtbot: QtBot) -> MainWindow:
    window = open_window(profile, load=False)
    with qtbot.waitSignal(window.recovery_offered, timeout=10_000):
        window.open_profile()
    return window


def page_of(window: MainWindow) -> RecoveryView:
    assert window.recovery_view is not None and window.is_recovering()
    assert window.pages.currentWidget() is window.recovery_view
    return window.recovery_view


@pytest.fixture
def emptied(demo_profile: Profile) -> Iterator[Profile]:
    """The sample course with one backup, then its data file emptied."""
    back_up(demo_profile, datetime(2026, 3, 14, 9, 30))
    demo_profile.database_path.write_bytes(b"")
    yield demo_profile


def cut_short(profile: Profile) -> str:
    data = profile.database_path.read_bytes()
    profile.database_path.write_bytes(data[: len(data) // 2])
    return fingerprint(profile.database_path)


def test_an_empty_file_gets_the_offer_with_the_backup_s_date_and_what_it_holds(
    open_window: WindowFactory, emptied: Profile, qtbot: QtBot
) -> None:
    window = recovering_window(open_window, emptied, qtbot)
    page = page_of(window)
    words = "\n".join(visible_texts(page))
    assert "the file is empty" in words
    assert "Nothing was changed" in words
    assert "Saturday, 14 March 2026 at 09:30" in words
    assert "It holds 7 sessions, 18 reflections and 14 insights." in words
    assert page.restore_button.isVisible() and page.restore_button.hasFocus()
    assert not window.sidebar.isVisible()
    assert window.store is None
    assert emptied.database_path.read_bytes() == b""
    for button in (page.restore_button, page.not_now_button, page.details_button):
        assert button.accessibleName()


def test_restore_by_keyboard_opens_the_backup_and_keeps_the_cut_short_file_beside_it(
    open_window: WindowFactory, demo_profile: Profile, qtbot: QtBot
) -> None:
    back_up(demo_profile, datetime(2026, 3, 14, 9, 30))
    before = cut_short(demo_profile)
    window = recovering_window(open_window, demo_profile, qtbot)
    assert "cut short" in "\n".join(visible_texts(page_of(window)))
    notes: list[tuple[str, str]] = []
    answer_next_dialog(notes)
    with qtbot.waitSignal(window.profile_opened, timeout=20_000):
        press(qtbot, Qt.Key.Key_Return)  # "Restore this backup" is the default
    qtbot.waitUntil(lambda: bool(notes), timeout=10_000)
    assert window.store is not None and len(window.store.sessions.list()) == 7
    assert not window.is_recovering() and window.sidebar.isVisible()
    [kept] = [p for p in demo_profile.folder.iterdir() if KEPT_INFIX in p.name]
    assert fingerprint(kept) == before
    [(title, message)] = notes
    assert title == "Your backup is back in place"
    assert str(kept) in message


def test_another_backup_can_be_chosen_and_a_damaged_one_is_greyed(
    open_window: WindowFactory, demo_profile: Profile, qtbot: QtBot
) -> None:
    older = back_up(demo_profile, datetime(2026, 3, 1, 8, 0))
    with Store.open(demo_profile.database_path) as store:
        store.reflections.start(Phase.SAME_DAY, "same_day", 1)
    back_up(demo_profile, datetime(2026, 3, 14, 9, 30))
    broken = demo_profile.backups_folder / "kap-companion-2026-03-20-100000.sqlite3"
    broken.write_bytes(b"SQLite format 3\x00" + b"not a backup at all" * 100)
    demo_profile.database_path.write_bytes(b"")
    window = recovering_window(open_window, demo_profile, qtbot)
    page = page_of(window)
    assert "Friday, 20 March" not in "\n".join(visible_texts(page))  # the damaged one
    seen: dict[str, object] = {}

    def choose_the_oldest() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ChooseBackupDialog):
            QTimer.singleShot(20, choose_the_oldest)
            return
        try:
            rows = dialog.list
            assert isinstance(rows, QListWidget)
            seen["rows"] = [rows.item(row).text() for row in range(rows.count())]
            seen["greyed"] = [
                rows.item(row).flags() == Qt.ItemFlag.NoItemFlags for row in range(rows.count())
            ]
            dialog.activateWindow()
            qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=5000)
            rows.setFocus()
            qtbot.waitUntil(rows.hasFocus, timeout=5000)
            press(qtbot, Qt.Key.Key_End)
            press(qtbot, Qt.Key.Key_Return)
        finally:
            if dialog.isVisible():
                dialog.reject()

    notes: list[tuple[str, str]] = []
    QTimer.singleShot(20, choose_the_oldest)
    answer_next_dialog(notes)
    with qtbot.waitSignal(window.profile_opened, timeout=20_000):
        tab_to(qtbot, page.choose_button)
        press(qtbot, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: bool(notes), timeout=10_000)  # the note is answered, not left
    rows = seen["rows"]
    assert isinstance(rows, list) and len(rows) == 3
    assert "It is damaged" in rows[0] or "not a KAP Companion" in rows[0] or "cannot" in rows[0]
    assert seen["greyed"] == [True, False, False]
    assert "Sunday, 1 March 2026 at 08:00" in rows[2]
    assert window.store is not None
    assert len(window.store.reflections.list()) == 18  # the older backup, without the new one
    assert older.exists()


def test_with_no_usable_backup_it_says_so_and_changes_nothing(
    open_window: WindowFactory, demo_profile: Profile, qtbot: QtBot
) -> None:
    demo_profile.backups_folder.mkdir(exist_ok=True)
    (demo_profile.backups_folder / "kap-companion-2026-03-20-100000.sqlite3").write_bytes(
        b"SQLite format 3\x00" + b"x" * 4096
    )
    before = cut_short(demo_profile)
    names = sorted(p.name for p in demo_profile.folder.iterdir() if p.suffix != ".ini")
    window = recovering_window(open_window, demo_profile, qtbot)
    page = page_of(window)
    words = "\n".join(visible_texts(page))
    assert "none of them can be put back" in words
    assert "kept safe, exactly as it is" in words
    assert str(demo_profile.database_path) in words
    assert not page.restore_button.isVisible()
    assert page.not_now_button.hasFocus()
    assert fingerprint(demo_profile.database_path) == before
    assert sorted(p.name for p in demo_profile.folder.iterdir() if p.suffix != ".ini") == names


def test_the_details_fold_shows_sqlite_s_words_only_when_opened(
    open_window: WindowFactory, demo_profile: Profile, qtbot: QtBot
) -> None:
    back_up(demo_profile, datetime(2026, 3, 14, 9, 30))
    database = demo_profile.database_path
    size = database.stat().st_size
    with database.open("r+b") as handle:
        handle.seek(size // 2)
        handle.write(b"\xff" * 8192)
    window = recovering_window(open_window, demo_profile, qtbot)
    page = page_of(window)
    assert "parts of the file are damaged" in "\n".join(visible_texts(page))
    assert not page.details.isVisible()
    assert "Page" not in "\n".join(visible_texts(page))
    tab_to(qtbot, page.details_button)
    press(qtbot, Qt.Key.Key_Space)
    assert page.details.isVisible()
    assert str(database) in page.details.toPlainText()
    assert len(page.details.toPlainText().splitlines()) >= 3  # SQLite's own words too
    assert page.details.isReadOnly()


def test_support_stays_reachable_from_the_offer_and_leads_back(
    open_window: WindowFactory, emptied: Profile, qtbot: QtBot
) -> None:
    window = recovering_window(open_window, emptied, qtbot)
    page = page_of(window)
    press(qtbot, Qt.Key.Key_F1)
    assert window.pages.currentWidget() is window.support_view
    assert window.unlock_nav_button.isVisible()
    assert window.unlock_nav_button.text() == "Back to your backup"
    window.unlock_nav_button.click()
    assert window.pages.currentWidget() is page
    window.show_destination("journal")  # Ctrl+4: nothing opens without the data
    assert window.pages.currentWidget() is page


def test_not_now_closes_the_window_and_changes_nothing(
    open_window: WindowFactory, emptied: Profile, qtbot: QtBot, qapp: QApplication
) -> None:
    window = recovering_window(open_window, emptied, qtbot)
    try:
        page_of(window).not_now_button.click()
        assert not window.isVisible()
        assert emptied.database_path.read_bytes() == b""
    finally:
        # Closing the last window asks Qt to quit, and until an event loop runs again every
        # modal dialog would return at once: run one empty turn for the tests after this one.
        QTimer.singleShot(0, qapp.quit)
        qapp.exec()


def test_a_protected_damaged_profile_unlocks_then_offers_its_backup(
    open_window: WindowFactory, demo_profile: Profile, qtbot: QtBot
) -> None:
    protection.protect(demo_profile.database_path, demo_profile.backups_folder, PASSPHRASE)
    back_up(demo_profile, datetime(2026, 3, 14, 9, 30), PASSPHRASE)
    before = cut_short(demo_profile)
    window = open_window(demo_profile, load=False)
    with qtbot.waitSignal(window.locked, timeout=10_000):
        window.open_profile()
    with qtbot.waitSignal(window.recovery_offered, timeout=10_000):
        type_text(qtbot, PASSPHRASE)
        press(qtbot, Qt.Key.Key_Return)
    page = page_of(window)
    assert not window.is_locked()
    assert "It holds 7 sessions" in "\n".join(visible_texts(page))
    notes: list[tuple[str, str]] = []
    answer_next_dialog(notes)
    with qtbot.waitSignal(window.profile_opened, timeout=20_000):
        press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(notes), timeout=10_000)  # the note is answered, not left
    assert window.store is not None and window.store.protected
    assert len(window.store.sessions.list()) == 7
    [kept] = [p for p in demo_profile.folder.iterdir() if KEPT_INFIX in p.name]
    assert fingerprint(kept) == before


def test_an_empty_file_with_protected_backups_asks_for_the_passphrase_first(
    open_window: WindowFactory, demo_profile: Profile, qtbot: QtBot
) -> None:
    protection.protect(demo_profile.database_path, demo_profile.backups_folder, PASSPHRASE)
    back_up(demo_profile, datetime(2026, 3, 14, 9, 30), PASSPHRASE)
    demo_profile.database_path.write_bytes(b"")
    window = recovering_window(open_window, demo_profile, qtbot)
    page = page_of(window)
    assert page.passphrase_edit.isVisible() and page.passphrase_edit.hasFocus()
    assert not page.restore_button.isVisible()
    type_text(qtbot, "not it")
    press(qtbot, Qt.Key.Key_Return)
    assert "does not open these backups" in page.message.text()
    type_text(qtbot, PASSPHRASE)
    press(qtbot, Qt.Key.Key_Return)
    assert page.restore_button.isVisible() and focused() is page.restore_button
    assert "It holds 7 sessions" in "\n".join(visible_texts(page))
    notes: list[tuple[str, str]] = []
    answer_next_dialog(notes)
    with qtbot.waitSignal(window.profile_opened, timeout=20_000):
        press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(notes), timeout=10_000)  # the note is answered, not left
    assert window.store is not None and window.store.protected
    assert sessions_in_open(window) == 7


def sessions_in_open(window: MainWindow) -> int:
    assert window.store is not None
    return len(window.store.sessions.list())


def test_a_wal_set_aside_at_opening_is_told_once(
    open_window: WindowFactory, demo_profile: Profile, qtbot: QtBot
) -> None:
    database = demo_profile.database_path
    Path(f"{database}-wal").write_bytes(b"synced notes, not a database journal\n" * 200)
    before = fingerprint(database)
    notes: list[tuple[str, str]] = []
    answer_next_dialog(notes)
    window = open_window(demo_profile)
    qtbot.waitUntil(lambda: bool(notes), timeout=10_000)
    qtbot.wait(200)
    [(title, message)] = notes
    assert title == "Your entries are safe"
    assert "did not belong" in message and ".set-aside-" in message
    assert window.store is not None and len(window.store.sessions.list()) == 7
    window.close_store()
    assert fingerprint(database) == before

    reopened = open_window(demo_profile)
    qtbot.wait(300)
    # Said once: the file was set aside, and is not there to tell of again.
    assert QApplication.activeModalWidget() is None
    assert reopened.store is not None and reopened.store.set_aside is None


def test_a_timed_start_on_a_damaged_profile_stops_with_status_1(
    emptied: Profile, qapp: QApplication
) -> None:
    from ui.application import run_window

    arguments = argparse.Namespace(data_dir=str(emptied.folder), demo=False, exit_after="loaded")
    try:
        assert run_window(arguments) == 1
        assert emptied.database_path.read_bytes() == b""
    finally:
        QTimer.singleShot(0, qapp.quit)  # clear Qt's "quit now" for the tests after this one
        qapp.exec()


def test_a_backup_that_fails_its_check_at_restoring_changes_nothing_and_says_so(
    open_window: WindowFactory, emptied: Profile, qtbot: QtBot
) -> None:
    window = recovering_window(open_window, emptied, qtbot)
    [backup] = page_of(window).backups
    size = backup.path.stat().st_size
    with backup.path.open("r+b") as handle:  # damaged after it was listed
        handle.seek(size // 2)
        handle.write(b"\xff" * 8192)
    damaged = fingerprint(backup.path)
    seen: list[tuple[str, str]] = []
    answer_next_dialog(seen)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(seen), timeout=20_000)
    [(title, message)] = seen
    assert title == "This backup could not be put back"
    assert "Nothing was changed" in message
    assert window.is_recovering() and window.store is None
    assert emptied.database_path.read_bytes() == b""
    assert fingerprint(backup.path) == damaged
    assert not [p for p in emptied.folder.iterdir() if KEPT_INFIX in p.name]
    assert not page_of(window).restore_button.isVisible()  # it is no longer offered


def test_a_missing_file_with_a_backup_is_restored_by_keyboard(
    open_window: WindowFactory, demo_profile: Profile, qtbot: QtBot
) -> None:
    back_up(demo_profile, datetime(2026, 3, 14, 9, 30))
    demo_profile.database_path.unlink()
    window = recovering_window(open_window, demo_profile, qtbot)
    assert "no longer there" in "\n".join(visible_texts(page_of(window)))
    notes: list[tuple[str, str]] = []
    answer_next_dialog(notes)
    with qtbot.waitSignal(window.profile_opened, timeout=20_000):
        press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(notes), timeout=10_000)
    assert sessions_in_open(window) == 7
    [(_title, message)] = notes
    assert "Saturday, 14 March 2026 at 09:30" in message
    assert "kept, unchanged" not in message  # there was no file to keep
