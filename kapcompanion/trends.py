"""The numbers behind the Trends charts: distress across the course, the theme map, and
questionnaire scores over time, each with one plain, non-judgemental sentence.

Pure reads from the store; no plotting here (see kapcompanion.charts) and no Qt.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from kapcompanion.domain import SessionKind, Theme
from kapcompanion.ids import ReflectionId, SessionId
from kapcompanion.questionnaires import Questionnaire, all_questionnaires, score
from kapcompanion.store import Store

RECENT_REFLECTIONS = 5


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
class DistressSeries:
    sessions: tuple[SessionDistress, ...]
    reflections: tuple[ReflectionDistress, ...]

    @property
    def is_empty(self) -> bool:
        return not any(
            s.before is not None or s.after is not None for s in self.sessions
        ) and not any(r.start is not None or r.end is not None for r in self.reflections)

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
            return "There are no distress ratings after sessions in this period yet."
        if len(rated) == 1:
            return f"Distress after your one rated session was {rated[0]} out of 10."
        return (
            f"Distress after sessions went from {rated[0]} to {rated[-1]} "
            f"across {len(rated)} sessions."
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
            return "Themes will show here once your reflections have confirmed themes."
        top = self.themes[0]
        uses = self.recent_uses.get(top.key, 0)
        if uses and self.recent_total:
            return f"{top.name} appeared in {uses} of your last {self.recent_total} reflections."
        total = sum(self.counts[0])
        return f"{top.name} is the theme that came up most ({total} times)."


@dataclass(frozen=True)
class ScorePoint:
    taken_at: datetime
    total: int
    band: str  # "" when the instrument has no bands


@dataclass(frozen=True)
class QuestionnaireSeries:
    questionnaire: Questionnaire
    points: tuple[ScorePoint, ...]

    def summary(self) -> str:
        name = self.questionnaire.name
        if not self.points:
            return f"No {name} check-ins in this period yet."
        last = self.points[-1]
        band = f", {last.band}" if last.band else ""
        if len(self.points) == 1:
            return f"Your {name} score was {last.total}{band}."
        first = self.points[0]
        change = last.total - first.total
        if change == 0:
            moved = "the same as at the first"
        else:
            direction = "lower" if change < 0 else "higher"
            moved = f"{abs(change)} points {direction} than the first"
        return f"Your latest {name} score is {last.total}{band}, {moved}."


def _sessions_in(store: Store, period: Period) -> list[SessionDistress]:
    return [
        SessionDistress(s.id, s.number_in_course, s.held_at, s.distress_before, s.distress_after)
        for s in store.list_sessions()
        if s.kind is SessionKind.DOSING and period.contains(s.held_at)
    ]


def distress_series(store: Store, period: Period = Period()) -> DistressSeries:
    reflections = tuple(
        ReflectionDistress(r.id, r.session_id, r.started_at, r.distress_start, r.distress_end)
        for r in store.list_reflections()
        if period.contains(r.started_at)
    )
    return DistressSeries(tuple(_sessions_in(store, period)), reflections)


def theme_map(
    store: Store, period: Period = Period(), theme_keys: frozenset[str] | None = None
) -> ThemeMap:
    sessions = _sessions_in(store, period)
    column = {s.session_id: index for index, s in enumerate(sessions)}
    rows = store.connection.execute(
        """
        SELECT t.key, r.session_id, r.id FROM reflection_themes rt
        JOIN themes t ON t.id = rt.theme_id
        JOIN reflections r ON r.id = rt.reflection_id AND r.deleted_at IS NULL
        UNION ALL
        SELECT t.key, i.session_id, NULL FROM insight_themes it
        JOIN themes t ON t.id = it.theme_id
        JOIN insights i ON i.id = it.insight_id AND i.deleted_at IS NULL
        """
    ).fetchall()
    themes = {theme.key: theme for theme in store.list_themes()}
    grid: dict[str, list[int]] = {}
    for key, session_id, _reflection in rows:
        if session_id in column and key in themes and (theme_keys is None or key in theme_keys):
            grid.setdefault(key, [0] * len(sessions))[column[session_id]] += 1
    ordered = sorted(grid, key=lambda key: (-sum(grid[key]), themes[key].name))
    recent = [r for r in store.list_reflections() if period.contains(r.started_at)][
        -RECENT_REFLECTIONS:
    ]
    recent_uses: dict[str, int] = {}
    for reflection in recent:
        for key in store.reflection_theme_keys(reflection.id):
            recent_uses[key] = recent_uses.get(key, 0) + 1
    half = len(sessions) // 2
    emerging, fading = [], []
    for key in ordered:
        early, late = sum(grid[key][:half]), sum(grid[key][half:])
        if len(sessions) >= 2 and late >= early + 2:
            emerging.append(themes[key])
        elif len(sessions) >= 2 and early >= late + 2:
            fading.append(themes[key])
    return ThemeMap(
        themes=tuple(themes[key] for key in ordered),
        sessions=tuple(sessions),
        counts=tuple(tuple(grid[key]) for key in ordered),
        emerging=tuple(emerging),
        fading=tuple(fading),
        recent_uses=recent_uses,
        recent_total=len(recent),
    )


def questionnaire_series(
    store: Store, period: Period = Period()
) -> tuple[QuestionnaireSeries, ...]:
    result = []
    for questionnaire in all_questionnaires():
        points = []
        for check_in in store.completed_check_ins(questionnaire.id):
            if check_in.completed_at is None or not period.contains(check_in.completed_at):
                continue
            scored = score(questionnaire, check_in.answers)
            if scored.total is None:
                continue  # incomplete check-ins have no total to plot
            points.append(
                ScorePoint(
                    check_in.completed_at, scored.total, scored.band.label if scored.band else ""
                )
            )
        result.append(QuestionnaireSeries(questionnaire, tuple(points)))
    return tuple(result)
