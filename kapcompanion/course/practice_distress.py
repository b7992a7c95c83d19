"""Practices against distress, week by week: how many practices the client logged in each
local ISO week, the average distress they noted that week, and one plain sentence comparing
fuller weeks with the others.

The rules, chosen to be plain and to claim nothing:

- Weeks run Monday to Sunday where the client lives (`zone`, or the computer's own), across a
  change to or from summer time too; the counts are `store.practices.weekly_counts`'.
- A period shows every week it touches, each week whole: a period that starts on a Thursday
  still counts that week's Monday to Wednesday, so the first bar is not made small by the
  calendar alone. Without a start or an end the weeks run from the first to the last week that
  has a practice or a rating.
- A week's distress is the average of the distress noted after dosing sessions and at quick
  check-ins in it; a week with neither has no distress (it is not zero).
- A "fuller" week has `FULLER_WEEK` (three) or more practices. The sentence compares the
  average of fuller weeks' distress with that of the other weeks (each week counts once,
  however many ratings it has), and only weeks with a distress rating take part.
- Nothing is compared until there are `WEEKS_EACH_AT_LEAST` (two) such weeks of each kind;
  before then a plain sentence says there is not enough yet.
- Averages `ABOUT_THE_SAME` (half a point) or less apart are "about the same".
- The words say what went together, never why: no "because", "helps" or "improves".

Pure reads from the store (a few lists, each read once by the Trends screen); never imports
Qt's widgets. Numbers in the sentence are written by QLocale, to one decimal place.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from enum import StrEnum
from statistics import fmean

from PySide6.QtCore import QLocale

from kapcompanion.course.trends import Period
from kapcompanion.domain import SessionKind
from kapcompanion.store import Store
from kapcompanion.wording.translation import translate

CONTEXT = "trends"
FULLER_WEEK = 3  # practices in a week, at least, for it to count as a fuller week
WEEKS_EACH_AT_LEAST = 2  # rated weeks of each kind before anything is compared
ABOUT_THE_SAME = 0.5  # points of distress, at most, between averages called "about the same"


class Comparison(StrEnum):
    NOT_ENOUGH = "not enough"
    LOWER = "lower"
    ABOUT_THE_SAME = "about the same"
    HIGHER = "higher"


@dataclass(frozen=True)
class PracticeWeek:
    """One local week: its Monday, the practices logged and the distress ratings noted."""

    monday: date
    practices: int
    ratings: tuple[int, ...]

    @property
    def distress(self) -> float | None:
        """The week's average distress, or None when nothing was rated."""
        return fmean(self.ratings) if self.ratings else None

    @property
    def is_fuller(self) -> bool:
        return self.practices >= FULLER_WEEK


@dataclass(frozen=True)
class PracticeDistress:
    weeks: tuple[PracticeWeek, ...]

    @property
    def has_practices(self) -> bool:
        return any(week.practices for week in self.weeks)

    @property
    def has_distress(self) -> bool:
        return any(week.ratings for week in self.weeks)

    @property
    def is_empty(self) -> bool:
        return not self.has_practices and not self.has_distress

    def averages(self) -> tuple[float | None, float | None]:
        """The average of weekly distress in fuller weeks, and in the others (None: no such
        rated week)."""
        fuller = [w.distress for w in self.weeks if w.distress is not None and w.is_fuller]
        other = [w.distress for w in self.weeks if w.distress is not None and not w.is_fuller]
        return (fmean(fuller) if fuller else None, fmean(other) if other else None)

    def rated_weeks(self) -> tuple[int, int]:
        """How many rated weeks were fuller, and how many were not."""
        fuller = sum(1 for w in self.weeks if w.distress is not None and w.is_fuller)
        other = sum(1 for w in self.weeks if w.distress is not None and not w.is_fuller)
        return fuller, other

    def comparison(self) -> Comparison:
        fuller_weeks, other_weeks = self.rated_weeks()
        fuller, other = self.averages()
        if (
            fuller is None
            or other is None
            or fuller_weeks < WEEKS_EACH_AT_LEAST
            or other_weeks < WEEKS_EACH_AT_LEAST
        ):
            return Comparison.NOT_ENOUGH
        if abs(fuller - other) <= ABOUT_THE_SAME:
            return Comparison.ABOUT_THE_SAME
        return Comparison.LOWER if fuller < other else Comparison.HIGHER

    def summary(self, locale: QLocale | None = None) -> str:
        if not self.weeks:
            return translate(
                CONTEXT,
                "No practices are logged yet. When you log one, it shows here week by week "
                "beside your distress.",
            )
        if not self.has_practices:
            return translate(
                CONTEXT,
                "No practices are logged in these weeks. When you log one, it shows here week "
                "by week beside your distress.",
            )
        if not self.has_distress:
            return translate(
                CONTEXT,
                "There are no distress ratings after sessions or quick check-ins in these "
                "weeks yet, so there is nothing to set beside your practices.",
            )
        comparison = self.comparison()
        if comparison is Comparison.NOT_ENOUGH:
            return translate(
                CONTEXT,
                "There is not enough yet to compare: that needs at least %1 weeks with %2 or "
                "more practices and %1 with fewer, each with a distress rating.",
                WEEKS_EACH_AT_LEAST,
                FULLER_WEEK,
            )
        locale = locale or QLocale()
        fuller, other = (locale.toString(value or 0.0, "f", 1) for value in self.averages())
        if comparison is Comparison.LOWER:
            return translate(
                CONTEXT,
                "In weeks with %1 or more practices, your distress was lower on average "
                "(%2 against %3).",
                FULLER_WEEK,
                fuller,
                other,
            )
        if comparison is Comparison.HIGHER:
            return translate(
                CONTEXT,
                "In weeks with %1 or more practices, your distress was higher on average "
                "(%2 against %3).",
                FULLER_WEEK,
                fuller,
                other,
            )
        return translate(
            CONTEXT,
            "In weeks with %1 or more practices, your distress was about the same on average "
            "(%2 against %3).",
            FULLER_WEEK,
            fuller,
            other,
        )


def practice_distress(
    store: Store, period: Period | None = None, zone: tzinfo | None = None
) -> PracticeDistress:
    """The weeks `period` touches (the whole course when None), each with its practices and
    distress ratings (see the module's rules). `zone` is the client's (the computer's own when
    None)."""
    period = period or Period()
    counts = {week.monday: week.count for week in store.practices.weekly_counts(None, None, zone)}
    ratings: dict[date, list[int]] = defaultdict(list)
    for rated_at, value in _distress_ratings(store):
        ratings[_monday(rated_at.astimezone(zone).date())].append(value)
    known = [monday for monday, count in counts.items() if count] + list(ratings)
    if period.start is not None:
        first = _monday(period.start)
    elif known:
        first = min(known)
    else:
        return PracticeDistress(())
    if period.end is not None:
        last = _monday(period.end)
    elif known:
        last = max(known)
    else:
        last = first
    weeks = []
    monday = first
    while monday <= last:
        weeks.append(PracticeWeek(monday, counts.get(monday, 0), tuple(ratings.get(monday, ()))))
        monday += timedelta(weeks=1)
    return PracticeDistress(tuple(weeks))


def _distress_ratings(store: Store) -> list[tuple[datetime, int]]:
    """Distress after each dosing session and at each quick check-in, in no special order."""
    rated = [
        (session.held_at, session.distress_after)
        for session in store.sessions.list()
        if session.kind is SessionKind.DOSING and session.distress_after is not None
    ]
    rated += [(rating.rated_at, rating.value) for rating in store.check_ins.distress_ratings()]
    return rated


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())
