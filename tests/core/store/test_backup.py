"""Backups: a consistent, self-contained copy, made even while the app has the profile open."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from kapcompanion.errors import BackupError, NoDataFileError
from kapcompanion.profile import Profile
from kapcompanion.store import Store
from kapcompanion.store.backup import backup_database, default_backup_path


def test_a_backup_while_the_store_is_open_holds_everything_committed(demo_profile: Profile) -> None:
    with Store.open(demo_profile.database_path) as live:
        live.check_ins.add_distress_rating(4, note="written just before the backup")
        target = default_backup_path(demo_profile.backups_folder, datetime(2026, 11, 25, 7))
        written = backup_database(demo_profile.database_path, target)
        expected = live.counts()
    assert written.name == "kap-companion-2026-11-25-070000.sqlite3"
    assert not written.with_name(written.name + ".partial").exists()
    # One self-contained file: no write-ahead log needed beside it.
    probe = sqlite3.connect(written)
    assert probe.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    probe.close()
    with Store.open(written) as copy:
        assert copy.counts() == expected
        assert copy.integrity_problems() == []


def test_a_backup_never_overwrites_an_existing_file(demo_profile: Profile, tmp_path: Path) -> None:
    existing = tmp_path / "keep-me.sqlite3"
    existing.write_text("precious")
    with pytest.raises(BackupError, match="already exists"):
        backup_database(demo_profile.database_path, existing)
    assert existing.read_text() == "precious"


def test_backing_up_nothing_is_a_clear_error(profile: Profile, tmp_path: Path) -> None:
    with pytest.raises(NoDataFileError, match="nothing to read"):
        backup_database(profile.database_path, tmp_path / "out.sqlite3")
    assert not (tmp_path / "out.sqlite3").exists()


def test_two_backups_in_the_same_second_get_their_own_names(demo_profile: Profile) -> None:
    moment = datetime(2026, 11, 25, 7, 0, 0)
    first = backup_database(
        demo_profile.database_path, default_backup_path(demo_profile.backups_folder, moment)
    )
    second = backup_database(
        demo_profile.database_path, default_backup_path(demo_profile.backups_folder, moment)
    )
    assert first != second
    assert second.name == "kap-companion-2026-11-25-070000-2.sqlite3"
    assert first.is_file() and second.is_file()


def test_a_backup_that_cannot_be_written_says_so_without_blaming_the_data(
    demo_profile: Profile, tmp_path: Path
) -> None:
    (tmp_path / "a-file").write_text("in the way")
    with pytest.raises(BackupError, match="cannot be written") as refused:
        backup_database(demo_profile.database_path, tmp_path / "a-file" / "copy.sqlite3")
    assert "not changed" in refused.value.message
