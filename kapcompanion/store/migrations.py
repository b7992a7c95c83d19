"""The database schema, created and evolved by named migrations applied in order.

Each migration is recorded in `_sqlite_migrations` (sqlite-utils' `Migrations`), so a file
always says which steps it has had. Never edit or reorder a migration that has shipped; add a
new one. Table and column names are meant to be read by a person with the sqlite3 shell.

Conventions: every user record has an integer `id` (local) and a `uuid` (stable across export
and import); timestamps are ISO 8601 text in UTC; booleans are 0/1 integers; lists are JSON text.
"""

from __future__ import annotations

from pathlib import Path

from sqlite_utils import Database
from sqlite_utils.db import Table
from sqlite_utils.migrations import Migrations

from kapcompanion.errors import ForeignDatabaseError, NewerDatabaseError

MIGRATION_SET = "kapcompanion"

migrations = Migrations(MIGRATION_SET)

# The tables of the client's own records, one row a thing they made: what "empty" means, and
# what a check, a restore and a backup count.
USER_TABLES = (
    "sessions",
    "reflections",
    "insights",
    "distress_ratings",
    "practice_entries",
    "medications",
)

_PHASES = "'preparation', 'same_day', 'next_day', 'week_after', 'open'"
_DISTRESS = "BETWEEN 0 AND 10"


def _run(db: Database, statements: list[str]) -> None:
    # One execute() per statement: executescript() would commit the migration's transaction.
    for statement in statements:
        db.execute(statement)


@migrations(name="0001_core_tables")
def core_tables(db: Database) -> None:
    _run(
        db,
        [
            f"""
            CREATE TABLE sessions (
                id INTEGER PRIMARY KEY,
                uuid TEXT NOT NULL UNIQUE,
                kind TEXT NOT NULL DEFAULT 'dosing'
                    CHECK (kind IN ('dosing', 'preparation', 'integration')),
                held_at TEXT NOT NULL,
                number_in_course INTEGER CHECK (number_in_course > 0),
                route TEXT NOT NULL DEFAULT '',
                setting TEXT NOT NULL DEFAULT '',
                intention TEXT NOT NULL DEFAULT '',
                distress_before INTEGER CHECK (distress_before {_DISTRESS}),
                distress_after INTEGER CHECK (distress_after {_DISTRESS}),
                after_effects TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(after_effects)),
                after_effects_notes TEXT NOT NULL DEFAULT '',
                notes TEXT NOT NULL DEFAULT '',
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                deleted_at TEXT
            )
            """,
            "CREATE INDEX idx_sessions_held_at ON sessions (held_at)",
            f"""
            CREATE TABLE reflections (
                id INTEGER PRIMARY KEY,
                uuid TEXT NOT NULL UNIQUE,
                session_id INTEGER REFERENCES sessions (id) ON DELETE SET NULL,
                phase TEXT NOT NULL CHECK (phase IN ({_PHASES})),
                prompt_set_id TEXT NOT NULL,
                prompt_set_version INTEGER NOT NULL,
                status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'complete')),
                distress_start INTEGER CHECK (distress_start {_DISTRESS}),
                distress_end INTEGER CHECK (distress_end {_DISTRESS}),
                current_position INTEGER NOT NULL DEFAULT 0,
                shareable INTEGER NOT NULL DEFAULT 0 CHECK (shareable IN (0, 1)),
                started_at TEXT NOT NULL,
                completed_at TEXT,
                updated_at TEXT NOT NULL,
                deleted_at TEXT
            )
            """,
            "CREATE INDEX idx_reflections_session ON reflections (session_id)",
            "CREATE INDEX idx_reflections_started_at ON reflections (started_at)",
            """
            CREATE TABLE answers (
                id INTEGER PRIMARY KEY,
                uuid TEXT NOT NULL UNIQUE,
                reflection_id INTEGER NOT NULL REFERENCES reflections (id) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                prompt_id TEXT NOT NULL,
                prompt_text TEXT NOT NULL,
                text TEXT NOT NULL DEFAULT '',
                skipped INTEGER NOT NULL DEFAULT 0 CHECK (skipped IN (0, 1)),
                updated_at TEXT NOT NULL,
                UNIQUE (reflection_id, prompt_id)
            )
            """,
            """
            CREATE TABLE insights (
                id INTEGER PRIMARY KEY,
                uuid TEXT NOT NULL UNIQUE,
                text TEXT NOT NULL,
                reflection_id INTEGER REFERENCES reflections (id) ON DELETE SET NULL,
                session_id INTEGER REFERENCES sessions (id) ON DELETE SET NULL,
                pinned INTEGER NOT NULL DEFAULT 0 CHECK (pinned IN (0, 1)),
                shareable INTEGER NOT NULL DEFAULT 0 CHECK (shareable IN (0, 1)),
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                deleted_at TEXT
            )
            """,
            "CREATE INDEX idx_insights_reflection ON insights (reflection_id)",
            """
            CREATE TABLE commitments (
                id INTEGER PRIMARY KEY,
                uuid TEXT NOT NULL UNIQUE,
                insight_id INTEGER NOT NULL REFERENCES insights (id) ON DELETE CASCADE,
                text TEXT NOT NULL,
                status TEXT NOT NULL DEFAULT 'not_started'
                    CHECK (status IN ('not_started', 'trying', 'part_of_life')),
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                deleted_at TEXT
            )
            """,
            """
            CREATE TABLE commitment_notes (
                id INTEGER PRIMARY KEY,
                uuid TEXT NOT NULL UNIQUE,
                commitment_id INTEGER NOT NULL REFERENCES commitments (id) ON DELETE CASCADE,
                noted_at TEXT NOT NULL,
                text TEXT NOT NULL,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                deleted_at TEXT
            )
            """,
            """
            CREATE TABLE themes (
                id INTEGER PRIMARY KEY,
                uuid TEXT NOT NULL UNIQUE,
                key TEXT NOT NULL UNIQUE,
                name TEXT NOT NULL,
                colour TEXT NOT NULL,
                builtin INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1)),
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                archived_at TEXT
            )
            """,
            """
            CREATE TABLE reflection_themes (
                reflection_id INTEGER NOT NULL REFERENCES reflections (id) ON DELETE CASCADE,
                theme_id INTEGER NOT NULL REFERENCES themes (id) ON DELETE CASCADE,
                PRIMARY KEY (reflection_id, theme_id)
            )
            """,
            """
            CREATE TABLE insight_themes (
                insight_id INTEGER NOT NULL REFERENCES insights (id) ON DELETE CASCADE,
                theme_id INTEGER NOT NULL REFERENCES themes (id) ON DELETE CASCADE,
                PRIMARY KEY (insight_id, theme_id)
            )
            """,
            f"""
            CREATE TABLE distress_ratings (
                id INTEGER PRIMARY KEY,
                uuid TEXT NOT NULL UNIQUE,
                rated_at TEXT NOT NULL,
                value INTEGER NOT NULL CHECK (value {_DISTRESS}),
                moment TEXT NOT NULL DEFAULT 'check_in',
                note TEXT NOT NULL DEFAULT '',
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                deleted_at TEXT
            )
            """,
            "CREATE INDEX idx_distress_ratings_rated_at ON distress_ratings (rated_at)",
            """
            CREATE TABLE settings (
                key TEXT PRIMARY KEY,
                value TEXT NOT NULL CHECK (json_valid(value)),
                updated_at TEXT NOT NULL
            )
            """,
        ],
    )


FTS_TOKENIZER = "unicode61 remove_diacritics 2"


@migrations(name="0002_full_text_search")
def full_text_search(db: Database) -> None:
    """Search indexes kept in step with their tables by triggers, so they never drift."""
    for table, columns in (
        ("answers", ["text"]),
        ("insights", ["text"]),
        ("sessions", ["intention", "notes", "after_effects_notes"]),
    ):
        Table(db, table).enable_fts(columns, create_triggers=True, tokenize=FTS_TOKENIZER)


@migrations(name="0003_check_ins")
def check_ins(db: Database) -> None:
    """Questionnaire check-ins: drafts survive a crash; only finished ones are scored."""
    _run(
        db,
        [
            """
            CREATE TABLE checkins (
                id INTEGER PRIMARY KEY,
                uuid TEXT NOT NULL UNIQUE,
                instrument TEXT NOT NULL,
                instrument_version INTEGER NOT NULL,
                status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'complete')),
                extra_answer INTEGER,
                started_at TEXT NOT NULL,
                completed_at TEXT,
                updated_at TEXT NOT NULL,
                deleted_at TEXT
            )
            """,
            "CREATE INDEX idx_checkins_instrument ON checkins (instrument, completed_at)",
            """
            CREATE TABLE checkin_answers (
                checkin_id INTEGER NOT NULL REFERENCES checkins (id) ON DELETE CASCADE,
                item_number INTEGER NOT NULL CHECK (item_number > 0),
                value INTEGER NOT NULL CHECK (value >= 0),
                updated_at TEXT NOT NULL,
                PRIMARY KEY (checkin_id, item_number)
            )
            """,
        ],
    )


@migrations(name="0004_search_lookups")
def search_lookups(db: Database) -> None:
    """Indexes the journal's live search reads instead of whole rows: an answer's reflection by
    the answer's id (so a match never reads the answer's text), and the few reflections in
    "recently deleted"."""
    _run(
        db,
        [
            "CREATE INDEX idx_answers_id_reflection ON answers (id, reflection_id)",
            "CREATE INDEX idx_reflections_deleted ON reflections (deleted_at) "
            "WHERE deleted_at IS NOT NULL",
        ],
    )


@migrations(name="0005_practices_and_medications")
def practices_and_medications(db: Database) -> None:
    """The practice log (built-in practices by key, the client's own by row) and the client's
    medication list. A practice entry names exactly one of the two; an own practice is only
    ever hidden (its entries keep its name), so nothing can leave an entry without one."""
    _run(
        db,
        [
            """
            CREATE TABLE own_practices (
                id INTEGER PRIMARY KEY,
                uuid TEXT NOT NULL UNIQUE,
                name TEXT NOT NULL CHECK (name != ''),
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                deleted_at TEXT
            )
            """,
            "CREATE UNIQUE INDEX idx_own_practices_live_name ON own_practices (name) "
            "WHERE deleted_at IS NULL",
            """
            CREATE TABLE practice_entries (
                id INTEGER PRIMARY KEY,
                uuid TEXT NOT NULL UNIQUE,
                builtin_key TEXT,
                own_practice_id INTEGER REFERENCES own_practices (id) ON DELETE RESTRICT,
                done_at TEXT NOT NULL,
                minutes INTEGER CHECK (minutes BETWEEN 1 AND 1440),
                note TEXT NOT NULL DEFAULT '',
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                deleted_at TEXT,
                CHECK ((builtin_key IS NULL) != (own_practice_id IS NULL))
            )
            """,
            "CREATE INDEX idx_practice_entries_done_at ON practice_entries (done_at)",
            "CREATE INDEX idx_practice_entries_own ON practice_entries (own_practice_id)",
            """
            CREATE TABLE medications (
                id INTEGER PRIMARY KEY,
                uuid TEXT NOT NULL UNIQUE,
                name TEXT NOT NULL CHECK (name != ''),
                dose TEXT NOT NULL DEFAULT '',
                started_on TEXT CHECK (started_on IS NULL OR date(started_on) = started_on),
                stopped_on TEXT CHECK (stopped_on IS NULL OR date(stopped_on) = stopped_on),
                notes TEXT NOT NULL DEFAULT '',
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                deleted_at TEXT,
                CHECK (started_on IS NULL OR stopped_on IS NULL OR stopped_on >= started_on)
            )
            """,
        ],
    )


def known_migration_names() -> list[str]:
    """Every migration this version of the app knows, in the order they apply."""
    return [migration.name for migration in migrations.pending(Database(memory=True))]


def refuse_unusable(db: Database, path: Path) -> None:
    """Raise if `db` was made by another program or by a newer version of KAP Companion."""
    if is_foreign(db):
        raise ForeignDatabaseError(path)
    unknown = unknown_applied_migrations(db)
    if unknown:
        raise NewerDatabaseError(path, unknown)


def unknown_applied_migrations(db: Database) -> list[str]:
    """Migrations recorded in `db` that this version does not know: a newer app wrote it."""
    known = set(known_migration_names())
    return [step.name for step in migrations.applied(db) if step.name not in known]


def is_foreign(db: Database) -> bool:
    """True for a database that holds tables but never had a KAP Companion migration."""
    user_tables = [
        name
        for name in db.table_names()
        if not name.startswith("sqlite_") and name != migrations.migrations_table
    ]
    return bool(user_tables) and not migrations.applied(db)
