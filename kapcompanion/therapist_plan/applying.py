"""Applying a therapist's plan the client agreed to, and taking it away again.

Applying changes the check-in schedule, which follow-up reflections Home invites and the
contact details in Support, in one transaction, and keeps what those were before; removing the
plan puts them back as the client had them. A second plan replaces the first the same way (the
client's own settings come back first, then the new plan applies). The plan's crisis line is
kept with the plan and shown in Support while the plan is there.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from kapcompanion.course.check_in_schedule import EVERY_DAYS_SETTING
from kapcompanion.course.support import CONTACTS_SETTING, CrisisLine
from kapcompanion.domain import Phase
from kapcompanion.store import Store
from kapcompanion.therapist_plan.reading import (
    FOLLOW_UP_PHASES,
    PlanRefusedError,
    TherapistPlan,
    parse_plan,
)

APPLIED_SETTING = "plan.applied"
PHASES_SETTING = "plan.follow_up_phases"
# The settings a plan changes, kept as they were so that removing the plan puts them back.
CHANGED_SETTINGS = (EVERY_DAYS_SETTING, CONTACTS_SETTING, PHASES_SETTING)


def current_plan(store: Store) -> TherapistPlan | None:
    """The plan the client agreed to, if one is applied."""
    applied = store.settings.get(APPLIED_SETTING)
    if not isinstance(applied, dict):
        return None
    try:
        return parse_plan(applied.get("plan"))
    except PlanRefusedError:
        return None  # kept by a newer version, or damaged: as if there were none


def applied_on(store: Store) -> date | None:
    applied = store.settings.get(APPLIED_SETTING)
    day = applied.get("applied_on") if isinstance(applied, dict) else None
    try:
        return date.fromisoformat(day) if isinstance(day, str) else None
    except ValueError:
        return None


def plan_crisis_lines(store: Store | None) -> tuple[CrisisLine, ...]:
    """The crisis line of the applied plan (shown first in Support), if there is one."""
    plan = current_plan(store) if store is not None else None
    return (plan.crisis_line,) if plan is not None and plan.crisis_line is not None else ()


def invited_phases(store: Store) -> tuple[Phase, ...]:
    """The follow-up reflections to invite after each session: the plan's, else all of them."""
    chosen = store.settings.get(PHASES_SETTING)
    if isinstance(chosen, list):
        return tuple(phase for phase in FOLLOW_UP_PHASES if phase.value in chosen)
    return FOLLOW_UP_PHASES


def apply_plan(store: Store, plan: TherapistPlan, today: date) -> None:
    """Apply `plan` (replacing one applied before); all of it, or nothing."""
    with store.transaction():
        before = _put_back(store)
        settings = store.settings
        if plan.every_days:
            every = settings.get(EVERY_DAYS_SETTING, {})
            every = dict(every) if isinstance(every, dict) else {}
            every.update(dict(plan.every_days))
            settings.set(EVERY_DAYS_SETTING, every)
        if plan.phases is not None:
            settings.set(PHASES_SETTING, [phase.value for phase in plan.phases])
        if plan.contact:
            details = settings.get(CONTACTS_SETTING, {})
            details = dict(details) if isinstance(details, dict) else {}
            details.update(dict(plan.contact))
            settings.set(CONTACTS_SETTING, details)
        settings.set(
            APPLIED_SETTING,
            {"plan": plan.to_json(), "before": before, "applied_on": today.isoformat()},
        )


def remove_plan(store: Store) -> None:
    """Take the plan away: what it changed is as the client had it before."""
    with store.transaction():
        _put_back(store)


def _put_back(store: Store) -> dict[str, Any]:
    """Restore the settings an applied plan changed and forget the plan; return the client's
    own settings as they now are (absent ones left out)."""
    settings = store.settings
    applied = settings.get(APPLIED_SETTING)
    before = applied.get("before") if isinstance(applied, dict) else None
    if isinstance(before, dict):
        for key in CHANGED_SETTINGS:
            if key in before:
                settings.set(key, before[key])
            else:
                settings.delete(key)
        settings.delete(APPLIED_SETTING)
    present = settings.keys()
    return {key: settings.get(key) for key in CHANGED_SETTINGS if key in present}
