"""The journal: every live reflection and quick check-in as one light row (for the timeline),
and the filters that combine with search (themes, phase, session, dates, shareable only).

`store.journal.entries()` and `store.check_ins.distress_ratings()` load the whole timeline in
two reads; `timeline_rows` puts the quick check-ins in their places in time among the
reflections, and filtering then happens in memory here, so typing in the search box or ticking
a filter never waits on the disk. No SQL here.
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TypeVar

from kapcompanion.domain import DistressRating, Phase, ReflectionStatus, SessionKind
from kapcompanion.ids import DistressRatingId, ReflectionId, SessionId

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

    @property
    def placed_at(self) -> datetime:
        """Where the row stands in time on the timeline: its session's time, so a session's
        reflections stay together, or its own when it belongs to no session."""
        return self.session_held_at or self.started_at


@dataclass(frozen=True, slots=True)
class QuickCheckInEntry:
    """A quick distress check-in, as the timeline shows it among the reflections."""

    rating_id: DistressRatingId
    rated_at: datetime
    distress: int
    note: str

    @classmethod
    def of(cls, rating: DistressRating) -> QuickCheckInEntry:
        return cls(rating.id, rating.rated_at, rating.value, rating.note)

    @property
    def placed_at(self) -> datetime:
        return self.rated_at

    @property
    def local_day(self) -> date:
        return self.rated_at.astimezone().date()


TimelineRow = JournalEntry | QuickCheckInEntry


def timeline_rows(
    entries: Iterable[JournalEntry], check_ins: Iterable[DistressRating]
) -> list[TimelineRow]:
    """Reflections (in the store's order, newest session first) with each quick check-in in
    its place in time among them, newest first.

    A check-in never splits a session's reflections: it stands before or after the whole run,
    by when it was recorded against when the session was held.
    """
    newest_first = sorted(
        (QuickCheckInEntry.of(rating) for rating in check_ins),
        key=lambda row: (row.rated_at, row.rating_id),
        reverse=True,
    )
    merged: Iterable[TimelineRow] = heapq.merge(
        entries, newest_first, key=lambda row: row.placed_at, reverse=True
    )
    return list(merged)


_PHRASE = re.compile(r'"([^"]*)"')
_WORD = re.compile(r"\w+", re.UNICODE)


def note_matches(note: str, query: str) -> bool:
    """Whether a check-in's note holds what the client searched for, as the journal's search
    reads it: each word as the start of a word ("calm" finds "calmer"), each "quoted phrase"
    as those words in a row. A query without a word in it matches nothing."""
    return note_matcher(query)(note)


def note_matcher(query: str) -> Callable[[str], bool]:
    """`note_matches` for one query, read once, to try against many notes."""
    phrases: list[str] = []
    if query.count('"') % 2 == 0:
        for phrase in _PHRASE.findall(query):
            words = _WORD.findall(phrase)
            if words:
                phrases.append(f" {' '.join(words).casefold()} ")
        query = _PHRASE.sub(" ", query)
    singles = [word.casefold() for word in _WORD.findall(query)]
    if not singles and not phrases:
        return lambda _note: False

    def matches(note: str) -> bool:
        words = _WORD.findall(note.casefold())
        if not all(any(word.startswith(single) for word in words) for single in singles):
            return False
        joined = f" {' '.join(words)} "
        return all(phrase in joined for phrase in phrases)

    return matches


@dataclass(frozen=True)
class JournalFilter:
    """What to show. Empty collections mean "any"; a set of search hits narrows further.

    Quick check-ins have no themes, phase or session and are never shared, so any of those
    filters leaves them out; a search shows only those whose note matches (`check_in_hits`).
    """

    themes: frozenset[str] = frozenset()
    phases: frozenset[Phase] = frozenset()
    session_id: SessionId | None = None
    date_from: date | None = None
    date_to: date | None = None
    shareable_only: bool = False
    search_hits: frozenset[ReflectionId] | None = field(default=None)
    check_in_hits: frozenset[DistressRatingId] | None = field(default=None)

    def accepts(self, row: TimelineRow) -> bool:
        if isinstance(row, QuickCheckInEntry):
            return self._accepts_check_in(row)
        entry = row
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
        return self._accepts_day(entry.local_day)

    def _accepts_check_in(self, check_in: QuickCheckInEntry) -> bool:
        if self.themes or self.phases or self.session_id is not None or self.shareable_only:
            return False
        if self.search_hits is not None and (
            self.check_in_hits is None or check_in.rating_id not in self.check_in_hits
        ):
            return False
        if self.date_from is None and self.date_to is None:
            return True
        return self._accepts_day(check_in.local_day)

    def _accepts_day(self, day: date) -> bool:
        if self.date_from is not None and day < self.date_from:
            return False
        return self.date_to is None or day <= self.date_to


Row = TypeVar("Row", bound=JournalEntry | QuickCheckInEntry)


def filter_entries(entries: Collection[Row], journal_filter: JournalFilter) -> list[Row]:
    return [entry for entry in entries if journal_filter.accepts(entry)]
