"""The check-in scores chart: one questionnaire's totals over time on its full range, its
severity bands shaded and named at the right, and (PCL-5) its screening cut-point marked.

Scores are drawn as their authors publish them: WHO-5's raw 0–25 times 4, on a 0–100 axis. Its
bands are shaded the other way round (the deepest shade at the bottom), since for a well-being
measure a higher score is the better one.
"""

from __future__ import annotations

from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator
from matplotlib.transforms import blended_transform_factory

from kapcompanion.charts.fonts import text_width
from kapcompanion.charts.layout import (
    CONTEXT,
    message_figure,
    new_figure,
    set_margins,
    style_axes,
)
from kapcompanion.charts.style import ChartStyle, mix, score_colour
from kapcompanion.charts.time_axes import date_axis, day_numbers
from kapcompanion.course.trends import QuestionnaireSeries
from kapcompanion.wording.translation import translate


def questionnaire_figure(series: QuestionnaireSeries, style: ChartStyle) -> Figure:
    """Scores over time on the questionnaire's full range, its severity bands shaded softly and
    labelled at the right, and (PCL-5) the screening cut-point marked."""
    questionnaire = series.questionnaire
    if not series.points:
        return message_figure(
            style,
            translate(
                CONTEXT, "%1 scores will appear here after your first check-in.", questionnaire.name
            ),
        )
    figure = new_figure(style, measured=False)  # its margins are known: one layout pass
    figure.set_label(series.summary())
    bands = questionnaire.bands
    side_labels: list[str] = [band.label for band in bands]
    axes = style_axes(figure, style, grid=not bands)  # bands are grid enough
    scale = questionnaire.multiplier
    top = questionnaire.max_scaled_total
    label_at = blended_transform_factory(axes.transAxes, axes.transData)

    for index, band in enumerate(bands):
        deepness = len(bands) - 1 - index if questionnaire.higher_is_better else index
        share = 0.03 + 0.13 * deepness / max(len(bands) - 1, 1)
        # Each band reaches halfway to the next score there can be (WHO-5's 48 | 52 at 50).
        low = max((band.low - 0.5) * scale, 0.0)
        high = min((band.high + 0.5) * scale, float(top))
        patch = axes.axhspan(
            low, high, color=mix(style.background, style.text, share), linewidth=0, zorder=0
        )
        patch.set_gid("severity-band")
        axes.text(
            1.01,
            (low + high) / 2,
            band.label,
            transform=label_at,
            ha="left",
            va="center",
            fontsize=style.small,
            color=style.muted,
        )
    if questionnaire.screening_cut_point is not None:
        low, high = questionnaire.screening_cut_point.low, questionnaire.screening_cut_point.high
        patch = axes.axhspan(
            (low - 0.5) * scale,
            (high + 0.5) * scale,
            color=mix(style.background, style.accent, 0.3),
            linewidth=0,
            zorder=0,
        )
        patch.set_gid("screening-cut-point")
        side_labels.append(translate(CONTEXT, "screening cut-point"))
        axes.text(
            1.01,
            (low + high) / 2 * scale,
            side_labels[-1],
            transform=label_at,
            ha="left",
            va="center",
            fontsize=style.small,
            color=style.muted,
        )

    xs = day_numbers([point.taken_at for point in series.points])
    colour = score_colour(style)
    dense = len(xs) > 60
    (line,) = axes.plot(
        xs,
        [series.shown_total(point) for point in series.points],
        color=colour,
        linewidth=1.2 if dense else 1.8,
        marker="o",
        markersize=3 if dense else 6,
        markerfacecolor=colour,
        markeredgecolor=style.background,
        markeredgewidth=1.0,
        clip_on=False,  # a score of 0 or the maximum sits on the edge, whole
        zorder=4,
        label=questionnaire.name,
    )
    line.set_gid("scores")

    axes.set_ylim(0, top)
    if scale != 1:
        axes.set_yticks(range(0, top + 1, top // 4))  # a percentage: 0, 25, 50, 75, 100
    elif bands:
        axes.set_yticks(sorted({band.low for band in bands} | {top}))
    else:
        axes.yaxis.set_major_locator(MaxNLocator(nbins=5, integer=True))
    if questionnaire.higher_is_better:  # says which way is better, in the fewest words
        caption = translate(CONTEXT, "%1 well-being (0–%2)", questionnaire.name, top)
    else:
        caption = translate(CONTEXT, "%1 score (0–%2)", questionnaire.name, top)
    axes.set_ylabel(caption)
    axes.spines["left"].set_visible(False)
    axes.tick_params(axis="y", length=0)
    date_axis(axes, xs, style)
    _scores_margins(figure, style, top, side_labels)
    return figure


def _scores_margins(figure: Figure, style: ChartStyle, top: int, side_labels: list[str]) -> None:
    """Margins from what the chart holds: the y caption and its numbers (up to `top`) on the
    left, the band names at the right, one row of dates and the year below. Measured once here
    instead of by a layout engine on every draw."""
    line, small_line = style.font_size * 1.2, style.small * 1.2
    gap = 3.5  # between a tick and its label
    widest = max((text_width(label, style.small) for label in side_labels), default=0.0)
    set_margins(
        figure,
        left=line + 4 + gap + text_width(str(top), style.small),  # caption, gap, numbers
        # The names start 1% of the plot's width past it (at most 1% of the figure's).
        right=max(widest + figure.get_figwidth() * 72 * 0.01 + 2, style.small * 1.5),
        top=style.small * 0.8,  # half the top number
        bottom=2 * 3.5 + small_line + 4 + line,  # ticks, dates, a gap, the year
    )
