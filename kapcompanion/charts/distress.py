"""The Trends charts as matplotlib Figures: distress across the course, the theme map, and
questionnaire scores over time, drawn in the app's light or dark colours.

Pure functions from the numbers in kapcompanion.course.trends to `matplotlib.figure.Figure` objects;
the Trends screen wraps them in a Qt canvas and the report prints them. Its words go through
Qt's translation lookup (kapcompanion.wording.translation, QtCore only); it never imports
Qt's painting or widgets and never the pyplot module (its global figure state does not belong in an
application), and nothing at start-up imports it: matplotlib loads when a chart is first needed.
"""

from __future__ import annotations

import io
import os
import tempfile
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
from matplotlib import font_manager, rcParams
from matplotlib.axes import Axes
from matplotlib.colors import BoundaryNorm, ListedColormap, to_hex, to_rgb
from matplotlib.dates import AutoDateLocator, ConciseDateFormatter, get_epoch
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.layout_engine import ConstrainedLayoutEngine, LayoutEngine
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.textpath import TextToPath
from matplotlib.ticker import FixedLocator, FuncFormatter, MaxNLocator
from matplotlib.transforms import ScaledTranslation, blended_transform_factory

from kapcompanion.course.trends import (
    DistressSeries,
    QuestionnaireSeries,
    SessionDistress,
    ThemeMap,
)
from kapcompanion.data_files.resource_files import load_json_resource
from kapcompanion.wording.translation import translate

# Paul Tol's colour-blind-safe "muted" scheme and its pale grey: every chart series takes its
# colour from here (theme colours come with the themes themselves).
INDIGO, CYAN, TEAL, GREEN = "#332288", "#88CCEE", "#44AA99", "#117733"
OLIVE, SAND, ROSE, WINE, PURPLE = "#999933", "#DDCC77", "#CC6677", "#882255", "#AA4499"
PALE_GREY = "#DDDDDD"
MUTED_PALETTE = (INDIGO, CYAN, TEAL, GREEN, OLIVE, SAND, ROSE, WINE, PURPLE)

FIGURE_SIZE = (7.6, 4.0)  # inches: 760 × 400 px at 100 dpi; the UI sets the real dpi
FIGURE_DPI = 100.0
PNG_DPI = 200
PAD_POINTS = 8.0  # the app's 8-px spacing grid, around and between the parts of a figure
MOST_MARGIN_SHARE = 0.45  # of a figure's width or height that labels beside the plot may take
THEME_LABEL_CHARACTERS = 28
TEXT_TO_PATH = TextToPath()

DISTRESS_EMPTY = "Distress ratings will appear here after your first session."
DISTRESS_NO_SESSIONS = (
    "Ratings from reflections not linked to a session show when you view by date."
)
THEME_MAP_EMPTY = "Themes will appear here once your reflections have confirmed themes."


# Fonts for letters the charts' own font (DejaVu Sans) lacks: Chinese, Japanese, Korean and
# more, so a theme named in any script is drawn, not shown as empty boxes. Those installed are
# tried in this order, letter by letter, after DejaVu Sans.
FALLBACK_FONTS = (
    "Noto Sans",
    "Noto Sans CJK JP",
    "Noto Sans CJK SC",
    "Noto Sans CJK TC",
    "Noto Sans CJK KR",
    "Source Han Sans",
    "Droid Sans Fallback",
    "WenQuanYi Zen Hei",
    "Arial Unicode MS",
    "Microsoft YaHei",
    "Yu Gothic",
    "Malgun Gothic",
    "Hiragino Sans",
    "PingFang SC",
    "Apple SD Gothic Neo",
    "Noto Color Emoji",
)


def _use_fallback_fonts() -> None:
    """Put the installed fallback fonts right after DejaVu Sans (matplotlib's settings are
    the program's own, and charts are the only thing drawn with them)."""
    installed = {font.name for font in font_manager.fontManager.ttflist}
    # Named one by one: matplotlib falls back letter by letter only along the family list.
    rcParams["font.family"] = [
        "DejaVu Sans",
        *(name for name in FALLBACK_FONTS if name in installed),
    ]


_use_fallback_fonts()


def _words(source: str, *values: object) -> str:
    """A chart's words in the installed language (the sentences above are translated here,
    when drawn, so a translation installed after import still applies)."""
    return translate("charts", source, *values)


@dataclass(frozen=True)
class ChartStyle:
    """The colours and type size a chart is drawn in, so charts follow the app's scheme."""

    text: str
    muted: str
    background: str
    grid: str
    accent: str
    font_size: float = 10.0
    # The width the chart will be shown at, so legends and labels are laid out for it
    # (None: the standard width).
    width_inches: float | None = None

    @classmethod
    def light(cls) -> ChartStyle:
        """The light scheme from resources/style/tokens.json (charts sit on a card surface)."""
        return cls._from_tokens("light")

    @classmethod
    def dark(cls) -> ChartStyle:
        """The dark scheme from resources/style/tokens.json."""
        return cls._from_tokens("dark")

    @classmethod
    def _from_tokens(cls, scheme: str) -> ChartStyle:
        palette = _palettes()[scheme]
        return cls(
            text=palette["text"],
            muted=palette["muted_text"],
            background=palette["surface"],
            grid=palette["border"],
            accent=palette["accent"],
        )

    @property
    def small(self) -> float:
        return self.font_size * 0.9

    @property
    def is_dark(self) -> bool:
        return _luminance(self.background) < 0.5


@cache
def _palettes() -> dict[str, dict[str, str]]:
    palettes: dict[str, dict[str, str]] = load_json_resource("style", "tokens.json")["palettes"]
    return palettes


# Colour arithmetic --------------------------------------------------------------------------


def _luminance(colour: str) -> float:
    """WCAG relative luminance, 0 (black) to 1 (white)."""

    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(channel) for channel in to_rgb(colour))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def _mix(start: str, end: str, share: float) -> str:
    """The colour `share` of the way from `start` to `end`."""
    (r1, g1, b1), (r2, g2, b2) = to_rgb(start), to_rgb(end)
    return to_hex((r1 + (r2 - r1) * share, g1 + (g2 - g1) * share, b1 + (b2 - b1) * share))


def _ink_on(fill: str, style: ChartStyle) -> str:
    """Whichever of the style's text and background colours reads better on `fill`."""
    fill_light = _luminance(fill)

    def contrast(ink: str) -> float:
        lighter, darker = sorted((fill_light, _luminance(ink)), reverse=True)
        return (lighter + 0.05) / (darker + 0.05)

    return max((style.text, style.background), key=contrast)


def _before_after_colours(style: ChartStyle) -> tuple[str, str]:
    """Before / after colours with enough contrast on the background: a rose family for
    before, a green family for after, in the shade that reads on light or dark."""
    return (ROSE, TEAL) if style.is_dark else (WINE, GREEN)


def _score_colour(style: ChartStyle) -> str:
    return CYAN if style.is_dark else INDIGO


# Figure scaffolding -------------------------------------------------------------------------


MIN_WIDTH_INCHES = 3.0


def _new_figure(
    style: ChartStyle, height: float = FIGURE_SIZE[1], *, measured: bool = True
) -> Figure:
    """A figure at the width the chart is shown at. `measured` lays it out by measuring every
    label (constrained layout); without it, the chart sets its own margins (`_set_margins`)."""
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


class _MarginsInPoints(LayoutEngine):
    """Margins kept in points, applied to whatever size the figure has when it is drawn: one
    cheap step, unlike constrained layout's measuring of every label, and right after the
    figure is resized (by the screen, or by the printout choosing its height)."""

    _adjust_compatible = True
    _colorbar_gridspec = False

    def __init__(self, left: float, right: float, top: float, bottom: float) -> None:
        super().__init__()
        self._margins = (left, right, top, bottom)

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


def _set_margins(figure: Figure, *, left: float, right: float, top: float, bottom: float) -> None:
    """Place the axes with margins given in points, plus the spacing grid's pad around all."""
    figure.set_layout_engine(
        _MarginsInPoints(*(PAD_POINTS + margin for margin in (left, right, top, bottom)))
    )


def _message_figure(style: ChartStyle, message: str) -> Figure:
    """A friendly sentence in the middle and no axes: never an empty chart."""
    figure = _new_figure(style)
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


def _style_axes(figure: Figure, style: ChartStyle, *, grid: bool = True) -> Axes:
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


def _local(moment: datetime) -> datetime:
    """Local wall-clock time without a zone, so date labels show the client's own day."""
    return moment.astimezone().replace(tzinfo=None)


def _days(moments: Sequence[datetime]) -> list[float]:
    """Matplotlib's date numbers (days since its epoch) for local wall-clock times. Plain
    arithmetic: `date2num` one moment at a time was a third of drawing a ten-year chart."""
    epoch = datetime.fromisoformat(str(get_epoch()))  # type: ignore[no-untyped-call]
    day = timedelta(days=1)
    return [(_local(moment) - epoch) / day for moment in moments]


def _date_axis(
    axes: Axes, xs: Sequence[float] | npt.NDArray[np.float64], style: ChartStyle
) -> None:
    locator = AutoDateLocator(minticks=3, maxticks=8)  # type: ignore[no-untyped-call]
    axes.xaxis.set_major_locator(locator)
    # The line under the labels says the year (days labelled across a month's end would make
    # "2026-Nov" wrong for the October ones); hours, when shown, get their whole day.
    offsets = ["", "%Y", "%Y", "%d %B %Y", "%d %B %Y", "%d %B %Y %H:%M"]
    formatter = ConciseDateFormatter(locator, offset_formats=offsets)  # type: ignore[no-untyped-call]
    axes.xaxis.set_major_formatter(formatter)
    low, high = float(np.min(xs)), float(np.max(xs))
    margin = max((high - low) * 0.04, 7.0)  # a lone point sits in a fortnight, not a blur
    axes.set_xlim(low - margin, high + margin)
    axes.xaxis.get_offset_text().set_fontsize(style.small)
    axes.xaxis.get_offset_text().set_color(style.muted)


def _session_label(session: SessionDistress) -> str:
    if session.number is not None:
        return str(session.number)
    return _local(session.held_at).strftime("%d %b").lstrip("0")


def _label_room(count: int) -> int:
    """How many session labels an axis shows: every session of a course up to 16, and about
    eight round numbers (1, 50, 100, …) for longer ones, easier to read than many."""
    return count if count <= 16 else 8


def _label_step(count: int, room: int) -> int:
    """A round step (1, 2, 5, 10, 20, 25, 50, …) so at most `room` labels are shown."""
    step, scale = 1, 1
    while count / step > room:
        for factor in (2, 5, 10):
            if count / (scale * factor) <= room:
                return scale * factor
        scale *= 10
        step = scale
    return step


def _legend(axes: Axes, handles: Sequence[Line2D], style: ChartStyle, width: float) -> int:
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


# Distress across the course -----------------------------------------------------------------


def distress_figure(series: DistressSeries, style: ChartStyle, *, by: str = "number") -> Figure:
    """Distress before and after each dosing session (joined by a line), reflection start and
    end ratings as lighter points, and a dashed trend line through the after-session ratings.

    `by` is "number" (x is the session in course order, labelled by its number) or "date".
    """
    if by not in ("number", "date"):
        raise ValueError(f'Distress can be shown by "number" or "date", not {by!r}.')
    if series.is_empty:
        return _message_figure(style, _words(DISTRESS_EMPTY))
    sessions = series.sessions
    if by == "number":
        session_x = [float(position + 1) for position in range(len(sessions))]
        reflection_x: Sequence[float | None] = _reflections_beside_sessions(series)
    else:
        session_x = _days([session.held_at for session in sessions])
        reflection_x = _days([reflection.written_at for reflection in series.reflections])
    nan = float("nan")
    session_xs = np.asarray(session_x, dtype=float)
    reflection_xs = np.array([nan if x is None else x for x in reflection_x], dtype=float)

    def ratings(values: Sequence[int | None]) -> npt.NDArray[np.float64]:
        return np.array([nan if value is None else value for value in values], dtype=float)

    befores = (session_xs, ratings([s.before for s in sessions]))
    afters = (session_xs, ratings([s.after for s in sessions]))
    starts = (reflection_xs, ratings([r.start for r in series.reflections]))
    ends = (reflection_xs, ratings([r.end for r in series.reflections]))
    # NaN in x or y: a point with no place or no rating, left out of the drawing.
    shown = [~np.isnan(xs) & ~np.isnan(ys) for xs, ys in (befores, afters, starts, ends)]
    if not any(mask.any() for mask in shown):
        return _message_figure(style, _words(DISTRESS_NO_SESSIONS))

    figure = _new_figure(style, measured=False)  # its margins are known: one layout pass
    figure.set_label(series.summary())
    axes = _style_axes(figure, style)
    before_colour, after_colour = _before_after_colours(style)
    # Many sessions shrink the markers and fade the joins, so that ten years still read as a
    # shape, not a smear.
    size = float(np.clip(7.0 * np.sqrt(40 / max(len(sessions), 1)), 2.5, 7.0))
    dense = len(sessions) > 60

    # Each session's before and after joined by a short line: one path broken by NaNs,
    # (drawing is the same as one line per session, and many times faster to build).
    pairs = [
        (x, s.before, s.after)
        for x, s in zip(session_x, sessions, strict=True)
        if s.before is not None and s.after is not None
    ]
    if pairs:
        nan = float("nan")
        (joins,) = axes.plot(
            [value for x, _before, _after in pairs for value in (x, x, nan)],
            [value for _x, before, after in pairs for value in (before, after, nan)],
            color=style.muted,
            linewidth=0.6 if dense else 1.5,
            alpha=0.35 if dense else 0.55,
            solid_capstyle="butt",
            zorder=2,
        )
        joins.set_gid("before-after")

    handles: list[Line2D] = []
    for (xs, ys), mask, gid, label, colour, hollow, scale, alpha in (
        (
            befores,
            shown[0],
            "before-session",
            _words("Before session"),
            before_colour,
            True,
            1.0,
            1.0,
        ),
        (afters, shown[1], "after-session", _words("After session"), after_colour, False, 1.0, 1.0),
        (
            starts,
            shown[2],
            "reflection-start",
            _words("Reflection start"),
            before_colour,
            True,
            0.7,
            0.5,
        ),
        (ends, shown[3], "reflection-end", _words("Reflection end"), after_colour, False, 0.7, 0.5),
    ):
        if not mask.any():
            continue
        (line,) = axes.plot(
            xs[mask],
            ys[mask],
            linestyle="none",
            marker="o",
            markersize=size * scale,
            markeredgewidth=max(size * scale / 4.5, 0.8),
            markeredgecolor=colour,
            markerfacecolor=style.background if hollow else colour,
            alpha=alpha,
            label=label,
            zorder=4 if scale == 1.0 else 3,
        )
        line.set_gid(gid)  # how tests and the screen find a series, in any language
        handles.append(line)

    trend = series.trend()
    if trend is not None:
        slope, intercept = trend
        rated_positions = [i for i, s in enumerate(sessions) if s.after is not None]
        first, last = rated_positions[0], rated_positions[-1]
        # By number the line is straight: its two ends are enough (a dashed path through
        # every session cost Agg as much as all the markers). By date it bends with the gaps.
        span = (first, last) if by == "number" else range(first, last + 1)
        (line,) = axes.plot(
            [session_x[i] for i in span],
            [slope * i + intercept for i in span],
            color=style.muted,
            linestyle=(0, (5, 4)),
            linewidth=1.4,
            label=_words("Trend after sessions"),
            zorder=5,
        )
        line.set_gid("trend")
        handles.append(line)

    axes.set_ylim(-0.5, 10.5)
    axes.set_yticks(range(0, 11, 2))
    axes.set_ylabel(_words("Distress (0–10)"))
    if by == "number":
        _number_axis(axes, sessions)
        axes.set_xlim(0.4, max(len(sessions), 1) + 0.6)
    else:
        placed = zip((befores, afters, starts, ends), shown, strict=True)
        _date_axis(axes, np.concatenate([xs[mask] for (xs, _ys), mask in placed]), style)
    rows = _legend(axes, handles, style, figure.get_figwidth())
    _distress_margins(figure, style, legend_rows=rows)
    return figure


def _distress_margins(figure: Figure, style: ChartStyle, *, legend_rows: int) -> None:
    """Margins for the distress chart, from what it holds: y labels 0–10 and the y caption
    on the left, one row of x labels and a caption (or the year) below, the legend above.
    Measured once here instead of by a layout engine on every draw (a third of the time)."""
    line, small_line = style.font_size * 1.2, style.small * 1.2
    ticks = 2 * 3.5  # tick length and the gap to its label
    _set_margins(
        figure,
        left=line + 4 + ticks + 2 * 0.62 * style.small,  # caption, its gap, "10"
        right=style.small * 1.5,  # half the last x label
        top=legend_rows * style.small * 1.5 + style.small * 0.8 + 6,  # rows, border, gap
        bottom=ticks + small_line + 4 + line,  # labels, a gap, then the caption or year
    )


def _reflections_beside_sessions(series: DistressSeries) -> list[float | None]:
    """By number, a reflection sits just right of its session (several side by side);
    reflections that belong to no session in the series have no place (None)."""
    position = {session.session_id: index for index, session in enumerate(series.sessions)}
    seen: dict[object, int] = {}
    result: list[float | None] = []
    for reflection in series.reflections:
        index = position.get(reflection.session_id) if reflection.session_id else None
        if index is None:
            result.append(None)
            continue
        order = seen.get(reflection.session_id, 0)
        seen[reflection.session_id] = order + 1
        result.append(index + 1 + 0.18 + 0.08 * min(order, 3))
    return result


def _number_axis(axes: Axes, sessions: Sequence[SessionDistress]) -> None:
    labels = [_session_label(session) for session in sessions]
    step = _label_step(len(sessions), _label_room(len(sessions)))
    ticks = [i + 1 for i in range(len(sessions)) if i == 0 or (i + 1) % step == 0]
    axes.xaxis.set_major_locator(FixedLocator(ticks))
    axes.xaxis.set_major_formatter(
        FuncFormatter(lambda x, _pos: labels[int(x) - 1] if 1 <= x <= len(labels) else "")
    )
    axes.set_xlabel(_words("Session"))


# Theme map ----------------------------------------------------------------------------------


def theme_map_figure(theme_map: ThemeMap, style: ChartStyle) -> Figure:
    """Themes (rows, most used first) × sessions (columns): each cell shaded by how often the
    theme was confirmed for that session, with the count written in it when there is room."""
    if theme_map.is_empty:
        return _message_figure(style, _words(THEME_MAP_EMPTY))
    rows, columns = len(theme_map.themes), len(theme_map.sessions)
    row_height = style.font_size * 1.5 / 72
    figure = _new_figure(style, max(FIGURE_SIZE[1], rows * row_height + 1.3), measured=False)
    figure.set_label(theme_map.summary())
    axes = _style_axes(figure, style, grid=False)
    for spine in axes.spines.values():
        spine.set_visible(False)

    counts = np.array(theme_map.counts, dtype=int).reshape(rows, columns)
    peak = max(int(counts.max()), 1)
    # One sequential ramp of the accent: zero is the background, one is already clearly
    # visible, the most-used cell is the full accent.
    shares = [0.25 + 0.75 * (k - 1) / (peak - 1) for k in range(1, peak + 1)] if peak > 1 else [0.7]
    shades = [style.background] + [_mix(style.background, style.accent, share) for share in shares]
    colour_map = ListedColormap(shades)
    norm = BoundaryNorm(np.arange(-0.5, peak + 1.5), colour_map.N)
    # Crisp cells. (Smoothing kept ten years of columns, but blurred rows into each other;
    # a 760-px chart has a pixel column for each of 500 sessions, a high-DPI screen two.)
    image = axes.imshow(counts, cmap=colour_map, norm=norm, aspect="auto", interpolation="nearest")
    image.set_gid("theme-map")

    swatch = style.font_size * 0.8
    width_points = figure.get_figwidth() * 72
    room = width_points * MOST_MARGIN_SHARE - PAD_POINTS - swatch - 6
    names = [_fitted(_short(theme.name), style.font_size, room) for theme in theme_map.themes]
    axes.set_yticks(range(rows), names)
    axes.tick_params(axis="y", length=0, pad=swatch + 6, labelcolor=style.text)
    shift = ScaledTranslation(-(swatch / 2 + 3) / 72, 0, figure.dpi_scale_trans)
    swatches = axes.scatter(
        np.zeros(rows),
        np.arange(rows),
        s=swatch**2,
        marker="s",
        c=[theme.colour for theme in theme_map.themes],
        edgecolors=_mix(style.background, style.text, 0.35),  # dark swatches on dark, too
        linewidths=0.6,
        transform=blended_transform_factory(axes.transAxes, axes.transData) + shift,
        clip_on=False,
        zorder=5,
    )
    swatches.set_gid("theme-swatches")

    labels = [_session_label(session) for session in theme_map.sessions]
    label_width = max(len(label) for label in labels) * style.small * 0.62 + style.small * 1.5
    name_width = max(len(name) for name in names) * style.font_size * 0.56 + swatch + 24
    plot_width = figure.get_figwidth() * 72 - name_width - 2 * PAD_POINTS
    step = _label_step(columns, min(max(int(plot_width / label_width), 2), _label_room(columns)))
    ticks = [i for i in range(columns) if i == 0 or (i + 1) % step == 0]
    axes.set_xticks(ticks, [labels[i] for i in ticks])
    axes.tick_params(axis="x", length=0)
    axes.set_xlabel(_words("Session"))
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
    widest = max(_text_width(name, style.font_size) for name in names)
    _set_margins(
        figure,
        left=widest + swatch + 6,  # the names, then the swatch and its gap
        right=label_width / 2,
        top=max(key_height, style.small),
        bottom=style.small * 1.2 + 4 + style.font_size * 1.2 + 4,  # labels, caption
    )
    return figure


def _text_width(words: str, size: float) -> float:
    """How wide `words` are in points at `size`, in the charts' font, from its metrics alone.
    (Measured in the first font only: a letter it lacks counts as its box, about as wide as
    the fallback font's letter, and is not worth a warning.)"""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", "Glyph .* missing from font")
        width, _height, _descent = TEXT_TO_PATH.get_text_width_height_descent(
            words, FontProperties(size=size), ismath=False
        )
    return float(width)


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
        title=_words("Times confirmed in a session"),
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


def _fitted(name: str, size: float, room: float) -> str:
    """`name`, shortened with an ellipsis until it is no wider than `room` points."""
    if _text_width(name, size) <= room:
        return name
    while len(name) > 1 and _text_width(name + "…", size) > room:
        name = name[:-1].rstrip()
    return name + "…"


def _short(name: str) -> str:
    if len(name) <= THEME_LABEL_CHARACTERS:
        return name
    return name[: THEME_LABEL_CHARACTERS - 1].rstrip() + "…"


def _write_counts(
    axes: Axes, counts: Any, shades: Sequence[str], style: ChartStyle, size: float
) -> None:
    inks = [_ink_on(shade, style) for shade in shades]
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


# Questionnaire scores -----------------------------------------------------------------------


def questionnaire_figure(series: QuestionnaireSeries, style: ChartStyle) -> Figure:
    """Scores over time on the questionnaire's full range, its severity bands shaded softly and
    labelled at the right, and (PCL-5) the reference range marked."""
    questionnaire = series.questionnaire
    if not series.points:
        return _message_figure(
            style,
            _words("%1 scores will appear here after your first check-in.", questionnaire.name),
        )
    figure = _new_figure(style)
    figure.set_label(series.summary())
    bands = questionnaire.bands
    axes = _style_axes(figure, style, grid=not bands)  # bands are grid enough
    top = questionnaire.max_total
    label_at = blended_transform_factory(axes.transAxes, axes.transData)

    for index, band in enumerate(bands):
        share = 0.03 + 0.13 * index / max(len(bands) - 1, 1)
        low, high = max(band.low - 0.5, 0.0), min(band.high + 0.5, float(top))
        patch = axes.axhspan(
            low, high, color=_mix(style.background, style.text, share), linewidth=0, zorder=0
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
    if questionnaire.reference_range is not None:
        low, high = questionnaire.reference_range
        patch = axes.axhspan(
            low - 0.5,
            high + 0.5,
            color=_mix(style.background, style.accent, 0.3),
            linewidth=0,
            zorder=0,
        )
        patch.set_gid("reference-range")
        axes.text(
            1.01,
            (low + high) / 2,
            "reference range",
            transform=label_at,
            ha="left",
            va="center",
            fontsize=style.small,
            color=style.muted,
        )

    xs = _days([point.taken_at for point in series.points])
    colour = _score_colour(style)
    dense = len(xs) > 60
    (line,) = axes.plot(
        xs,
        [point.total for point in series.points],
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
    if bands:
        axes.set_yticks(sorted({band.low for band in bands} | {top}))
    else:
        axes.yaxis.set_major_locator(MaxNLocator(nbins=5, integer=True))
    axes.set_ylabel(_words("%1 score (0–%2)", questionnaire.name, top))
    axes.spines["left"].set_visible(False)
    axes.tick_params(axis="y", length=0)
    _date_axis(axes, xs, style)
    return figure


# Saving -------------------------------------------------------------------------------------


def save_figure(figure: Figure, path: Path) -> None:
    """Write the chart as PNG (200 dpi) or SVG, chosen by the file's suffix.

    The file is written next to its final name and then moved into place, so an existing
    chart is never left half-written. Raises ValueError for any other suffix.
    """
    kind = path.suffix.lower().lstrip(".")
    if kind not in ("png", "svg"):
        raise ValueError(f"Charts can be saved as .png or .svg, not {path.suffix or path.name!r}.")
    metadata: dict[str, Any] = {"Title": figure.get_label()} if figure.get_label() else {}
    buffer = io.BytesIO()
    figure.savefig(
        buffer,
        format=kind,
        dpi=PNG_DPI if kind == "png" else FIGURE_DPI,
        facecolor=figure.get_facecolor(),
        metadata=metadata,
    )
    descriptor, temporary = tempfile.mkstemp(prefix=".chart-", suffix=path.suffix, dir=path.parent)
    try:
        with os.fdopen(descriptor, "wb") as file:
            file.write(buffer.getvalue())
        Path(temporary).replace(path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


__all__ = [
    "MUTED_PALETTE",
    "PALE_GREY",
    "ChartStyle",
    "distress_figure",
    "questionnaire_figure",
    "save_figure",
    "theme_map_figure",
]
