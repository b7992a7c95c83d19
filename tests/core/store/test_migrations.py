"""Schema migrations: from an empty file and from every earlier schema to the current one."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlite_utils import Database

from kapcompanion.data_files.builtin_themes import builtin_themes
from kapcompanion.domain import NewMedication, NewPracticeEntry, PracticeRef
from kapcompanion.store import Store
from kapcompanion.store import migrations as schema


def schema_of(path: Path) -> list[tuple[str, str]]:
    connection = sqlite3.connect(path)
    try:
        rows = connection.execute(
            "SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL "
            "AND name NOT LIKE 'sqlite_%' ORDER BY name"
        ).fetchall()
    finally:
        connection.close()
    return [(name, " ".join(sql.split())) for name, sql in rows]


def applied_names(path: Path) -> list[str]:
    db = Database(path)
    try:
        return [step.name for step in schema.migrations.applied(db)]
    finally:
        db.close()


def test_an_empty_file_gets_every_migration_recorded_in_order(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite3"
    Store.open(path).close()
    assert applied_names(path) == schema.known_migration_names()
    assert {
        "sessions",
        "reflections",
        "answers",
        "insights",
        "commitments",
        "themes",
        "reflection_themes",
        "insight_themes",
        "distress_ratings",
        "settings",
    } <= {name for name, _ in schema_of(path)}


@pytest.mark.parametrize("stop_before", schema.known_migration_names())
def test_every_earlier_schema_upgrades_to_the_current_one(tmp_path: Path, stop_before: str) -> None:
    fresh = tmp_path / "fresh.sqlite3"
    Store.open(fresh).close()

    older = tmp_path / "older.sqlite3"
    db = Database(older)
    schema.migrations.apply(db, stop_before=stop_before)
    db.close()
    Store.open(older).close()

    assert schema_of(older) == schema_of(fresh)
    assert applied_names(older) == schema.known_migration_names()


# One frozen database per migration: SQL text where possible, a binary copy where the schema
# holds full-text indexes (SQLite cannot replay those from a text dump).
FROZEN = sorted(
    [
        *(Path(__file__).parent / "schemas").glob("*.sql"),
        *(Path(__file__).parent / "schemas").glob("*.sqlite3"),
    ],
    key=lambda path: path.stem,
)


def test_there_is_a_frozen_database_for_every_migration() -> None:
    assert [path.stem for path in FROZEN] == schema.known_migration_names()


def rows_by_column(
    path: Path, table: str, columns: list[str] | None = None
) -> tuple[list[str], list[tuple[object, ...]]]:
    connection = sqlite3.connect(path)
    try:
        columns = columns or [row[1] for row in connection.execute(f"PRAGMA table_info({table})")]
        listed = ", ".join(columns)
        rows = connection.execute(f"SELECT {listed} FROM {table} ORDER BY id").fetchall()
    finally:
        connection.close()
    return columns, rows


@pytest.mark.parametrize("frozen", FROZEN, ids=[path.stem for path in FROZEN])
def test_a_database_from_every_earlier_version_opens_with_every_entry(
    tmp_path: Path, frozen: Path
) -> None:
    path = tmp_path / "old.sqlite3"
    if frozen.suffix == ".sql":
        connection = sqlite3.connect(path)
        connection.executescript(frozen.read_text(encoding="utf-8"))
        connection.close()
    else:
        shutil.copyfile(frozen, path)
    tables = ["sessions", "reflections", "answers", "insights", "commitments", "distress_ratings"]
    with sqlite3.connect(path) as probe:
        for later in ("checkins", "own_practices", "practice_entries", "medications"):
            if probe.execute("SELECT 1 FROM sqlite_master WHERE name = ?", [later]).fetchone():
                tables.append(later)
    before = {table: rows_by_column(path, table) for table in tables}
    assert before["answers"][1], "the frozen file should hold entries"

    with Store.open(path) as store:
        assert store.integrity_problems() == []
        # Entries written before search existed are found too.
        assert store.journal.matching_reflections("grandmother")

    for table, (columns, rows) in before.items():
        assert rows_by_column(path, table, columns)[1] == rows, table
    fresh = tmp_path / "fresh.sqlite3"
    Store.open(fresh).close()
    assert schema_of(path) == schema_of(fresh)
    assert applied_names(path) == schema.known_migration_names()


def test_reopening_applies_nothing_twice(tmp_path: Path) -> None:
    path = tmp_path / "data.sqlite3"
    for _ in range(3):
        Store.open(path).close()
    assert applied_names(path) == schema.known_migration_names()


def test_search_finds_the_same_reflections_before_and_after_its_lookup_indexes(
    tmp_path: Path,
) -> None:
    path = tmp_path / "old.sqlite3"
    shutil.copyfile(Path(__file__).parent / "schemas" / "0003_check_ins.sqlite3", path)
    with sqlite3.connect(path) as probe:
        written = {
            row[0]
            for row in probe.execute(
                "SELECT DISTINCT a.reflection_id FROM answers a "
                "JOIN reflections r ON r.id = a.reflection_id "
                "WHERE r.deleted_at IS NULL AND a.text LIKE '%grandmother%'"
            )
        }
    assert written, "the frozen file should hold a reflection about a grandmother"

    with Store.open(path) as store:
        assert set(store.journal.matching_reflections("grandmother")) == written


def test_a_database_made_before_the_practice_log_gets_it_empty_and_ready(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    shutil.copyfile(Path(__file__).parent / "schemas" / "0004_search_lookups.sqlite3", path)
    with Store.open(path) as store:
        before = store.counts()
        assert (before["practice_entries"], before["medications"]) == (0, 0)
        assert store.practices.entries() == [] and store.medications.list() == []
        own = store.practices.add_own("Gardening")
        store.practices.log(
            NewPracticeEntry(PracticeRef(own_id=own.id), datetime(2026, 3, 3, 17, tzinfo=UTC))
        )
        store.medications.add(NewMedication("Sertraline", "50 mg", date(2025, 11, 1)))
    with Store.open(path) as store:
        assert [entry.own_name for entry in store.practices.entries()] == ["Gardening"]
        assert [m.name for m in store.medications.list()] == ["Sertraline"]
        assert store.counts() == {
            **before,
            "practice_entries": 1,
            "medications": 1,
            "own_practices": 1,
        }


def test_the_frozen_practice_log_keeps_its_practices_and_medications(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    shutil.copyfile(
        Path(__file__).parent / "schemas" / "0005_practices_and_medications.sqlite3", path
    )
    with Store.open(path) as store:
        entries = store.practices.entries(newest_first=False)
        assert [(e.practice.builtin_key, e.own_name, e.minutes, e.note) for e in entries] == [
            ("mindfulness", "", 10, "Before work"),
            (None, "Gardening", None, "Planted the tulips"),
        ]
        assert [(m.name, m.stopped_on) for m in store.medications.list()] == [
            ("Melatonin", date(2026, 2, 1)),
            ("Sertraline", None),
        ]


def test_an_earlier_profile_gets_this_versions_built_in_theme_colours(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    shutil.copyfile(
        Path(__file__).parent / "schemas" / "0005_practices_and_medications.sqlite3", path
    )
    with sqlite3.connect(path) as old:
        old.execute(
            "INSERT INTO themes (uuid, key, name, colour, builtin, created_at, updated_at) "
            "VALUES ('4d0c9d3e-0d1b-4c1e-9a31-2f3c4d5e6f70', 'own_garden', 'Garden', '#4477AA', "
            "0, '2026-01-01T00:00:00+00:00', '2026-01-01T00:00:00+00:00')"
        )
        hope_then = old.execute(
            "SELECT colour, updated_at FROM themes WHERE key = 'hope'"
        ).fetchone()
    old.close()
    assert hope_then[0] == "#117733", "the frozen file should hold the earlier colours"

    with Store.open(path) as store:
        colours = {theme.key: theme.colour for theme in store.themes.list()}
    assert {key: colours[key] for key in (t.key for t in builtin_themes())} == {
        theme.key: theme.colour for theme in builtin_themes()
    }
    assert colours["own_garden"] == "#4477AA"  # the client's own theme keeps its colour
    with sqlite3.connect(path) as reopened:
        hope_now = reopened.execute("SELECT updated_at FROM themes WHERE key = 'hope'").fetchone()
    reopened.close()
    assert hope_now[0] == hope_then[1]  # a new colour is not an edit of the client's
