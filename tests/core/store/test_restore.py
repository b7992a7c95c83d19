"""Listing backups and restoring one, on real files: the data comes back exactly as the backup
held it, the data it replaces is kept byte for byte, and a backup that is not whole, not ours
or from a newer version changes nothing at all."""

from __future__ import annotations

import os
import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from kapcompanion.domain import DeletedKind
from kapcompanion.errors import WrongPassphraseError
from kapcompanion.profile import Profile
from kapcompanion.store import Store
from kapcompanion.store.automatic_backups import automatic_backup_path
from kapcompanion.store.backup import default_backup_path
from kapcompanion.store.file_checks import looks_protected
from kapcompanion.store.restore import RestoreError, list_backups, restore
from tests.raw_sql import connection_of

PASSPHRASE = "morning light"
NOW = datetime(2025, 3, 10, 9, 30)


def everything(profile: Profile, passphrase: str | None = None) -> dict[str, object]:
    """Every row of every table the client's words live in."""
    with Store.open(profile.database_path, passphrase=passphrase) as store:
        connection = connection_of(store)
        return {
            table: connection.execute(f"SELECT * FROM {table} ORDER BY id").fetchall()
            for table in ("sessions", "reflections", "answers", "insights", "checkins")
        }


def files(folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def backed_up(profile: Profile, passphrase: str | None = None) -> Path:
    """A hand-made backup of the profile as it is now."""
    with Store.open(profile.database_path, passphrase=passphrase) as store:
        return store.back_up(default_backup_path(profile.backups_folder, datetime(2025, 3, 1)))


def change_something(profile: Profile, passphrase: str | None = None) -> None:
    with Store.open(profile.database_path, passphrase=passphrase) as store:
        store.insights.add("Written after the backup.")
        first = store.sessions.list()[0]
        store.deleted.move(DeletedKind.SESSION, first.id)


def damaged_copy(backup: Path) -> Path:
    copy = backup.with_name("damaged.sqlite3")
    shutil.copyfile(backup, copy)
    with copy.open("r+b") as handle:
        handle.seek(copy.stat().st_size // 2)
        handle.write(b"\xff" * 8192)
    return copy


def test_restoring_brings_back_exactly_what_the_backup_held(demo_profile: Profile) -> None:
    backup = backed_up(demo_profile)
    as_backed_up = everything(demo_profile)
    change_something(demo_profile)
    changed = everything(demo_profile)
    assert changed != as_backed_up
    before = demo_profile.database_path.read_bytes()

    kept = restore(demo_profile, backup, None, now=NOW)

    assert everything(demo_profile) == as_backed_up
    assert kept is not None
    assert kept.name == "kap-companion.sqlite3.before-restore-2025-03-10-093000"
    assert kept.read_bytes() == before  # the replaced data, byte for byte
    assert kept.stat().st_mode & 0o777 == 0o600
    # ... and it still opens, holding what was written after the backup.
    kept_profile = Profile(demo_profile.folder / "kept")
    kept_profile.ensure_exists()
    shutil.copyfile(kept, kept_profile.database_path)
    assert everything(kept_profile) == changed


def test_what_only_the_wal_held_is_in_the_kept_file(demo_profile: Profile, tmp_path: Path) -> None:
    """A window that died with changes in the -wal: they go into the kept file, and the -wal
    is never replayed over the restored data."""
    backup = backed_up(demo_profile)
    as_backed_up = everything(demo_profile)
    crashed = Profile(tmp_path / "crashed")
    crashed.ensure_exists()
    with Store.open(demo_profile.database_path) as store:
        store.insights.add("Only in the -wal when the window died.")
        for name in ("", "-wal", "-shm"):
            shutil.copyfile(f"{demo_profile.database_path}{name}", f"{crashed.database_path}{name}")
    assert Path(f"{crashed.database_path}-wal").stat().st_size > 0

    kept = restore(crashed, backup, None, now=NOW)

    assert everything(crashed) == as_backed_up
    assert not Path(f"{crashed.database_path}-wal").exists()
    assert kept is not None
    with sqlite3.connect(kept) as connection:
        texts = [row[0] for row in connection.execute("SELECT text FROM insights")]
    assert "Only in the -wal when the window died." in texts


@pytest.mark.parametrize("kind", ["damaged", "foreign", "newer", "text", "empty"])
def test_a_backup_that_cannot_be_restored_changes_nothing(
    demo_profile: Profile, tmp_path: Path, kind: str
) -> None:
    backup = backed_up(demo_profile)
    bad = tmp_path / f"{kind}.sqlite3"
    if kind == "damaged":
        bad = damaged_copy(backup)
    elif kind == "foreign":
        with sqlite3.connect(bad) as connection:
            connection.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, file TEXT)")
    elif kind == "newer":
        shutil.copyfile(backup, bad)
        with sqlite3.connect(bad) as connection:
            connection.execute(
                "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
                "VALUES ('kapcompanion', '9999_from_the_future', '2030-01-01')"
            )
    elif kind == "text":
        bad.write_text("my notes\n")
    else:
        bad.touch()
    bad_bytes = bad.read_bytes()
    before = files(demo_profile.folder)

    with pytest.raises(RestoreError, match="cannot be restored") as refused:
        restore(demo_profile, bad, None, now=NOW)

    assert "Nothing was changed" in refused.value.message
    assert files(demo_profile.folder) == before
    assert bad.read_bytes() == bad_bytes


def test_the_list_says_when_what_kind_and_what_each_backup_holds(demo_profile: Profile) -> None:
    hand_made = backed_up(demo_profile)
    change_something(demo_profile)
    with Store.open(demo_profile.database_path) as store:
        automatic = store.back_up(automatic_backup_path(demo_profile.backups_folder, NOW))
    damaged = damaged_copy(hand_made)
    copied_on = datetime(2025, 2, 1, 12)  # a name of its own: its time is the file's
    os.utime(damaged, (copied_on.timestamp(), copied_on.timestamp()))

    listed = {summary.path.name: summary for summary in list_backups(demo_profile.backups_folder)}

    assert list(listed) == [automatic.name, hand_made.name, damaged.name]  # newest first
    assert listed[automatic.name].kind == "automatic"
    assert listed[automatic.name].made == NOW
    after_the_change = listed[automatic.name].counts
    assert after_the_change["sessions"] == 6 and after_the_change["insights"] == 15
    assert listed[hand_made.name].kind == "by hand"
    assert listed[hand_made.name].counts == {
        "sessions": 7,
        "reflections": 18,
        "insights": 14,
        "distress_ratings": 5,
        "practice_entries": 22,
        "medications": 3,
    }
    assert listed[damaged.name].made == copied_on
    assert not listed[damaged.name].usable
    assert listed[damaged.name].problem.startswith("is damaged")


def test_a_protected_profile_lists_and_restores_with_its_passphrase(demo_profile: Profile) -> None:
    pytest.importorskip("sqlcipher3", reason="this installation has no SQLCipher")
    from kapcompanion.store import protection

    plain_backup = backed_up(demo_profile)  # made before the passphrase was set
    protection.protect(
        demo_profile.database_path, demo_profile.backups_folder, PASSPHRASE, backups=False
    )
    protected_backup = backed_up(demo_profile, PASSPHRASE)
    protected_backup = protected_backup.rename(protected_backup.with_name("protected.sqlite3"))
    as_backed_up = everything(demo_profile, PASSPHRASE)
    change_something(demo_profile, PASSPHRASE)

    without = {summary.path: summary for summary in list_backups(demo_profile.backups_folder)}
    assert without[protected_backup].protected and not without[protected_backup].usable
    assert without[plain_backup].usable and not without[plain_backup].protected
    listed = list_backups(demo_profile.backups_folder, passphrase=PASSPHRASE)
    assert all(summary.usable for summary in listed)

    before = files(demo_profile.folder)
    with pytest.raises(RestoreError, match="does not open with this passphrase"):
        restore(demo_profile, protected_backup, "not it", now=NOW)
    with pytest.raises(WrongPassphraseError):  # nor may a plain backup come back under it
        restore(demo_profile, plain_backup, "not it", now=NOW)
    assert files(demo_profile.folder) == before

    restore(demo_profile, protected_backup, PASSPHRASE, now=NOW)
    assert everything(demo_profile, PASSPHRASE) == as_backed_up
    # A backup made before the passphrase comes back protected: restoring never removes it.
    restore(demo_profile, plain_backup, PASSPHRASE, now=datetime(2025, 3, 11))
    assert looks_protected(demo_profile.database_path)
    assert everything(demo_profile, PASSPHRASE) == as_backed_up
    kept = sorted(path.name for path in demo_profile.folder.glob("*.before-restore-*"))
    assert kept == [
        "kap-companion.sqlite3.before-restore-2025-03-10-093000",
        "kap-companion.sqlite3.before-restore-2025-03-11-000000",
    ]
