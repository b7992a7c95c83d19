"""The Trends charts as matplotlib Figures: distress across the course, the theme map,
check-in (questionnaire) scores over time, and practices against distress week by week,
drawn in the app's light or dark colours, and saved as PNG or SVG.

Pure functions from the numbers in kapcompanion.course to `matplotlib.figure.Figure` objects;
the Trends screen wraps them in a Qt canvas and the printout paints them. One module per chart
(`distress`, `theme_map`, `check_in_scores`, `practice_distress`) over a shared `style`
(colours), `fonts` (letters and their measuring), `layout` (the figure, its margins in points,
axes, legend) and `time_axes`; `saving` writes the files. Their words go through Qt's
translation lookup (context "charts", QtCore only).

Never imports Qt's painting or widgets, and never the pyplot module (its global figure state does
not belong in an application). Each name below loads its module when first asked for, and with
it matplotlib (about a second and a half), except `ChartStyle`, `MUTED_PALETTE` and `PALE_GREY`:
the Trends screen chooses its colours on the main thread and draws in the background.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kapcompanion.charts.check_in_scores import questionnaire_figure
    from kapcompanion.charts.distress import (
        DISTRESS_EMPTY,
        DISTRESS_NO_SESSIONS,
        distress_figure,
    )
    from kapcompanion.charts.fonts import FALLBACK_FONTS
    from kapcompanion.charts.practice_distress import PRACTICES_EMPTY, practice_distress_figure
    from kapcompanion.charts.saving import save_figure
    from kapcompanion.charts.style import MUTED_PALETTE, PALE_GREY, ChartStyle
    from kapcompanion.charts.theme_map import THEME_MAP_EMPTY, theme_map_figure

_MODULE_OF = {
    "DISTRESS_EMPTY": "distress",
    "DISTRESS_NO_SESSIONS": "distress",
    "FALLBACK_FONTS": "fonts",
    "MUTED_PALETTE": "style",
    "PALE_GREY": "style",
    "PRACTICES_EMPTY": "practice_distress",
    "THEME_MAP_EMPTY": "theme_map",
    "ChartStyle": "style",
    "distress_figure": "distress",
    "practice_distress_figure": "practice_distress",
    "questionnaire_figure": "check_in_scores",
    "save_figure": "saving",
    "theme_map_figure": "theme_map",
}

__all__ = [
    "DISTRESS_EMPTY",
    "DISTRESS_NO_SESSIONS",
    "FALLBACK_FONTS",
    "MUTED_PALETTE",
    "PALE_GREY",
    "PRACTICES_EMPTY",
    "THEME_MAP_EMPTY",
    "ChartStyle",
    "distress_figure",
    "practice_distress_figure",
    "questionnaire_figure",
    "save_figure",
    "theme_map_figure",
]


def __getattr__(name: str) -> Any:
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{module}"), name)
    globals()[name] = value  # asked once
    return value
