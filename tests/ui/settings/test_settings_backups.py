"""Settings → Backups, in the real window, on real profiles and real backup files: when the
last backup was made, restoring one by keyboard, a folder of the client's choosing."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from kapcompanion.domain import NewSession
from kapcompanion.errors import DiskFullError
from kapcompanion.profile import Profile
from kapcompanion.store import Store
from kapcompanion.store.automatic_backups import BACKUP_FOLDER_SETTING, automatic_backups
from kapcompanion.store.backup import backup_database, default_backup_path
from kapcompanion.store.migrations import USER_TABLES
from kapcompanion.store.restore import KEPT_INFIX, summarize
from tests.ui.conftest import WindowFactory
from tests.ui.helpers import press, tab_to, visible_texts, when_dialog_opens
from ui.main_window import MainWindow
from ui.settings.backups import BackupsSection, RestoreDialog
from ui.widgets.wording import when_text

EARLIER = datetime(2024, 5, 1, 9, 0)


@pytest.fixture
def with_backup(demo_profile: Profile) -> Profile:
    """The sample course with one backup made by hand, earlier."""
    backup_database(
        demo_profile.database_path, default_backup_path(demo_profile.backups_folder, EARLIER)
    )
    return demo_profile


def section_of(window: MainWindow) -> BackupsSection:
    window.show_destination("settings")
    section = window.settings_view.backups
    assert section is not None
    return section


def when_restore_dialog_opens(act: Callable[[RestoreDialog], object]) -> None:
    """Call `act(dialog)` once the restore dialog is open with its list in focus."""
    when_dialog_opens(RestoreDialog, act, focus=lambda dialog: dialog.list)


def when_asked_press(qtbot: QtBot, label: str, seen: list[str]) -> None:
    """When the next question opens, note its words, then Tab to the button called `label`
    and press Space; it is closed afterwards whatever happened."""

    def check() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, check)
            return
        try:
            seen.append(box.informativeText())
            box.activateWindow()
            for _ in range(6):
                now = QApplication.focusWidget()
                if isinstance(now, QPushButton) and now.text() == label:
                    press(qtbot, Qt.Key.Key_Space)
                    break
                press(qtbot, Qt.Key.Key_Tab)
        finally:
            if box.isVisible():
                box.reject()

    QTimer.singleShot(20, check)


def counts(store: Store) -> dict[str, int]:
    return {table: store.live_count(table) for table in USER_TABLES}


def test_the_last_backup_is_named_with_when_and_by_whom(
    open_window: WindowFactory, with_backup: Profile
) -> None:
    window = open_window(with_backup)
    section = section_of(window)
    [automatic] = automatic_backups(with_backup.backups_folder)
    expected = f"The last backup was made automatically on {when_text(automatic.made)}."
    assert section.last_label.text() == expected
    assert not section.problem_label.isVisibleTo(section)

    section.backup_button.click()
    assert section.last_label.text().startswith("The last backup was made by you on ")
    assert section.status.text().startswith("A backup was saved as")

    window.automatic_backup_problem = DiskFullError(with_backup.database_path)
    section.refresh()
    assert section.problem_label.isVisibleTo(section)
    assert section.problem_label.text().startswith(
        "The last automatic backup could not be made: Your disk is full"
    )


def test_restoring_by_keyboard_brings_the_backup_back_and_keeps_what_was_there(
    open_window: WindowFactory, with_backup: Profile, qtbot: QtBot
) -> None:
    window = open_window(with_backup)
    store = window.store
    assert store is not None
    [by_hand] = with_backup.backups_folder.glob("kap-companion-*.sqlite3")
    summary = summarize(by_hand, None)
    assert summary.usable, summary.problem
    in_backup = summary.counts
    store.sessions.add(NewSession(held_at=datetime.now(UTC), intention="Written after it."))
    now = counts(store)
    assert now != in_backup
    # What the data file holds just before the restore, byte for byte.
    window.close_store()
    before = with_backup.database_path.read_bytes()
    with qtbot.waitSignal(window.profile_opened):
        window.open_profile()

    window.sidebar.setFocus()
    press(qtbot, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    section = window.settings_view.backups
    assert section is not None
    tab_to(qtbot, section.restore_button, limit=60)
    listed: list[str] = []
    asked: list[str] = []

    def choose_the_earlier_one(dialog: RestoreDialog) -> None:
        listed.extend(dialog.list.item(row).text() for row in range(dialog.list.count()))
        press(qtbot, Qt.Key.Key_Down)  # past today's automatic one, to the one made by hand
        chosen = dialog.chosen()
        assert chosen is not None and chosen.made == EARLIER
        assert "made by you" in dialog.preview.text()
        tab_to(qtbot, dialog.restore_button)
        when_asked_press(qtbot, "Restore", asked)
        press(qtbot, Qt.Key.Key_Space)

    when_restore_dialog_opens(choose_the_earlier_one)
    press(qtbot, Qt.Key.Key_Space)

    assert len(listed) == 2
    assert "made automatically" in listed[0] and "not protected" in listed[0]
    assert listed[1].startswith(when_text(EARLIER)) and "made by you" in listed[1]
    assert f"{in_backup['sessions']} sessions" in listed[1]
    assert asked and "will be kept aside as kap-companion.sqlite3.before-restore-" in asked[0]
    assert "can be brought back" in asked[0]
    restored = window.store
    assert restored is not None and restored is not store
    assert counts(restored) == in_backup
    [kept] = with_backup.folder.glob(f"{with_backup.database_path.name}{KEPT_INFIX}*")
    assert kept.read_bytes() == before
    assert section.status.text().startswith(f"Your backup from {when_text(EARLIER)} is back")
    assert str(kept) in section.status.text()
    assert QApplication.activeModalWidget() is None


def test_a_chosen_folder_gets_automatic_backups_and_is_listed_for_restoring(
    open_window: WindowFactory,
    with_backup: Profile,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    drive = tmp_path / "drive"
    drive.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_args: str(drive))
    window = open_window(with_backup)
    section = section_of(window)
    section.choose_button.click()
    assert "From now on automatic backups go to" in section.status.text()
    assert str(drive) in section.folder_label.text()
    assert section.usual_button.isVisibleTo(section)

    window.close_store(back_up=True)
    window.open_profile()  # the next start: a backup is due in the new folder
    [in_drive] = automatic_backups(drive)

    seen: list[str] = []

    def note_paths(dialog: RestoreDialog) -> None:
        seen.extend(str(summary.path) for summary in dialog._backups)
        dialog.reject()

    when_restore_dialog_opens(note_paths)
    section = section_of(window)
    section.restore_button.click()
    assert str(in_drive.path.resolve()) in seen

    section.usual_button.click()
    window.close_store()
    window.open_profile()
    assert window.store is not None
    assert window.store.settings.get(BACKUP_FOLDER_SETTING) is None
    assert not section.usual_button.isVisibleTo(section)


def test_a_chosen_folder_that_is_missing_is_said_plainly_without_a_dialog(
    open_window: WindowFactory, with_backup: Profile, tmp_path: Path
) -> None:
    unplugged = tmp_path / "usb-drive" / "kap"
    with Store.open(with_backup.database_path) as store:
        store.settings.set(BACKUP_FOLDER_SETTING, str(unplugged))
    window = open_window(with_backup)  # waits for the data to open: no dialog stopped it
    assert QApplication.activeModalWidget() is None
    assert window.automatic_backup_problem is None
    assert not unplugged.exists()
    section = section_of(window)
    text = section.folder_label.text()
    assert f"The folder you chose for backups, {unplugged}, cannot be found just now" in text
    assert "its drive is not plugged in" in text
    assert text in visible_texts(section)


def test_a_backup_that_cannot_be_restored_is_greyed_with_its_reason(
    qtbot: QtBot, with_backup: Profile
) -> None:
    from ui.settings.backups import backups_to_offer

    damaged = with_backup.backups_folder / "kap-companion-2024-06-01-100000.sqlite3"
    damaged.write_bytes(b"not a database at all" * 100)
    offered = backups_to_offer(with_backup, None, None)
    dialog = RestoreDialog(offered, with_backup)
    qtbot.addWidget(dialog)
    assert dialog.chosen() is not None and dialog.chosen().path == damaged  # type: ignore[union-attr]
    assert not dialog.restore_button.isEnabled()
    assert "cannot be restored: it" in dialog.preview.text()
    assert "cannot be restored" in dialog.list.item(0).text()
    dialog.list.setCurrentRow(1)
    assert dialog.restore_button.isEnabled()
