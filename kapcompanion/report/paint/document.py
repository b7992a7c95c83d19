"""The printout as HTML for a QTextDocument: page 1 the summary (kapcompanion.report.paint.summary),
then the detail the client chose (kapcompanion.report.paint.detail), in the order of ALL_SECTIONS,
in plain words (kapcompanion.report.content.words) and the app's light palette
(kapcompanion.report.paint.html_parts). All of the client's own words are escaped.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QLocale

from kapcompanion.report.content.build import ReportContent
from kapcompanion.report.content.options import (
    ALL_SECTIONS,
    ReportOptions,
    ReportSection,
    shown_name,
)
from kapcompanion.report.content.words import (
    CONTEXT,
    EMPTY_REPORT,
    period_text,
    section_title,
)
from kapcompanion.report.paint.detail import detail_html
from kapcompanion.report.paint.figures import ChartPicture
from kapcompanion.report.paint.html_parts import empty_html, escaped, stylesheet
from kapcompanion.report.paint.summary import (
    SUMMARY_LIMITS,
    SummaryLimits,
    summary_html,
    title_html,
)
from kapcompanion.wording.translation import translate


@dataclass(frozen=True)
class ReportDocument:
    """The HTML of the whole report and the words of its running header (the footer's are
    always the same: kapcompanion.report.paint.running_text)."""

    html: str
    charts: dict[str, ChartPicture]
    header_period: str
    header_name: str


def build_report_document(
    content: ReportContent,
    options: ReportOptions,
    charts: dict[str, ChartPicture],
    locale: QLocale | None = None,
    *,
    limits: SummaryLimits = SUMMARY_LIMITS[0],
    summary_only: bool = False,
) -> ReportDocument:
    """The whole report as HTML, in the order of ALL_SECTIONS, only the chosen sections
    (with `summary_only`, page 1 alone: to see whether it fits)."""
    locale = locale or QLocale()
    return ReportDocument(
        html=_html(content, options, charts, locale, limits, summary_only=summary_only),
        charts=charts,
        header_period=period_text(content, locale),
        header_name=shown_name(options.client_name),
    )


def _html(
    content: ReportContent,
    options: ReportOptions,
    charts: dict[str, ChartPicture],
    locale: QLocale,
    limits: SummaryLimits,
    *,
    summary_only: bool,
) -> str:
    parts = [f"<html><head><style>{stylesheet()}</style></head><body>"]
    parts.append(title_html(content, options, locale))
    if content.is_empty:
        parts.append(empty_html(translate(CONTEXT, EMPTY_REPORT)))
        return "".join(parts) + "</body></html>"
    if options.includes(ReportSection.SUMMARY):
        parts.append(summary_html(content, options, locale, limits))
    if not summary_only:
        details = [s for s in ALL_SECTIONS[1:] if options.includes(s)]
        for index, section in enumerate(details):
            # The detail starts on a fresh page after the summary: page 1 stands alone.
            new_page = index == 0 and options.includes(ReportSection.SUMMARY)
            style = ' style="page-break-before: always;"' if new_page else ""
            parts.append(f"<h1{style}>{escaped(section_title(section))}</h1>")
            parts.append(detail_html(section, content, charts, locale))
    return "".join(parts) + "</body></html>"
