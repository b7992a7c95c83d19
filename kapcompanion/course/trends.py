"""The numbers behind the Trends charts: distress across the course, the theme map, and
questionnaire scores over time, each with one plain, non-judgemental sentence.

Pure reads from the store; no plotting here (see kapcompanion.charts). The sentences go
through Qt's translation lookup (kapcompanion.wording.translation), so a translated window
reads them in its own language while the CLI and tests read English.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from PySide6.QtCore import QLocale

from kapcompanion.course.change import thresholds_passed
from kapcompanion.data_files.questionnaires import (
    Questionnaire,
    ThresholdKind,
    all_questionnaires,
    score,
)
from kapcompanion.domain import Reflection, SessionKind, Theme
from kapcompanion.ids import InsightId, ReflectionId, SessionId
from kapcompanion.store import Store
from kapcompanion.wording.dates import day_of
from kapcompanion.wording.translation import translate

RECENT_REFLECTIONS = 5
CONTEXT = "trends"


@dataclass(frozen=True)
class Period:
    """Which days to include; None on either side means "from the start" / "until now"."""

    start: date | None = None
    end: date | None = None

    @classmethod
    def last_days(cls, days: int, today: date) -> Period:
        return cls(today - timedelta(days=days - 1), today)

    def contains(self, moment: datetime) -> bool:
        day = moment.astimezone().date()
        return (self.start is None or day >= self.start) and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class SessionDistress:
    session_id: SessionId
    number: int | None
    held_at: datetime
    before: int | None
    after: int | None


@dataclass(frozen=True)
class ReflectionDistress:
    reflection_id: ReflectionId
    session_id: SessionId | None
    written_at: datetime
    start: int | None
    end: int | None


@dataclass(frozen=True)
class QuickDistress:
    """A quick check-in: distress noted between sessions, with the client's word or note."""

    rated_at: datetime
    value: int
    note: str


@dataclass(frozen=True)
class DistressSeries:
    sessions: tuple[SessionDistress, ...]
    reflections: tuple[ReflectionDistress, ...]
    quick: tuple[QuickDistress, ...] = ()

    @property
    def is_empty(self) -> bool:
        return (
            not any(s.before is not None or s.after is not None for s in self.sessions)
            and not any(r.start is not None or r.end is not None for r in self.reflections)
            and not self.quick
        )

    def trend(self) -> tuple[float, float] | None:
        """Least-squares line (slope, intercept) through distress after each session, by its
        position in the course (0, 1, 2, …); None with fewer than two ratings."""
        points = [(i, s.after) for i, s in enumerate(self.sessions) if s.after is not None]
        if len(points) < 2:
            return None
        n = len(points)
        mean_x = sum(x for x, _ in points) / n
        mean_y = sum(y for _, y in points) / n
        spread = sum((x - mean_x) ** 2 for x, _ in points)
        slope = sum((x - mean_x) * (y - mean_y) for x, y in points) / spread
        return slope, mean_y - slope * mean_x

    def summary(self) -> str:
        rated = [s.after for s in self.sessions if s.after is not None]
        if not rated:
            return translate(
                CONTEXT, "There are no distress ratings after sessions in this period yet."
            )
        if len(rated) == 1:
            return translate(
                CONTEXT, "Distress after your one rated session was %1 out of 10.", rated[0]
            )
        return translate(
            CONTEXT,
            "Distress after sessions went from %1 to %2 across %n sessions.",
            rated[0],
            rated[-1],
            n=len(rated),
        )


@dataclass(frozen=True)
class ThemeMap:
    """How often each theme was confirmed in each session's reflections and insights."""

    themes: tuple[Theme, ...]  # rows, most used first
    sessions: tuple[SessionDistress, ...]  # columns, in course order
    counts: tuple[tuple[int, ...], ...]  # counts[row][column]
    emerging: tuple[Theme, ...]
    fading: tuple[Theme, ...]
    recent_uses: dict[str, int]  # theme key → in how many of the latest reflections
    recent_total: int

    @property
    def is_empty(self) -> bool:
        return not self.themes or not self.sessions

    def summary(self) -> str:
        if self.is_empty:
            return translate(
                CONTEXT, "Themes will show here once your reflections have confirmed themes."
            )
        top = self.themes[0]
        uses = self.recent_uses.get(top.key, 0)
        if uses and self.recent_total == 1:
            return translate(CONTEXT, "%1 appeared in your latest reflection.", top.name)
        if uses and self.recent_total:
            return translate(
                CONTEXT,
                "%1 appeared in %2 of your last %n reflections.",
                top.name,
                uses,
                n=self.recent_total,
            )
        total = sum(self.counts[0])
        if total == 1:
            return translate(CONTEXT, "%1 is the theme that came up most (once).", top.name)
        return translate(
            CONTEXT, "%1 is the theme that came up most (%n times).", top.name, n=total
        )


@dataclass(frozen=True)
class ScorePoint:
    taken_at: datetime
    total: int
    band: str  # "" when the instrument has no bands


@dataclass(frozen=True)
class UnscoredPoint:
    """A finished check-in with unanswered items: it has no total (never prorated)."""

    taken_at: datetime
    missing: tuple[int, ...]


@dataclass(frozen=True)
class QuestionnaireSeries:
    questionnaire: Questionnaire
    points: tuple[ScorePoint, ...]
    # The latest finished check-in in the period, when it came after the last total and has
    # none: the summary names it, so an older total is never read as the latest.
    unscored_latest: UnscoredPoint | None = None

    def shown_total(self, point: ScorePoint) -> int:
        """`point`'s total as the questionnaire publishes it (WHO-5: of 0–100)."""
        return point.total * self.questionnaire.multiplier

    def summary(self) -> str:
        """The latest score, its change since the period's first with that day, and (neutrally)
        the published number of points it reaches, if any (kapcompanion.course.change)."""
        name = self.questionnaire.name
        unscored = self._unscored_words()
        if not self.points:
            return unscored or translate(CONTEXT, "No %1 check-ins in this period yet.", name)
        first, last = self.points[0], self.points[-1]
        latest = self.shown_total(last)
        shown = (
            translate(CONTEXT, "%1, %2", latest, last.band)
            if last.band
            else QLocale().toString(latest)
        )
        if len(self.points) == 1:
            words = translate(CONTEXT, "Your %1 score was %2.", name, shown)
            return f"{unscored} {words}" if unscored else words
        change = latest - self.shown_total(first)
        since = day_of(first.taken_at)
        if change == 0:
            words = (
                translate(
                    CONTEXT, "Your last %1 total is %2, the same as on %3.", name, shown, since
                )
                if unscored
                else translate(
                    CONTEXT, "Your latest %1 score is %2, the same as on %3.", name, shown, since
                )
            )
        else:
            words = translate(
                CONTEXT,
                "Your last %1 total is %2. It has changed by %n point(s) since %3, from %4."
                if unscored
                else "Your latest %1 score is %2. It has changed by %n point(s) since %3, from %4.",
                name,
                shown,
                since,
                self.shown_total(first),
                n=abs(change),
            )
        passed = [
            threshold.value
            for threshold in thresholds_passed(self.questionnaire, first.total, last.total)
            if threshold.kind is ThresholdKind.POINTS
        ]
        if passed:
            words += " " + translate(
                CONTEXT,
                "That is at least the %1-point change that published sources count as meaningful.",
                max(passed),
            )
        return f"{unscored} {words}" if unscored else words

    def _unscored_words(self) -> str:
        if self.unscored_latest is None:
            return ""
        return translate(
            CONTEXT,
            "Your %1 check-in on %2 has no total, as %n question(s) had no answer.",
            self.questionnaire.name,
            day_of(self.unscored_latest.taken_at),
            n=len(self.unscored_latest.missing),
        )


def _sessions_in(
    store: Store, period: Period, chosen: frozenset[SessionId] | None = None
) -> list[SessionDistress]:
    return [
        SessionDistress(s.id, s.number_in_course, s.held_at, s.distress_before, s.distress_after)
        for s in store.sessions.list()
        if s.kind is SessionKind.DOSING
        and period.contains(s.held_at)
        and (chosen is None or s.id in chosen)
    ]


def _reflections_in(
    store: Store, period: Period, sessions: frozenset[SessionId] | None
) -> list[Reflection]:
    """Reflections started in `period`; when `sessions` are chosen, only reflections on them."""
    return [
        r
        for r in store.reflections.list()
        if period.contains(r.started_at) and (sessions is None or r.session_id in sessions)
    ]


def distress_series(
    store: Store, period: Period = Period(), sessions: frozenset[SessionId] | None = None
) -> DistressSeries:
    """Distress before/after each dosing session, at each reflection and at each quick
    check-in in `period`; with `sessions`, only those sessions and the reflections written on
    them (quick check-ins belong to no session, so they are left out then)."""
    reflections = tuple(
        ReflectionDistress(r.id, r.session_id, r.started_at, r.distress_start, r.distress_end)
        for r in _reflections_in(store, period, sessions)
    )
    quick = (
        ()
        if sessions is not None
        else tuple(
            QuickDistress(rating.rated_at, rating.value, rating.note)
            for rating in store.check_ins.distress_ratings()
            if period.contains(rating.rated_at)
        )
    )
    return DistressSeries(tuple(_sessions_in(store, period, sessions)), reflections, quick)


def theme_map(
    store: Store,
    period: Period = Period(),
    theme_keys: frozenset[str] | None = None,
    sessions: frozenset[SessionId] | None = None,
    *,
    reflection_ids: frozenset[ReflectionId] | None = None,
    insight_ids: frozenset[InsightId] | None = None,
) -> ThemeMap:
    """Themes × dosing sessions in `period` (only `theme_keys` and `sessions` when given).

    Themes are counted from every reflection and insight, or, when `reflection_ids` or
    `insight_ids` are given, from those reflections or insights only (the printout counts
    from what the client chose); the latest reflections behind the summary are then chosen
    ones too."""
    sessions_shown = _sessions_in(store, period, sessions)
    column = {s.session_id: index for index, s in enumerate(sessions_shown)}
    rows = store.themes.links()
    themes = {theme.key: theme for theme in store.themes.list()}
    grid: dict[str, list[int]] = {}
    for key, session_id, reflection_id, insight_id in rows:
        if reflection_id is not None and not _among(reflection_id, reflection_ids):
            continue
        if insight_id is not None and not _among(insight_id, insight_ids):
            continue
        if session_id in column and key in themes and (theme_keys is None or key in theme_keys):
            grid.setdefault(key, [0] * len(sessions_shown))[column[session_id]] += 1
    ordered = sorted(grid, key=lambda key: (-sum(grid[key]), themes[key].name))
    recent = [
        reflection
        for reflection in _reflections_in(store, period, sessions)
        if _among(reflection.id, reflection_ids)
    ][-RECENT_REFLECTIONS:]
    recent_uses: dict[str, int] = {}
    for reflection in recent:
        for key in store.themes.keys_for_reflection(reflection.id):
            recent_uses[key] = recent_uses.get(key, 0) + 1
    half = len(sessions_shown) // 2
    emerging, fading = [], []
    for key in ordered:
        early, late = sum(grid[key][:half]), sum(grid[key][half:])
        if len(sessions_shown) >= 2 and late >= early + 2:
            emerging.append(themes[key])
        elif len(sessions_shown) >= 2 and early >= late + 2:
            fading.append(themes[key])
    return ThemeMap(
        themes=tuple(themes[key] for key in ordered),
        sessions=tuple(sessions_shown),
        counts=tuple(tuple(grid[key]) for key in ordered),
        emerging=tuple(emerging),
        fading=tuple(fading),
        recent_uses=recent_uses,
        recent_total=len(recent),
    )


def _among(row_id: int, chosen: frozenset[ReflectionId] | frozenset[InsightId] | None) -> bool:
    """Whether a reflection or insight counts: every one when none are chosen."""
    return chosen is None or row_id in chosen


def questionnaire_series(
    store: Store, period: Period = Period()
) -> tuple[QuestionnaireSeries, ...]:
    result = []
    for questionnaire in all_questionnaires():
        points = []
        unscored: UnscoredPoint | None = None
        for check_in in store.check_ins.completed(questionnaire.id):
            if check_in.completed_at is None or not period.contains(check_in.completed_at):
                continue
            scored = score(questionnaire, check_in.answers)
            if scored.total is None:  # no total to plot, but it may be the latest
                unscored = UnscoredPoint(check_in.completed_at, scored.missing)
                continue
            unscored = None
            points.append(
                ScorePoint(
                    check_in.completed_at, scored.total, scored.band.label if scored.band else ""
                )
            )
        result.append(QuestionnaireSeries(questionnaire, tuple(points), unscored))
    return tuple(result)
