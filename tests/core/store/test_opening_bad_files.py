"""Damaged, foreign, newer and read-only files: a clear error, and the file left untouched."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path

import pytest

from kapcompanion.errors import (
    DatabaseReadOnlyError,
    DatabaseUnreadableError,
    ForeignDatabaseError,
    NewerDatabaseError,
)
from kapcompanion.profile import Profile
from kapcompanion.store import Store
from kapcompanion.store.file_checks import check_database


def fingerprint(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_text_file_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    path.write_text("Dear diary, this is not a database.\n" * 50, encoding="utf-8")
    before = fingerprint(path)
    with pytest.raises(DatabaseUnreadableError, match="not a KAP Companion data file"):
        Store.open(path)
    assert fingerprint(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.sqlite3"]


def test_a_folder_where_the_file_should_be_is_refused(tmp_path: Path) -> None:
    (tmp_path / "data.sqlite3").mkdir()
    with pytest.raises(DatabaseUnreadableError, match="folder"):
        Store.open(tmp_path / "data.sqlite3")


def test_a_damaged_schema_page_is_refused_and_left_alone(demo_profile: Profile) -> None:
    path = demo_profile.database_path
    for leftover in (path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        assert not leftover.exists() or leftover.stat().st_size < 40_000
    with path.open("r+b") as handle:
        handle.seek(100)  # inside page 1, which holds the schema
        handle.write(os.urandom(3000))
    before = fingerprint(path)
    with pytest.raises(DatabaseUnreadableError):
        Store.open(path)
    assert fingerprint(path) == before


def test_damaged_data_pages_are_refused_at_opening_and_left_alone(demo_profile: Profile) -> None:
    path = demo_profile.database_path
    size = path.stat().st_size
    with path.open("r+b") as handle:
        handle.seek(size // 2)
        handle.write(b"\xff" * 8192)
    before = fingerprint(path)
    with pytest.raises(DatabaseUnreadableError):
        Store.open(path)
    assert not check_database(path).healthy
    assert fingerprint(path) == before


def test_another_programs_database_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "photos.db"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, file TEXT)")
    connection.execute("INSERT INTO photos (file) VALUES ('beach.jpg')")
    connection.commit()
    connection.close()
    before = fingerprint(path)
    with pytest.raises(ForeignDatabaseError):
        Store.open(path)
    with pytest.raises(ForeignDatabaseError):
        check_database(path)
    assert fingerprint(path) == before


def test_a_file_from_a_newer_version_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "data.sqlite3"
    Store.open(path).close()
    connection = sqlite3.connect(path)
    connection.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
        "VALUES ('kapcompanion', '9999_from_the_future', '2030-01-01')"
    )
    connection.commit()
    connection.close()
    before = fingerprint(path)
    with pytest.raises(NewerDatabaseError):
        Store.open(path)
    assert fingerprint(path) == before


def test_a_read_only_database_says_so(tmp_path: Path) -> None:
    path = tmp_path / "data.sqlite3"
    Store.open(path).close()
    before = fingerprint(path)
    read_only = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    with pytest.raises(DatabaseReadOnlyError):
        Store(read_only)
    assert fingerprint(path) == before


@pytest.mark.skipif(os.geteuid() == 0, reason="file permissions do not bind the root user")
def test_a_read_only_file_says_so(tmp_path: Path) -> None:
    path = tmp_path / "data.sqlite3"
    Store.open(path).close()
    path.chmod(0o444)
    tmp_path.chmod(0o555)
    try:
        with pytest.raises(DatabaseReadOnlyError):
            Store.open(path)
    finally:
        tmp_path.chmod(0o755)
