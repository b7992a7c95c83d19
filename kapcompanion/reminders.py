"""Desktop reminders of what is due: off unless the client turns them on, silent in their quiet
hours, and never more than once for the same item.

A reminder says only that something is ready, never what: a notification can show on a locked
screen or over a shared desk, and the client's words and measures are theirs alone. The window
asks `reminder_due` now and then while it runs (ui/widgets/reminders.py).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, time
from typing import Any

from kapcompanion.store import Store

SETTING = "reminders"
DEFAULT_QUIET_FROM = time(21, 0)
DEFAULT_QUIET_UNTIL = time(9, 0)
REMEMBERED_KEYS = 200  # the items reminded of lately; older ones are forgotten


@dataclass(frozen=True)
class ReminderChoices:
    notify: bool = False
    quiet_from: time = DEFAULT_QUIET_FROM
    quiet_until: time = DEFAULT_QUIET_UNTIL

    def is_quiet(self, at: time) -> bool:
        """Whether `at` falls in the quiet hours (which may run past midnight; equal ends mean
        no quiet hours)."""
        start, end = self.quiet_from, self.quiet_until
        if start == end:
            return False
        if start < end:
            return start <= at < end
        return at >= start or at < end


def choices(store: Store) -> ReminderChoices:
    stored = _stored(store)
    return ReminderChoices(
        notify=stored.get("notify") is True,
        quiet_from=_time(stored.get("quiet_from"), DEFAULT_QUIET_FROM),
        quiet_until=_time(stored.get("quiet_until"), DEFAULT_QUIET_UNTIL),
    )


def save_choices(store: Store, chosen: ReminderChoices) -> None:
    stored = _stored(store)
    stored.update(
        notify=chosen.notify,
        quiet_from=chosen.quiet_from.strftime("%H:%M"),
        quiet_until=chosen.quiet_until.strftime("%H:%M"),
    )
    store.settings.set(SETTING, stored)


def reminder_due(store: Store, due_keys: Callable[[], Iterable[str]], now: datetime) -> bool:
    """Whether to remind the client now: reminders are on, it is not quiet, and something is
    due (`due_keys()`, asked only then) that no reminder has mentioned yet. Those items count
    as mentioned from here on."""
    chosen = choices(store)
    if not chosen.notify or chosen.is_quiet(now.time()):
        return False
    stored = _stored(store)
    told = stored.get("told")
    told = [key for key in told if isinstance(key, str)] if isinstance(told, list) else []
    new = [key for key in due_keys() if key not in told]
    if not new:
        return False
    stored["told"] = (told + new)[-REMEMBERED_KEYS:]
    store.settings.set(SETTING, stored)
    return True


def _stored(store: Store) -> dict[str, Any]:
    value = store.settings.get(SETTING, {})
    return dict(value) if isinstance(value, dict) else {}


def _time(value: object, default: time) -> time:
    try:
        return time.fromisoformat(value) if isinstance(value, str) else default
    except ValueError:
        return default
