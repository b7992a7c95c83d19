"""The practice log in the store: logging, editing and reading back by period, the client's own
practices, weekly counts in local time, refusals of what cannot be kept, and "recently
deleted" for logged practices."""

from __future__ import annotations

import math
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kapcompanion.domain import (
    DeletedKind,
    NewPracticeEntry,
    PracticeEntry,
    PracticeRef,
    WeekCount,
)
from kapcompanion.errors import EntryRefusedError, NotFoundError
from kapcompanion.limits import MOST_CHARACTERS
from kapcompanion.store import Store

NOW = datetime(2026, 11, 25, 12, tzinfo=UTC)
BERLIN = ZoneInfo("Europe/Berlin")
MOVEMENT = PracticeRef(builtin_key="movement")
SLEEP = PracticeRef(builtin_key="sleep")


def at(day: int, hour: int = 9, month: int = 11) -> datetime:
    return datetime(2026, month, day, hour, tzinfo=UTC)


def log(
    store: Store,
    moment: datetime,
    practice: PracticeRef = MOVEMENT,
    minutes: Any = None,  # bad values too: what a careless caller might pass
    note: str = "",
) -> PracticeEntry:
    return store.practices.log(NewPracticeEntry(practice, moment, minutes, note), now=NOW)


def test_a_logged_practice_reads_back_exactly(store: Store) -> None:
    note = "Walked by the river. Ich atme. مرحبا 🌿\nSecond line."
    entry = log(store, at(20, 7), minutes=35, note=note)
    assert store.practices.get(entry.id) == entry
    assert entry.practice == MOVEMENT and entry.own_name == ""
    assert (entry.done_at, entry.minutes, entry.note) == (at(20, 7), 35, note)
    assert entry.created_at == entry.updated_at == NOW
    without = log(store, at(21), SLEEP)
    assert (without.minutes, without.note) == (None, "")


def test_entries_come_newest_first_or_oldest_first_within_a_period(store: Store) -> None:
    first, second, third = (log(store, at(day)) for day in (10, 12, 14))
    assert [e.id for e in store.practices.entries()] == [third.id, second.id, first.id]
    assert [e.id for e in store.practices.entries(newest_first=False)] == [
        first.id,
        second.id,
        third.id,
    ]
    # From the start (included) up to the end (not included).
    assert [e.id for e in store.practices.entries(at(12), at(14))] == [second.id]
    assert [e.id for e in store.practices.entries(start=at(12))] == [third.id, second.id]
    assert [e.id for e in store.practices.entries(end=at(12))] == [first.id]


def test_an_edit_changes_what_was_logged_and_keeps_its_identity(store: Store) -> None:
    entry = log(store, at(20), minutes=10, note="short")
    later = NOW + timedelta(hours=1)
    edited = store.practices.edit(
        entry.id, NewPracticeEntry(SLEEP, at(19), None, "longer note"), now=later
    )
    assert (edited.uuid, edited.created_at) == (entry.uuid, entry.created_at)
    assert (edited.practice, edited.done_at, edited.minutes, edited.note) == (
        SLEEP,
        at(19),
        None,
        "longer note",
    )
    assert edited.updated_at == later
    store.deleted.move(DeletedKind.PRACTICE, entry.id)
    with pytest.raises(NotFoundError):
        store.practices.edit(entry.id, NewPracticeEntry(SLEEP, at(19)), now=later)


@pytest.mark.parametrize("minutes", [-5, 0, 1441, 10**12, "20", "twenty", 2.5, math.nan, True])
def test_minutes_that_are_not_a_whole_number_from_1_to_1440_are_refused(
    store: Store, minutes: object
) -> None:
    with pytest.raises(EntryRefusedError) as refused:
        log(store, at(20), minutes=minutes)
    assert refused.value.message == (
        "Minutes are a whole number from 1 to 1440 (a whole day), or can be left empty. "
        "Nothing was saved."
    )
    assert store.practices.entries() == []


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(minutes=st.integers(min_value=-(2**63), max_value=2**63 - 1))
def test_any_whole_number_of_minutes_is_kept_exactly_or_refused(store: Store, minutes: int) -> None:
    if 1 <= minutes <= 1440:
        assert log(store, at(20), minutes=minutes).minutes == minutes
    else:
        with pytest.raises(EntryRefusedError):
            log(store, at(20), minutes=minutes)


def test_an_edit_with_bad_minutes_leaves_the_entry_as_it_was(store: Store) -> None:
    entry = log(store, at(20), minutes=15)
    with pytest.raises(EntryRefusedError):
        store.practices.edit(entry.id, NewPracticeEntry(MOVEMENT, at(20), -1), now=NOW)
    assert store.practices.get(entry.id) == entry


def test_a_time_still_to_come_is_refused_with_a_plain_message(store: Store) -> None:
    with pytest.raises(EntryRefusedError) as refused:
        log(store, NOW + timedelta(days=1))
    assert "still to come" in refused.value.message
    assert refused.value.message.endswith("Nothing was saved.")
    assert store.practices.entries() == []
    # "Now" read a moment before the store's own clock is not the future.
    assert log(store, NOW + timedelta(seconds=30)).done_at == NOW + timedelta(seconds=30)


def test_a_note_longer_than_one_entry_holds_is_refused(store: Store) -> None:
    with pytest.raises(EntryRefusedError):
        log(store, at(20), note="x" * (MOST_CHARACTERS + 1))
    assert log(store, at(20), note="x" * MOST_CHARACTERS).note == "x" * MOST_CHARACTERS
    with pytest.raises(EntryRefusedError):
        log(store, at(20), note="half an emoji \ud83c")


def test_a_practice_is_a_known_built_in_one_or_a_live_one_of_your_own(store: Store) -> None:
    with pytest.raises(ValueError):
        log(store, at(20), PracticeRef(builtin_key="juggling"))
    with pytest.raises(ValueError):
        PracticeRef()
    with pytest.raises(ValueError):
        PracticeRef(builtin_key="sleep", own_id=store.practices.add_own("Piano").id)
    sauna = store.practices.add_own("Sauna")
    entry = log(store, at(20), PracticeRef(own_id=sauna.id))
    store.practices.remove_own(sauna.id)
    with pytest.raises(NotFoundError):
        log(store, at(21), PracticeRef(own_id=sauna.id))
    # An entry logged with it before can still be edited.
    edited = store.practices.edit(
        entry.id, NewPracticeEntry(PracticeRef(own_id=sauna.id), at(20), 20), now=NOW
    )
    assert edited.minutes == 20 and edited.own_name == "Sauna"


# The client's own practices ---------------------------------------------------------------


def test_own_practices_are_named_once_renamed_and_followed_by_their_entries(store: Store) -> None:
    piano = store.practices.add_own("  Playing   the piano ")
    assert piano.name == "Playing the piano"
    with pytest.raises(EntryRefusedError) as refused:
        store.practices.add_own("PLAYING THE PIANO")
    assert "already a practice of your own called Playing the piano" in refused.value.message
    with pytest.raises(EntryRefusedError):
        store.practices.add_own("   ")
    entry = log(store, at(20), PracticeRef(own_id=piano.id))
    assert entry.own_name == "Playing the piano"
    knitting = store.practices.add_own("Knitting")
    with pytest.raises(EntryRefusedError):
        store.practices.rename_own(knitting.id, "playing the piano")
    renamed = store.practices.rename_own(piano.id, "Piano, slowly")
    assert store.practices.get(entry.id).own_name == renamed.name == "Piano, slowly"
    assert [p.name for p in store.practices.own()] == ["Knitting", "Piano, slowly"]
    # Renaming to its own name in another case is no clash with itself.
    assert store.practices.rename_own(knitting.id, "knitting").name == "knitting"


def test_a_removed_own_practice_leaves_the_choices_and_comes_back_by_its_name(
    store: Store,
) -> None:
    sauna = store.practices.add_own("Sauna")
    entry = log(store, at(20), PracticeRef(own_id=sauna.id))
    store.practices.remove_own(sauna.id)
    assert store.practices.own() == []
    assert store.practices.own_practice(sauna.id).removed
    assert store.practices.get(entry.id).own_name == "Sauna"
    again = store.practices.add_own("sauna")
    assert again.id == sauna.id and not again.removed and again.name == "sauna"
    assert [p.id for p in store.practices.own()] == [sauna.id]


@pytest.mark.parametrize("length", [201, 10_000])
def test_an_own_practice_name_longer_than_a_name_is_refused(store: Store, length: int) -> None:
    with pytest.raises(EntryRefusedError) as refused:
        store.practices.add_own("a" * length)
    assert refused.value.message.startswith("A name holds up to 200 characters, and this one")
    assert refused.value.message.endswith("Nothing was saved.")
    assert store.practices.own() == []


# Weekly counts --------------------------------------------------------------------------------


def test_weekly_counts_follow_local_weeks_across_a_week_boundary_and_summer_time(
    store: Store,
) -> None:
    # Berlin moves to summer time on Sunday 29 March 2026 at 01:00 UTC (UTC+1 -> UTC+2).
    moments = [
        datetime(2026, 3, 22, 22, 30, tzinfo=UTC),  # Sun 22 Mar 23:30 CET: week of 16 March
        datetime(2026, 3, 22, 23, 30, tzinfo=UTC),  # Mon 23 Mar 00:30 CET: week of 23 March
        datetime(2026, 3, 29, 21, 59, tzinfo=UTC),  # Sun 29 Mar 23:59 CEST: week of 23 March
        datetime(2026, 3, 29, 22, 30, tzinfo=UTC),  # Mon 30 Mar 00:30 CEST: week of 30 March
        datetime(2026, 4, 5, 22, 30, tzinfo=UTC),  # Mon 6 Apr 00:30 CEST: after the period
    ]
    for moment in moments:
        log(store, moment)
    gone = log(store, datetime(2026, 3, 24, 12, tzinfo=UTC))
    store.deleted.move(DeletedKind.PRACTICE, gone.id)

    weeks = store.practices.weekly_counts(date(2026, 3, 9), date(2026, 4, 5), BERLIN)

    assert weeks == [
        WeekCount(date(2026, 3, 9), 0),
        WeekCount(date(2026, 3, 16), 1),
        WeekCount(date(2026, 3, 23), 2),
        WeekCount(date(2026, 3, 30), 1),
    ]
    assert [week.iso_week for week in weeks] == [(2026, 11), (2026, 12), (2026, 13), (2026, 14)]
    # Read in UTC instead, the first two Berlin weeks fall differently: the zone matters.
    in_utc = store.practices.weekly_counts(date(2026, 3, 9), date(2026, 4, 5), UTC)
    assert [week.count for week in in_utc] == [0, 2, 2, 1]


def test_weekly_counts_follow_the_end_of_summer_time_too(store: Store) -> None:
    # Berlin leaves summer time on Sunday 25 October 2026 at 01:00 UTC (UTC+2 -> UTC+1).
    log(store, datetime(2026, 10, 25, 22, 30, tzinfo=UTC))  # Sun 25 Oct 23:30 CET
    log(store, datetime(2026, 10, 25, 23, 30, tzinfo=UTC))  # Mon 26 Oct 00:30 CET
    weeks = store.practices.weekly_counts(date(2026, 10, 19), date(2026, 11, 1), BERLIN)
    assert weeks == [WeekCount(date(2026, 10, 19), 1), WeekCount(date(2026, 10, 26), 1)]


def test_weekly_counts_without_a_period_run_from_the_first_entry_to_the_last(
    store: Store,
) -> None:
    assert store.practices.weekly_counts(zone=UTC) == []
    assert store.practices.weekly_counts(date(2026, 11, 2), date(2026, 11, 8), UTC) == [
        WeekCount(date(2026, 11, 2), 0)
    ]
    log(store, at(4))
    log(store, at(19))
    log(store, at(20))
    assert store.practices.weekly_counts(zone=UTC) == [
        WeekCount(date(2026, 11, 2), 1),
        WeekCount(date(2026, 11, 9), 0),
        WeekCount(date(2026, 11, 16), 2),
    ]
    assert WeekCount(date(2026, 12, 28), 0).iso_week == (2026, 53)


# Recently deleted ---------------------------------------------------------------------------


def test_a_logged_practice_goes_to_recently_deleted_and_comes_back(store: Store) -> None:
    entry = log(store, at(20), note="stretching")
    store.deleted.move(DeletedKind.PRACTICE, entry.id)
    assert store.practices.entries() == []
    [item] = store.deleted.items()
    assert (item.kind, item.id, item.description, item.record) == (
        DeletedKind.PRACTICE,
        entry.id,
        "stretching",
        entry,
    )
    store.deleted.restore(DeletedKind.PRACTICE, entry.id)
    assert [e.id for e in store.practices.entries()] == [entry.id]
    assert store.deleted.items() == []


def test_an_erased_practice_is_gone_for_good_and_old_ones_are_purged(store: Store) -> None:
    erased, old, recent = (log(store, at(day)) for day in (18, 19, 20))
    now = datetime.now(UTC)
    store.deleted.move(DeletedKind.PRACTICE, erased.id)
    store.deleted.erase(DeletedKind.PRACTICE, erased.id)
    with pytest.raises(NotFoundError):
        store.deleted.restore(DeletedKind.PRACTICE, erased.id)
    store.deleted.move(DeletedKind.PRACTICE, old.id, at=now - timedelta(days=31))
    store.deleted.move(DeletedKind.PRACTICE, recent.id, at=now - timedelta(days=2))
    assert store.deleted.purge() == 1
    assert [(item.kind, item.id) for item in store.deleted.items()] == [
        (DeletedKind.PRACTICE, recent.id)
    ]
    assert store.counts()["practice_entries"] == 1
