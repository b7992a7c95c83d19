"""The distress chart: before and after each dosing session, reflections' start and end
ratings beside them, quick check-ins between them, and the trend after sessions, by session
number or by date.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from datetime import datetime, timedelta
from itertools import pairwise

import numpy as np
import numpy.typing as npt
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.ticker import FixedLocator, FuncFormatter

from kapcompanion.charts.layout import (
    CONTEXT,
    legend_above,
    message_figure,
    new_figure,
    set_margins,
    style_axes,
)
from kapcompanion.charts.style import ChartStyle, before_after_colours, quick_check_in_colour
from kapcompanion.charts.time_axes import (
    date_axis,
    day_numbers,
    label_room,
    label_step,
    session_label,
)
from kapcompanion.course.trends import DistressSeries, SessionDistress
from kapcompanion.wording.translation import translate

DISTRESS_EMPTY = "Distress ratings will appear here after your first session."
DISTRESS_NO_SESSIONS = (
    "Ratings not linked to a session (reflections, quick check-ins) show when you view by date."
)
A_WEEK = timedelta(days=7)


def distress_figure(series: DistressSeries, style: ChartStyle, *, by: str = "number") -> Figure:
    """Distress before and after each dosing session (joined by a line), reflection start and
    end ratings as lighter points, quick check-ins as diamonds, and a dashed trend line through
    the after-session ratings.

    `by` is "number" (x is the session in course order, labelled by its number) or "date".
    """
    if by not in ("number", "date"):
        raise ValueError(f'Distress can be shown by "number" or "date", not {by!r}.')
    if series.is_empty:
        return message_figure(style, translate(CONTEXT, DISTRESS_EMPTY))
    sessions = series.sessions
    if by == "number":
        session_x = [float(position + 1) for position in range(len(sessions))]
        reflection_x: Sequence[float | None] = _reflections_beside_sessions(series)
        quick_x: Sequence[float | None] = quick_check_ins_between_sessions(series)
    else:
        session_x = day_numbers([session.held_at for session in sessions])
        reflection_x = day_numbers([reflection.written_at for reflection in series.reflections])
        quick_x = day_numbers([quick.rated_at for quick in series.quick])
    nan = float("nan")
    session_xs = np.asarray(session_x, dtype=float)
    reflection_xs = np.array([nan if x is None else x for x in reflection_x], dtype=float)
    quick_xs = np.array([nan if x is None else x for x in quick_x], dtype=float)

    def ratings(values: Sequence[int | None]) -> npt.NDArray[np.float64]:
        return np.array([nan if value is None else value for value in values], dtype=float)

    befores = (session_xs, ratings([s.before for s in sessions]))
    afters = (session_xs, ratings([s.after for s in sessions]))
    starts = (reflection_xs, ratings([r.start for r in series.reflections]))
    ends = (reflection_xs, ratings([r.end for r in series.reflections]))
    quicks = (quick_xs, ratings([quick.value for quick in series.quick]))
    # NaN in x or y: a point with no place or no rating, left out of the drawing.
    shown = [~np.isnan(xs) & ~np.isnan(ys) for xs, ys in (befores, afters, starts, ends, quicks)]
    if not any(mask.any() for mask in shown):
        return message_figure(style, translate(CONTEXT, DISTRESS_NO_SESSIONS))

    figure = new_figure(style, measured=False)  # its margins are known: one layout pass
    figure.set_label(series.summary())
    axes = style_axes(figure, style)
    before_colour, after_colour = before_after_colours(style)
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
    quick_colour = quick_check_in_colour(style)
    for (xs, ys), mask, gid, label, colour, hollow, scale, alpha, marker in (
        (
            befores,
            shown[0],
            "before-session",
            translate(CONTEXT, "Before session"),
            before_colour,
            True,
            1.0,
            1.0,
            "o",
        ),
        (
            afters,
            shown[1],
            "after-session",
            translate(CONTEXT, "After session"),
            after_colour,
            False,
            1.0,
            1.0,
            "o",
        ),
        (
            starts,
            shown[2],
            "reflection-start",
            translate(CONTEXT, "Reflection start"),
            before_colour,
            True,
            0.7,
            0.5,
            "o",
        ),
        (
            ends,
            shown[3],
            "reflection-end",
            translate(CONTEXT, "Reflection end"),
            after_colour,
            False,
            0.7,
            0.5,
            "o",
        ),
        (
            quicks,
            shown[4],
            "quick-check-in",
            translate(CONTEXT, "Quick check-in"),
            quick_colour,
            False,
            0.85,
            1.0,
            "D",  # a diamond: told apart by shape, not only by colour
        ),
    ):
        if not mask.any():
            continue
        (line,) = axes.plot(
            xs[mask],
            ys[mask],
            linestyle="none",
            marker=marker,
            markersize=size * scale,
            markeredgewidth=max(size * scale / 4.5, 0.8),
            markeredgecolor=colour,
            markerfacecolor=style.background if hollow else colour,
            alpha=alpha,
            label=label,
            zorder=4 if alpha == 1.0 else 3,
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
            label=translate(CONTEXT, "Trend after sessions"),
            zorder=5,
        )
        line.set_gid("trend")
        handles.append(line)

    axes.set_ylim(-0.5, 10.5)
    axes.set_yticks(range(0, 11, 2))
    axes.set_ylabel(translate(CONTEXT, "Distress (0–10)"))
    if by == "number":
        _number_axis(axes, sessions)
        placed_quick = quick_xs[shown[4]]
        low = min(0.4, float(placed_quick.min()) - 0.2) if placed_quick.size else 0.4
        high = max(len(sessions), 1) + 0.6
        if placed_quick.size:
            high = max(high, float(placed_quick.max()) + 0.2)
        axes.set_xlim(low, high)
    else:
        placed = zip((befores, afters, starts, ends, quicks), shown, strict=True)
        date_axis(axes, np.concatenate([xs[mask] for (xs, _ys), mask in placed]), style)
    rows = legend_above(axes, handles, style, figure.get_figwidth())
    _distress_margins(figure, style, legend_rows=rows)
    return figure


def _distress_margins(figure: Figure, style: ChartStyle, *, legend_rows: int) -> None:
    """Margins for the distress chart, from what it holds: y labels 0–10 and the y caption
    on the left, one row of x labels and a caption (or the year) below, the legend above.
    Measured once here instead of by a layout engine on every draw (a third of the time)."""
    line, small_line = style.font_size * 1.2, style.small * 1.2
    ticks = 2 * 3.5  # tick length and the gap to its label
    set_margins(
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


def quick_check_ins_between_sessions(series: DistressSeries) -> list[float | None]:
    """By number, a quick check-in sits between the sessions it came between, as far along as
    its time was (a check-in halfway through the week between sessions 2 and 3 is at 2.5).
    Before the first session or after the last it is as far out as the usual time between
    sessions says (a week when there is only one), but all of them within one session's width:
    months of check-ins after a course do not squeeze its sessions into a corner. None when
    there are no sessions."""
    sessions = series.sessions
    if not sessions:
        return [None] * len(series.quick)
    times = [session.held_at for session in sessions]
    gaps = [later - earlier for earlier, later in pairwise(times)]
    usual = sorted(gaps)[len(gaps) // 2] if gaps else A_WEEK  # the middle one
    usual = usual if usual > timedelta(0) else A_WEEK
    moments = [quick.rated_at for quick in series.quick]
    # The time before the first session and after the last that one session's width stands for.
    before = max([usual, *(times[0] - moment for moment in moments)])
    after = max([usual, *(moment - times[-1] for moment in moments)])
    return [_course_place(moment, times, before, after) for moment in moments]


def _course_place(
    moment: datetime, times: Sequence[datetime], before: timedelta, after: timedelta
) -> float:
    held = bisect_right(times, moment)  # sessions held at or before `moment`
    if held == 0:
        return 1 - (times[0] - moment) / before
    if held == len(times):
        return len(times) + (moment - times[-1]) / after
    earlier, later = times[held - 1], times[held]
    span = later - earlier
    share = (moment - earlier) / span if span > timedelta(0) else 0.5
    return held + share


def _number_axis(axes: Axes, sessions: Sequence[SessionDistress]) -> None:
    labels = [session_label(session) for session in sessions]
    step = label_step(len(sessions), label_room(len(sessions)))
    ticks = [i + 1 for i in range(len(sessions)) if i == 0 or (i + 1) % step == 0]
    axes.xaxis.set_major_locator(FixedLocator(ticks))
    axes.xaxis.set_major_formatter(
        FuncFormatter(lambda x, _pos: labels[int(x) - 1] if 1 <= x <= len(labels) else "")
    )
    axes.set_xlabel(translate(CONTEXT, "Session"))
