"""Full-text search over answers, insights and session notes (SQLite FTS5), ranked, with
highlighted snippets.

Whatever the client types is turned into a safe FTS5 query: words match as prefixes ("calm"
finds "calmer"), "quoted phrases" match as phrases, and FTS syntax characters, operators or an
unbalanced quote are treated as plain text, so a search never raises.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from enum import StrEnum

from kapcompanion.ids import InsightId, ReflectionId, SessionId

# Snippet markers: control characters that cannot come from the client's own text in a way
# that matters; the window turns them into highlighting.
HIGHLIGHT_START = "\x02"
HIGHLIGHT_END = "\x03"
SNIPPET_WORDS = 12
MAX_QUERY_TERMS = 32
_PHRASE = re.compile(r'"([^"]*)"')
_WORD = re.compile(r"\w+", re.UNICODE)


class HitKind(StrEnum):
    ANSWER = "answer"
    INSIGHT = "insight"
    SESSION = "session"


@dataclass(frozen=True)
class SearchHit:
    kind: HitKind
    reflection_id: ReflectionId | None
    insight_id: InsightId | None
    session_id: SessionId | None
    snippet: str  # with HIGHLIGHT_START/HIGHLIGHT_END around each match
    rank: float  # lower is better (bm25)


def match_expression(query: str) -> str | None:
    """A safe FTS5 MATCH expression for what the client typed, or None if nothing to find."""
    terms: list[str] = []
    if query.count('"') % 2 == 0:
        for phrase in _PHRASE.findall(query):
            words = _WORD.findall(phrase)
            if words:
                terms.append('"' + " ".join(words) + '"')
        query = _PHRASE.sub(" ", query)
    for word in _WORD.findall(query):
        # Quoting makes every word a plain token (AND, NEAR, * and the like lose any meaning).
        terms.append(f'"{word}"*')
    if not terms:
        return None
    return " ".join(terms[:MAX_QUERY_TERMS])


def search(connection: sqlite3.Connection, query: str, *, limit: int = 500) -> list[SearchHit]:
    """Everything matching `query`, best first. Items in "recently deleted" are left out."""
    expression = match_expression(query)
    if expression is None:
        return []
    marks = (HIGHLIGHT_START, HIGHLIGHT_END, "…", SNIPPET_WORDS)
    rows = connection.execute(
        """
        SELECT 'answer', a.reflection_id, NULL, r.session_id,
               snippet(answers_fts, 0, ?, ?, ?, ?), answers_fts.rank
        FROM answers_fts
        JOIN answers a ON a.rowid = answers_fts.rowid
        JOIN reflections r ON r.id = a.reflection_id
        WHERE answers_fts MATCH ? AND r.deleted_at IS NULL
        UNION ALL
        SELECT 'insight', i.reflection_id, i.id, i.session_id,
               snippet(insights_fts, 0, ?, ?, ?, ?), insights_fts.rank
        FROM insights_fts
        JOIN insights i ON i.rowid = insights_fts.rowid
        WHERE insights_fts MATCH ? AND i.deleted_at IS NULL
        UNION ALL
        SELECT 'session', NULL, NULL, s.id,
               snippet(sessions_fts, -1, ?, ?, ?, ?), sessions_fts.rank
        FROM sessions_fts
        JOIN sessions s ON s.rowid = sessions_fts.rowid
        WHERE sessions_fts MATCH ? AND s.deleted_at IS NULL
        ORDER BY 6
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
            snippet=snippet,
            rank=rank,
        )
        for kind, reflection, insight, session, snippet, rank in rows
    ]


def matching_reflections(
    connection: sqlite3.Connection, query: str, *, snippets_for: int = 200
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
        row[0]
        for row in connection.execute("SELECT id FROM reflections WHERE deleted_at IS NOT NULL")
    }
    found: dict[ReflectionId, str] = {}
    newest = connection.execute(
        """
        SELECT a.reflection_id, snippet(answers_fts, 0, ?, ?, '…', ?)
        FROM answers_fts JOIN answers a ON a.rowid = answers_fts.rowid
        WHERE answers_fts MATCH ? ORDER BY answers_fts.rowid DESC LIMIT ?
        """,
        [HIGHLIGHT_START, HIGHLIGHT_END, SNIPPET_WORDS, expression, snippets_for],
    )
    for reflection_id, snippet in newest:
        if reflection_id not in deleted:
            found.setdefault(ReflectionId(reflection_id), snippet)
    everything = connection.execute(
        """
        SELECT reflection_id FROM answers
        WHERE rowid IN (SELECT rowid FROM answers_fts WHERE answers_fts MATCH ?)
        UNION
        SELECT reflection_id FROM insights
        WHERE rowid IN (SELECT rowid FROM insights_fts WHERE insights_fts MATCH ?)
          AND deleted_at IS NULL AND reflection_id IS NOT NULL
        """,
        [expression, expression],
    )
    for (reflection_id,) in everything:
        if reflection_id not in deleted:
            found.setdefault(ReflectionId(reflection_id), "")
    return found
