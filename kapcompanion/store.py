"""`Store`: the one object that owns a profile's SQLite database.

Every read and write of user data goes through here; no other module writes SQL against the
profile. Each public write runs in one transaction (nested calls become savepoints), so a
failure leaves the database exactly as it was. The store never imports Qt.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Collection, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime, timedelta
from enum import Enum
from pathlib import Path
from typing import Any

from sqlite_utils import Database
from sqlite_utils.db import Table

from kapcompanion import migrations as schema
from kapcompanion.data_files.builtin_themes import builtin_themes, fold_for_key, own_theme_colours
from kapcompanion.database_file import check_is_database_file, integrity_problems
from kapcompanion.domain import (
    Answer,
    CheckIn,
    Commitment,
    CommitmentNote,
    CommitmentStatus,
    DeletedItem,
    DeletedKind,
    DistressRating,
    Insight,
    NewSession,
    Phase,
    RatingMoment,
    Reflection,
    ReflectionStatus,
    Session,
    SessionKind,
    Theme,
    check_distress,
    new_uuid,
    utc_now,
)
from kapcompanion.errors import DatabaseReadOnlyError, DatabaseUnreadableError
from kapcompanion.ids import (
    AnswerId,
    CheckInId,
    CommitmentId,
    DistressRatingId,
    InsightId,
    ReflectionId,
    SessionId,
    ThemeId,
)
from kapcompanion.timestamps import from_db_time, from_db_time_or_none, to_db_time

USER_TABLES = ("sessions", "reflections", "insights", "distress_ratings")

Row = dict[str, Any]


class NotFoundError(LookupError):
    """No live record with that id."""


class Keep(Enum):
    """Leave a field as it is (distinct from None, which clears it)."""

    KEEP = "keep"


KEEP = Keep.KEEP


class Store:
    """A profile's database: sessions, reflections, insights, themes, ratings and settings.

    Give it a path (`Store.open`) or an already-open `sqlite3.Connection` (for example an
    encrypted one). Opening checks the file is ours and not from a newer version, switches on
    WAL and foreign keys, and applies any pending migrations.
    """

    def __init__(self, connection: sqlite3.Connection) -> None:
        if connection.in_transaction:
            raise ValueError("Hand the store a connection with no open transaction.")
        # Explicit BEGIN/COMMIT only (sqlite-utils' atomic()); no implicit transactions.
        connection.isolation_level = None
        self._db = Database(connection, execute_plugins=False)
        self.path = self._file_path()
        try:
            self._db.execute("PRAGMA foreign_keys = ON")
            schema.refuse_unusable(self._db, self.path)
            # Before anything writes: a damaged file is reported, never touched.
            damage = integrity_problems(connection, quick=True)
            if damage:
                raise DatabaseUnreadableError(self.path, damage[0])
            if self.path != Path(":memory:"):
                self._db.enable_wal()
            # FULL: a committed reflection survives a power cut, not only a crash.
            self._db.execute("PRAGMA synchronous = FULL")
            self._check_writable()
            schema.migrations.apply(self._db)
            self._ensure_builtin_themes()
        except sqlite3.DatabaseError as error:
            connection.close()
            if "readonly" in str(error) or "read-only" in str(error):
                raise DatabaseReadOnlyError(self.path) from error
            raise DatabaseUnreadableError(self.path, str(error)) from error
        except Exception:
            connection.close()
            raise

    def _check_writable(self) -> None:
        """Fail now, not at the first save, if this connection cannot write."""
        version = self._db.execute("PRAGMA user_version").fetchone()[0]
        self._db.begin()
        try:
            # A write that changes nothing, rolled back: refused on a read-only file.
            self._db.execute(f"PRAGMA user_version = {int(version)}")
        finally:
            self._db.rollback()

    @classmethod
    def open(cls, path: Path) -> Store:
        """Open (or create) the database file at `path`; never overwrites a file it can't read."""
        if path.exists():
            check_is_database_file(path)
        try:
            connection = sqlite3.connect(str(path), timeout=5.0)
        except sqlite3.Error as error:
            raise DatabaseUnreadableError(path, str(error)) from error
        return cls(connection)

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @property
    def connection(self) -> sqlite3.Connection:
        return self._db.conn

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Group several writes: all of them land, or (on any exception) none."""
        with self._db.atomic():
            yield

    def _file_path(self) -> Path:
        for _seq, name, file in self._db.execute("PRAGMA database_list").fetchall():
            if name == "main":
                return Path(file) if file else Path(":memory:")
        return Path(":memory:")

    def _table(self, name: str) -> Table:
        return Table(self._db, name)

    def _insert(self, name: str, record: Row) -> int:
        """Insert one row and return its new integer id."""
        table = self._table(name)
        table.insert(record)
        assert table.last_pk is not None
        return int(table.last_pk)

    def _require_live(self, table: str, row_id: int) -> None:
        """Raise NotFoundError unless `table` has a live (not deleted) row with this id."""
        if (
            self._one(f"SELECT 1 FROM {table} WHERE id = ? AND deleted_at IS NULL", [row_id])
            is None
        ):
            raise NotFoundError(f"No {table} record {row_id}.")

    def _one(self, sql: str, params: Sequence[Any] = ()) -> Row | None:
        cursor = self._db.execute(sql, list(params))
        row = cursor.fetchone()
        if row is None:
            return None
        return dict(zip([column[0] for column in cursor.description], row, strict=True))

    def _all(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        cursor = self._db.execute(sql, list(params))
        names = [column[0] for column in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    # Profile-wide --------------------------------------------------------------------------

    def is_empty(self) -> bool:
        """True while the client has written nothing (themes and settings don't count)."""
        return all(self._table(table).count == 0 for table in USER_TABLES)

    def live_count(self, table: str) -> int:
        """How many records in `table` are not in "recently deleted"."""
        row = self._one(f"SELECT COUNT(*) AS n FROM {table} WHERE deleted_at IS NULL")
        return int(row["n"]) if row else 0

    def counts(self) -> dict[str, int]:
        tables = (*USER_TABLES, "answers", "commitments", "themes")
        return {table: self._table(table).count for table in tables}

    def integrity_problems(self) -> list[str]:
        """What SQLite's full checks find wrong with the file; empty when all is well."""
        return integrity_problems(self._db.conn)

    # Sessions ------------------------------------------------------------------------------

    def add_session(self, new: NewSession, *, at: datetime | None = None) -> Session:
        now = to_db_time(at or utc_now())
        with self._db.atomic():
            new_id = self._insert(
                "sessions",
                {
                    "uuid": new_uuid(),
                    **self._session_fields(new),
                    "created_at": now,
                    "updated_at": now,
                },
            )
            return self.get_session(SessionId(new_id))

    def update_session(self, session_id: SessionId, new: NewSession) -> Session:
        """Replace what the client entered; the uuid and creation time stay as they were."""
        with self._db.atomic():
            self._require_live("sessions", session_id)
            fields = {**self._session_fields(new), "updated_at": to_db_time(utc_now())}
            self._table("sessions").update(session_id, fields)
            return self.get_session(session_id)

    def get_session(self, session_id: SessionId) -> Session:
        row = self._one("SELECT * FROM sessions WHERE id = ? AND deleted_at IS NULL", [session_id])
        if row is None:
            raise NotFoundError(f"No session {session_id}.")
        return _session(row)

    def list_sessions(self) -> list[Session]:
        """Live sessions, oldest first."""
        rows = self._all("SELECT * FROM sessions WHERE deleted_at IS NULL ORDER BY held_at, id")
        return [_session(row) for row in rows]

    def next_session_number(self) -> int:
        """The number the next dosing session would have in the course."""
        row = self._one(
            "SELECT MAX(number_in_course) AS highest FROM sessions "
            "WHERE kind = 'dosing' AND deleted_at IS NULL"
        )
        return int(row["highest"] or 0) + 1 if row else 1

    @staticmethod
    def _session_fields(new: NewSession) -> Row:
        return {
            "kind": SessionKind(new.kind).value,
            "held_at": to_db_time(new.held_at),
            "number_in_course": new.number_in_course,
            "route": new.route,
            "setting": new.setting,
            "intention": new.intention,
            "distress_before": check_distress(new.distress_before),
            "distress_after": check_distress(new.distress_after),
            "after_effects": json.dumps(list(new.after_effects)),
            "after_effects_notes": new.after_effects_notes,
            "notes": new.notes,
        }

    # Reflections ---------------------------------------------------------------------------

    def start_reflection(
        self,
        phase: Phase,
        prompt_set_id: str,
        prompt_set_version: int,
        *,
        session_id: SessionId | None = None,
        at: datetime | None = None,
    ) -> Reflection:
        now = to_db_time(at or utc_now())
        with self._db.atomic():
            if session_id is not None:
                self._require_live("sessions", session_id)
            new_id = self._insert(
                "reflections",
                {
                    "uuid": new_uuid(),
                    "session_id": session_id,
                    "phase": Phase(phase).value,
                    "prompt_set_id": prompt_set_id,
                    "prompt_set_version": prompt_set_version,
                    "status": ReflectionStatus.DRAFT.value,
                    "started_at": now,
                    "updated_at": now,
                },
            )
            return self.get_reflection(ReflectionId(new_id))

    def save_answer(
        self,
        reflection_id: ReflectionId,
        *,
        position: int,
        prompt_id: str,
        prompt_text: str,
        text: str,
        skipped: bool = False,
        at: datetime | None = None,
    ) -> None:
        """Store the answer to one prompt, with the prompt's wording as the client saw it."""
        now = to_db_time(at or utc_now())
        with self._db.atomic():
            self._db.execute(
                """
                INSERT INTO answers (uuid, reflection_id, position, prompt_id, prompt_text,
                                     text, skipped, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (reflection_id, prompt_id) DO UPDATE SET
                    position = excluded.position, prompt_text = excluded.prompt_text,
                    text = excluded.text, skipped = excluded.skipped,
                    updated_at = excluded.updated_at
                """,
                [
                    new_uuid(),
                    reflection_id,
                    position,
                    prompt_id,
                    prompt_text,
                    text,
                    int(skipped),
                    now,
                ],
            )
            self._db.execute(
                "UPDATE reflections SET updated_at = ?, current_position = ? WHERE id = ?",
                [now, position, reflection_id],
            )

    def set_reflection_distress(
        self,
        reflection_id: ReflectionId,
        *,
        start: int | Keep | None = KEEP,
        end: int | Keep | None = KEEP,
    ) -> None:
        """Record the distress rating at the start and/or the end (None: not rated)."""
        fields: Row = {"updated_at": to_db_time(utc_now())}
        if not isinstance(start, Keep):
            fields["distress_start"] = check_distress(start)
        if not isinstance(end, Keep):
            fields["distress_end"] = check_distress(end)
        with self._db.atomic():
            self._require_live("reflections", reflection_id)
            self._table("reflections").update(reflection_id, fields)

    def set_reflection_position(self, reflection_id: ReflectionId, position: int) -> None:
        """Remember which step the client is on, so a paused reflection resumes there."""
        with self._db.atomic():
            self._require_live("reflections", reflection_id)
            self._table("reflections").update(
                reflection_id,
                {"current_position": position, "updated_at": to_db_time(utc_now())},
            )

    def unfinished_reflections(self) -> list[Reflection]:
        """Drafts the client paused or lost to a crash, most recently touched first."""
        rows = self._all(
            "SELECT * FROM reflections WHERE status = 'draft' AND deleted_at IS NULL "
            "ORDER BY updated_at DESC, id DESC"
        )
        return [_reflection(row, ()) for row in rows]

    def discard_reflection(
        self, reflection_id: ReflectionId, *, at: datetime | None = None
    ) -> None:
        """Move a reflection to "recently deleted" (restorable; nothing is erased here)."""
        with self._db.atomic():
            self._require_live("reflections", reflection_id)
            self._table("reflections").update(
                reflection_id, {"deleted_at": to_db_time(at or utc_now())}
            )

    def set_reflection_shareable(self, reflection_id: ReflectionId, shareable: bool) -> None:
        """Whether the client chose to share this reflection with their therapist."""
        with self._db.atomic():
            self._require_live("reflections", reflection_id)
            self._table("reflections").update(
                reflection_id, {"shareable": int(shareable), "updated_at": to_db_time(utc_now())}
            )

    def update_answer(self, answer_id: AnswerId, text: str) -> Answer:
        """Change the words of one answer (the prompt it answered stays as it was)."""
        now = to_db_time(utc_now())
        with self._db.atomic():
            row = self._one("SELECT * FROM answers WHERE id = ?", [answer_id])
            if row is None:
                raise NotFoundError(f"No answer {answer_id}.")
            self._table("answers").update(
                answer_id,
                {"text": text, "skipped": int(row["skipped"] and not text), "updated_at": now},
            )
            self._table("reflections").update(row["reflection_id"], {"updated_at": now})
            updated = self._one("SELECT * FROM answers WHERE id = ?", [answer_id])
            assert updated is not None
            return _answer(updated)

    # Recently deleted ----------------------------------------------------------------------

    def restore_reflection(self, reflection_id: ReflectionId) -> None:
        self._restore("reflections", reflection_id)

    def delete_insight(self, insight_id: InsightId, *, at: datetime | None = None) -> None:
        """Move an insight to "recently deleted"."""
        with self._db.atomic():
            self._require_live("insights", insight_id)
            self._table("insights").update(insight_id, {"deleted_at": to_db_time(at or utc_now())})

    def restore_insight(self, insight_id: InsightId) -> None:
        self._restore("insights", insight_id)

    def _restore(self, table: str, row_id: int) -> None:
        with self._db.atomic():
            if (
                self._one(
                    f"SELECT 1 FROM {table} WHERE id = ? AND deleted_at IS NOT NULL", [row_id]
                )
                is None
            ):
                raise NotFoundError(f"Nothing to restore in {table} for {row_id}.")
            self._table(table).update(
                row_id, {"deleted_at": None, "updated_at": to_db_time(utc_now())}
            )

    def recently_deleted(self) -> list[DeletedItem]:
        """Reflections and insights in "recently deleted", most recently deleted first."""
        rows = self._all(
            """
            SELECT 'reflection' AS kind, r.id,
                   COALESCE((SELECT substr(a.text, 1, 120) FROM answers a
                             WHERE a.reflection_id = r.id AND a.text != ''
                             ORDER BY a.position LIMIT 1), r.phase) AS description,
                   r.deleted_at
            FROM reflections r WHERE r.deleted_at IS NOT NULL
            UNION ALL
            SELECT 'insight', i.id, i.text, i.deleted_at
            FROM insights i WHERE i.deleted_at IS NOT NULL
            ORDER BY 4 DESC
            """
        )
        return [
            DeletedItem(
                DeletedKind(row["kind"]),
                row["id"],
                row["description"],
                from_db_time(row["deleted_at"]),
            )
            for row in rows
        ]

    def delete_forever(self, kind: DeletedKind, row_id: int) -> None:
        """Erase something from "recently deleted" for good (the window asks first)."""
        table = {DeletedKind.REFLECTION: "reflections", DeletedKind.INSIGHT: "insights"}[kind]
        with self._db.atomic():
            if (
                self._one(
                    f"SELECT 1 FROM {table} WHERE id = ? AND deleted_at IS NOT NULL", [row_id]
                )
                is None
            ):
                raise NotFoundError(f"Nothing in recently deleted for {kind} {row_id}.")
            self._db.execute(f"DELETE FROM {table} WHERE id = ?", [row_id])

    def purge_deleted(self, *, older_than_days: int = 30, now: datetime | None = None) -> int:
        """Erase what has been in "recently deleted" for longer than the grace period."""
        cutoff = to_db_time((now or utc_now()) - timedelta(days=older_than_days))
        with self._db.atomic():
            erased = 0
            for table in ("reflections", "insights"):
                cursor = self._db.execute(
                    f"DELETE FROM {table} WHERE deleted_at IS NOT NULL AND deleted_at < ?",
                    [cutoff],
                )
                erased += cursor.rowcount
            return erased

    def finish_reflection(
        self,
        reflection_id: ReflectionId,
        *,
        distress_end: int | None,
        insights: Sequence[str],
        theme_keys: Sequence[str],
    ) -> Reflection:
        """Complete a reflection with its closing rating, insights and confirmed themes.

        All of it lands together or, if anything fails, none of it does.
        """
        with self._db.atomic():
            reflection = self.get_reflection(reflection_id)
            self.set_reflection_distress(reflection_id, end=distress_end)
            for text in insights:
                if text.strip():
                    insight = self.add_insight(
                        text, reflection_id=reflection_id, session_id=reflection.session_id
                    )
                    self.set_insight_themes(insight.id, theme_keys)
            self.set_reflection_themes(reflection_id, theme_keys)
            return self.complete_reflection(reflection_id)

    def complete_reflection(
        self, reflection_id: ReflectionId, *, at: datetime | None = None
    ) -> Reflection:
        now = to_db_time(at or utc_now())
        with self._db.atomic():
            self._require_live("reflections", reflection_id)
            self._table("reflections").update(
                reflection_id,
                {"status": ReflectionStatus.COMPLETE.value, "completed_at": now, "updated_at": now},
            )
            return self.get_reflection(reflection_id)

    def get_reflection(self, reflection_id: ReflectionId) -> Reflection:
        row = self._one(
            "SELECT * FROM reflections WHERE id = ? AND deleted_at IS NULL", [reflection_id]
        )
        if row is None:
            raise NotFoundError(f"No reflection {reflection_id}.")
        answers = self._all(
            "SELECT * FROM answers WHERE reflection_id = ? ORDER BY position, id",
            [reflection_id],
        )
        return _reflection(row, tuple(_answer(answer) for answer in answers))

    def list_reflections(self, session_id: SessionId | None = None) -> list[Reflection]:
        """Live reflections (without their answers), oldest first; of one session if given."""
        where = "deleted_at IS NULL"
        params: list[Any] = []
        if session_id is not None:
            where += " AND session_id = ?"
            params.append(session_id)
        rows = self._all(f"SELECT * FROM reflections WHERE {where} ORDER BY started_at, id", params)
        return [_reflection(row, ()) for row in rows]

    # Insights and commitments --------------------------------------------------------------

    def add_insight(
        self,
        text: str,
        *,
        reflection_id: ReflectionId | None = None,
        session_id: SessionId | None = None,
        pinned: bool = False,
        shareable: bool = False,
        at: datetime | None = None,
    ) -> Insight:
        if not text.strip():
            raise ValueError("An insight needs a few words.")
        now = to_db_time(at or utc_now())
        with self._db.atomic():
            new_id = self._insert(
                "insights",
                {
                    "uuid": new_uuid(),
                    "text": text.strip(),
                    "reflection_id": reflection_id,
                    "session_id": session_id,
                    "pinned": int(pinned),
                    "shareable": int(shareable),
                    "created_at": now,
                    "updated_at": now,
                },
            )
            return self.get_insight(InsightId(new_id))

    def update_insight(
        self,
        insight_id: InsightId,
        *,
        text: str | Keep = KEEP,
        pinned: bool | Keep = KEEP,
        shareable: bool | Keep = KEEP,
    ) -> Insight:
        """Change an insight's words, pin or sharing; what is not given stays as it was."""
        fields: Row = {"updated_at": to_db_time(utc_now())}
        if not isinstance(text, Keep):
            if not text.strip():
                raise ValueError("An insight needs a few words.")
            fields["text"] = text.strip()
        if not isinstance(pinned, Keep):
            fields["pinned"] = int(pinned)
        if not isinstance(shareable, Keep):
            fields["shareable"] = int(shareable)
        with self._db.atomic():
            self._require_live("insights", insight_id)
            self._table("insights").update(insight_id, fields)
            return self.get_insight(insight_id)

    def insight_theme_keys(self, insight_id: InsightId) -> list[str]:
        rows = self._all(
            "SELECT t.key FROM insight_themes it JOIN themes t ON t.id = it.theme_id "
            "WHERE it.insight_id = ? ORDER BY t.name",
            [insight_id],
        )
        return [row["key"] for row in rows]

    def get_insight(self, insight_id: InsightId) -> Insight:
        row = self._one("SELECT * FROM insights WHERE id = ? AND deleted_at IS NULL", [insight_id])
        if row is None:
            raise NotFoundError(f"No insight {insight_id}.")
        return _insight(row)

    def list_insights(self) -> list[Insight]:
        """Live insights: pinned first, then newest first."""
        rows = self._all(
            "SELECT * FROM insights WHERE deleted_at IS NULL "
            "ORDER BY pinned DESC, created_at DESC, id DESC"
        )
        return [_insight(row) for row in rows]

    def add_commitment(
        self,
        insight_id: InsightId,
        text: str,
        status: CommitmentStatus = CommitmentStatus.NOT_STARTED,
        *,
        at: datetime | None = None,
    ) -> Commitment:
        now = to_db_time(at or utc_now())
        with self._db.atomic():
            self._require_live("insights", insight_id)
            new_id = self._insert(
                "commitments",
                {
                    "uuid": new_uuid(),
                    "insight_id": insight_id,
                    "text": text.strip(),
                    "status": CommitmentStatus(status).value,
                    "created_at": now,
                    "updated_at": now,
                },
            )
            row = self._one("SELECT * FROM commitments WHERE id = ?", [new_id])
            assert row is not None
            return _commitment(row)

    def commitments_for(self, insight_id: InsightId) -> list[Commitment]:
        rows = self._all(
            "SELECT * FROM commitments WHERE insight_id = ? AND deleted_at IS NULL "
            "ORDER BY created_at, id",
            [insight_id],
        )
        return [_commitment(row) for row in rows]

    def update_commitment(
        self,
        commitment_id: CommitmentId,
        *,
        text: str | Keep = KEEP,
        status: CommitmentStatus | Keep = KEEP,
    ) -> Commitment:
        fields: Row = {"updated_at": to_db_time(utc_now())}
        if not isinstance(text, Keep):
            fields["text"] = text.strip()
        if not isinstance(status, Keep):
            fields["status"] = CommitmentStatus(status).value
        with self._db.atomic():
            self._require_live("commitments", commitment_id)
            self._table("commitments").update(commitment_id, fields)
            row = self._one("SELECT * FROM commitments WHERE id = ?", [commitment_id])
            assert row is not None
            return _commitment(row)

    def add_commitment_note(
        self, commitment_id: CommitmentId, text: str, *, at: datetime | None = None
    ) -> CommitmentNote:
        """A dated note on how a small step is going."""
        if not text.strip():
            raise ValueError("A note needs a few words.")
        now = to_db_time(utc_now())
        with self._db.atomic():
            self._require_live("commitments", commitment_id)
            new_id = self._insert(
                "commitment_notes",
                {
                    "uuid": new_uuid(),
                    "commitment_id": commitment_id,
                    "noted_at": to_db_time(at or utc_now()),
                    "text": text.strip(),
                    "created_at": now,
                    "updated_at": now,
                },
            )
            row = self._one("SELECT * FROM commitment_notes WHERE id = ?", [new_id])
            assert row is not None
            return _commitment_note(row)

    def commitment_notes(self, commitment_id: CommitmentId) -> list[CommitmentNote]:
        rows = self._all(
            "SELECT * FROM commitment_notes WHERE commitment_id = ? AND deleted_at IS NULL "
            "ORDER BY noted_at, id",
            [commitment_id],
        )
        return [_commitment_note(row) for row in rows]

    def list_commitments(self) -> list[Commitment]:
        rows = self._all(
            "SELECT * FROM commitments WHERE deleted_at IS NULL ORDER BY created_at, id"
        )
        return [_commitment(row) for row in rows]

    # Themes --------------------------------------------------------------------------------

    def _ensure_builtin_themes(self) -> None:
        present = {row["key"] for row in self._all("SELECT key FROM themes")}
        missing = [theme for theme in builtin_themes() if theme.key not in present]
        if not missing:
            return
        now = to_db_time(utc_now())
        with self._db.atomic():
            self._table("themes").insert_all(
                {
                    "uuid": theme.uuid,
                    "key": theme.key,
                    "name": theme.name,
                    "colour": theme.colour,
                    "builtin": 1,
                    "created_at": now,
                    "updated_at": now,
                }
                for theme in missing
            )

    def add_theme(self, name: str) -> Theme:
        """A theme of the client's own, with the next colour from the shared palette."""
        name = " ".join(name.split())
        if not name:
            raise ValueError("A theme needs a name.")
        if any(theme.name.casefold() == name.casefold() for theme in self.list_themes()):
            raise ValueError(f"There is already a theme called {name}.")
        key = "own_" + ("_".join(fold_for_key(name).split()) or "theme")
        existing = {row["key"] for row in self._all("SELECT key FROM themes")}
        unique, number = key, 2
        while unique in existing:
            unique, number = f"{key}_{number}", number + 1
        palette = own_theme_colours()
        own_count = len(existing) - len(builtin_themes())
        now = to_db_time(utc_now())
        with self._db.atomic():
            new_id = self._insert(
                "themes",
                {
                    "uuid": new_uuid(),
                    "key": unique,
                    "name": name,
                    "colour": palette[own_count % len(palette)],
                    "builtin": 0,
                    "created_at": now,
                    "updated_at": now,
                },
            )
            row = self._one("SELECT * FROM themes WHERE id = ?", [new_id])
            assert row is not None
            return _theme(row)

    def list_themes(self) -> list[Theme]:
        rows = self._all("SELECT * FROM themes WHERE archived_at IS NULL ORDER BY name, id")
        return [_theme(row) for row in rows]

    def set_reflection_themes(self, reflection_id: ReflectionId, keys: Sequence[str]) -> None:
        """Replace the themes the client confirmed for a reflection."""
        self._set_themes("reflection_themes", "reflection_id", reflection_id, keys)

    def set_insight_themes(self, insight_id: InsightId, keys: Sequence[str]) -> None:
        self._set_themes("insight_themes", "insight_id", insight_id, keys)

    def reflection_theme_keys(self, reflection_id: ReflectionId) -> list[str]:
        rows = self._all(
            "SELECT t.key FROM reflection_themes rt JOIN themes t ON t.id = rt.theme_id "
            "WHERE rt.reflection_id = ? ORDER BY t.name",
            [reflection_id],
        )
        return [row["key"] for row in rows]

    def _set_themes(self, link_table: str, column: str, owner_id: int, keys: Sequence[str]) -> None:
        with self._db.atomic():
            ids = self._theme_ids(keys)
            self._db.execute(f"DELETE FROM {link_table} WHERE {column} = ?", [owner_id])
            self._table(link_table).insert_all(
                {column: owner_id, "theme_id": theme_id} for theme_id in ids
            )

    def _theme_ids(self, keys: Sequence[str]) -> list[ThemeId]:
        if not keys:
            return []
        marks = ", ".join("?" for _ in keys)
        rows = self._all(f"SELECT id, key FROM themes WHERE key IN ({marks})", list(keys))
        by_key = {row["key"]: ThemeId(row["id"]) for row in rows}
        unknown = [key for key in keys if key not in by_key]
        if unknown:
            raise NotFoundError(f"No theme called {', '.join(unknown)}.")
        return [by_key[key] for key in dict.fromkeys(keys)]

    def theme_counts(self) -> list[tuple[Theme, int]]:
        """Themes the client confirmed, with how many reflections and insights carry each."""
        rows = self._all(
            """
            SELECT t.*, COUNT(*) AS uses FROM themes t
            JOIN (
                SELECT rt.theme_id FROM reflection_themes rt
                JOIN reflections r ON r.id = rt.reflection_id WHERE r.deleted_at IS NULL
                UNION ALL
                SELECT it.theme_id FROM insight_themes it
                JOIN insights i ON i.id = it.insight_id WHERE i.deleted_at IS NULL
            ) used ON used.theme_id = t.id
            GROUP BY t.id ORDER BY uses DESC, t.name
            """
        )
        return [(_theme(row), int(row["uses"])) for row in rows]

    # Distress check-ins --------------------------------------------------------------------

    def add_distress_rating(
        self, value: int, *, note: str = "", at: datetime | None = None
    ) -> DistressRating:
        check_distress(value)
        now = to_db_time(utc_now())
        with self._db.atomic():
            new_id = self._insert(
                "distress_ratings",
                {
                    "uuid": new_uuid(),
                    "rated_at": to_db_time(at or utc_now()),
                    "value": value,
                    "moment": RatingMoment.CHECK_IN.value,
                    "note": note,
                    "created_at": now,
                    "updated_at": now,
                },
            )
            row = self._one("SELECT * FROM distress_ratings WHERE id = ?", [new_id])
            assert row is not None
            return _distress_rating(row)

    # Check-ins -----------------------------------------------------------------------------

    def start_check_in(
        self, instrument: str, version: int, *, at: datetime | None = None
    ) -> CheckIn:
        now = to_db_time(at or utc_now())
        with self._db.atomic():
            new_id = self._insert(
                "checkins",
                {
                    "uuid": new_uuid(),
                    "instrument": instrument,
                    "instrument_version": version,
                    "status": ReflectionStatus.DRAFT.value,
                    "started_at": now,
                    "updated_at": now,
                },
            )
            return self.get_check_in(CheckInId(new_id))

    def save_check_in_answer(
        self, check_in_id: CheckInId, item_number: int, value: int | None
    ) -> None:
        """Record (or, with None, clear) one answer; a draft keeps them through a crash."""
        now = to_db_time(utc_now())
        with self._db.atomic():
            self._require_live("checkins", check_in_id)
            if value is None:
                self._db.execute(
                    "DELETE FROM checkin_answers WHERE checkin_id = ? AND item_number = ?",
                    [check_in_id, item_number],
                )
            else:
                self._db.execute(
                    "INSERT INTO checkin_answers (checkin_id, item_number, value, updated_at) "
                    "VALUES (?, ?, ?, ?) ON CONFLICT (checkin_id, item_number) DO UPDATE SET "
                    "value = excluded.value, updated_at = excluded.updated_at",
                    [check_in_id, item_number, value, now],
                )
            self._table("checkins").update(check_in_id, {"updated_at": now})

    def set_check_in_extra_answer(self, check_in_id: CheckInId, value: int | None) -> None:
        with self._db.atomic():
            self._require_live("checkins", check_in_id)
            self._table("checkins").update(
                check_in_id, {"extra_answer": value, "updated_at": to_db_time(utc_now())}
            )

    def complete_check_in(self, check_in_id: CheckInId, *, at: datetime | None = None) -> CheckIn:
        now = to_db_time(at or utc_now())
        with self._db.atomic():
            self._require_live("checkins", check_in_id)
            self._table("checkins").update(
                check_in_id,
                {"status": ReflectionStatus.COMPLETE.value, "completed_at": now, "updated_at": now},
            )
            return self.get_check_in(check_in_id)

    def discard_check_in(self, check_in_id: CheckInId) -> None:
        with self._db.atomic():
            self._require_live("checkins", check_in_id)
            self._table("checkins").update(check_in_id, {"deleted_at": to_db_time(utc_now())})

    def get_check_in(self, check_in_id: CheckInId) -> CheckIn:
        row = self._one("SELECT * FROM checkins WHERE id = ? AND deleted_at IS NULL", [check_in_id])
        if row is None:
            raise NotFoundError(f"No check-in {check_in_id}.")
        answers = {
            number: value
            for number, value in self._db.execute(
                "SELECT item_number, value FROM checkin_answers WHERE checkin_id = ?",
                [check_in_id],
            )
        }
        return _check_in(row, answers)

    def completed_check_ins(self, instrument: str | None = None) -> list[CheckIn]:
        """Finished check-ins, oldest first (of one instrument if given)."""
        where = "status = 'complete' AND deleted_at IS NULL"
        params: list[Any] = []
        if instrument is not None:
            where += " AND instrument = ?"
            params.append(instrument)
        rows = self._all(f"SELECT id FROM checkins WHERE {where} ORDER BY completed_at, id", params)
        return [self.get_check_in(CheckInId(row["id"])) for row in rows]

    def unfinished_check_in(self, instrument: str) -> CheckIn | None:
        row = self._one(
            "SELECT id FROM checkins WHERE instrument = ? AND status = 'draft' "
            "AND deleted_at IS NULL ORDER BY updated_at DESC, id DESC LIMIT 1",
            [instrument],
        )
        return None if row is None else self.get_check_in(CheckInId(row["id"]))

    # Settings ------------------------------------------------------------------------------

    def get_setting(self, key: str, default: Any = None) -> Any:
        row = self._one("SELECT value FROM settings WHERE key = ?", [key])
        return default if row is None else json.loads(row["value"])

    def delete_setting(self, key: str) -> None:
        with self._db.atomic():
            self._db.execute("DELETE FROM settings WHERE key = ?", [key])

    def set_setting(self, key: str, value: Any) -> None:
        """Store any JSON-serialisable value under `key`."""
        with self._db.atomic():
            self._table("settings").upsert(
                {"key": key, "value": json.dumps(value), "updated_at": to_db_time(utc_now())},
                pk="key",
            )

    # Export and import (kapcompanion/exchange) ---------------------------------------------

    def exchange_rows(self, table: str) -> list[Row]:
        """Every row of `table` as stored, drafts and "recently deleted" included, oldest first."""
        _check_exchange_table(table)
        return self._all(f"SELECT * FROM {table} ORDER BY rowid")

    def ids_by_uuid(self, table: str) -> dict[str, int]:
        """Each record of `table` (one with a uuid) by its uuid: uuid → local row id."""
        _check_exchange_table(table)
        return {uuid: row_id for uuid, row_id in self._db.execute(f"SELECT uuid, id FROM {table}")}

    def theme_ids_by_key(self) -> dict[str, ThemeId]:
        """Every theme, archived ones included, by its key: key → local row id."""
        return {
            key: ThemeId(row_id) for key, row_id in self._db.execute("SELECT key, id FROM themes")
        }

    def setting_keys(self) -> set[str]:
        """The keys of every setting stored in this profile."""
        return {key for (key,) in self._db.execute("SELECT key FROM settings")}

    def insert_exchange_rows(
        self, table: str, columns: Sequence[str], rows: list[tuple[Any, ...]]
    ) -> None:
        """Insert rows exactly as given (an import; run it inside `transaction()`).

        `columns` come from the export schema, never from the file being imported.
        """
        _check_exchange_table(table)
        names = ", ".join(columns)
        marks = ", ".join("?" for _ in columns)
        with self._db.atomic():
            self._db.conn.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)

    # When the course began ----------------------------------------------------------------------

    def first_moment(self) -> datetime | None:
        """When the course began: the earliest live session, reflection, insight, finished
        check-in or quick distress rating (None for an empty profile). Screens offer dates
        from its day on."""
        row = self._one(
            """
            SELECT MIN(moment) AS first FROM (
                SELECT MIN(held_at) AS moment FROM sessions WHERE deleted_at IS NULL
                UNION ALL SELECT MIN(started_at) FROM reflections WHERE deleted_at IS NULL
                UNION ALL SELECT MIN(created_at) FROM insights WHERE deleted_at IS NULL
                UNION ALL SELECT MIN(completed_at) FROM checkins
                    WHERE status = 'complete' AND deleted_at IS NULL
                UNION ALL SELECT MIN(rated_at) FROM distress_ratings WHERE deleted_at IS NULL
            )
            """
        )
        return from_db_time_or_none(row["first"] if row else None)

    # Quick distress check-ins, read back ------------------------------------------------------

    def list_distress_ratings(self) -> list[DistressRating]:
        """Live quick distress check-ins (not the ratings of sessions or reflections), oldest
        first."""
        rows = self._all(
            "SELECT * FROM distress_ratings WHERE deleted_at IS NULL ORDER BY rated_at, id"
        )
        return [_distress_rating(row) for row in rows]

    # Reflections, read in bulk --------------------------------------------------------------

    def answers_of(
        self, reflection_ids: Collection[ReflectionId]
    ) -> dict[ReflectionId, tuple[Answer, ...]]:
        """The answers of many reflections in one query, each reflection's in prompt order (as
        `get_reflection` gives them); a reflection with none is left out."""
        rows = self._all(
            "SELECT * FROM answers WHERE reflection_id IN (SELECT value FROM json_each(?)) "
            "ORDER BY reflection_id, position, id",
            [json.dumps(sorted(reflection_ids))],
        )
        answers: dict[ReflectionId, list[Answer]] = {}
        for row in rows:
            answer = _answer(row)
            answers.setdefault(answer.reflection_id, []).append(answer)
        return {reflection_id: tuple(each) for reflection_id, each in answers.items()}

    # Bulk reads for the insight board

    def theme_keys_by_insight(self) -> dict[InsightId, list[str]]:
        """The theme keys of every live insight in one query, each insight's by theme name (as
        `insight_theme_keys` gives them); an insight with none is left out."""
        rows = self._all(
            "SELECT it.insight_id, t.key FROM insight_themes it "
            "JOIN themes t ON t.id = it.theme_id "
            "JOIN insights i ON i.id = it.insight_id "
            "WHERE i.deleted_at IS NULL ORDER BY it.insight_id, t.name"
        )
        keys: dict[InsightId, list[str]] = {}
        for row in rows:
            keys.setdefault(InsightId(row["insight_id"]), []).append(row["key"])
        return keys

    def notes_by_commitment(self) -> dict[CommitmentId, list[CommitmentNote]]:
        """The notes of every live small step in one query, each step's oldest first (as
        `commitment_notes` gives them); a step with none is left out."""
        rows = self._all(
            "SELECT n.* FROM commitment_notes n JOIN commitments c ON c.id = n.commitment_id "
            "WHERE n.deleted_at IS NULL AND c.deleted_at IS NULL "
            "ORDER BY n.commitment_id, n.noted_at, n.id"
        )
        notes: dict[CommitmentId, list[CommitmentNote]] = {}
        for row in rows:
            note = _commitment_note(row)
            notes.setdefault(note.commitment_id, []).append(note)
        return notes


EXCHANGE_TABLES = (
    "themes",
    "sessions",
    "reflections",
    "answers",
    "reflection_themes",
    "insights",
    "insight_themes",
    "commitments",
    "commitment_notes",
    "distress_ratings",
    "checkins",
    "checkin_answers",
    "settings",
)


def _check_exchange_table(table: str) -> None:
    if table not in EXCHANGE_TABLES:
        raise ValueError(f"{table} is not a table that is exported or imported.")


# Row → domain object ---------------------------------------------------------------------


def _session(row: Row) -> Session:
    return Session(
        id=SessionId(row["id"]),
        uuid=row["uuid"],
        kind=SessionKind(row["kind"]),
        held_at=from_db_time(row["held_at"]),
        number_in_course=row["number_in_course"],
        route=row["route"],
        setting=row["setting"],
        intention=row["intention"],
        distress_before=row["distress_before"],
        distress_after=row["distress_after"],
        after_effects=tuple(json.loads(row["after_effects"])),
        after_effects_notes=row["after_effects_notes"],
        notes=row["notes"],
        created_at=from_db_time(row["created_at"]),
        updated_at=from_db_time(row["updated_at"]),
    )


def _answer(row: Row) -> Answer:
    return Answer(
        id=AnswerId(row["id"]),
        uuid=row["uuid"],
        reflection_id=ReflectionId(row["reflection_id"]),
        position=row["position"],
        prompt_id=row["prompt_id"],
        prompt_text=row["prompt_text"],
        text=row["text"],
        skipped=bool(row["skipped"]),
        updated_at=from_db_time(row["updated_at"]),
    )


def _reflection(row: Row, answers: tuple[Answer, ...]) -> Reflection:
    session_id = row["session_id"]
    return Reflection(
        id=ReflectionId(row["id"]),
        uuid=row["uuid"],
        session_id=None if session_id is None else SessionId(session_id),
        phase=Phase(row["phase"]),
        prompt_set_id=row["prompt_set_id"],
        prompt_set_version=row["prompt_set_version"],
        status=ReflectionStatus(row["status"]),
        distress_start=row["distress_start"],
        distress_end=row["distress_end"],
        current_position=row["current_position"],
        shareable=bool(row["shareable"]),
        started_at=from_db_time(row["started_at"]),
        completed_at=from_db_time_or_none(row["completed_at"]),
        updated_at=from_db_time(row["updated_at"]),
        answers=answers,
    )


def _insight(row: Row) -> Insight:
    return Insight(
        id=InsightId(row["id"]),
        uuid=row["uuid"],
        text=row["text"],
        reflection_id=None if row["reflection_id"] is None else ReflectionId(row["reflection_id"]),
        session_id=None if row["session_id"] is None else SessionId(row["session_id"]),
        pinned=bool(row["pinned"]),
        shareable=bool(row["shareable"]),
        created_at=from_db_time(row["created_at"]),
        updated_at=from_db_time(row["updated_at"]),
    )


def _commitment(row: Row) -> Commitment:
    return Commitment(
        id=CommitmentId(row["id"]),
        uuid=row["uuid"],
        insight_id=InsightId(row["insight_id"]),
        text=row["text"],
        status=CommitmentStatus(row["status"]),
        created_at=from_db_time(row["created_at"]),
        updated_at=from_db_time(row["updated_at"]),
    )


def _commitment_note(row: Row) -> CommitmentNote:
    return CommitmentNote(
        id=row["id"],
        uuid=row["uuid"],
        commitment_id=CommitmentId(row["commitment_id"]),
        noted_at=from_db_time(row["noted_at"]),
        text=row["text"],
    )


def _check_in(row: Row, answers: dict[int, int]) -> CheckIn:
    return CheckIn(
        id=CheckInId(row["id"]),
        uuid=row["uuid"],
        instrument=row["instrument"],
        instrument_version=row["instrument_version"],
        status=ReflectionStatus(row["status"]),
        answers=answers,
        extra_answer=row["extra_answer"],
        started_at=from_db_time(row["started_at"]),
        completed_at=from_db_time_or_none(row["completed_at"]),
    )


def _theme(row: Row) -> Theme:
    return Theme(
        id=ThemeId(row["id"]),
        uuid=row["uuid"],
        key=row["key"],
        name=row["name"],
        colour=row["colour"],
        builtin=bool(row["builtin"]),
    )


def _distress_rating(row: Row) -> DistressRating:
    return DistressRating(
        id=DistressRatingId(row["id"]),
        uuid=row["uuid"],
        rated_at=from_db_time(row["rated_at"]),
        value=row["value"],
        moment=RatingMoment(row["moment"]),
        note=row["note"],
    )
