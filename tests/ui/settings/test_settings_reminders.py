"""Settings → Reminders, and the reminders themselves: off by default, saying only that
something is ready, once per item; opening at login for this user."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTime
from pytestqt.qtbot import QtBot

from kapcompanion import autostart
from kapcompanion.domain import NewSession
from kapcompanion.profile import Profile
from kapcompanion.reminders import ReminderChoices, choices, save_choices
from tests.ui.conftest import WindowFactory
from tests.ui.helpers import press
from ui.widgets.reminders import DueReminders


def test_reminders_are_chosen_by_keyboard_and_kept(
    open_window: WindowFactory, profile: Profile, qtbot: QtBot
) -> None:
    window = open_window(profile)
    window.show_destination("settings")
    section = window.settings_view.reminders
    assert window.store is not None
    assert not section.notify_box.isChecked()  # off until the client turns them on
    section.notify_box.setFocus()
    press(qtbot, Qt.Key.Key_Space)
    section.quiet_until.setTime(QTime(7, 30))
    assert choices(window.store) == ReminderChoices(True, time(21, 0), time(7, 30))
    window.close_store()
    window.open_profile()
    window.show_destination("settings")
    assert section.notify_box.isChecked()
    assert section.quiet_until.time() == QTime(7, 30)


@pytest.mark.skipif(not autostart.supported(), reason="opening at login is written for Linux")
def test_opening_at_login_writes_this_users_entry_and_takes_it_away(
    open_window: WindowFactory, profile: Profile, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    window = open_window(profile)
    window.show_destination("settings")
    box = window.settings_view.reminders.autostart_box
    assert box.isVisibleTo(window.settings_view) and not box.isChecked()
    box.click()
    entry = tmp_path / "config" / "autostart" / "kap-companion.desktop"
    written = entry.read_text(encoding="utf-8")
    assert "--minimised" in written and str(profile.folder) in written
    box.click()
    assert not entry.exists()


def test_a_reminder_says_only_that_something_is_ready_and_only_once(
    open_window: WindowFactory, profile: Profile
) -> None:
    window = open_window(profile)
    store = window.store
    assert store is not None
    held_at = (datetime.now() - timedelta(days=1)).astimezone()
    store.sessions.add(NewSession(held_at=held_at, number_in_course=1, intention="Be gentle"))
    told: list[tuple[str, str]] = []
    reminders = DueReminders(window, notify=lambda title, words: told.append((title, words)))
    reminders.start(store)
    reminders.check()
    assert told == []  # reminders are off
    quiet_from = (datetime.now() + timedelta(hours=2)).time().replace(second=0, microsecond=0)
    quiet_until = (datetime.now() + timedelta(hours=3)).time().replace(second=0, microsecond=0)
    save_choices(store, ReminderChoices(True, quiet_from, quiet_until))
    reminders.check()
    assert told == [
        ("KAP Companion", "Something is ready for you in KAP Companion, whenever you are.")
    ]
    reminders.check()
    assert len(told) == 1  # nothing new since
    reminders.stop()
