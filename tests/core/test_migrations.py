"""Schema migrations: from an empty file and from every earlier schema to the current one."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database

from kapcompanion import migrations as schema
from kapcompanion.store import Store


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


def test_reopening_applies_nothing_twice(tmp_path: Path) -> None:
    path = tmp_path / "data.sqlite3"
    for _ in range(3):
        Store.open(path).close()
    assert applied_names(path) == schema.known_migration_names()
