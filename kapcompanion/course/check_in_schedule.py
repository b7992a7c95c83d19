"""When each questionnaire is next suggested: every two weeks by default, as the client chooses.

A questionnaire never taken is suggested at once. Suggestions are invitations on Home, never
reminders that nag.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from kapcompanion.data_files.questionnaires import Questionnaire, all_questionnaires
from kapcompanion.domain import CheckIn
from kapcompanion.store import Store

EVERY_DAYS_SETTING = "checkins.every_days"
DEFAULT_EVERY_DAYS = 14


@dataclass(frozen=True)
class CheckInDue:
    questionnaire: Questionnaire
    last: CheckIn | None
    due_on: date

    def is_due(self, today: date) -> bool:
        return self.due_on <= today


def every_days(store: Store, instrument: str) -> int:
    """How often the client wants `instrument` suggested (0 means never)."""
    chosen = store.settings.get(EVERY_DAYS_SETTING, {})
    value = chosen.get(instrument, DEFAULT_EVERY_DAYS) if isinstance(chosen, dict) else None
    return value if isinstance(value, int) and value >= 0 else DEFAULT_EVERY_DAYS


def set_every_days(store: Store, instrument: str, days: int) -> None:
    if days < 0:
        raise ValueError("How often must be zero (never) or more days.")
    chosen = store.settings.get(EVERY_DAYS_SETTING, {})
    chosen = dict(chosen) if isinstance(chosen, dict) else {}
    chosen[instrument] = days
    store.settings.set(EVERY_DAYS_SETTING, chosen)


def schedule(store: Store, today: date) -> list[CheckInDue]:
    """Each questionnaire the client has not switched off, with its last result and due date."""
    result = []
    for questionnaire in all_questionnaires():
        days = every_days(store, questionnaire.id)
        if days == 0:
            continue
        last = store.check_ins.latest(questionnaire.id)
        if last is None or last.completed_at is None:
            due_on = today
        else:
            due_on = last.completed_at.astimezone().date() + timedelta(days=days)
        result.append(CheckInDue(questionnaire, last, due_on))
    return result


def due_check_ins(store: Store, today: date) -> list[CheckInDue]:
    return [item for item in schedule(store, today) if item.is_due(today)]
