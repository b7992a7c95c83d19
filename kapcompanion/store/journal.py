"""`store.journal`: the journal's read model: the timeline of finished reflections, and
full-text search over answers, insights and session notes (the queries are in `search.py`).

Reads only: nothing here writes, so a screen's refresh can call it freely. Never imports Qt.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlite_utils import Database

from kapcompanion.domain import Phase, ReflectionStatus, SessionKind
from kapcompanion.ids import ReflectionId, SessionId
from kapcompanion.journal import FIRST_LINES_CHARACTERS, JournalEntry
from kapcompanion.search import SearchHit
from kapcompanion.store import search as full_text
from kapcompanion.store.part import Part

if TYPE_CHECKING:
    from kapcompanion.store.store import Store


class Journal(Part):
    def __init__(self, store: Store, db: Database) -> None:
        super().__init__(store, db)
        self._answer_owners = full_text.AnswerOwners()

    def entries(self) -> list[JournalEntry]:
        """Every finished, live reflection, newest session first, then newest reflection first.

        Paused drafts are left out: they belong to Reflect, where they are picked up again, and
        editing one in two places at once could lose words.

        Three plain queries joined in memory: quicker over years of entries than one query with
        a subquery per row.
        """
        themes = dict(
            self._db.execute(
                "SELECT rt.reflection_id, group_concat(t.key, ' ') FROM reflection_themes rt "
                "JOIN themes t ON t.id = rt.theme_id GROUP BY rt.reflection_id"
            ).fetchall()
        )
        # SQLite returns the text of the row that has MIN(position): the first answered prompt.
        first_lines = {
            reflection_id: text
            for reflection_id, text, _position in self._db.execute(
                f"SELECT reflection_id, substr(text, 1, {FIRST_LINES_CHARACTERS}), MIN(position) "
                "FROM answers WHERE text != '' GROUP BY reflection_id"
            )
        }
        rows = self._db.execute(
            """
            SELECT r.id, r.session_id, s.number_in_course, s.kind, s.held_at, r.phase, r.status,
                   r.started_at, r.distress_start, r.distress_end, r.shareable
            FROM reflections r LEFT JOIN sessions s ON s.id = r.session_id AND s.deleted_at IS NULL
            WHERE r.deleted_at IS NULL AND r.status = 'complete'
            """
        ).fetchall()
        # Newest session first (a reflection without one sorts by its own time), then newest first.
        rows.sort(key=lambda row: (row[4] or row[7], row[7], row[0]), reverse=True)
        # Dictionary look-ups: calling an Enum 100,000 times costs more than the query itself.
        phases = {phase.value: phase for phase in Phase}
        kinds = {kind.value: kind for kind in SessionKind}
        statuses = {status.value: status for status in ReflectionStatus}
        parse = datetime.fromisoformat
        return [
            JournalEntry(
                reflection_id=ReflectionId(row[0]),
                session_id=None if row[1] is None else SessionId(row[1]),
                session_number=row[2],
                session_kind=None if row[3] is None else kinds[row[3]],
                session_held_at=None if row[4] is None else parse(row[4]),
                phase=phases[row[5]],
                status=statuses[row[6]],
                started_at=parse(row[7]),
                distress_start=row[8],
                distress_end=row[9],
                shareable=bool(row[10]),
                theme_keys=tuple(sorted(themes[row[0]].split())) if row[0] in themes else (),
                first_lines=first_lines.get(row[0], ""),
            )
            for row in rows
        ]

    def ready_for_search(self) -> None:
        """Read what the live search keeps in memory now, rather than at the first keystroke
        (the window calls this while it is idle)."""
        self._answer_owners.read_if_changed(self._db)

    def search(self, query: str, *, limit: int = 500) -> list[SearchHit]:
        """Everything matching `query`, best first. Items in "recently deleted" are left out."""
        return full_text.search(self._db, query, limit=limit)

    def matching_reflections(
        self, query: str, *, snippets_for: int = 200
    ) -> dict[ReflectionId, str]:
        """Every live reflection whose answers or insights match `query`, for the timeline; the
        newest `snippets_for` come with a highlighted snippet, the rest map to ""."""
        return full_text.matching_reflections(
            self._db, query, self._answer_owners, snippets_for=snippets_for
        )
