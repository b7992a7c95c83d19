"""Removing from older backups what was deleted for good: afterwards the word is in no file of
the profile, backups included, and everything else in each backup is still there."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from kapcompanion.domain import DeletedKind, NewMedication, NewPracticeEntry, PracticeRef
from kapcompanion.profile import Profile
from kapcompanion.store import Store, protection
from kapcompanion.store.backup import backup_database
from tests.core.store.test_secure_delete import (
    files_holding,
    reflection_and_insight_with,
    unique_word,
    write_some,
)
from tests.raw_sql import connection_of


def made_then_erased(profile: Profile, word: str, passphrase: str | None = None) -> Path:
    """A profile with writing around `word`, a backup holding it, then `word` erased for good
    from the profile. Returns the backup."""
    profile.ensure_exists()
    with Store.open(profile.database_path, passphrase=passphrase) as store:
        write_some(store, "river")
        reflection_id, insight_id = reflection_and_insight_with(store, word)
        backup = store.back_up(profile.backups_folder / "before.sqlite3")
        store.deleted.move(DeletedKind.REFLECTION, reflection_id)
        store.deleted.move(DeletedKind.INSIGHT, insight_id)
        store.deleted.erase(DeletedKind.REFLECTION, reflection_id)
        store.deleted.erase(DeletedKind.INSIGHT, insight_id)
    return backup


def rows(path: Path, passphrase: str | None = None) -> dict[str, list[tuple[object, ...]]]:
    with Store.open(path, passphrase=passphrase) as store:
        connection = connection_of(store)
        return {
            table: connection.execute(f"SELECT uuid FROM {table} ORDER BY uuid").fetchall()
            for table in ("sessions", "reflections", "answers", "insights")
        }


def test_the_erased_words_leave_every_backup_and_the_rest_stays(profile: Profile) -> None:
    word = unique_word()
    backup = made_then_erased(profile, word)
    assert files_holding(profile.folder, word) == ["backups/before.sqlite3"]  # the control

    with Store.open(profile.database_path) as store:
        report = store.forget_erased_in(protection.backup_files(profile.backups_folder))
    assert report.cleaned == [backup]
    assert files_holding(profile.folder, word) == []
    assert rows(backup) == rows(profile.database_path)
    with Store.open(backup) as restored:
        assert restored.integrity_problems() == []
        assert len(restored.journal.search("river")) == 30


def test_a_protected_profiles_backups_are_cleaned_and_stay_protected(profile: Profile) -> None:
    pytest.importorskip("sqlcipher3", reason="this installation has no SQLCipher")
    profile.ensure_exists()
    with Store.open(profile.database_path):
        pass
    protection.protect(profile.database_path, profile.backups_folder, "pass")
    word = unique_word()
    backup = made_then_erased(profile, word, "pass")
    with Store.open(profile.database_path, passphrase="pass") as store:
        report = store.forget_erased_in([backup])
    assert report.cleaned == [backup]
    assert protection.unprotected_backups(profile.backups_folder) == []
    assert rows(backup, "pass") == rows(profile.database_path, "pass")


def test_a_backup_with_nothing_erased_since_is_not_touched(profile: Profile) -> None:
    word = unique_word()
    made_then_erased(profile, word)
    later = backup_database(profile.database_path, profile.backups_folder / "later.sqlite3")
    before = later.read_bytes()
    with Store.open(profile.database_path) as store:
        report = store.forget_erased_in([later])
    assert report.unchanged == [later]
    assert later.read_bytes() == before


def test_a_copy_of_another_profiles_data_is_left_as_it_is(
    profile: Profile, demo_profile: Profile, tmp_path: Path
) -> None:
    other = Profile(tmp_path / "other")
    made_then_erased(other, unique_word())
    stranger = backup_database(demo_profile.database_path, other.backups_folder / "demo.sqlite3")
    before = stranger.read_bytes()
    with Store.open(other.database_path) as store:
        report = store.forget_erased_in([stranger])
    assert report.not_opened == [stranger]
    assert stranger.read_bytes() == before


def test_an_erased_practice_and_medication_leave_the_backups_too(profile: Profile) -> None:
    practice_word, medication_word = unique_word(), unique_word()
    profile.ensure_exists()
    with Store.open(profile.database_path) as store:
        write_some(store, "river")
        kept = store.medications.add(NewMedication("Sertraline", "50 mg"))
        entry = store.practices.log(
            NewPracticeEntry(
                PracticeRef(builtin_key="movement"),
                datetime(2026, 3, 1, 9, tzinfo=UTC),
                note=practice_word,
            )
        )
        medication = store.medications.add(NewMedication(medication_word, "1 tablet"))
        backup = store.back_up(profile.backups_folder / "before.sqlite3")
        for kind, item_id in (
            (DeletedKind.PRACTICE, entry.id),
            (DeletedKind.MEDICATION, medication.id),
        ):
            store.deleted.move(kind, item_id)
            store.deleted.erase(kind, item_id)
    assert files_holding(profile.folder, practice_word) == ["backups/before.sqlite3"]

    with Store.open(profile.database_path) as store:
        report = store.forget_erased_in([backup])

    assert report.cleaned == [backup]
    assert files_holding(profile.folder, practice_word) == []
    assert files_holding(profile.folder, medication_word) == []
    with Store.open(backup) as restored:
        assert [m.uuid for m in restored.medications.list()] == [kept.uuid]
        assert restored.practices.entries() == []
