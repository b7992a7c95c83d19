"""Quick check-ins on the journal's timeline: their places in time among the reflections, and
which of them a filter or a search keeps."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from kapcompanion.domain import DistressRating, Phase, RatingMoment, ReflectionStatus, SessionKind
from kapcompanion.ids import DistressRatingId, ReflectionId, SessionId
from kapcompanion.journal import (
    JournalEntry,
    JournalFilter,
    QuickCheckInEntry,
    filter_entries,
    note_matches,
    timeline_rows,
)
from kapcompanion.store import Store

START = datetime(2026, 3, 1, 12, tzinfo=UTC)


def reflection(number: int, days: int, session: int | None, held_days: int | None) -> JournalEntry:
    return JournalEntry(
        reflection_id=ReflectionId(number),
        session_id=None if session is None else SessionId(session),
        session_number=session,
        session_kind=None if session is None else SessionKind.DOSING,
        session_held_at=None if held_days is None else START + timedelta(days=held_days),
        phase=Phase.NEXT_DAY,
        status=ReflectionStatus.COMPLETE,
        started_at=START + timedelta(days=days),
        distress_start=3,
        distress_end=2,
        shareable=False,
        theme_keys=("grief",),
        first_lines="I noticed the light in the kitchen.",
    )


def rating(number: int, days: float, note: str = "") -> DistressRating:
    return DistressRating(
        DistressRatingId(number),
        f"u{number}",
        START + timedelta(days=days),
        4,
        RatingMoment.CHECK_IN,
        note,
    )


def placed(rows: list[JournalEntry | QuickCheckInEntry]) -> list[str]:
    return [
        f"r{row.reflection_id}" if isinstance(row, JournalEntry) else f"c{row.rating_id}"
        for row in rows
    ]


def test_check_ins_stand_in_time_between_sessions_never_inside_one() -> None:
    # The store's order: session 2 (held day 10, reflections days 11 and 17), then a
    # reflection tied to no session (day 5), then session 1 (held day 0, reflection day 1).
    entries = [
        reflection(4, 17, 2, 10),
        reflection(3, 11, 2, 10),
        reflection(2, 5, None, None),
        reflection(1, 1, 1, 0),
    ]
    # Day 12 falls between session 2's reflections, yet it stands above the whole session.
    ratings = [rating(1, -1), rating(2, 7), rating(3, 12), rating(4, 20)]
    rows = timeline_rows(entries, reversed(ratings))
    assert placed(rows) == ["c4", "c3", "r4", "r3", "c2", "r2", "r1", "c1"]


def test_a_filter_of_themes_phases_sessions_or_sharing_leaves_check_ins_out() -> None:
    rows = timeline_rows([reflection(1, 1, 1, 0)], [rating(1, 2, "tired")])
    assert placed(filter_entries(rows, JournalFilter())) == ["c1", "r1"]
    for chosen in (
        JournalFilter(themes=frozenset({"grief"})),
        JournalFilter(phases=frozenset({Phase.NEXT_DAY})),
        JournalFilter(session_id=SessionId(1)),
        JournalFilter(shareable_only=True),
    ):
        assert "c1" not in placed(filter_entries(rows, chosen))
    day = (START + timedelta(days=2)).astimezone().date()
    assert placed(filter_entries(rows, JournalFilter(date_from=day))) == ["c1"]
    assert placed(filter_entries(rows, JournalFilter(date_to=day - timedelta(days=1)))) == ["r1"]


def test_a_search_keeps_only_the_check_ins_whose_note_matches() -> None:
    rows = timeline_rows([], [rating(1, 1, "Restless evening."), rating(2, 2, "")])
    searching = JournalFilter(
        search_hits=frozenset(), check_in_hits=frozenset({DistressRatingId(1)})
    )
    assert placed(filter_entries(rows, searching)) == ["c1"]
    assert placed(filter_entries(rows, JournalFilter(search_hits=frozenset()))) == []


def test_a_note_matches_as_the_journal_search_reads_words_and_phrases() -> None:
    note = "Restless evening, calmer after a walk."
    assert note_matches(note, "rest")
    assert note_matches(note, "CALM walk")
    assert note_matches(note, '"calmer after"')
    assert not note_matches(note, '"after calmer"')
    assert not note_matches(note, "less")  # words match from their start, not inside
    assert not note_matches(note, "calm sleep")  # every word must be there
    assert not note_matches("", "calm")
    assert not note_matches(note, '""')
    assert note_matches("Ängstlich, später ruhig", "ängst RUH")


def test_the_store_s_quick_check_ins_join_the_timeline(store: Store) -> None:
    older = store.check_ins.add_distress_rating(5, note="heavy", at=START)
    newer = store.check_ins.add_distress_rating(2, at=START + timedelta(days=1))
    rows = timeline_rows(store.journal.entries(), store.check_ins.distress_ratings())
    assert [row for row in rows if isinstance(row, QuickCheckInEntry)] == [
        QuickCheckInEntry(newer.id, newer.rated_at, 2, ""),
        QuickCheckInEntry(older.id, older.rated_at, 5, "heavy"),
    ]
    assert rows[0].local_day == (START + timedelta(days=1)).astimezone().date()
    assert isinstance(rows[0].local_day, date)
