"""Deleting all of a profile's data: its own files go, everything else in the folder stays."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

import pytest

from kapcompanion.erase_profile import EraseError, erase_profile, profile_files
from kapcompanion.errors import ProfileLockedError
from kapcompanion.profile import Profile, ProfileLock
from kapcompanion.store import Store
from kapcompanion.store.backup import backup_database, default_backup_path
from tests.profile_lock_holder import lock_held_elsewhere


def companions(profile: Profile) -> list[Path]:
    database = profile.database_path
    return [database.with_name(database.name + end) for end in ("-wal", "-shm", "-journal")]


@pytest.fixture
def full_profile(demo_profile: Profile) -> Profile:
    """The sample course with two backups, window settings, the files SQLite keeps beside the
    database (as a crash leaves them), and files of the client's own beside them."""
    for second in (1, 2):
        destination = default_backup_path(
            demo_profile.backups_folder, datetime(2024, 5, 1, 9, 0, second)
        )
        backup_database(demo_profile.database_path, destination)
    demo_profile.window_state_path.write_text("[window]\ndestination=journal\n")
    for path in companions(demo_profile):
        path.write_bytes(b"left by a crash")
    (demo_profile.folder / "my notes.txt").write_text("mine")
    (demo_profile.folder / "exports").mkdir()
    (demo_profile.folder / "exports" / "kap-companion-export.json").write_text("{}")
    return demo_profile


def test_everything_of_the_profile_goes_and_nothing_else(full_profile: Profile) -> None:
    before = profile_files(full_profile)
    assert len(before.backups) == 2
    assert before.describe() == "your entries (the data file), 2 backups and the window's settings"
    with ProfileLock(full_profile) as lock:
        removed = erase_profile(full_profile, lock)
    assert removed == before
    assert not full_profile.database_path.exists()
    assert not any(path.exists() for path in companions(full_profile))
    assert not full_profile.backups_folder.exists()
    assert not full_profile.window_state_path.exists()
    assert (full_profile.folder / "my notes.txt").read_text() == "mine"
    assert (full_profile.folder / "exports" / "kap-companion-export.json").read_text() == "{}"
    assert sorted(path.name for path in full_profile.folder.iterdir()) == [
        "exports",
        "my notes.txt",
    ]
    assert profile_files(full_profile).empty


def test_the_files_beside_the_database_go_before_it(full_profile: Profile) -> None:
    order = [path.name for path in profile_files(full_profile).all]
    database = order.index(full_profile.database_path.name)
    for path in companions(full_profile):
        assert order.index(path.name) < database


def test_a_profile_emptied_can_be_opened_again_as_a_new_one(full_profile: Profile) -> None:
    with ProfileLock(full_profile) as lock:
        erase_profile(full_profile, lock)
        with Store.open(full_profile.database_path) as store:
            assert store.is_empty()


def test_an_empty_profile_has_nothing_to_remove(profile: Profile) -> None:
    assert profile_files(profile).empty
    with ProfileLock(profile) as lock:
        assert erase_profile(profile, lock).empty
    assert profile.folder.is_dir()


def test_a_symbolic_link_in_backups_is_removed_not_followed(
    full_profile: Profile, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "kept elsewhere.sqlite3"
    elsewhere.write_text("not the app's")
    (full_profile.backups_folder / "link.sqlite3").symlink_to(elsewhere)
    with ProfileLock(full_profile) as lock:
        erase_profile(full_profile, lock)
    assert elsewhere.read_text() == "not the app's"
    assert not full_profile.backups_folder.exists()


def test_it_will_not_erase_without_the_lock(full_profile: Profile) -> None:
    with pytest.raises(RuntimeError):
        erase_profile(full_profile, ProfileLock(full_profile))
    assert full_profile.database_path.exists()


def test_while_another_copy_holds_the_profile_nothing_is_removed(full_profile: Profile) -> None:
    before = profile_files(full_profile)
    with (
        lock_held_elsewhere(full_profile.folder),
        pytest.raises(ProfileLockedError),
        ProfileLock(full_profile) as lock,
    ):
        erase_profile(full_profile, lock)
    assert profile_files(full_profile) == before


@pytest.mark.skipif(
    os.name != "posix" or os.geteuid() == 0, reason="needs POSIX modes that bind the user"
)
def test_a_file_that_cannot_be_removed_is_named_plainly(full_profile: Profile) -> None:
    full_profile.backups_folder.chmod(0o500)
    try:
        with ProfileLock(full_profile) as lock, pytest.raises(EraseError) as raised:
            erase_profile(full_profile, lock)
    finally:
        full_profile.backups_folder.chmod(0o700)
    assert "could not remove" in raised.value.message
    assert raised.value.path.parent == full_profile.backups_folder
    assert not full_profile.database_path.exists()  # what came before it is gone
    assert full_profile.window_state_path.exists()  # what comes after it is left
