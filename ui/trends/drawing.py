"""Drawing a Trends chart to a picture off the main thread.

`render` runs on the chart worker (ui.widgets.chart_worker): it builds the figure with
kapcompanion.charts (importing matplotlib there, never on the main thread), draws it with Agg at
the screen's resolution, and finds its points for the pointer and the keys. The main thread only
shows the picture. The `*_chart` builders name what to draw without importing matplotlib.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtGui import QImage

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from kapcompanion.charts import ChartStyle
    from kapcompanion.course.trends import DistressSeries, QuestionnaireSeries, ThemeMap
    from ui.trends.points import ChartPoint

FigureBuilder = Callable[["ChartStyle"], "Figure"]
PointFinder = Callable[["Figure"], "Sequence[ChartPoint]"]


@dataclass(frozen=True)
class Request:
    """What to draw, and how: everything the worker needs, read on the main thread."""

    build: FigureBuilder
    find_points: PointFinder
    style: ChartStyle
    logical_dpi: float
    pixel_ratio: float
    height_inches: float | None


@dataclass(frozen=True)
class Drawn:
    """A chart drawn: its figure (for where its points are), picture and points."""

    request: Request
    figure: Figure
    image: QImage
    points: Sequence[ChartPoint]


def render(request: Request) -> Drawn:
    """Build and draw the chart. Figures are sized in inches, at the screen's logical dpi times
    its pixel ratio: one point of chart text is one point of Qt text, crisp on high-DPI."""
    from matplotlib.backend_bases import FigureCanvasBase
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    figure = request.build(request.style)
    figure.set_dpi(request.logical_dpi * request.pixel_ratio)
    if request.height_inches is not None and figure.axes:
        figure.set_figheight(request.height_inches)
    canvas = FigureCanvasAgg(figure)
    canvas.draw()  # type: ignore[no-untyped-call]
    pixels = canvas.buffer_rgba()  # type: ignore[no-untyped-call]
    height, width = pixels.shape[0], pixels.shape[1]
    image = QImage(bytes(pixels), width, height, width * 4, QImage.Format.Format_RGBA8888).copy()
    image.setDevicePixelRatio(request.pixel_ratio)
    # The picture is all that is shown: let the renderer and its pixels go. (The figure stays,
    # for its transforms; it holds no pixels.)
    FigureCanvasBase(figure)
    return Drawn(request, figure, image, request.find_points(figure))


def distress_chart(series: DistressSeries, by: str) -> FigureBuilder:
    def build(style: ChartStyle) -> Figure:
        from kapcompanion.charts import distress_figure

        return distress_figure(series, style, by=by)

    return build


def theme_map_chart(themes: ThemeMap) -> FigureBuilder:
    def build(style: ChartStyle) -> Figure:
        from kapcompanion.charts import theme_map_figure

        return theme_map_figure(themes, style)

    return build


def scores_chart(series: QuestionnaireSeries) -> FigureBuilder:
    def build(style: ChartStyle) -> Figure:
        from kapcompanion.charts import questionnaire_figure

        return questionnaire_figure(series, style)

    return build
