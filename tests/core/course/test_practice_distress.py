"""Practices against distress, week by week, checked against a hand-computed example."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from kapcompanion.course.practice_distress import (
    Comparison,
    PracticeDistress,
    PracticeWeek,
    practice_distress,
)
from kapcompanion.course.trends import Period
from kapcompanion.domain import NewPracticeEntry, NewSession, PracticeRef, SessionKind
from kapcompanion.store import Store

LONDON = ZoneInfo("Europe/London")  # summer time ends on Sunday 25 October 2026


def london(year: int, month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=LONDON)


def practise(store: Store, *moments: datetime) -> None:
    for moment in moments:
        store.practices.log(
            NewPracticeEntry(PracticeRef(builtin_key="mindfulness"), moment),
            now=moment + timedelta(minutes=1),
        )


def session(store: Store, held_at: datetime, after: int, kind: SessionKind) -> None:
    store.sessions.add(
        NewSession(held_at=held_at, kind=kind, distress_before=8, distress_after=after)
    )


def example(store: Store) -> None:
    """Five local weeks (Mondays 5, 12, 19, 26 October and 2 November 2026):

    week of   practices   distress                           average
    5 Oct     3 (fuller)  after a session 6, quick 4         5.0
    12 Oct    1           quick 7                            7.0
    19 Oct    3 (fuller)  quick 3 and 3                      3.0   (summer time ends Sunday)
    26 Oct    1           none                               —
    2 Nov     0           quick 6                            6.0

    Fuller weeks average (5.0 + 3.0) / 2 = 4.0; the others (7.0 + 6.0) / 2 = 6.5: lower.
    """
    practise(store, london(2026, 10, 5, 9), london(2026, 10, 7, 9), london(2026, 10, 9, 9))
    session(store, london(2026, 10, 6, 10), 6, SessionKind.DOSING)
    session(store, london(2026, 10, 8, 10), 1, SessionKind.PREPARATION)  # not a dosing session
    store.check_ins.add_distress_rating(4, at=london(2026, 10, 10, 20))

    practise(store, london(2026, 10, 12, 8))
    store.check_ins.add_distress_rating(7, note="Tired", at=london(2026, 10, 14, 20))

    # Monday 00:30 in summer time is still Sunday in UTC; Sunday 23:30 after the change is
    # the last half hour of the same local week.
    practise(
        store, london(2026, 10, 19, 0, 30), london(2026, 10, 21, 9), london(2026, 10, 25, 23, 30)
    )
    store.check_ins.add_distress_rating(3, at=london(2026, 10, 20, 20))
    store.check_ins.add_distress_rating(3, at=london(2026, 10, 25, 23, 45))

    practise(store, london(2026, 10, 26, 0, 30))

    store.check_ins.add_distress_rating(6, at=london(2026, 11, 3, 20))


def test_weeks_count_practices_and_average_distress_in_local_time(store: Store) -> None:
    example(store)
    weeks = practice_distress(store, zone=LONDON).weeks
    assert [w.monday for w in weeks] == [
        date(2026, 10, 5),
        date(2026, 10, 12),
        date(2026, 10, 19),
        date(2026, 10, 26),
        date(2026, 11, 2),
    ]
    assert [w.practices for w in weeks] == [3, 1, 3, 1, 0]
    assert [w.distress for w in weeks] == [5.0, 7.0, 3.0, None, 6.0]
    assert [w.is_fuller for w in weeks] == [True, False, True, False, False]


def test_the_sentence_compares_fuller_weeks_without_saying_why(store: Store) -> None:
    example(store)
    result = practice_distress(store, zone=LONDON)
    assert result.averages() == (4.0, 6.5)
    assert result.rated_weeks() == (2, 2)
    assert result.comparison() is Comparison.LOWER
    sentence = result.summary()
    assert sentence == (
        "In weeks with 3 or more practices, your distress was lower on average (4.0 against 6.5)."
    )
    for causal in ("because", "help", "improve", "caus"):
        assert causal not in sentence.lower()


def test_the_period_takes_the_weeks_it_touches_whole(store: Store) -> None:
    example(store)
    # Wednesday 14 to Wednesday 28 October touches three weeks; the first is counted from
    # its Monday (the practice on the 12th counts).
    weeks = practice_distress(store, Period(date(2026, 10, 14), date(2026, 10, 28)), LONDON).weeks
    assert [(w.monday, w.practices, w.distress) for w in weeks] == [
        (date(2026, 10, 12), 1, 7.0),
        (date(2026, 10, 19), 3, 3.0),
        (date(2026, 10, 26), 1, None),
    ]
    narrowed = PracticeDistress(weeks)
    assert narrowed.comparison() is Comparison.NOT_ENOUGH
    assert narrowed.summary().startswith("There is not enough yet to compare")


def test_a_period_past_the_data_has_weeks_with_nothing(store: Store) -> None:
    example(store)
    weeks = practice_distress(store, Period(date(2026, 11, 9), date(2026, 11, 22)), LONDON).weeks
    assert [(w.monday, w.practices, w.ratings) for w in weeks] == [
        (date(2026, 11, 9), 0, ()),
        (date(2026, 11, 16), 0, ()),
    ]


@pytest.mark.parametrize(
    ("fuller", "other", "comparison", "words"),
    [
        (4.0, 4.5, Comparison.ABOUT_THE_SAME, "about the same on average (4.0 against 4.5)"),
        (5.0, 4.4, Comparison.HIGHER, "higher on average (5.0 against 4.4)"),
        (3.0, 3.6, Comparison.LOWER, "lower on average (3.0 against 3.6)"),
    ],
)
def test_half_a_point_or_less_is_about_the_same(
    fuller: int, other: int, comparison: Comparison, words: str
) -> None:
    monday = date(2026, 10, 5)
    weeks = PracticeDistress(
        tuple(
            PracticeWeek(monday + timedelta(weeks=index), practices, (value,))
            for index, (practices, value) in enumerate(
                [(3, fuller), (4, fuller), (0, other), (2, other)]
            )
        )
    )
    assert weeks.comparison() is comparison
    assert words in weeks.summary()


def test_empty_states_say_what_is_missing(store: Store) -> None:
    assert practice_distress(store).weeks == ()
    assert practice_distress(store).is_empty
    assert "When you log one" in practice_distress(store).summary()
    store.check_ins.add_distress_rating(5, at=datetime(2026, 10, 5, 12, tzinfo=UTC))
    assert "No practices are logged" in practice_distress(store).summary()
    practise(store, datetime(2026, 10, 20, 12, tzinfo=UTC))
    only_practices = practice_distress(store, Period(date(2026, 10, 19), date(2026, 10, 25)))
    assert only_practices.has_practices and not only_practices.has_distress
    assert "no distress ratings" in only_practices.summary()
