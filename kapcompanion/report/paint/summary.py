"""Page 1 of the printout: the title block (period, name, the client's note) and the summary a
clinician reads in a minute: sessions, questionnaire scores, themes, what is worth asking
about, and key insights."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QLocale

from kapcompanion.report.content.build import FlagKind, ReportContent
from kapcompanion.report.content.options import ReportOptions, ReportSection, shown_name
from kapcompanion.report.content.words import (
    CONTEXT,
    flag_words,
    no_flags_text,
    period_text,
    section_title,
)
from kapcompanion.report.paint.html_parts import empty_html, escaped, writing_html
from kapcompanion.report.paint.tables import score_table, session_table
from kapcompanion.wording.translation import translate

SUMMARY_THEMES = 5
INSIGHT_CHARACTERS = 240  # a longer insight is shortened on page 1 when the detail has it


@dataclass(frozen=True)
class SummaryLimits:
    """How much page 1 lists; the render module takes the first of `SUMMARY_LIMITS` that
    lets the summary fit on one page. Everything left out here follows in the detail."""

    sessions: int  # the latest dosing sessions
    insights: int
    flags_per_kind: int


SUMMARY_LIMITS = (SummaryLimits(8, 5, 4), SummaryLimits(5, 3, 2), SummaryLimits(3, 2, 1))


def title_html(content: ReportContent, options: ReportOptions, locale: QLocale) -> str:
    """What the report is, its period, the client's name and note, at the top of page 1."""
    kicker = translate(CONTEXT, "KAP Companion · a report for the therapist")
    lines = [
        f'<p class="kicker">{escaped(kicker)}</p>',
        f'<h1 style="margin-top: 0px;">{escaped(section_title(ReportSection.SUMMARY))}</h1>'
        if options.includes(ReportSection.SUMMARY) or content.is_empty
        else "",
    ]
    about = [translate(CONTEXT, "Period: %1", period_text(content, locale))]
    if shown_name(options.client_name):
        about.append(translate(CONTEXT, "From: %1", shown_name(options.client_name)))
    lines.append(f'<p class="meta">{escaped("   ·   ".join(about))}</p>')
    note = options.note_to_therapist.strip()
    if note:
        heading = escaped(translate(CONTEXT, "A note for you"))
        lines.append(
            '<table class="note" width="100%" cellpadding="8" cellspacing="0"><tr><td>'
            f"<h4 style='margin-top: 0px;'>{heading}</h4>{writing_html(note)}</td></tr></table>"
        )
    return "".join(lines)


def summary_html(
    content: ReportContent, options: ReportOptions, locale: QLocale, limits: SummaryLimits
) -> str:
    """The summary under the title, within `limits`."""
    summary = _Summary(content, options, locale, limits)
    return "".join(
        [
            summary.sessions(),
            summary.scores(),
            summary.themes(),
            summary.flags(),
            summary.insights(),
        ]
    )


def _heading(words: str) -> str:
    return f"<h2>{escaped(words)}</h2>"


def _shortened(text: str) -> str:
    if len(text) <= INSIGHT_CHARACTERS:
        return text
    return text[: INSIGHT_CHARACTERS - 1].rstrip() + "…"


@dataclass(frozen=True)
class _Summary:
    content: ReportContent
    options: ReportOptions
    locale: QLocale
    limits: SummaryLimits

    def sessions(self) -> str:
        dosing = self.content.dosing_sessions
        others = len(self.content.sessions) - len(dosing)
        parts = [_heading(translate(CONTEXT, "Sessions"))]
        if not dosing:
            counts = translate(CONTEXT, "No dosing sessions in this period")
        elif len(dosing) == 1:
            counts = translate(CONTEXT, "One dosing session in this period")
        else:
            counts = translate(CONTEXT, "%n dosing sessions in this period", n=len(dosing))
        if others == 1:
            counts = translate(CONTEXT, "%1, and one preparation or integration session", counts)
        elif others:
            counts = translate(
                CONTEXT, "%1, and %n preparation or integration sessions", counts, n=others
            )
        parts.append(f"<p>{escaped(counts)}.</p>")
        if dosing:
            shown = dosing[-self.limits.sessions :]
            parts.append(session_table(shown, self.locale, with_notes=False))
            if len(shown) < len(dosing):
                more = translate(
                    CONTEXT,
                    "The latest %1 of %2 are shown; every session is listed further on."
                    if self.options.includes(ReportSection.SESSIONS)
                    else "The latest %1 of %2 are shown; the others are not in this printout.",
                    len(shown),
                    len(dosing),
                )
                parts.append(f'<p class="meta">{escaped(more)}</p>')
        return "".join(parts)

    def scores(self) -> str:
        heading = _heading(translate(CONTEXT, "Questionnaires"))
        if not self.content.scores:
            none = translate(CONTEXT, "No questionnaires were completed in this period.")
            return heading + empty_html(none)
        return heading + score_table(self.content.scores, self.locale)

    def themes(self) -> str:
        parts = [_heading(translate(CONTEXT, "Themes"))]
        frequent = self.content.frequent_themes[:SUMMARY_THEMES]
        if not frequent:
            none = translate(CONTEXT, "No themes in the reflections and insights chosen.")
            return "".join(parts) + empty_html(none)
        listed = ", ".join(
            translate(CONTEXT, "%1 (%2)", count.theme.name, count.uses) for count in frequent
        )
        most = escaped(translate(CONTEXT, "Most frequent:"))
        parts.append(f"<p><b>{most}</b> {escaped(listed)}</p>")
        emerging = self.content.emerging_themes
        if emerging:
            names = ", ".join(theme.name for theme in emerging[:SUMMARY_THEMES])
            lately = escaped(translate(CONTEXT, "Coming up more lately:"))
            parts.append(f"<p><b>{lately}</b> {escaped(names)}</p>")
        scope = translate(
            CONTEXT, "Counted from the reflections and insights chosen for this report."
        )
        parts.append(f'<p class="meta">{escaped(scope)}</p>')
        return "".join(parts)

    def flags(self) -> str:
        heading = _heading(translate(CONTEXT, "Worth asking about"))
        flags = self.content.flags
        if not flags:
            return heading + empty_html(no_flags_text())
        groups = [
            (FlagKind.SAFETY_ITEM, translate(CONTEXT, "Safety question answered above 0:")),
            (FlagKind.HIGH_DISTRESS, translate(CONTEXT, "Distress of 8 or more:")),
            (FlagKind.AFTER_EFFECTS, translate(CONTEXT, "After-effects reported:")),
        ]
        items = []
        for kind, label in groups:
            of_kind = [flag for flag in flags if flag.kind is kind]
            if not of_kind:
                continue
            shown = [
                flag_words(flag, self.locale, short=True)
                for flag in of_kind[-self.limits.flags_per_kind :]
            ]
            text = "; ".join(escaped(words) for words in shown)
            if len(of_kind) > len(shown):
                earlier = translate(
                    CONTEXT,
                    "; and %n earlier, listed further on"
                    if self.options.includes(ReportSection.SAFETY_FLAGS)
                    else "; and %n earlier, not shown in this printout",
                    n=len(of_kind) - len(shown),
                )
                text += escaped(earlier)
            items.append(f'<p class="flag"><b>{escaped(label)}</b> {text}</p>')
        return (
            heading
            + '<table class="flags" width="100%" cellpadding="8" cellspacing="0"><tr><td>'
            + f"{''.join(items)}</td></tr></table>"
        )

    def insights(self) -> str:
        heading = _heading(translate(CONTEXT, "Key insights"))
        insights = self.content.insights
        if not insights:
            return heading + empty_html(
                translate(CONTEXT, "No insights were chosen for this report.")
            )
        in_detail = self.options.includes(ReportSection.INSIGHTS)
        items = "".join(
            f"<li>{escaped(_shortened(item.insight.text) if in_detail else item.insight.text)}</li>"
            for item in insights[: self.limits.insights]
        )
        parts = [heading, f"<ul style='-qt-list-indent: 1;'>{items}</ul>"]
        rest = len(insights) - self.limits.insights
        if rest > 0 and in_detail:
            more = (
                translate(CONTEXT, "One more chosen insight follows.")
                if rest == 1
                else translate(CONTEXT, "%n more chosen insights follow.", n=rest)
            )
            parts.append(f'<p class="meta">{escaped(more)}</p>')
        return "".join(parts)
