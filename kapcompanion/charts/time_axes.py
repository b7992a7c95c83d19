"""The x axes the charts share: local dates, and sessions in course order with a readable
number of labels.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

import numpy as np
import numpy.typing as npt
from matplotlib.axes import Axes
from matplotlib.dates import AutoDateLocator, ConciseDateFormatter, get_epoch

from kapcompanion.charts.style import ChartStyle
from kapcompanion.course.trends import SessionDistress


def local_time(moment: datetime) -> datetime:
    """Local wall-clock time without a zone, so date labels show the client's own day."""
    return moment.astimezone().replace(tzinfo=None)


def day_numbers(moments: Sequence[datetime]) -> list[float]:
    """Matplotlib's date numbers (days since its epoch) for local wall-clock times. Plain
    arithmetic: `date2num` one moment at a time was a third of drawing a ten-year chart."""
    epoch = datetime.fromisoformat(str(get_epoch()))  # type: ignore[no-untyped-call]
    day = timedelta(days=1)
    return [(local_time(moment) - epoch) / day for moment in moments]


def date_axis(axes: Axes, xs: Sequence[float] | npt.NDArray[np.float64], style: ChartStyle) -> None:
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


def session_label(session: SessionDistress) -> str:
    if session.number is not None:
        return str(session.number)
    return local_time(session.held_at).strftime("%d %b").lstrip("0")


def label_room(count: int) -> int:
    """How many session labels an axis shows: every session of a course up to 16, and about
    eight round numbers (1, 50, 100, …) for longer ones, easier to read than many."""
    return count if count <= 16 else 8


def label_step(count: int, room: int) -> int:
    """A round step (1, 2, 5, 10, 20, 25, 50, …) so at most `room` labels are shown."""
    step, scale = 1, 1
    while count / step > room:
        for factor in (2, 5, 10):
            if count / (scale * factor) <= room:
                return scale * factor
        scale *= 10
        step = scale
    return step
