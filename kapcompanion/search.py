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
