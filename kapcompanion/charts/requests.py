"""What the window asks of the drawing process, and what it answers: plain picklable values.

The window reads the numbers and names a chart (`Chart`); the drawing process
(kapcompanion.charts.drawing_process) builds its figure, draws it and answers with a `Picture`:
its pixels and where each of its points landed, so the window can say what is under the
pointer and ring a point chosen with the keys without matplotlib. Nothing here imports
matplotlib or Qt.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from kapcompanion.charts.style import ChartStyle
    from kapcompanion.course.practice_distress import PracticeDistress
    from kapcompanion.course.trends import DistressSeries, QuestionnaireSeries, ThemeMap

ChartKind = Literal["distress", "themes", "scores", "practices"]
XY = tuple[float, float]


@dataclass(frozen=True)
class Chart:
    """Which chart, from which numbers (`by`: the distress chart's x axis)."""

    kind: ChartKind
    data: DistressSeries | ThemeMap | QuestionnaireSeries | PracticeDistress
    by: str = "number"


def distress_chart(series: DistressSeries, by: str) -> Chart:
    return Chart("distress", series, by)


def theme_map_chart(themes: ThemeMap) -> Chart:
    return Chart("themes", themes)


def scores_chart(series: QuestionnaireSeries) -> Chart:
    return Chart("scores", series)


def practice_distress_chart(data: PracticeDistress) -> Chart:
    return Chart("practices", data)


@dataclass(frozen=True)
class DrawRequest:
    """Draw `chart` for the screen: at `logical_dpi` × `pixel_ratio`, in `locale`'s words."""

    chart: Chart
    style: ChartStyle
    logical_dpi: float
    pixel_ratio: float
    height_inches: float | None
    locale: str


@dataclass(frozen=True)
class SaveRequest:
    """Write `chart` to `path` (.png or .svg), whole or not at all."""

    chart: Chart
    style: ChartStyle
    path: Path
    locale: str


@dataclass(frozen=True)
class DrawnLine:
    """A line the chart drew, named by its gid: its points in data coordinates, and where each
    landed in the picture's pixels (origin bottom left, as matplotlib counts)."""

    gid: str
    data: tuple[XY, ...]
    pixels: tuple[XY, ...]


@dataclass(frozen=True)
class Grid:
    """Where the cells of a grid chart (the theme map) are: cell (column, row) is centred at
    `first` + column × `column_step` across and row × `row_step` up, in the picture's pixels,
    inside `box` (left, bottom, right, top)."""

    columns: int
    rows: int
    first: XY
    column_step: float
    row_step: float
    box: tuple[float, float, float, float]


@dataclass(frozen=True)
class Picture:
    """A chart drawn: its pixels (`width` × `height`, premultiplied ARGB32 in this machine's
    byte order, as Qt paints fastest; emptied once shown), how it was drawn, and where its
    points are."""

    width: int
    height: int
    pixels: bytes
    pixel_ratio: float
    dpi: float
    width_inches: float
    has_axes: bool
    background: str
    lines: tuple[DrawnLine, ...]
    grid: Grid | None
    style: ChartStyle

    def lines_named(self, gid: str) -> list[DrawnLine]:
        return [line for line in self.lines if line.gid == gid]


@dataclass(frozen=True)
class Saved:
    """A chart saved (`problem` None), or why it was not."""

    problem: str | None = None
