"""The journal: every live reflection as one light row (for the timeline), and the filters
that combine with search (themes, phase, session, dates, shareable only).

One query loads the whole timeline; filtering then happens in memory, so typing in the search
box or ticking a filter never waits on the disk.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date, datetime

from kapcompanion.domain import Phase, ReflectionStatus, SessionKind
from kapcompanion.ids import ReflectionId, SessionId

DIFFICULT_DISTRESS = 8
FIRST_LINES_CHARACTERS = 240
GATE_DIFFICULT_SETTING = "journal.gate_difficult_entries"


@dataclass(frozen=True, slots=True)
class JournalEntry:
    reflection_id: ReflectionId
    session_id: SessionId | None
    session_number: int | None
    session_kind: SessionKind | None
    session_held_at: datetime | None
    phase: Phase
    status: ReflectionStatus
    started_at: datetime
    distress_start: int | None
    distress_end: int | None
    shareable: bool
    theme_keys: tuple[str, ...]
    first_lines: str

    @property
    def is_difficult(self) -> bool:
        """Written at high distress: it opens behind a gentle "open it now?" step."""
        ratings = [r for r in (self.distress_start, self.distress_end) if r is not None]
        return bool(ratings) and max(ratings) >= DIFFICULT_DISTRESS

    @property
    def local_day(self) -> date:
        return self.started_at.astimezone().date()


@dataclass(frozen=True)
class JournalFilter:
    """What to show. Empty collections mean "any"; a set of search hits narrows further."""

    themes: frozenset[str] = frozenset()
    phases: frozenset[Phase] = frozenset()
    session_id: SessionId | None = None
    date_from: date | None = None
    date_to: date | None = None
    shareable_only: bool = False
    search_hits: frozenset[ReflectionId] | None = field(default=None)

    def accepts(self, entry: JournalEntry) -> bool:
        if self.search_hits is not None and entry.reflection_id not in self.search_hits:
            return False
        if self.themes and not self.themes.intersection(entry.theme_keys):
            return False
        if self.phases and entry.phase not in self.phases:
            return False
        if self.session_id is not None and entry.session_id != self.session_id:
            return False
        day = entry.local_day
        if self.date_from is not None and day < self.date_from:
            return False
        if self.date_to is not None and day > self.date_to:
            return False
        return not (self.shareable_only and not entry.shareable)


def journal_entries(connection: sqlite3.Connection) -> list[JournalEntry]:
    """Every finished, live reflection, newest session first, then newest reflection first.

    Paused drafts are left out: they belong to Reflect, where they are picked up again, and
    editing one in two places at once could lose words.

    Three plain queries joined in memory: quicker over years of entries than one query with
    a subquery per row.
    """
    themes = dict(
        connection.execute(
            "SELECT rt.reflection_id, group_concat(t.key, ' ') FROM reflection_themes rt "
            "JOIN themes t ON t.id = rt.theme_id GROUP BY rt.reflection_id"
        ).fetchall()
    )
    # SQLite returns the text of the row that has MIN(position): the first answered prompt.
    first_lines = {
        reflection_id: text
        for reflection_id, text, _position in connection.execute(
            f"SELECT reflection_id, substr(text, 1, {FIRST_LINES_CHARACTERS}), MIN(position) "
            "FROM answers WHERE text != '' GROUP BY reflection_id"
        )
    }
    rows = connection.execute(
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


def filter_entries(
    entries: Collection[JournalEntry], journal_filter: JournalFilter
) -> list[JournalEntry]:
    return [entry for entry in entries if journal_filter.accepts(entry)]
