"""The practices-against-distress chart: the practices logged each local week as bars (counted
on the left), and that week's average distress as a line over them (0–10, on the right).
"""

from __future__ import annotations

import math
from datetime import datetime, time

import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from kapcompanion.charts.layout import (
    CONTEXT,
    legend_above,
    message_figure,
    new_figure,
    set_margins,
    style_axes,
)
from kapcompanion.charts.style import ChartStyle, practice_colours
from kapcompanion.charts.time_axes import date_axis, day_numbers
from kapcompanion.course.practice_distress import FULLER_WEEK, PracticeDistress
from kapcompanion.wording.translation import translate

PRACTICES_EMPTY = "Your practices will appear here week by week once you log one."
MID_WEEK = 3.5  # days from Monday's start: a week's bar and its distress sit in its middle
BAR_DAYS = 5.6  # of a bar's seven: a little air between weeks
DISTRESS_STEPS = 5  # 0–10 in twos
EDGE = 0.25  # of a step, above the top tick and below zero, so no point sits on the edge


def practice_distress_figure(data: PracticeDistress, style: ChartStyle) -> Figure:
    """Bars of weekly practice counts with the weekly average distress as a line over them;
    weeks with no distress leave a gap in the line rather than a zero."""
    if not data.has_practices:
        return message_figure(style, translate(CONTEXT, PRACTICES_EMPTY))
    figure = new_figure(style, measured=False)  # its margins are known: one layout pass
    figure.set_label(data.summary())
    counts_axes = style_axes(figure, style)
    bar_colour, line_colour = practice_colours(style)
    mondays = [datetime.combine(week.monday, time()).astimezone() for week in data.weeks]
    xs = np.asarray(day_numbers(mondays), dtype=float) + MID_WEEK
    counts = [week.practices for week in data.weeks]
    dense = len(xs) > 60

    bars = counts_axes.bar(xs, counts, width=BAR_DAYS, color=bar_colour, linewidth=0, zorder=2)
    for bar in bars.patches:
        bar.set_gid("practice-bar")
    # An unseen line along the bars' tops: where each week's count is, for the pointer and keys.
    (tops,) = counts_axes.plot(xs, counts, linestyle="none", marker="none")
    tops.set_gid("weekly-practices")
    # Six ticks on each side, at the same heights, so the two scales share one set of grid
    # lines: 0–10 in twos on the right, 0 to five steps of whole practices on the left.
    step = math.ceil(max(max(counts), FULLER_WEEK) / DISTRESS_STEPS)
    counts_axes.set_ylim(-step * EDGE, step * (DISTRESS_STEPS + EDGE))
    counts_axes.set_yticks([step * n for n in range(DISTRESS_STEPS + 1)])
    counts_axes.set_ylabel(translate(CONTEXT, "Practices logged"))

    distress_axes = _distress_axes(counts_axes, style)
    distress = np.array(
        [np.nan if week.distress is None else week.distress for week in data.weeks], dtype=float
    )
    rated = ~np.isnan(distress)
    size = 3.0 if dense else 6.0
    # One path broken where a week has no rating; its points drawn on their own for the keys.
    distress_axes.plot(xs, distress, color=line_colour, linewidth=1.2 if dense else 1.8, zorder=4)
    (points,) = distress_axes.plot(
        xs[rated],
        distress[rated],
        linestyle="none",
        marker="o",
        markersize=size,
        markerfacecolor=line_colour,
        markeredgecolor=style.background,
        markeredgewidth=1.0,
        clip_on=False,
        zorder=5,
    )
    points.set_gid("weekly-distress")

    handles = [
        Line2D(
            [],
            [],
            linestyle="none",
            marker="s",
            markersize=9,
            markerfacecolor=bar_colour,
            markeredgecolor=bar_colour,
            label=translate(CONTEXT, "Practices that week"),
        ),
        Line2D(
            [],
            [],
            color=line_colour,
            linewidth=1.8,
            marker="o",
            markersize=6,
            markerfacecolor=line_colour,
            markeredgecolor=style.background,
            label=translate(CONTEXT, "Average distress that week"),
        ),
    ]
    date_axis(counts_axes, xs, style)
    rows = legend_above(distress_axes, handles, style, figure.get_figwidth())
    _margins(figure, style, legend_rows=rows)
    return figure


def _distress_axes(counts_axes: Axes, style: ChartStyle) -> Axes:
    """The right-hand axis, distress 0–10, over the bars and sharing their weeks."""
    axes = counts_axes.twinx()
    for side in ("top", "left", "bottom"):
        axes.spines[side].set_visible(False)
    axes.spines["right"].set_visible(False)  # as on every chart: ticks and numbers, no frame
    axes.tick_params(colors=style.grid, labelcolor=style.muted, labelsize=style.small)
    axes.set_ylim(-2 * EDGE, 2 * (DISTRESS_STEPS + EDGE))
    axes.set_yticks(range(0, 11, 2))
    axes.set_ylabel(translate(CONTEXT, "Distress (0–10)"))
    axes.yaxis.label.set_color(style.text)
    axes.yaxis.label.set_fontsize(style.font_size)
    return axes


def _margins(figure: Figure, style: ChartStyle, *, legend_rows: int) -> None:
    """A caption and two-figure numbers on each side, one row of dates and the year below,
    the legend above (as the distress chart measures its own)."""
    line, small_line = style.font_size * 1.2, style.small * 1.2
    ticks = 2 * 3.5  # tick length and the gap to its label
    side = line + 4 + ticks + 2 * 0.62 * style.small
    set_margins(
        figure,
        left=side,
        right=side,
        top=legend_rows * style.small * 1.5 + style.small * 0.8 + 6,
        bottom=ticks + small_line + 4 + line,
    )
