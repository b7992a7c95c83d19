"""SQLite's refusals leave the store as plain KapErrors, and leave the stored data unchanged.

Real files throughout: a second connection holding the write lock, a size limit the data
outgrows, a connection that may only read.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from kapcompanion.domain import NewSession, Phase
from kapcompanion.errors import (
    DatabaseBusyError,
    DatabaseReadOnlyError,
    DataConflictError,
    DiskFullError,
    KapError,
    NotFoundError,
    StoreError,
)
from kapcompanion.ids import SessionId
from kapcompanion.store import Store
from kapcompanion.store.sqlite_errors import translated
from tests.raw_sql import connection_of

HELD = datetime(2026, 10, 1, 10, tzinfo=UTC)


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "kap-companion.sqlite3"


@pytest.fixture
def filled(path: Path) -> Iterator[Store]:
    with Store.open(path, busy_timeout=0.1) as store:
        store.sessions.add(NewSession(held_at=HELD, notes="first"))
        yield store


def everything(store: Store) -> tuple[object, ...]:
    return (store.counts(), store.sessions.list(), store.check_ins.distress_ratings())


def test_a_locked_database_says_it_is_busy(filled: Store, path: Path) -> None:
    before = everything(filled)
    other = sqlite3.connect(path, isolation_level=None)
    try:
        other.execute("BEGIN EXCLUSIVE")
        with pytest.raises(DatabaseBusyError) as refused:
            filled.sessions.add(NewSession(held_at=HELD, notes="second"))
        with pytest.raises(DatabaseBusyError), filled.transaction():
            filled.check_ins.add_distress_rating(4)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert "is busy" in refused.value.message
    assert "Nothing was changed" in refused.value.message
    assert str(path) in refused.value.message
    assert "SQLITE_BUSY" in refused.value.detail  # SQLite's words only for a developer
    assert everything(filled) == before


def test_a_full_database_says_the_disk_is_full(filled: Store) -> None:
    before = everything(filled)
    connection = connection_of(filled)
    pages = connection.execute("PRAGMA page_count").fetchone()[0]
    connection.execute(f"PRAGMA max_page_count = {pages + 1}")
    with pytest.raises(DiskFullError) as refused:
        filled.sessions.add(NewSession(held_at=HELD, notes="words " * 100_000))
    assert "no room left on the disk" in refused.value.message
    assert "Nothing was changed" in refused.value.message
    assert everything(filled) == before


def test_a_connection_that_may_only_read_says_so(filled: Store) -> None:
    before = everything(filled)
    connection_of(filled).execute("PRAGMA query_only = ON")
    with pytest.raises(DatabaseReadOnlyError) as refused:
        filled.reflections.start(Phase.OPEN, "open", 1)
    with pytest.raises(DatabaseReadOnlyError):
        filled.settings.set("reminders", {"on": True})
    assert "can be read but not written" in refused.value.message
    assert everything(filled) == before


def test_a_read_only_file_is_refused_when_opening(filled: Store, path: Path) -> None:
    filled.close()
    before = path.read_bytes()
    read_only = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    with pytest.raises(DatabaseReadOnlyError) as refused:
        Store(read_only)
    assert "can be read but not written" in refused.value.message
    assert path.read_bytes() == before


def test_a_missing_record_is_not_found_both_ways(filled: Store) -> None:
    with pytest.raises(NotFoundError) as missing:
        filled.sessions.get(SessionId(999))
    assert isinstance(missing.value, KapError)
    assert isinstance(missing.value, LookupError)


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (sqlite3.OperationalError("made by Python, no result code"), StoreError),
        (sqlite3.ProgrammingError("Cannot operate on a closed database."), StoreError),
        (sqlite3.IntegrityError("UNIQUE constraint failed"), DataConflictError),
    ],
)
def test_errors_without_a_result_code_still_become_kap_errors(
    error: sqlite3.Error, expected: type[StoreError]
) -> None:
    # Errors Python makes itself carry no sqlite_errorcode: then only the class says anything.
    translation = translated(error, Path("x.sqlite3"))
    assert type(translation) is expected
    assert "Nothing was changed" in translation.message


def test_a_closed_store_says_so_plainly(path: Path) -> None:
    store = Store.open(path)
    store.close()
    with pytest.raises(StoreError) as refused:
        store.sessions.list()
    assert "Nothing was changed" in refused.value.message
