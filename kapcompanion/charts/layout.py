"""The frame every chart is drawn in: a figure at the width it is shown at, margins kept in
points by a one-step layout engine (`MarginsInPoints`), styled axes, a legend above the plot,
and the friendly sentence shown instead of an empty chart.

Shared by the chart modules (distress, theme_map, check_in_scores); draws no data itself.
"""

from __future__ import annotations

from collections.abc import Sequence

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.layout_engine import ConstrainedLayoutEngine, LayoutEngine
from matplotlib.lines import Line2D

from kapcompanion.charts.fonts import use_fallback_fonts
from kapcompanion.charts.style import ChartStyle

CONTEXT = "charts"  # the translation context of every chart's words

FIGURE_SIZE = (7.6, 4.0)  # inches: 760 × 400 px at 100 dpi; the UI sets the real dpi
FIGURE_DPI = 100.0
PAD_POINTS = 8.0  # the app's 8-px spacing grid, around and between the parts of a figure
MOST_MARGIN_SHARE = 0.45  # of a figure's width or height that labels beside the plot may take

MIN_WIDTH_INCHES = 3.0


def new_figure(
    style: ChartStyle, height: float = FIGURE_SIZE[1], *, measured: bool = True
) -> Figure:
    """A figure at the width the chart is shown at. `measured` lays it out by measuring every
    label (constrained layout); without it, the chart sets its own margins (`set_margins`)."""
    use_fallback_fonts()
    pad = PAD_POINTS / 72
    width = max(MIN_WIDTH_INCHES, style.width_inches or FIGURE_SIZE[0])
    figure = Figure(
        figsize=(width, height),
        dpi=FIGURE_DPI,
        facecolor=style.background,
        layout=(
            ConstrainedLayoutEngine(w_pad=pad, h_pad=pad, wspace=0.02, hspace=0.02)
            if measured
            else None
        ),
    )
    return figure


class MarginsInPoints(LayoutEngine):
    """Margins kept in points, applied to whatever size the figure has when it is drawn: one
    cheap step, unlike constrained layout's measuring of every label, and right after the
    figure is resized (by the screen, or by the printout choosing its height)."""

    _adjust_compatible = True
    _colorbar_gridspec = False

    def __init__(self, left: float, right: float, top: float, bottom: float) -> None:
        super().__init__()
        self._margins = (left, right, top, bottom)

    @property
    def margins(self) -> tuple[float, float, float, float]:
        """Left, right, top and bottom, in points."""
        return self._margins

    def execute(self, fig: Figure) -> None:
        left, right, top, bottom = self._margins
        width, height = (size * 72 for size in fig.get_size_inches())
        # Room for the plot is kept however small the figure: the labels give way first.
        left = min(left, width * MOST_MARGIN_SHARE)
        right = min(right, width * (1 - MOST_MARGIN_SHARE) - left - 1)
        top = min(top, height * MOST_MARGIN_SHARE)
        bottom = min(bottom, height * (1 - MOST_MARGIN_SHARE) - top - 1)
        fig.subplots_adjust(
            left=left / width, right=1 - right / width, top=1 - top / height, bottom=bottom / height
        )


def set_margins(figure: Figure, *, left: float, right: float, top: float, bottom: float) -> None:
    """Place the axes with margins given in points, plus the spacing grid's pad around all."""
    figure.set_layout_engine(
        MarginsInPoints(*(PAD_POINTS + margin for margin in (left, right, top, bottom)))
    )


def share_margins(figures: Sequence[Figure]) -> None:
    """Give the figures laid out by `MarginsInPoints` the widest of their margins on each
    side, so that figures of one size, shown one above the other, have their plots in the
    same box (the printout's questionnaire charts: the same dates fall at the same place)."""
    engines = [
        engine
        for engine in (figure.get_layout_engine() for figure in figures)
        if isinstance(engine, MarginsInPoints)
    ]
    if not engines:
        return
    widest = MarginsInPoints(
        *(max(sides) for sides in zip(*(e.margins for e in engines), strict=True))
    )
    for figure in figures:
        if isinstance(figure.get_layout_engine(), MarginsInPoints):
            figure.set_layout_engine(MarginsInPoints(*widest.margins))


def message_figure(style: ChartStyle, message: str) -> Figure:
    """A friendly sentence in the middle and no axes: never an empty chart."""
    figure = new_figure(style)
    figure.text(
        0.5,
        0.5,
        message,
        ha="center",
        va="center",
        wrap=True,
        color=style.muted,
        fontsize=style.font_size * 1.1,
    )
    figure.set_label(message)
    return figure


def style_axes(figure: Figure, style: ChartStyle, *, grid: bool = True) -> Axes:
    axes = figure.add_subplot()
    axes.set_facecolor(style.background)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    for side in ("left", "bottom"):
        axes.spines[side].set_color(style.grid)
    axes.tick_params(colors=style.grid, labelcolor=style.muted, labelsize=style.small)
    axes.xaxis.label.set_color(style.text)
    axes.yaxis.label.set_color(style.text)
    axes.xaxis.label.set_fontsize(style.font_size)
    axes.yaxis.label.set_fontsize(style.font_size)
    for offset in (axes.xaxis.get_offset_text(), axes.yaxis.get_offset_text()):
        offset.set_color(style.muted)
        offset.set_fontsize(style.small)
    if grid:
        axes.yaxis.grid(True, color=style.grid, linewidth=0.8)
        axes.set_axisbelow(True)
    return axes


def legend_above(axes: Axes, handles: Sequence[Line2D], style: ChartStyle, width: float) -> int:
    """The legend above the plot, no frame: up to three entries in a row; more in two rows,
    filled column by column so that pairs (before / after, start / end) stand together.
    Returns how many rows it takes."""
    columns = len(handles) if len(handles) <= 3 else (len(handles) + 1) // 2
    labels = [str(handle.get_label()) for handle in handles]
    # Rough width of the widest row in points (marker, gaps, text); large type gets fewer
    # columns rather than a legend cut off at the edge.
    entry = max(style.small * (0.56 * len(label) + 3.6) for label in labels)
    while columns > 1 and entry * columns > width * 72 * 0.92:
        columns -= 1
    legend = axes.legend(
        handles=handles,
        loc="lower left",
        bbox_to_anchor=(0.0, 1.02),
        ncols=columns,
        frameon=False,
        fontsize=style.small,
        borderaxespad=0.0,
        handlelength=1.6,
        columnspacing=1.4,
    )
    for text in legend.get_texts():
        text.set_color(style.text)
    return -(-len(handles) // columns)
