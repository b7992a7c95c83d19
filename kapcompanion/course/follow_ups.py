"""Which reflections a session invites, when each is due, and which one to suggest now.

A dosing session invites three: the same day, the next day and a week after. A phase counts as
done once a reflection of that phase is complete; a draft is "started". Dates are the client's
local calendar days.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from kapcompanion.domain import Phase, Reflection, ReflectionStatus, Session, SessionKind

FOLLOW_UP_DAYS: tuple[tuple[Phase, int], ...] = (
    (Phase.SAME_DAY, 0),
    (Phase.NEXT_DAY, 1),
    (Phase.WEEK_AFTER, 7),
)


class FollowUpState(StrEnum):
    NOT_YET_DUE = "not_yet_due"
    OPEN = "open"
    STARTED = "started"
    DONE = "done"


@dataclass(frozen=True)
class FollowUp:
    phase: Phase
    due_on: date
    state: FollowUpState


def local_day(session: Session) -> date:
    return session.held_at.astimezone().date()


def follow_ups(session: Session, reflections: list[Reflection], today: date) -> list[FollowUp]:
    """The follow-up reflections `session` invites, with their state on `today`."""
    if session.kind is not SessionKind.DOSING:
        return []
    held_on = local_day(session)
    result = []
    for phase, days in FOLLOW_UP_DAYS:
        mine = [r for r in reflections if r.session_id == session.id and r.phase is phase]
        due_on = held_on + timedelta(days=days)
        if any(r.status is ReflectionStatus.COMPLETE for r in mine):
            state = FollowUpState.DONE
        elif mine:
            state = FollowUpState.STARTED
        elif due_on > today:
            state = FollowUpState.NOT_YET_DUE
        else:
            state = FollowUpState.OPEN
        result.append(FollowUp(phase, due_on, state))
    return result


def suggested_phase(session: Session | None, reflections: list[Reflection], today: date) -> Phase:
    """The phase to pre-select: the most recent follow-up that is due and not done yet.

    Before a dosing session it is the preparation reflection; with nothing due (or no session)
    it is an open reflection.
    """
    if session is None:
        return Phase.OPEN
    if session.kind is SessionKind.DOSING and local_day(session) > today:
        return Phase.PREPARATION
    due = [
        item
        for item in follow_ups(session, reflections, today)
        if item.state in (FollowUpState.OPEN, FollowUpState.STARTED)
    ]
    return due[-1].phase if due else Phase.OPEN
