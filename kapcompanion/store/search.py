"""The full-text search queries (SQLite FTS5) behind `store.journal.search` and
`store.journal.matching_reflections`: ranked hits with highlighted snippets, and every matching
reflection for the journal's timeline.

What the client typed is made safe by `kapcompanion.search.match_expression` before it gets
here; these functions only read, never write.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable
from itertools import chain
from typing import cast

from sqlite_utils import Database

from kapcompanion.ids import InsightId, ReflectionId, SessionId
from kapcompanion.search import (
    HIGHLIGHT_END,
    HIGHLIGHT_START,
    LONGEST_FOR_FULL_SNIPPET,
    SNIPPET_SOURCE_CHARACTERS,
    SNIPPET_WORDS,
    HitKind,
    SearchHit,
    bounded_snippet,
    match_expression,
)

# SQLite's snippet() for a text up to LONGEST_FOR_FULL_SNIPPET characters, else NULL and the
# text's start, from which `bounded_snippet` makes one (see kapcompanion.search).
_SESSION_TEXT = " || ' ' || ".join(
    f"coalesce(s.{column}, '')" for column in ("intention", "notes", "after_effects_notes")
)


def _bounded(text: str, snippet: str) -> str:
    return (
        f"CASE WHEN length({text}) <= {LONGEST_FOR_FULL_SNIPPET} THEN {snippet} END, "
        f"CASE WHEN length({text}) > {LONGEST_FOR_FULL_SNIPPET} "
        f"THEN substr({text}, 1, {SNIPPET_SOURCE_CHARACTERS}) END"
    )


def search(db: Database, query: str, *, limit: int = 500) -> list[SearchHit]:
    """Everything matching `query`, best first. Items in "recently deleted" are left out."""
    expression = match_expression(query)
    if expression is None:
        return []
    marks = (HIGHLIGHT_START, HIGHLIGHT_END, "…", SNIPPET_WORDS)
    answer = _bounded("a.text", "snippet(answers_fts, 0, ?, ?, ?, ?)")
    insight = _bounded("i.text", "snippet(insights_fts, 0, ?, ?, ?, ?)")
    session = _bounded(_SESSION_TEXT, "snippet(sessions_fts, -1, ?, ?, ?, ?)")
    rows = db.execute(
        f"""
        SELECT 'answer', a.reflection_id, NULL, r.session_id, answers_fts.rank, {answer}
        FROM answers_fts
        JOIN answers a ON a.rowid = answers_fts.rowid
        JOIN reflections r ON r.id = a.reflection_id
        WHERE answers_fts MATCH ? AND r.deleted_at IS NULL
        UNION ALL
        SELECT 'insight', i.reflection_id, i.id, i.session_id, insights_fts.rank, {insight}
        FROM insights_fts
        JOIN insights i ON i.rowid = insights_fts.rowid
        WHERE insights_fts MATCH ? AND i.deleted_at IS NULL
        UNION ALL
        SELECT 'session', NULL, NULL, s.id, sessions_fts.rank, {session}
        FROM sessions_fts
        JOIN sessions s ON s.rowid = sessions_fts.rowid
        WHERE sessions_fts MATCH ? AND s.deleted_at IS NULL
        ORDER BY 5
        LIMIT ?
        """,
        [*marks, expression, *marks, expression, *marks, expression, limit],
    ).fetchall()
    return [
        SearchHit(
            kind=HitKind(kind),
            reflection_id=None if reflection is None else ReflectionId(reflection),
            insight_id=None if insight is None else InsightId(insight),
            session_id=None if session is None else SessionId(session),
            snippet=bounded_snippet(start, query) if snippet is None else snippet,
            rank=rank,
        )
        for kind, reflection, insight, session, rank, snippet, start in rows
    ]


class AnswerOwners:
    """Which reflection each answer belongs to, kept in memory for the journal's live search.

    A common word matches most answers; looking each one's reflection up in the database cost
    more than finding the matches themselves. The table is read again whenever anything was
    written since, by this connection or another.
    """

    def __init__(self) -> None:
        self._owner: array[int] | dict[int, int] = array("q")
        self._read_at: tuple[int, int] | None = None

    def read_if_changed(self, db: Database) -> None:
        """Read the table again if anything was written since it was read."""
        (version,) = db.execute("PRAGMA data_version").fetchone()
        now = (int(version), db.conn.total_changes)
        if now != self._read_at:
            self._owner, self._read_at = self._read(db), now

    def reflections_of(self, db: Database, answer_ids: Iterable[int]) -> set[ReflectionId]:
        """The reflection of each answer (0 for an id that has no answer)."""
        self.read_if_changed(db)
        owner = self._owner
        if isinstance(owner, dict):
            found = {owner.get(answer_id, 0) for answer_id in answer_ids}
        else:
            known = len(owner)
            found = {owner[answer_id] for answer_id in answer_ids if 0 <= answer_id < known}
        return cast(set[ReflectionId], found)  # ids as stored; no call per id

    @staticmethod
    def _read(db: Database) -> array[int] | dict[int, int]:
        low, top, count = db.execute(
            "SELECT coalesce(min(id), 0), coalesce(max(id), 0), count(*) FROM answers"
        ).fetchone()
        pairs = db.execute(
            "SELECT id, reflection_id FROM answers INDEXED BY idx_answers_id_reflection"
        )
        if low < 0 or top > 2 * count + 1024:  # ids not as this app numbers them: by id
            return dict(pairs)
        owner = array("q", bytes(8 * (top + 1)))  # one slot per id, 8 bytes each
        for answer_id, reflection_id in pairs:
            owner[answer_id] = reflection_id
        return owner


def matching_reflections(
    db: Database, query: str, owners: AnswerOwners, *, snippets_for: int = 200
) -> dict[ReflectionId, str]:
    """Every live reflection whose answers or insights match, for the journal's timeline.

    The newest `snippets_for` matching answers come with a highlighted snippet; the rest map to
    "" (the journal shows their first lines). Unlike `search`, nothing is ranked: the journal
    lists by date, so even a common word over years of entries stays quick.
    """
    expression = match_expression(query)
    if expression is None:
        return {}
    deleted = {
        row[0] for row in db.execute("SELECT id FROM reflections WHERE deleted_at IS NOT NULL")
    }
    found: dict[ReflectionId, str] = {}
    answer = _bounded("a.text", "snippet(answers_fts, 0, ?, ?, '…', ?)")
    newest = db.execute(
        f"""
        SELECT a.reflection_id, {answer}
        FROM answers_fts JOIN answers a ON a.rowid = answers_fts.rowid
        WHERE answers_fts MATCH ? ORDER BY answers_fts.rowid DESC LIMIT ?
        """,
        [HIGHLIGHT_START, HIGHLIGHT_END, SNIPPET_WORDS, expression, snippets_for],
    )
    for reflection_id, snippet, start in newest:
        if reflection_id not in deleted:
            shown = bounded_snippet(start, query) if snippet is None else snippet
            found.setdefault(ReflectionId(reflection_id), shown)
    # Each matching answer's reflection comes from the table in memory, never from the
    # answer's row, whose text can be long.
    matches = db.execute("SELECT rowid FROM answers_fts WHERE answers_fts MATCH ?", [expression])
    every: dict[ReflectionId, str] = dict.fromkeys(
        owners.reflections_of(db, chain.from_iterable(matches)), ""
    )
    every.pop(ReflectionId(0), None)  # an index entry without its answer: nothing to show
    insights = db.execute(
        """
        SELECT reflection_id FROM insights
        WHERE rowid IN (SELECT rowid FROM insights_fts WHERE insights_fts MATCH ?)
          AND deleted_at IS NULL AND reflection_id IS NOT NULL
        """,
        [expression],
    )
    every.update(dict.fromkeys(chain.from_iterable(insights), ""))
    for reflection_id in deleted:
        every.pop(ReflectionId(reflection_id), None)
    every.update(found)
    return every
