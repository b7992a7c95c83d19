"""The printout's charts: the Trends figures (kapcompanion.charts) in the light palette at the
printed width and type size, saved as SVG so that the PDF gets them as vectors.

The render module paints each SVG into the room the document keeps for it. Only charts with
something to show are made; an empty one is a sentence in the text instead.
"""

from __future__ import annotations

import io
import math
import re
from dataclasses import dataclass, replace

import numpy as np
from matplotlib.figure import Figure

from kapcompanion.charts import ChartStyle, distress_figure, questionnaire_figure, theme_map_figure
from kapcompanion.charts.layout import share_margins
from kapcompanion.report.content.build import ReportContent
from kapcompanion.report.content.options import ReportOptions, ReportSection

CHART_FONT_POINTS = 8.0
DISTRESS_HEIGHT_INCHES = 3.0
QUESTIONNAIRE_HEIGHT_INCHES = 2.3
# Raster parts of a chart (the theme map's cells) are embedded at print resolution.
RASTER_DPI = 300
CELL_PIXELS = 16  # a theme map cell's side in its picture: a whole JPEG block, colour halved

DISTRESS_KEY = "distress"
THEME_MAP_KEY = "theme_map"
QUESTIONNAIRE_PREFIX = "questionnaire_"

# matplotlib writes the space glyph as a <path> with no outline data, which Qt's SVG reader
# rejects with a warning for every use. Drawing nothing, it can simply go, with its uses.
_EMPTY_GLYPH = re.compile(rb'<path id="([^"]*)" transform="[^"]*"/>')


@dataclass(frozen=True)
class ChartPicture:
    """One chart, ready to paint: SVG bytes and the size it was drawn for."""

    key: str
    svg: bytes
    width_inches: float
    height_inches: float


def report_chart_style(width_inches: float) -> ChartStyle:
    """The light palette at the printed type size, laid out for the printed width."""
    return replace(ChartStyle.light(), font_size=CHART_FONT_POINTS, width_inches=width_inches)


def questionnaire_key(questionnaire_id: str) -> str:
    return QUESTIONNAIRE_PREFIX + questionnaire_id


def chart_pictures(
    content: ReportContent, options: ReportOptions, width_inches: float
) -> dict[str, ChartPicture]:
    """The charts the chosen sections show (keyed as DISTRESS_KEY, THEME_MAP_KEY and
    `questionnaire_key(id)`), each `width_inches` wide."""
    style = report_chart_style(width_inches)
    figures: dict[str, Figure] = {}
    if options.includes(ReportSection.DISTRESS_CHART) and not content.distress.is_empty:
        figure = distress_figure(content.distress, style)
        figure.set_size_inches(width_inches, DISTRESS_HEIGHT_INCHES)
        figures[DISTRESS_KEY] = figure
    if options.includes(ReportSection.THEME_MAP) and not content.theme_map.is_empty:
        figure = theme_map_figure(content.theme_map, style)
        rows = len(content.theme_map.themes)
        # As tall as the rows need (the Trends screen keeps a taller minimum for its card).
        height = rows * style.font_size * 1.5 / 72 + 1.3
        figure.set_size_inches(width_inches, min(figure.get_figheight(), max(height, 2.0)))
        _unsampled_cells(figure, width_inches)
        figures[THEME_MAP_KEY] = figure
    if options.includes(ReportSection.QUESTIONNAIRES):
        scores = {
            questionnaire_key(series.questionnaire.id): questionnaire_figure(series, style)
            for series in content.questionnaires
            if series.points
        }
        for figure in scores.values():
            figure.set_size_inches(width_inches, QUESTIONNAIRE_HEIGHT_INCHES)
        _aligned(list(scores.values()))
        figures.update(scores)
    return {key: _picture(key, figure) for key, figure in figures.items()}


def _aligned(figures: list[Figure]) -> None:
    """The questionnaire charts, printed one above the other, with their plots in one box and
    one span of dates, so that a date falls at the same place on each."""
    share_margins(figures)
    plots = [figure.axes[0] for figure in figures if figure.axes]
    if plots:
        spans = [plot.get_xlim() for plot in plots]
        start, end = min(low for low, _ in spans), max(high for _, high in spans)
        for plot in plots:
            plot.set_xlim(start, end)


def _unsampled_cells(figure: Figure, width_inches: float) -> None:
    """Let the SVG carry the theme map's cells as they are, drawn pixelated at any size,
    rather than a picture of them resampled at RASTER_DPI: as crisp, a smaller file, and
    about 50 ms less on a year of data. Each cell is CELL_PIXELS square so that it fills
    whole JPEG blocks, the form Qt's PDF writer stores pictures in: one colour per block
    comes out exact, where a pixel per cell would be tinted by its neighbours. With more
    sessions than such cells fit across the page at RASTER_DPI (about 130), a cell is only
    as wide as the print gives it pixels: at ten years, encoding a picture 16 pixels a cell
    wide took a second of the report, for detail no printer shows."""
    for image in figure.axes[0].images:
        cells = image.get_array()
        if cells is not None:
            columns = max(cells.shape[1], 1)
            across = max(1, min(CELL_PIXELS, math.ceil(RASTER_DPI * width_inches / columns)))
            image.set_data(np.repeat(np.repeat(cells, CELL_PIXELS, axis=0), across, axis=1))
            image.set_interpolation("none")


def _picture(key: str, figure: Figure) -> ChartPicture:
    buffer = io.BytesIO()
    # savefig draws a figure that has a layout engine twice: once, without output, for the
    # engine, then for real. Laid out here once, it is drawn once (the drawing was two thirds
    # of the report's chart time).
    engine = figure.get_layout_engine()
    if engine is not None:
        engine.execute(figure)
        figure.set_layout_engine(None)
    figure.savefig(
        buffer,
        format="svg",
        dpi=RASTER_DPI,
        facecolor=figure.get_facecolor(),
        metadata={"Date": None},
    )
    width, height = figure.get_size_inches()
    svg = buffer.getvalue()
    for glyph in set(_EMPTY_GLYPH.findall(svg)):
        svg = re.sub(rb'<use xlink:href="#' + re.escape(glyph) + rb'"[^>]*/>', b"", svg)
    svg = _EMPTY_GLYPH.sub(b"", svg)
    return ChartPicture(key, svg, float(width), float(height))
