"""What Home lists as due: follow-up reflections of recent sessions and suggested check-ins, on
hand-computed calendar days, and what "not now" sets aside."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from kapcompanion.course.check_in_schedule import set_every_days
from kapcompanion.course.whats_due import DueItem, DueKind, set_aside, whats_due
from kapcompanion.data_files.questionnaires import INSTRUMENTS
from kapcompanion.domain import NewSession, Phase, Session, SessionKind
from kapcompanion.store import Store

HELD_ON = date(2026, 11, 2)  # a Monday


def dosing_session(store: Store, held_on: date = HELD_ON, number: int = 1) -> Session:
    held_at = datetime(held_on.year, held_on.month, held_on.day, 10, 0).astimezone()
    return store.sessions.add(NewSession(held_at=held_at, number_in_course=number))


def only_check_ins_by_hand(store: Store) -> None:
    """Switch the questionnaires off, so a test sees the reflections alone."""
    for instrument in INSTRUMENTS:
        set_every_days(store, instrument, 0)


def described(items: list[DueItem]) -> list[tuple[str, str, date]]:
    return [
        (
            item.kind.value,
            item.phase.value
            if item.phase
            else (item.questionnaire.id if item.questionnaire else ""),
            item.due_on,
        )
        for item in items
    ]


def test_nothing_is_due_before_the_first_dosing_session(store: Store) -> None:
    assert whats_due(store, HELD_ON) == []
    store.sessions.add(
        NewSession(held_at=datetime(2026, 11, 1, 10, 0).astimezone(), kind=SessionKind.PREPARATION)
    )
    assert whats_due(store, HELD_ON) == []  # a preparation session invites no follow-ups


@pytest.mark.parametrize(
    ("days_later", "listed"),
    [
        (0, ["same_day"]),
        (1, ["same_day", "next_day"]),
        (2, ["next_day"]),
        (6, ["next_day"]),
        (7, ["week_after"]),
        (21, ["week_after"]),
        (22, []),
    ],
)
def test_each_follow_up_is_listed_in_its_time(
    store: Store, days_later: int, listed: list[str]
) -> None:
    only_check_ins_by_hand(store)
    dosing_session(store)
    due = whats_due(store, HELD_ON + timedelta(days=days_later))
    assert [item.phase for item in due] == listed
    due_on = {"same_day": HELD_ON, "next_day": date(2026, 11, 3), "week_after": date(2026, 11, 9)}
    assert [item.due_on for item in due] == [due_on[phase] for phase in listed]


def test_a_written_or_begun_reflection_is_no_longer_due(store: Store) -> None:
    only_check_ins_by_hand(store)
    session = dosing_session(store)
    store.reflections.start(Phase.SAME_DAY, "same_day", 1, session_id=session.id)  # a draft
    # The draft is picked up from Home's "paused" card, not listed as due again.
    assert described(whats_due(store, date(2026, 11, 3))) == [
        ("reflection", "next_day", date(2026, 11, 3))
    ]
    store.reflections.complete(
        store.reflections.start(Phase.NEXT_DAY, "next_day", 1, session_id=session.id).id
    )
    assert whats_due(store, date(2026, 11, 3)) == []


def test_two_recent_sessions_each_keep_their_own_follow_ups(store: Store) -> None:
    only_check_ins_by_hand(store)
    first = dosing_session(store)
    second = dosing_session(store, date(2026, 11, 8), number=2)
    due = whats_due(store, date(2026, 11, 9))
    assert [(item.session, item.phase) for item in due] == [
        (first, Phase.WEEK_AFTER),
        (second, Phase.SAME_DAY),
        (second, Phase.NEXT_DAY),
    ]


def test_check_ins_come_after_the_reflections_as_the_schedule_suggests(store: Store) -> None:
    dosing_session(store)
    taken = store.check_ins.start("phq9", 1)
    store.check_ins.complete(taken.id, at=datetime(2026, 10, 20, 12, tzinfo=UTC))
    due = whats_due(store, date(2026, 11, 3))
    assert described(due) == [
        ("reflection", "same_day", HELD_ON),
        ("reflection", "next_day", date(2026, 11, 3)),
        ("check_in", "phq9", date(2026, 11, 3)),  # 20 October + 14 days
        ("check_in", "gad7", date(2026, 11, 3)),  # never taken: today
        ("check_in", "pcl5", date(2026, 11, 3)),
        ("check_in", "who5", date(2026, 11, 3)),
    ]
    assert all(item.kind is DueKind.CHECK_IN for item in due[2:])


def test_not_now_sets_an_item_aside_until_something_new_is_due(store: Store) -> None:
    dosing_session(store)
    set_every_days(store, "gad7", 0)
    set_every_days(store, "pcl5", 0)
    set_every_days(store, "who5", 0)
    today = date(2026, 11, 3)
    next_day, phq9 = (item for item in whats_due(store, today) if item.phase != Phase.SAME_DAY)
    set_aside(store, next_day, today)
    set_aside(store, phq9, today)
    assert described(whats_due(store, today)) == [("reflection", "same_day", HELD_ON)]
    # Later the same invitations stay set aside; the week-after one is new.
    assert described(whats_due(store, date(2026, 11, 5))) == []
    assert described(whats_due(store, date(2026, 11, 9))) == [
        ("reflection", "week_after", date(2026, 11, 9)),
    ]
    # Taking PHQ-9 and then coming due again (after that check-in) is something new.
    taken = store.check_ins.start("phq9", 1)
    store.check_ins.complete(taken.id, at=datetime(2026, 11, 10, 12, tzinfo=UTC))
    assert ("check_in", "phq9", date(2026, 11, 24)) in described(
        whats_due(store, date(2026, 11, 24))
    )


def test_old_set_aside_keys_are_forgotten(store: Store) -> None:
    from kapcompanion.course.whats_due import SET_ASIDE_SETTING

    session = dosing_session(store)
    only_check_ins_by_hand(store)
    (same_day,) = whats_due(store, HELD_ON)
    set_aside(store, same_day, HELD_ON)
    later = DueItem(DueKind.REFLECTION, HELD_ON, session=session, phase=Phase.NEXT_DAY)
    set_aside(store, later, HELD_ON + timedelta(days=200))
    assert list(store.settings.get(SET_ASIDE_SETTING)) == [later.key]
