"""Passphrase protection on real files: what is on disk afterwards, and what never changes.

Turning protection on must leave no readable sentence in any file of the profile; changing and
removing it must round-trip every entry; a wrong passphrase, a kill or a full disk part-way
must leave the data exactly as it was.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import pytest

from kapcompanion.errors import (
    AlreadyProtectedError,
    DatabaseUnreadableError,
    KapError,
    NotProtectedError,
    PassphraseNeededError,
    PassphraseRefusedError,
    WrongPassphraseError,
)
from kapcompanion.profile import Profile
from kapcompanion.store import Store, protection
from kapcompanion.store.backup import backup_database, default_backup_path
from kapcompanion.store.file_checks import check_database
from tests.core.store.test_secure_delete import files_holding
from tests.paths import REPOSITORY
from tests.raw_sql import connection_of

pytest.importorskip("sqlcipher3", reason="this installation has no SQLCipher")

PASSPHRASE = "river stone 🌊 Ünïcode 'quoted'"


def sentences_of(profile: Profile, passphrase: str | None = None) -> list[str]:
    """Whole sentences the client wrote: answers, insights and session notes."""
    with Store.open(profile.database_path, passphrase=passphrase) as store:
        connection = connection_of(store)
        return [
            row[0]
            for row in connection.execute(
                "SELECT text FROM answers WHERE length(text) > 30 "
                "UNION SELECT text FROM insights WHERE length(text) > 30"
            )
        ]


def everything(profile: Profile, passphrase: str | None = None) -> dict[str, object]:
    """Every row of every table the client's words live in."""
    with Store.open(profile.database_path, passphrase=passphrase) as store:
        connection = connection_of(store)
        return {
            table: connection.execute(f"SELECT * FROM {table} ORDER BY id").fetchall()
            for table in ("sessions", "reflections", "answers", "insights", "checkins")
        }


def with_backup(profile: Profile, when: int, passphrase: str | None = None) -> Path:
    return backup_database(
        profile.database_path,
        default_backup_path(profile.backups_folder, datetime(2025, 1, when)),
        passphrase,
    )


def test_protecting_leaves_no_sentence_readable_in_any_file(demo_profile: Profile) -> None:
    with_backup(demo_profile, 1)
    sentences = sentences_of(demo_profile)
    assert len(sentences) > 10
    assert files_holding(demo_profile.folder, sentences[0]) != []  # the test can see words

    report = protection.protect(demo_profile.database_path, demo_profile.backups_folder, PASSPHRASE)

    assert len(report.converted) == 1 and not report.left_unprotected
    for sentence in sentences:
        assert files_holding(demo_profile.folder, sentence) == [], sentence
    assert protection.is_protected(demo_profile.database_path)
    assert sorted(path.name for path in demo_profile.folder.iterdir()) == [
        "backups",
        "kap-companion.sqlite3",
    ]
    assert sentences_of(demo_profile, PASSPHRASE) == sentences


def test_the_standard_sqlite_cannot_read_a_protected_file(demo_profile: Profile) -> None:
    protection.protect(demo_profile.database_path, demo_profile.backups_folder, PASSPHRASE)
    with pytest.raises(sqlite3.DatabaseError, match="not a database"):
        sqlite3.connect(demo_profile.database_path).execute("SELECT * FROM sqlite_master")


def test_without_its_passphrase_a_protected_profile_asks_for_it(demo_profile: Profile) -> None:
    protection.protect(demo_profile.database_path, demo_profile.backups_folder, PASSPHRASE)
    before = demo_profile.database_path.read_bytes()
    with pytest.raises(PassphraseNeededError) as needed:
        Store.open(demo_profile.database_path)
    assert "protected with a passphrase" in needed.value.message
    for wrong in ("", "river stone", PASSPHRASE + " ", "x" * 10_000, "\x00abc", "💥" * 500):
        with pytest.raises(WrongPassphraseError) as refused:
            Store.open(demo_profile.database_path, passphrase=wrong)
        assert "does not open" in refused.value.message
    assert demo_profile.database_path.read_bytes() == before


def test_the_same_passphrase_typed_in_another_unicode_form_opens_it(
    demo_profile: Profile,
) -> None:
    composed = "caf\u00e9"
    protection.protect(demo_profile.database_path, demo_profile.backups_folder, composed)
    with Store.open(demo_profile.database_path, passphrase="cafe\u0301") as store:
        assert not store.is_empty()


def test_a_passphrase_on_an_ordinary_file_is_refused(demo_profile: Profile) -> None:
    with pytest.raises(NotProtectedError):
        Store.open(demo_profile.database_path, passphrase=PASSPHRASE)
    with pytest.raises(NotProtectedError):
        protection.change(
            demo_profile.database_path, demo_profile.backups_folder, PASSPHRASE, "new"
        )


def test_change_and_remove_round_trip_every_entry(demo_profile: Profile) -> None:
    original = everything(demo_profile)
    with_backup(demo_profile, 1)
    protection.protect(demo_profile.database_path, demo_profile.backups_folder, PASSPHRASE)
    with pytest.raises(AlreadyProtectedError):
        protection.protect(demo_profile.database_path, demo_profile.backups_folder, "other")

    report = protection.change(
        demo_profile.database_path, demo_profile.backups_folder, PASSPHRASE, "second one"
    )
    assert len(report.converted) == 1
    with pytest.raises(WrongPassphraseError):
        Store.open(demo_profile.database_path, passphrase=PASSPHRASE)
    assert everything(demo_profile, "second one") == original

    protection.remove(demo_profile.database_path, demo_profile.backups_folder, "second one")
    assert not protection.is_protected(demo_profile.database_path)
    assert everything(demo_profile) == original
    assert protection.unprotected_backups(demo_profile.backups_folder) == protection.backup_files(
        demo_profile.backups_folder
    )


def test_a_wrong_current_passphrase_changes_nothing(demo_profile: Profile) -> None:
    protection.protect(demo_profile.database_path, demo_profile.backups_folder, PASSPHRASE)
    with_backup(demo_profile, 2, PASSPHRASE)
    before = {path: path.read_bytes() for path in demo_profile.folder.rglob("*") if path.is_file()}
    with pytest.raises(WrongPassphraseError):
        protection.change(demo_profile.database_path, demo_profile.backups_folder, "no", "new")
    with pytest.raises(WrongPassphraseError):
        protection.remove(demo_profile.database_path, demo_profile.backups_folder, "no")
    after = {path: path.read_bytes() for path in demo_profile.folder.rglob("*") if path.is_file()}
    assert after == before


def test_an_empty_new_passphrase_is_refused_before_anything_changes(
    demo_profile: Profile,
) -> None:
    before = demo_profile.database_path.read_bytes()
    with pytest.raises(PassphraseRefusedError):
        protection.protect(demo_profile.database_path, demo_profile.backups_folder, "")
    assert demo_profile.database_path.read_bytes() == before


def test_backups_of_a_protected_profile_are_protected_and_restore(
    demo_profile: Profile, tmp_path: Path
) -> None:
    original = everything(demo_profile)
    protection.protect(demo_profile.database_path, demo_profile.backups_folder, PASSPHRASE)
    with Store.open(demo_profile.database_path, passphrase=PASSPHRASE) as store:
        backup = store.back_up(demo_profile.backups_folder / "made-while-open.sqlite3")
    assert protection.unprotected_backups(demo_profile.backups_folder) == []
    for sentence in sentences_of(demo_profile, PASSPHRASE):
        assert sentence.encode() not in backup.read_bytes()
    # Restoring a backup is putting it in the database's place.
    restored = Profile(tmp_path / "restored")
    restored.ensure_exists()
    restored.database_path.write_bytes(backup.read_bytes())
    assert everything(restored, PASSPHRASE) == original
    assert check_database(backup, PASSPHRASE).healthy


def test_declined_backups_stay_as_they_were_and_are_listed(demo_profile: Profile) -> None:
    backup = with_backup(demo_profile, 1)
    report = protection.protect(
        demo_profile.database_path, demo_profile.backups_folder, PASSPHRASE, backups=False
    )
    assert report.left_unprotected == [backup]
    assert protection.unprotected_backups(demo_profile.backups_folder) == [backup]
    protection.protect_backups(demo_profile.backups_folder, PASSPHRASE)
    assert protection.unprotected_backups(demo_profile.backups_folder) == []
    with Store.open(backup, passphrase=PASSPHRASE) as store:
        assert not store.is_empty()


def test_a_backup_the_passphrase_does_not_open_is_left_and_named(demo_profile: Profile) -> None:
    protection.protect(demo_profile.database_path, demo_profile.backups_folder, PASSPHRASE)
    stranger = with_backup(demo_profile, 3, PASSPHRASE)
    protection.convert_file(stranger, PASSPHRASE, "an older passphrase")
    kept = stranger.read_bytes()
    report = protection.change(
        demo_profile.database_path, demo_profile.backups_folder, PASSPHRASE, "new"
    )
    assert report.not_opened == [stranger]
    assert stranger.read_bytes() == kept


def test_a_damaged_file_is_not_converted(profile: Profile) -> None:
    profile.ensure_exists()
    profile.database_path.write_bytes(b"SQLite format 3\x00" + b"\x07" * 8000)
    before = profile.database_path.read_bytes()
    with pytest.raises(KapError):
        protection.protect(profile.database_path, profile.backups_folder, PASSPHRASE)
    assert profile.database_path.read_bytes() == before
    assert [path.name for path in profile.folder.iterdir()] == ["kap-companion.sqlite3"]


def test_random_bytes_are_not_mistaken_for_a_damaged_sqlite_file(profile: Profile) -> None:
    profile.ensure_exists()
    profile.database_path.write_bytes(os.urandom(4096 * 3))
    with pytest.raises(PassphraseNeededError):
        Store.open(profile.database_path)
    profile.database_path.write_bytes(b"just some notes\n")
    with pytest.raises(DatabaseUnreadableError):
        Store.open(profile.database_path)


CONVERT = """
import sys
from pathlib import Path
from kapcompanion.store import protection
folder = Path(sys.argv[1])
protection.protect(folder / "kap-companion.sqlite3", folder / "backups", sys.argv[2])
"""


def test_a_kill_at_any_moment_of_the_conversion_leaves_a_usable_profile(
    demo_profile: Profile,
) -> None:
    original = everything(demo_profile)
    for delay in (0.05, 0.15, 0.25, 0.35, 0.5, 0.7):
        process = subprocess.Popen(
            [sys.executable, "-c", CONVERT, str(demo_profile.folder), PASSPHRASE],
            cwd=REPOSITORY,
        )
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait()
        passphrase = PASSPHRASE if protection.is_protected(demo_profile.database_path) else None
        assert everything(demo_profile, passphrase) == original, delay
        if passphrase is not None:  # converted before the kill: back to the start
            protection.remove(demo_profile.database_path, demo_profile.backups_folder, passphrase)
        leftovers = [path.name for path in demo_profile.folder.iterdir()]
        assert not [name for name in leftovers if name.endswith((".converting", ".replaced"))]


FULL_DISK = """
import resource, signal, sys
from pathlib import Path
from kapcompanion.errors import KapError
from kapcompanion.store import protection
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (int(sys.argv[3]), int(sys.argv[3])))
folder = Path(sys.argv[1])
try:
    protection.protect(folder / "kap-companion.sqlite3", folder / "backups", sys.argv[2])
except KapError as error:
    print(error.message)
    sys.exit(1)
"""


def test_a_full_disk_during_the_conversion_changes_nothing(demo_profile: Profile) -> None:
    before = demo_profile.database_path.read_bytes()
    limit = len(before) // 2  # no file may grow past half the database's size
    result = subprocess.run(
        [sys.executable, "-c", FULL_DISK, str(demo_profile.folder), PASSPHRASE, str(limit)],
        cwd=REPOSITORY,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert "Nothing was changed" in result.stdout
    assert demo_profile.database_path.read_bytes() == before
    assert [path.name for path in demo_profile.folder.iterdir()] == ["kap-companion.sqlite3"]
