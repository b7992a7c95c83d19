"""What is due, gathered for Home: follow-up reflections and suggested check-ins, one calm list.

An item is an invitation, never a reminder that nags: nothing here is "overdue", and the client
can set any item aside ("not now"). A set-aside item stays away until something new is due: the
key of an item names what it is for (a session's reflection of one phase; a questionnaire taken
again after a given check-in, or for the first time), so the next check-in of the same
questionnaire comes back, while the same one does not.

Each follow-up reflection is listed for a while after it falls due, until the next one of its
session takes its place: the same-day reflection that day and the next, the next-day one until
the week-after one is due, and that one for a fortnight. A next-day reflection never written for
a session months ago is not something to invite now.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from kapcompanion.course.check_in_schedule import due_check_ins
from kapcompanion.course.follow_ups import FollowUpState, follow_ups, local_day
from kapcompanion.course.practice_reminders import due_practices
from kapcompanion.data_files.questionnaires import Questionnaire
from kapcompanion.domain import Phase, PracticeRef, Session, SessionKind
from kapcompanion.store import Store
from kapcompanion.therapist_plan.applying import invited_phases

SET_ASIDE_SETTING = "home.set_aside"
# The last day, counted from the session's, on which each follow-up is listed.
LISTED_UNTIL_DAY = {Phase.SAME_DAY: 1, Phase.NEXT_DAY: 6, Phase.WEEK_AFTER: 21}
# Set-aside keys older than this are forgotten, so the setting never grows without end.
SET_ASIDE_KEPT_DAYS = 120


class DueKind(StrEnum):
    REFLECTION = "reflection"
    CHECK_IN = "check_in"
    PRACTICE = "practice"


@dataclass(frozen=True)
class DueItem:
    """One thing that is due: a follow-up reflection of a session, a check-in, or a practice
    the client asked to be reminded of."""

    kind: DueKind
    due_on: date
    session: Session | None = None
    phase: Phase | None = None
    questionnaire: Questionnaire | None = None
    after_check_in: str = ""  # the uuid of the check-in this one would follow; "" the first
    practice: PracticeRef | None = None

    @property
    def key(self) -> str:
        """What this item is for (see the module's note)."""
        if self.kind is DueKind.REFLECTION:
            assert self.session is not None and self.phase is not None
            return f"reflection:{self.session.uuid}:{self.phase.value}"
        if self.kind is DueKind.PRACTICE:
            # Due again each day it is not logged: "not now" sets it aside for that day.
            assert self.practice is not None
            which = self.practice.builtin_key or f"own-{self.practice.own_id}"
            return f"practice:{which}:{self.due_on.isoformat()}"
        assert self.questionnaire is not None
        return f"check_in:{self.questionnaire.id}:{self.after_check_in or 'first'}"


def whats_due(
    store: Store, today: date, sessions: Sequence[Session] | None = None
) -> list[DueItem]:
    """Everything due on `today` that the client has not set aside: the follow-ups of recent
    dosing sessions in their time (oldest session first, in the order they fall due), then the
    check-ins the schedule suggests, then the practices the client asked to be reminded of.
    Follow-ups and check-ins once any dosing session is logged: before that, only practices.
    `sessions` is every session if the caller has read them."""
    practices = [
        DueItem(DueKind.PRACTICE, due.due_on, practice=due.practice)
        for due in due_practices(store, today)
    ]
    every = store.sessions.list() if sessions is None else sessions
    dosing = [s for s in every if s.kind is SessionKind.DOSING]
    if not dosing:
        return _not_set_aside(store, practices)
    items: list[DueItem] = []
    invited = invited_phases(store)  # all of them, unless a therapist's plan says which
    since = today - timedelta(days=max(LISTED_UNTIL_DAY.values()))
    for session in dosing:
        held_on = local_day(session)
        if not since <= held_on <= today:
            continue
        for follow_up in follow_ups(session, store.reflections.list(session.id), today):
            last_day = held_on + timedelta(days=LISTED_UNTIL_DAY.get(follow_up.phase, 0))
            if (
                follow_up.state is FollowUpState.OPEN
                and today <= last_day
                and (follow_up.phase in invited)
            ):
                items.append(
                    DueItem(
                        DueKind.REFLECTION,
                        follow_up.due_on,
                        session=session,
                        phase=follow_up.phase,
                    )
                )
    items += [
        DueItem(
            DueKind.CHECK_IN,
            due.due_on,
            questionnaire=due.questionnaire,
            after_check_in=due.last.uuid if due.last is not None else "",
        )
        for due in due_check_ins(store, today)
    ]
    return _not_set_aside(store, items + practices)


def _not_set_aside(store: Store, items: list[DueItem]) -> list[DueItem]:
    set_aside = _set_aside(store)
    return [item for item in items if item.key not in set_aside]


def set_aside(store: Store, item: DueItem, today: date) -> None:
    """ "Not now": `item` leaves the list until something new is due."""
    kept = {
        key: day
        for key, day in _set_aside(store).items()
        if day >= (today - timedelta(days=SET_ASIDE_KEPT_DAYS)).isoformat()
    }
    kept[item.key] = today.isoformat()
    store.settings.set(SET_ASIDE_SETTING, kept)


def _set_aside(store: Store) -> dict[str, str]:
    """Each set-aside key with the day it was set aside (ISO text)."""
    stored = store.settings.get(SET_ASIDE_SETTING, {})
    if not isinstance(stored, dict):
        return {}
    return {key: day for key, day in stored.items() if isinstance(day, str)}
