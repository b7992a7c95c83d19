"""Practices the client asked to be reminded of, and when each is next due for Home.

A reminder is "every N days": the practice is due once N days have passed since it was last
logged (or at once if it was not logged in that time). It is an invitation on Home like the
others, never a streak: missing one says nothing and counts nothing. Kept as a setting, by a
built-in practice's key or an own practice's uuid (stable across export and import).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from kapcompanion.data_files.practices import builtin_practice
from kapcompanion.domain import PracticeRef
from kapcompanion.ids import OwnPracticeId
from kapcompanion.store import Store

SETTING = "practices.remind_every_days"
MOST_EVERY_DAYS = 365


@dataclass(frozen=True)
class PracticeDue:
    practice: PracticeRef
    due_on: date


def reminders(store: Store) -> dict[PracticeRef, int]:
    """Each practice with a reminder, and every how many days (own ones removed since are
    left out)."""
    stored = store.settings.get(SETTING, {})
    if not isinstance(stored, dict):
        return {}
    own_by_uuid = {practice.uuid: practice.id for practice in store.practices.own()}
    chosen = {}
    for name, days in stored.items():
        if not isinstance(days, int) or isinstance(days, bool) or not 1 <= days <= MOST_EVERY_DAYS:
            continue
        kind, _, value = str(name).partition(":")
        if kind == "builtin" and value:
            chosen[PracticeRef(builtin_key=value)] = days
        elif kind == "own" and value in own_by_uuid:
            chosen[PracticeRef(own_id=own_by_uuid[value])] = days
    return chosen


def set_reminder(store: Store, practice: PracticeRef, every_days: int | None) -> None:
    """Remind of `practice` every `every_days` days, or (None) no longer."""
    set_reminders(store, {practice: every_days})


def set_reminders(store: Store, chosen: Mapping[PracticeRef, int | None]) -> None:
    """Set several reminders in one write (None: no longer); the others stay as they were.
    Nothing is written if any choice is out of range."""
    for every_days in chosen.values():
        if every_days is not None and not 1 <= every_days <= MOST_EVERY_DAYS:
            raise ValueError(f"A reminder is every 1 to {MOST_EVERY_DAYS} days.")
    stored = store.settings.get(SETTING, {})
    stored = dict(stored) if isinstance(stored, dict) else {}
    for practice, every_days in chosen.items():
        name = _name(store, practice)
        if every_days is None:
            stored.pop(name, None)
        else:
            stored[name] = every_days
    store.settings.set(SETTING, stored)


def due_practices(store: Store, today: date) -> list[PracticeDue]:
    """The practices with a reminder that are due on `today`: those not logged in their last
    N days (today included). Never "overdue": due today, or not due."""
    chosen = reminders(store)
    if not chosen:
        return []
    first = today - timedelta(days=max(chosen.values()) - 1)
    since = datetime.combine(first, datetime.min.time()).astimezone(UTC)
    last: dict[PracticeRef, date] = {}
    for entry in store.practices.entries(since, newest_first=False):
        last[entry.practice] = entry.done_at.astimezone().date()
    return [
        PracticeDue(practice, today)
        for practice, days in chosen.items()
        if last.get(practice, first - timedelta(days=1)) <= today - timedelta(days=days)
    ]


def practice_title(store: Store, practice: PracticeRef) -> str:
    """What the practice is called: a built-in one as its data file names it, an own one as the
    client named it."""
    if practice.builtin_key is not None:
        known = builtin_practice(practice.builtin_key)
        return practice.builtin_key if known is None else known.name
    assert practice.own_id is not None
    return store.practices.own_practice(OwnPracticeId(practice.own_id)).name


def _name(store: Store, practice: PracticeRef) -> str:
    if practice.builtin_key is not None:
        return f"builtin:{practice.builtin_key}"
    assert practice.own_id is not None
    return f"own:{store.practices.own_practice(OwnPracticeId(practice.own_id)).uuid}"
