"""Automatic backups on real files with a fake clock: when one is made, which ones rotation
keeps over a year of daily use, and what it never touches."""

from __future__ import annotations

import os
import shutil
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from kapcompanion.profile import Profile
from kapcompanion.store import Store
from kapcompanion.store.automatic_backups import (
    automatic_backup_path,
    backup_if_due,
    backup_on_close,
    is_due,
    rotate,
)
from kapcompanion.store.backup import default_backup_path
from kapcompanion.store.file_checks import looks_protected
from kapcompanion.store.restore import summarize

MORNING = datetime(2025, 1, 1, 9, 0)


def names(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir())


def auto_name(day: date, time: str = "090000") -> str:
    return f"auto-{day:%Y-%m-%d}-{time}.sqlite3"


def test_the_first_open_makes_a_backup_and_the_next_one_a_day_later(
    demo_profile: Profile,
) -> None:
    folder = demo_profile.backups_folder
    with Store.open(demo_profile.database_path) as store:
        first = backup_if_due(store, folder, MORNING)
        assert first is not None and first.name == "auto-2025-01-01-090000.sqlite3"
        assert summarize(first, None).counts["sessions"] == 7
        # Opened again that evening and next morning (23 hours on): not yet due.
        assert backup_if_due(store, folder, MORNING + timedelta(hours=10)) is None
        assert backup_if_due(store, folder, MORNING + timedelta(hours=23)) is None
        later = backup_if_due(store, folder, MORNING + timedelta(hours=24))
    assert later is not None
    assert names(folder) == ["auto-2025-01-01-090000.sqlite3", "auto-2025-01-02-090000.sqlite3"]


def test_closing_backs_up_only_when_something_was_written(demo_profile: Profile) -> None:
    folder = demo_profile.backups_folder
    with Store.open(demo_profile.database_path) as store:
        assert not store.changed_since_open()
        assert backup_on_close(store, folder, MORNING) is None
    assert not folder.exists() or names(folder) == []
    with Store.open(demo_profile.database_path) as store:
        store.insights.add("I can rest without earning it.")
        assert store.changed_since_open()
        made = backup_on_close(store, folder, MORNING)
    assert made is not None and made.name.startswith("auto-")
    assert summarize(made, None).counts["insights"] == 15  # the sample's 14, and the new one


def test_a_protected_profiles_automatic_backups_are_protected(demo_profile: Profile) -> None:
    pytest.importorskip("sqlcipher3", reason="this installation has no SQLCipher")
    from kapcompanion.store import protection

    protection.protect(demo_profile.database_path, demo_profile.backups_folder, "quiet lake")
    with Store.open(demo_profile.database_path, passphrase="quiet lake") as store:
        made = backup_if_due(store, demo_profile.backups_folder, MORNING)
    assert made is not None and looks_protected(made)
    assert not summarize(made, None).usable
    assert summarize(made, "quiet lake").counts["sessions"] == 7


def test_a_year_of_daily_use_keeps_7_days_4_weeks_and_12_months(store: Store) -> None:
    folder = store.path.parent / "backups"
    hand_made = store.back_up(default_backup_path(folder, datetime(2025, 1, 1, 8)))
    chosen_name = store.back_up(folder / "before-moving.sqlite3")
    untouched = {path: path.read_bytes() for path in (hand_made, chosen_name)}
    # A real backup takes ~50 ms; a year of them is the same checked file under each day's
    # automatic name, rotated each day as backup_if_due does after making one.
    for day in range(365):
        now = MORNING + timedelta(days=day)
        assert is_due(folder, now)
        shutil.copyfile(hand_made, automatic_backup_path(folder, now))
        rotate(folder, now)
    expected_days = [
        date(2025, month, day)
        for month, day in [
            (1, 31), (2, 28), (3, 31), (4, 30), (5, 31), (6, 30), (7, 31), (8, 31), (9, 30),
            (10, 31), (11, 30),  # the newest of each of the 12 months ...
            (12, 14), (12, 21),  # ... of each of the 4 ISO weeks (Dec 29-31 is 2026-W01) ...
            (12, 25), (12, 26), (12, 27), (12, 28), (12, 29), (12, 30), (12, 31),  # ... 7 days
        ]
    ]  # fmt: skip
    assert names(folder) == sorted(
        [*(auto_name(day) for day in expected_days), hand_made.name, chosen_name.name]
    )
    assert {path: path.read_bytes() for path in untouched} == untouched


def test_the_newest_backup_that_opens_is_never_let_go(demo_profile: Profile) -> None:
    folder = demo_profile.backups_folder
    with Store.open(demo_profile.database_path) as store:
        early, whole, damaged = (
            store.back_up(automatic_backup_path(folder, MORNING.replace(hour=hour)))
            for hour in (7, 8, 18)
        )
    size = damaged.stat().st_size
    with damaged.open("r+b") as handle:
        handle.seek(100)
        handle.write(os.urandom(size - 200))
    # The day's newest is damaged: the newest one that opens stays beside it.
    gone = rotate(folder, MORNING.replace(hour=20))
    assert gone == [early]
    assert names(folder) == [whole.name, damaged.name]


def test_a_backup_let_go_is_overwritten_not_only_unlinked(demo_profile: Profile) -> None:
    folder = demo_profile.backups_folder
    with Store.open(demo_profile.database_path) as store:
        old = store.back_up(automatic_backup_path(folder, MORNING))
        store.back_up(automatic_backup_path(folder, MORNING + timedelta(hours=2)))
    second_name = old.with_name("second-name-of-the-old-backup")  # what a wipe reaches
    second_name.hardlink_to(old)
    assert rotate(folder, MORNING + timedelta(hours=3)) == [old]
    assert not old.exists()
    assert set(second_name.read_bytes()) == {0}


def test_backups_dated_after_now_are_left_alone(demo_profile: Profile) -> None:
    folder = demo_profile.backups_folder
    with Store.open(demo_profile.database_path) as store:
        for hour in (1, 2, 3):
            store.back_up(automatic_backup_path(folder, MORNING.replace(year=2030, hour=hour)))
        # A clock put back: a backup is due (none is from the last day), the future ones stay.
        made = backup_if_due(store, folder, MORNING)
    assert made is not None
    assert len(names(folder)) == 4


def test_an_empty_profile_is_not_backed_up(store: Store) -> None:
    folder = store.path.parent / "backups"
    assert store.is_empty()
    assert backup_if_due(store, folder, MORNING) is None
    store.settings.set("reminders", {"on": True})  # written, but still no entries
    assert backup_on_close(store, folder, MORNING) is None
    assert not folder.exists() or list(folder.iterdir()) == []
