"""Full-text search over answers, insights and session notes: what a hit is, and turning what
the client typed into a safe FTS5 query. The queries themselves run in `store.journal`
(kapcompanion/store/search.py); no SQL here.

Whatever the client types is turned into a safe FTS5 query: words match as prefixes ("calm"
finds "calmer"), "quoted phrases" match as phrases, and FTS syntax characters, operators or an
unbalanced quote are treated as plain text, so a search never raises.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from kapcompanion.ids import InsightId, ReflectionId, SessionId

# Snippet markers: control characters that cannot come from the client's own text in a way
# that matters; the window turns them into highlighting.
HIGHLIGHT_START = "\x02"
HIGHLIGHT_END = "\x03"
SNIPPET_WORDS = 12
MAX_QUERY_TERMS = 32
# SQLite's snippet() reads its whole text, once per match: over a long entry holding a common
# word, seconds. Texts longer than this get a snippet made here, from their first
# SNIPPET_SOURCE_CHARACTERS only, so a search stays quick with entries at the size limit.
LONGEST_FOR_FULL_SNIPPET = 20_000
SNIPPET_SOURCE_CHARACTERS = 20_000
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


def bounded_snippet(start: str, query: str) -> str:
    """A snippet like SQLite's, from `start` (the first SNIPPET_SOURCE_CHARACTERS of a long
    text): words around the first word of `query` found there, marked; else the first words."""
    words = _WORD.findall(query)[:MAX_QUERY_TERMS]
    found = None
    if words:
        pattern = r"\b(?:" + "|".join(re.escape(word) for word in words) + r")\w*"
        found = re.search(pattern, start, re.IGNORECASE)
    if found is None:
        return " ".join(start.split()[:SNIPPET_WORDS]) + "…"
    left, right = start[: found.start()], start[found.end() :]
    before = " ".join(left.split()[-(SNIPPET_WORDS // 2) :])
    after = " ".join(right.split()[: SNIPPET_WORDS // 2])
    gap_before = " " if before and left[-1:].isspace() else ""
    gap_after = " " if after and right[:1].isspace() else ""
    marked = f"{HIGHLIGHT_START}{found.group(0)}{HIGHLIGHT_END}"
    return f"…{before}{gap_before}{marked}{gap_after}{after}…"
