"""Reminders: off unless chosen, quiet in the quiet hours (also across midnight), and once per
item."""

from __future__ import annotations

from datetime import datetime, time

import pytest

from kapcompanion.reminders import ReminderChoices, choices, reminder_due, save_choices
from kapcompanion.store import Store

EVENING = datetime(2026, 12, 1, 19, 30)


@pytest.mark.parametrize(
    ("quiet_from", "quiet_until", "at", "quiet"),
    [
        (time(21), time(9), time(20, 59), False),
        (time(21), time(9), time(21), True),
        (time(21), time(9), time(23, 30), True),
        (time(21), time(9), time(0, 0), True),
        (time(21), time(9), time(8, 59), True),
        (time(21), time(9), time(9), False),
        (time(13), time(14), time(13, 30), True),  # an afternoon rest
        (time(13), time(14), time(14, 0), False),
        (time(8), time(8), time(8), False),  # equal ends: no quiet hours
    ],
)
def test_quiet_hours(quiet_from: time, quiet_until: time, at: time, quiet: bool) -> None:
    assert ReminderChoices(True, quiet_from, quiet_until).is_quiet(at) is quiet


def test_reminders_are_off_until_chosen(store: Store) -> None:
    assert choices(store) == ReminderChoices(notify=False)
    asked: list[bool] = []

    def due_keys() -> list[str]:
        asked.append(True)
        return ["check_in:phq9:first"]

    assert not reminder_due(store, due_keys, EVENING)
    assert asked == []  # with reminders off, what is due is not even worked out


def test_each_item_is_mentioned_once_and_never_in_quiet_hours(store: Store) -> None:
    save_choices(store, ReminderChoices(True, time(21), time(9)))
    assert not reminder_due(store, lambda: ["a"], datetime(2026, 12, 1, 22, 0))  # quiet: not told
    assert reminder_due(store, lambda: ["a"], EVENING)
    assert not reminder_due(store, lambda: ["a"], EVENING)  # told already
    assert reminder_due(store, lambda: ["a", "b"], EVENING)  # b is new
    assert not reminder_due(store, lambda: [], EVENING)


def test_choices_survive_a_round_trip_and_damage(store: Store) -> None:
    chosen = ReminderChoices(True, time(22, 30), time(7, 15))
    save_choices(store, chosen)
    assert choices(store) == chosen
    store.settings.set("reminders", {"notify": "yes", "quiet_from": "late", "quiet_until": 9})
    assert choices(store) == ReminderChoices(notify=False)
