"""Which point of a Trends chart is under the pointer (or chosen with the keys), in words.

kapcompanion.charts names what it draws (`gid`: "before-session", "scores", "theme-map", …).
Each function here pairs those drawn points with the core numbers they came from, so a
tooltip can say "After session 3 · 1 November 2026: 5 of 10". Points keep their data
coordinates; where they are on screen is asked at the moment (the layout moves them). Their
words are put together only when asked for: a ten-year theme map has fifteen thousand cells.
Uses matplotlib only through the figures it is handed; never pyplot.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any, overload

from PySide6.QtCore import QCoreApplication, QLocale

from kapcompanion.wording.translation import fill
from ui.trends.tables import DayWords, band_words, reflection_label, session_label

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from kapcompanion.course.trends import DistressSeries, QuestionnaireSeries, ThemeMap
    from kapcompanion.ids import SessionId

CONTEXT = "TrendsPoints"


def _tr(source: str) -> str:
    return QCoreApplication.translate(CONTEXT, source)


@dataclass(frozen=True)
class ChartPoint:
    """One drawn value: where it is (in its axes' data coordinates) and what it says."""

    axes: Axes
    x: float
    y: float
    say: Callable[[], str]

    @property
    def words(self) -> str:
        """Its date and value in a short phrase, for a tooltip."""
        return self.say()

    def on_screen(self) -> tuple[float, float]:
        """Where the point is drawn now, in the canvas's display pixels (origin bottom left)."""
        x, y = self.axes.transData.transform((self.x, self.y))
        return float(x), float(y)


def _drawn(figure: Figure, gid: str) -> list[tuple[Axes, Any]]:
    """Every artist `gid` names in `figure`, with its axes."""
    found = []
    for axes in figure.axes:
        for artist in (*axes.lines, *axes.collections, *axes.images):
            if artist.get_gid() == gid:
                found.append((axes, artist))
    return found


def _line_points(figure: Figure, gid: str, sayers: Sequence[Callable[[], str]]) -> list[ChartPoint]:
    """The points of the line `gid` paired, in order, with `sayers` (none if they differ)."""
    points = []
    for axes, line in _drawn(figure, gid):
        xy = line.get_xydata()
        if len(xy) != len(sayers):
            continue  # not drawn from these numbers: say nothing rather than something wrong
        points += [
            ChartPoint(axes, float(x), float(y), say)
            for (x, y), say in zip(xy, sayers, strict=True)
        ]
    return points


def distress_points(
    figure: Figure, series: DistressSeries, by: str, locale: QLocale | None = None
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
    ranked: list[tuple[int, ChartPoint]] = []
    for rank, (gid, sayers) in enumerate(groups):
        ranked += [(rank, point) for point in _line_points(figure, gid, sayers)]
    # Left to right; at one place, before the session comes before after it.
    return [point for _rank, point in sorted(ranked, key=lambda pair: (pair[1].x, pair[0]))]


def _lower(words: str) -> str:
    """ "Session 3" → "session 3", as it reads after "Before"."""
    return words[:1].lower() + words[1:]


def score_points(
    figure: Figure, series: QuestionnaireSeries, locale: QLocale | None = None
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

    sayers = [say(point.total, point.band, point.taken_at) for point in series.points]
    return _line_points(figure, "scores", sayers)


class ThemeCells(Sequence[ChartPoint]):
    """Every cell of the theme map, row by row, each made only when asked for: a ten-year map
    has fifteen thousand, and a person looks at a few."""

    def __init__(self, axes: Axes, themes: ThemeMap, locale: QLocale) -> None:
        self._axes, self._themes, self._locale = axes, themes, locale
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
        return ChartPoint(self._axes, float(column), float(row), partial(self._say, row, column))

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
    figure: Figure, themes: ThemeMap, locale: QLocale | None = None
) -> Sequence[ChartPoint]:
    """Every cell of the theme map, row by row: theme, session and date, and how often."""
    drawn = _drawn(figure, "theme-map")
    if not drawn:
        return []
    return ThemeCells(drawn[0][0], themes, locale or QLocale())


def nearest(points: Sequence[ChartPoint], x: float, y: float, reach: float) -> ChartPoint | None:
    """The point drawn nearest display position (x, y), if it is within `reach` pixels."""
    import numpy as np

    if not points:
        return None
    best: ChartPoint | None = None
    best_distance = reach * reach
    by_axes: dict[int, list[ChartPoint]] = {}
    for point in points:
        by_axes.setdefault(id(point.axes), []).append(point)
    for group in by_axes.values():
        # One transform for all of an axes' points: a ten-year chart has thousands.
        places = group[0].axes.transData.transform(np.array([(p.x, p.y) for p in group]))
        distances = (places[:, 0] - x) ** 2 + (places[:, 1] - y) ** 2
        index = int(np.argmin(distances))
        if float(distances[index]) <= best_distance:
            best, best_distance = group[index], float(distances[index])
    return best


def cell_at(points: Sequence[ChartPoint], x: float, y: float, columns: int) -> ChartPoint | None:
    """The cell of a grid of points (row by row, `columns` to a row, as `theme_points` makes
    them) whose square holds data position (x, y), if any."""
    column, row = round(x), round(y)
    index = row * columns + column
    if 0 <= column < columns and 0 <= index < len(points):
        return points[index]
    return None
