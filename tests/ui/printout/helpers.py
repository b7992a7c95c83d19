"""What the Printout's tests do more than once: choose everything, and hear how it ended."""

from __future__ import annotations

from kapcompanion.report.content.options import PeriodChoice
from ui.printout.view import ReportView


def choose_everything(view: ReportView) -> ReportView:
    """The whole course, every reflection and insight ticked: several pages."""
    view.period_picker.choose(PeriodChoice.WHOLE_COURSE)
    view.reflections.all_button.click()
    view.insights.all_button.click()
    return view


def outcomes(view: ReportView) -> list[str]:
    """How each save or preview of `view` ends, as it ends."""
    heard: list[str] = []
    view.output_finished.connect(heard.append)
    return heard
