"""When each follow-up reflection is due, and which phase the wizard suggests."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from kapcompanion.course.follow_ups import FollowUpState, follow_ups, suggested_phase
from kapcompanion.domain import NewSession, Phase, SessionKind
from kapcompanion.store import Store

HELD_ON = date(2026, 11, 2)


def dosing_session(store: Store, kind: SessionKind = SessionKind.DOSING):
    held_at = datetime(2026, 11, 2, 10, 0).astimezone()
    return store.sessions.add(
        NewSession(
            held_at=held_at, kind=kind, number_in_course=1 if kind is SessionKind.DOSING else None
        )
    )


@pytest.mark.parametrize(
    ("days_later", "expected"),
    [
        (-2, Phase.PREPARATION),
        (0, Phase.SAME_DAY),
        (1, Phase.NEXT_DAY),
        (3, Phase.NEXT_DAY),
        (6, Phase.NEXT_DAY),
        (7, Phase.WEEK_AFTER),
        (30, Phase.WEEK_AFTER),
    ],
)
def test_the_due_phase_follows_the_calendar(store: Store, days_later: int, expected: Phase) -> None:
    session = dosing_session(store)
    today = HELD_ON + timedelta(days=days_later)
    assert suggested_phase(session, [], today) is expected


def test_a_finished_follow_up_is_not_suggested_again(store: Store) -> None:
    session = dosing_session(store)
    reflection = store.reflections.start(Phase.NEXT_DAY, "next_day", 1, session_id=session.id)
    store.reflections.complete(reflection.id)
    today = HELD_ON + timedelta(days=2)
    reflections = store.reflections.list(session.id)
    assert suggested_phase(session, reflections, today) is Phase.SAME_DAY
    store.reflections.complete(
        store.reflections.start(Phase.SAME_DAY, "same_day", 1, session_id=session.id).id
    )
    assert suggested_phase(session, store.reflections.list(session.id), today) is Phase.OPEN


def test_follow_up_states_on_a_session_page(store: Store) -> None:
    session = dosing_session(store)
    store.reflections.complete(
        store.reflections.start(Phase.SAME_DAY, "same_day", 1, session_id=session.id).id
    )
    store.reflections.start(Phase.NEXT_DAY, "next_day", 1, session_id=session.id)
    states = {
        item.phase: (item.state, item.due_on)
        for item in follow_ups(session, store.reflections.list(session.id), HELD_ON + timedelta(2))
    }
    assert states == {
        Phase.SAME_DAY: (FollowUpState.DONE, HELD_ON),
        Phase.NEXT_DAY: (FollowUpState.STARTED, HELD_ON + timedelta(days=1)),
        Phase.WEEK_AFTER: (FollowUpState.NOT_YET_DUE, HELD_ON + timedelta(days=7)),
    }


def test_preparation_meetings_invite_no_follow_ups(store: Store) -> None:
    meeting = dosing_session(store, SessionKind.PREPARATION)
    assert follow_ups(meeting, [], HELD_ON) == []
    assert suggested_phase(meeting, [], HELD_ON) is Phase.OPEN
    assert suggested_phase(None, [], HELD_ON) is Phase.OPEN
