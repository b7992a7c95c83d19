"""Which point of a Trends chart is under the pointer (or chosen with the keys), in words.

kapcompanion.charts names what it draws (`gid`: "before-session", "scores", "theme-map", …),
and the drawing process says where each named line's points landed in the picture (`Picture`).
Each function here pairs those drawn points with the core numbers they came from, so a
tooltip can say "After session 3 · 1 November 2026: 5 of 10". Their words are put together
only when asked for: a ten-year theme map has fifteen thousand cells. No matplotlib here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any, overload

from PySide6.QtCore import QCoreApplication, QLocale

from kapcompanion.wording.translation import fill
from ui.trends.tables import (
    DayWords,
    band_words,
    quick_check_in_label,
    reflection_label,
    session_label,
    week_label,
)

if TYPE_CHECKING:
    from kapcompanion.charts.requests import XY, Grid, Picture
    from kapcompanion.course.practice_distress import PracticeDistress, PracticeWeek
    from kapcompanion.course.trends import DistressSeries, QuestionnaireSeries, ThemeMap
    from kapcompanion.ids import SessionId

CONTEXT = "TrendsPoints"


def _tr(source: str) -> str:
    return QCoreApplication.translate(CONTEXT, source)


@dataclass(frozen=True)
class ChartPoint:
    """One drawn value: its data coordinates, where it is in the picture's pixels (origin
    bottom left) and what it says."""

    x: float
    y: float
    place: XY
    say: Callable[[], str]

    @property
    def words(self) -> str:
        """Its date and value in a short phrase, for a tooltip."""
        return self.say()

    def on_screen(self) -> XY:
        """Where the point is drawn, in the picture's pixels (origin bottom left)."""
        return self.place


def _line_points(
    picture: Picture, gid: str, sayers: Sequence[Callable[[], str]]
) -> list[ChartPoint]:
    """The points of the line `gid` paired, in order, with `sayers` (none if they differ)."""
    points = []
    for line in picture.lines_named(gid):
        if len(line.data) != len(sayers):
            continue  # not drawn from these numbers: say nothing rather than something wrong
        points += [
            ChartPoint(x, y, place, say)
            for (x, y), place, say in zip(line.data, line.pixels, sayers, strict=True)
        ]
    return points


def distress_points(
    picture: Picture, series: DistressSeries, by: str, locale: QLocale | None = None
) -> list[ChartPoint]:
    """Before and after each session, and reflection start and end ratings, as drawn."""
    locale = locale or QLocale()
    days = DayWords(locale)
    numbers = {s.session_id: s.number for s in series.sessions}
    placed = [r for r in series.reflections if by == "date" or (r.session_id in numbers)]

    def rated(label: Callable[[], str], value: int, moment: Any) -> Callable[[], str]:
        return lambda: fill(_tr("%1 · %2: %3 of 10"), label(), days(moment), locale.toString(value))

    def session(template: str, number: int | None) -> Callable[[], str]:
        return lambda: fill(template, _lower(session_label(number, locale)))

    def reflection(template: str, session_id: SessionId | None) -> Callable[[], str]:
        number = numbers.get(session_id) if session_id else None
        return lambda: fill(template, reflection_label(number, locale))

    before, after = _tr("Before %1"), _tr("After %1")
    at_start, at_end = _tr("%1, at the start"), _tr("%1, at the end")

    groups: tuple[tuple[str, list[Callable[[], str]]], ...] = (
        (
            "before-session",
            [
                rated(session(before, s.number), s.before, s.held_at)
                for s in series.sessions
                if s.before is not None
            ],
        ),
        (
            "after-session",
            [
                rated(session(after, s.number), s.after, s.held_at)
                for s in series.sessions
                if s.after is not None
            ],
        ),
        (
            "reflection-start",
            [
                rated(reflection(at_start, r.session_id), r.start, r.written_at)
                for r in placed
                if r.start is not None
            ],
        ),
        (
            "reflection-end",
            [
                rated(reflection(at_end, r.session_id), r.end, r.written_at)
                for r in placed
                if r.end is not None
            ],
        ),
    )
    # By number, quick check-ins are placed among the sessions: none without one.
    quick = series.quick if by == "date" or series.sessions else ()
    groups += (
        (
            "quick-check-in",
            [
                rated(partial(quick_check_in_label, each), each.value, each.rated_at)
                for each in quick
            ],
        ),
    )
    ranked: list[tuple[int, ChartPoint]] = []
    for rank, (gid, sayers) in enumerate(groups):
        ranked += [(rank, point) for point in _line_points(picture, gid, sayers)]
    # Left to right; at one place, before the session comes before after it.
    return [point for _rank, point in sorted(ranked, key=lambda pair: (pair[1].x, pair[0]))]


def _lower(words: str) -> str:
    """ "Session 3" → "session 3", as it reads after "Before"."""
    return words[:1].lower() + words[1:]


def score_points(
    picture: Picture, series: QuestionnaireSeries, locale: QLocale | None = None
) -> list[ChartPoint]:
    """Each check-in's score (and band) on the questionnaire chart."""
    locale = locale or QLocale()
    days = DayWords(locale)
    name = series.questionnaire.name

    def say(total: int, band: str, moment: Any) -> Callable[[], str]:
        if band:
            return lambda: fill(
                _tr("%1 · %2: %3 (%4)"),
                name,
                days(moment),
                locale.toString(total),
                band_words(band).lower(),
            )
        return lambda: fill(_tr("%1 · %2: %3"), name, days(moment), locale.toString(total))

    sayers = [say(series.shown_total(p), p.band, p.taken_at) for p in series.points]
    return _line_points(picture, "scores", sayers)


def practice_points(
    picture: Picture, data: PracticeDistress, locale: QLocale | None = None
) -> list[ChartPoint]:
    """Each week's practices (the bar) and, when rated, its average distress (the line), left
    to right, the bar first."""
    locale = locale or QLocale()

    def practices(week: PracticeWeek) -> Callable[[], str]:
        if week.practices == 1:
            return lambda: fill(_tr("%1: 1 practice"), week_label(week, locale))
        return lambda: fill(
            _tr("%1: %2 practices"), week_label(week, locale), locale.toString(week.practices)
        )

    def distress(week: PracticeWeek) -> Callable[[], str]:
        average = locale.toString(week.distress or 0.0, "f", 1)
        if len(week.ratings) == 1:
            return lambda: fill(
                _tr("%1: distress %2 of 10 (one rating)"), week_label(week, locale), average
            )
        return lambda: fill(
            _tr("%1: distress %2 of 10 on average (%3 ratings)"),
            week_label(week, locale),
            average,
            locale.toString(len(week.ratings)),
        )

    bars = _line_points(picture, "weekly-practices", [practices(week) for week in data.weeks])
    line = _line_points(
        picture,
        "weekly-distress",
        [distress(week) for week in data.weeks if week.distress is not None],
    )
    ranked = [(0, point) for point in bars] + [(1, point) for point in line]
    return [point for _rank, point in sorted(ranked, key=lambda pair: (pair[1].x, pair[0]))]


class ThemeCells(Sequence[ChartPoint]):
    """Every cell of the theme map, row by row, each made only when asked for: a ten-year map
    has fifteen thousand, and a person looks at a few."""

    def __init__(self, grid: Grid, themes: ThemeMap, locale: QLocale) -> None:
        self.grid, self._themes, self._locale = grid, themes, locale
        self._days = DayWords(locale)
        self.columns = len(themes.sessions)

    def __len__(self) -> int:
        return len(self._themes.themes) * self.columns

    @overload
    def __getitem__(self, index: int) -> ChartPoint: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[ChartPoint]: ...

    def __getitem__(self, index: int | slice) -> ChartPoint | Sequence[ChartPoint]:
        if isinstance(index, slice):
            return [self[each] for each in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        row, column = divmod(index, self.columns)
        grid = self.grid
        place = (
            grid.first[0] + column * grid.column_step,
            grid.first[1] + row * grid.row_step,
        )
        return ChartPoint(float(column), float(row), place, partial(self._say, row, column))

    def _say(self, row: int, column: int) -> str:
        """Theme, session and date, and how often it came up."""
        themes, locale = self._themes, self._locale
        count = themes.counts[row][column]
        session = themes.sessions[column]
        if count == 0:
            how_often = _tr("did not come up")
        elif count == 1:
            how_often = _tr("came up once")
        else:
            how_often = fill(_tr("came up %1 times"), locale.toString(count))
        return fill(
            _tr("%1 · %2, %3: %4"),
            themes.themes[row].name,
            session_label(session.number, locale),
            self._days(session.held_at),
            how_often,
        )


def theme_points(
    picture: Picture, themes: ThemeMap, locale: QLocale | None = None
) -> Sequence[ChartPoint]:
    """Every cell of the theme map, row by row: theme, session and date, and how often."""
    if picture.grid is None:
        return []
    return ThemeCells(picture.grid, themes, locale or QLocale())


def nearest(points: Sequence[ChartPoint], x: float, y: float, reach: float) -> ChartPoint | None:
    """The point drawn nearest pixel position (x, y), if it is within `reach` pixels."""
    best: ChartPoint | None = None
    best_distance = reach * reach
    for point in points:
        across, up = point.place[0] - x, point.place[1] - y
        distance = across * across + up * up
        if distance < best_distance or (best is None and distance == best_distance):
            best, best_distance = point, distance
    return best


def cell_at(points: Sequence[ChartPoint], grid: Grid, x: float, y: float) -> ChartPoint | None:
    """The cell of a grid of points (row by row, as `theme_points` makes them) whose square
    holds pixel position (x, y), if any."""
    left, bottom, right, top = grid.box
    if not (left <= x <= right and bottom <= y <= top) or not grid.column_step or not grid.row_step:
        return None
    column = round((x - grid.first[0]) / grid.column_step)
    row = round((y - grid.first[1]) / grid.row_step)
    index = row * grid.columns + column
    if 0 <= column < grid.columns and 0 <= index < len(points):
        return points[index]
    return None
