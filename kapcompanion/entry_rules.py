"""What the practice log and the medication list accept, checked before anything is written.

Each check returns the value to store or raises EntryRefusedError with a sentence for the
client that says what to change (and that nothing was saved). The store runs them on every
write; a form may run them early to say so beside the field.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from kapcompanion.errors import EntryRefusedError
from kapcompanion.limits import MOST_NAME_CHARACTERS, refuse_too_long, refuse_unstorable
from kapcompanion.wording.translation import translate

CONTEXT = "EntryRules"
FEWEST_MINUTES = 1
MOST_MINUTES = 24 * 60
# A time "now" read by the window a moment before the store reads its own clock is not in the
# future; a minute covers that and nothing a person would mean.
CLOCK_GRACE = timedelta(minutes=1)


def checked_minutes(minutes: object) -> int | None:
    """`minutes` if it is empty (None) or a whole number from 1 to 1440 (one day)."""
    if minutes is None:
        return None
    if (
        isinstance(minutes, bool)
        or not isinstance(minutes, int)
        or not FEWEST_MINUTES <= minutes <= MOST_MINUTES
    ):
        raise EntryRefusedError(
            translate(
                CONTEXT,
                "Minutes are a whole number from %1 to %2 (a whole day), or can be left empty. "
                "Nothing was saved.",
                FEWEST_MINUTES,
                MOST_MINUTES,
            )
        )
    return minutes


def checked_not_future(moment: datetime, now: datetime) -> datetime:
    """`moment` unless it is later than `now`: the log keeps what was done, not plans."""
    if moment.tzinfo is None:
        raise ValueError("Times must carry a time zone before they are stored.")
    if moment > now + CLOCK_GRACE:
        raise EntryRefusedError(
            translate(
                CONTEXT,
                "That time is still to come. The log keeps what you have done, so please "
                "choose a time up to now. Nothing was saved.",
            )
        )
    return moment


def checked_note(note: str) -> str:
    """A note within what one entry holds (kapcompanion.limits)."""
    refuse_too_long(note)
    refuse_unstorable(note)
    return note


def checked_name(name: str, empty: str) -> str:
    """`name` on one line, spaces folded; refused with `empty` (a sentence already
    translated) when nothing is left, or when it is longer than a name may be."""
    refuse_unstorable(name)
    folded = " ".join(name.split())
    if not folded:
        raise EntryRefusedError(empty)
    if len(folded) > MOST_NAME_CHARACTERS:
        raise EntryRefusedError(
            translate(
                CONTEXT,
                "A name holds up to %1 characters, and this one has %2. Longer details fit "
                "in the notes. Nothing was saved.",
                MOST_NAME_CHARACTERS,
                len(folded),
            )
        )
    return folded


def checked_dates(started_on: date | None, stopped_on: date | None) -> None:
    """Started and stopped are both optional; when both are given, stopped is not before."""
    for day in (started_on, stopped_on):
        if day is not None and (isinstance(day, datetime) or not isinstance(day, date)):
            raise ValueError(f"A start or stop is a calendar day, not {day!r}.")
    if started_on is not None and stopped_on is not None and stopped_on < started_on:
        raise EntryRefusedError(
            translate(
                CONTEXT,
                "The day it stopped comes before the day it started. Please check the two "
                "days. Nothing was saved.",
            )
        )
