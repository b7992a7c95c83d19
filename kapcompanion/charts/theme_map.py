"""The theme map: themes (rows) by sessions (columns), each cell shaded by how often the theme
was confirmed for that session.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from matplotlib.axes import Axes
from matplotlib.colors import BoundaryNorm, ListedColormap
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.transforms import ScaledTranslation, blended_transform_factory

from kapcompanion.charts.fonts import fitted, text_width
from kapcompanion.charts.layout import (
    CONTEXT,
    FIGURE_SIZE,
    MOST_MARGIN_SHARE,
    PAD_POINTS,
    message_figure,
    new_figure,
    set_margins,
    style_axes,
)
from kapcompanion.charts.style import ChartStyle, ink_on, mix
from kapcompanion.charts.time_axes import label_room, label_step, session_label
from kapcompanion.course.trends import ThemeMap
from kapcompanion.wording.translation import translate

THEME_LABEL_CHARACTERS = 28

THEME_MAP_EMPTY = "Themes will appear here once your reflections have confirmed themes."


def theme_map_figure(theme_map: ThemeMap, style: ChartStyle) -> Figure:
    """Themes (rows, most used first) × sessions (columns): each cell shaded by how often the
    theme was confirmed for that session, with the count written in it when there is room."""
    if theme_map.is_empty:
        return message_figure(style, translate(CONTEXT, THEME_MAP_EMPTY))
    rows, columns = len(theme_map.themes), len(theme_map.sessions)
    row_height = style.font_size * 1.5 / 72
    figure = new_figure(style, max(FIGURE_SIZE[1], rows * row_height + 1.3), measured=False)
    figure.set_label(theme_map.summary())
    axes = style_axes(figure, style, grid=False)
    for spine in axes.spines.values():
        spine.set_visible(False)

    counts = np.array(theme_map.counts, dtype=int).reshape(rows, columns)
    peak = max(int(counts.max()), 1)
    # One sequential ramp of the accent: zero is the background, one is already clearly
    # visible, the most-used cell is the full accent.
    shares = [0.25 + 0.75 * (k - 1) / (peak - 1) for k in range(1, peak + 1)] if peak > 1 else [0.7]
    shades = [style.background] + [mix(style.background, style.accent, share) for share in shares]
    colour_map = ListedColormap(shades)
    norm = BoundaryNorm(np.arange(-0.5, peak + 1.5), colour_map.N)
    # Crisp cells. (Smoothing kept ten years of columns, but blurred rows into each other;
    # a 760-px chart has a pixel column for each of 500 sessions, a high-DPI screen two.)
    image = axes.imshow(counts, cmap=colour_map, norm=norm, aspect="auto", interpolation="nearest")
    image.set_gid("theme-map")

    swatch = style.font_size * 0.8
    width_points = figure.get_figwidth() * 72
    room = width_points * MOST_MARGIN_SHARE - PAD_POINTS - swatch - 6
    names = [fitted(_short(theme.name), style.font_size, room) for theme in theme_map.themes]
    axes.set_yticks(range(rows), names)
    axes.tick_params(axis="y", length=0, pad=swatch + 6, labelcolor=style.text)
    shift = ScaledTranslation(-(swatch / 2 + 3) / 72, 0, figure.dpi_scale_trans)
    swatches = axes.scatter(
        np.zeros(rows),
        np.arange(rows),
        s=swatch**2,
        marker="s",
        c=[theme.colour for theme in theme_map.themes],
        edgecolors=mix(style.background, style.text, 0.35),  # dark swatches on dark, too
        linewidths=0.6,
        transform=blended_transform_factory(axes.transAxes, axes.transData) + shift,
        clip_on=False,
        zorder=5,
    )
    swatches.set_gid("theme-swatches")

    labels = [session_label(session) for session in theme_map.sessions]
    label_width = max(len(label) for label in labels) * style.small * 0.62 + style.small * 1.5
    name_width = max(len(name) for name in names) * style.font_size * 0.56 + swatch + 24
    plot_width = figure.get_figwidth() * 72 - name_width - 2 * PAD_POINTS
    step = label_step(columns, min(max(int(plot_width / label_width), 2), label_room(columns)))
    ticks = [i for i in range(columns) if i == 0 or (i + 1) % step == 0]
    axes.set_xticks(ticks, [labels[i] for i in ticks])
    axes.tick_params(axis="x", length=0)
    axes.set_xlabel(translate(CONTEXT, "Session"))
    axes.set_xlim(-0.5, columns - 0.5)
    axes.set_ylim(rows - 0.5, -0.5)

    cell_width = plot_width / columns
    cell_height = (figure.get_figheight() * 72 - 60) / rows
    number_size = style.small
    if cell_width >= number_size * (0.62 * len(str(peak)) + 0.8) and cell_height >= number_size:
        _write_counts(axes, counts, shades, style, number_size)
        if cell_width >= 6:  # thin gaps between cells, when cells are wide enough to need them
            axes.set_xticks(np.arange(-0.5, columns), minor=True)
            axes.set_yticks(np.arange(-0.5, rows), minor=True)
            axes.grid(which="minor", color=style.background, linewidth=1.5)
            axes.tick_params(which="minor", length=0)
        key_height = 0.0
    else:
        _shade_key(axes, shades, style)
        key_height = 2 * style.small * 1.5 + 6  # its title and a row of shades
    widest = max(text_width(name, style.font_size) for name in names)
    set_margins(
        figure,
        left=widest + swatch + 6,  # the names, then the swatch and its gap
        right=label_width / 2,
        top=max(key_height, style.small),
        bottom=style.small * 1.2 + 4 + style.font_size * 1.2 + 4,  # labels, caption
    )
    return figure


def _shade_key(axes: Axes, shades: Sequence[str], style: ChartStyle) -> None:
    """Too many cells to write the counts in: a small key above the map says what the shades
    mean instead (a legend row, far cheaper to lay out than a colour bar)."""
    peak = len(shades) - 1
    shown = sorted({1, peak, *(round(peak * share) for share in (1 / 3, 2 / 3))} - {0})
    handles = [
        Patch(facecolor=shades[count], edgecolor=style.grid, linewidth=0.5, label=str(count))
        for count in shown
    ]
    key = axes.legend(
        handles=handles,
        title=translate(CONTEXT, "Times confirmed in a session"),
        loc="lower right",
        bbox_to_anchor=(1.0, 1.01),
        ncols=len(handles),
        frameon=False,
        fontsize=style.small,
        title_fontsize=style.small,
        borderaxespad=0.0,
        handlelength=1.0,
        handleheight=1.0,
        columnspacing=1.0,
        alignment="right",
    )
    key.set_gid("shade-key")
    key.get_title().set_color(style.muted)
    for text in key.get_texts():
        text.set_color(style.text)


def _short(name: str) -> str:
    if len(name) <= THEME_LABEL_CHARACTERS:
        return name
    return name[: THEME_LABEL_CHARACTERS - 1].rstrip() + "…"


def _write_counts(
    axes: Axes, counts: Any, shades: Sequence[str], style: ChartStyle, size: float
) -> None:
    inks = [ink_on(shade, style) for shade in shades]
    for row, column in zip(*np.nonzero(counts), strict=True):
        value = int(counts[row, column])
        axes.text(
            column,
            row,
            str(value),
            ha="center",
            va="center",
            fontsize=size,
            color=inks[value],
            gid="count",
        )
