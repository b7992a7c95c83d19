"""The journal: every live reflection as one light row (for the timeline), and the filters
that combine with search (themes, phase, session, dates, shareable only).

`store.journal.entries()` loads the whole timeline in one go; filtering then happens in memory
here, so typing in the search box or ticking a filter never waits on the disk. No SQL here.
"""

from __future__ import annotations

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
        if self.shareable_only and not entry.shareable:
            return False
        if self.date_from is None and self.date_to is None:
            return True  # the local day costs a time-zone look-up: only when a date matters
        day = entry.local_day
        if self.date_from is not None and day < self.date_from:
            return False
        return self.date_to is None or day <= self.date_to


def filter_entries(
    entries: Collection[JournalEntry], journal_filter: JournalFilter
) -> list[JournalEntry]:
    return [entry for entry in entries if journal_filter.accepts(entry)]
