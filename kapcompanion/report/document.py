"""The printout as HTML for a QTextDocument: page 1 the summary, then the detail the client
chose, in plain words and the app's light palette.

Every sentence goes through Qt's translation lookup (context "report"); dates and numbers are
written as the locale writes them. All of the client's own words are escaped. Charts are
`<img src="chart:KEY">` placeholders of the size they are printed at; the render module paints
the vector chart into that room.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache

from PySide6.QtCore import QDate, QLocale

from kapcompanion.domain import CommitmentStatus, Phase, Session, SessionKind
from kapcompanion.prompt_sets import prompt_set_for
from kapcompanion.report.content import (
    CHECK_IN,
    Flag,
    FlagKind,
    InsightItem,
    ReflectionItem,
    ReportContent,
    ScoreLine,
    SessionLine,
)
from kapcompanion.report.figures import (
    DISTRESS_KEY,
    THEME_MAP_KEY,
    ChartPicture,
    questionnaire_key,
)
from kapcompanion.report.options import ReportOptions, ReportSection
from kapcompanion.resource_files import ResourceError, load_json_resource
from kapcompanion.wording import translate

CONTEXT = "report"
CHART_SCHEME = "chart:"
SUMMARY_THEMES = 5
INSIGHT_CHARACTERS = 240  # a longer insight is shortened on page 1 when the detail has it
CSS_PIXELS_PER_INCH = 96  # QTextDocument lengths are CSS pixels, scaled to the paint device

EMPTY_REPORT = "No sessions or reflections in this period yet."


@dataclass(frozen=True)
class SummaryLimits:
    """How much page 1 lists; the render module takes the first of `SUMMARY_LIMITS` that
    lets the summary fit on one page. Everything left out here follows in the detail."""

    sessions: int  # the latest dosing sessions
    insights: int
    flags_per_kind: int


SUMMARY_LIMITS = (SummaryLimits(8, 5, 4), SummaryLimits(5, 3, 2), SummaryLimits(3, 2, 1))


@dataclass(frozen=True)
class ReportDocument:
    """The HTML of the whole report and the words of its running header and footer."""

    html: str
    charts: dict[str, ChartPicture]
    header_period: str
    header_name: str
    footer_note: str


@cache
def palette() -> dict[str, str]:
    """The light palette of resources/style/tokens.json: paper is light whatever the screen."""
    colours: dict[str, str] = load_json_resource("style", "tokens.json")["palettes"]["light"]
    return colours


# Words ---------------------------------------------------------------------------------------


def day_text(moment: datetime | date, locale: QLocale | None = None, *, short: bool = False) -> str:
    """A long date without the weekday, as the locale writes it ("25 November 2026"); short,
    with the month abbreviated ("25 Nov 2026"), for tables."""
    locale = locale or QLocale()
    day = moment.astimezone().date() if isinstance(moment, datetime) else moment
    long_format = locale.dateFormat(QLocale.FormatType.LongFormat)
    if long_format.startswith("dddd"):
        without_weekday = re.sub(r"^dddd[\s,،]*", "", long_format)
    else:
        without_weekday = re.sub(r"[\s,،]*dddd", "", long_format)
    if short:
        without_weekday = without_weekday.replace("MMMM", "MMM")
    return locale.toString(QDate(day.year, day.month, day.day), without_weekday)


def period_text(content: ReportContent, locale: QLocale | None = None) -> str:
    first, last = day_text(content.first_day, locale), day_text(content.last_day, locale)
    return first if first == last else translate(CONTEXT, "%1 – %2", first, last)


def footer_note() -> str:
    return translate(
        CONTEXT, "Written by the client in KAP Companion. Self-reported; not a clinical record."
    )


def page_number_text(page: int, pages: int) -> str:
    return translate(CONTEXT, "Page %1 of %2", page, pages)


def session_name(session: Session) -> str:
    """ "Session 3" for a numbered dosing session, else the kind of appointment."""
    if session.kind is SessionKind.DOSING and session.number_in_course:
        return translate(CONTEXT, "Session %1", session.number_in_course)
    return {
        SessionKind.DOSING: translate(CONTEXT, "Dosing session"),
        SessionKind.PREPARATION: translate(CONTEXT, "Preparation session"),
        SessionKind.INTEGRATION: translate(CONTEXT, "Integration session"),
    }[session.kind]


def phase_title(phase: Phase) -> str:
    """The title of the phase's prompt set ("The next day")."""
    try:
        return prompt_set_for(phase).title
    except ResourceError:
        return translate(CONTEXT, "Reflection")


def commitment_status_text(status: CommitmentStatus) -> str:
    return {
        CommitmentStatus.NOT_STARTED: translate(CONTEXT, "not started yet"),
        CommitmentStatus.TRYING: translate(CONTEXT, "trying it"),
        CommitmentStatus.PART_OF_LIFE: translate(CONTEXT, "part of life now"),
    }[status]


def section_title(section: ReportSection) -> str:
    return {
        ReportSection.SUMMARY: translate(CONTEXT, "Summary"),
        ReportSection.DISTRESS_CHART: translate(CONTEXT, "Distress across sessions"),
        ReportSection.THEME_MAP: translate(CONTEXT, "Theme map"),
        ReportSection.QUESTIONNAIRES: translate(CONTEXT, "Questionnaire scores"),
        ReportSection.INSIGHTS: translate(CONTEXT, "Insights and commitments"),
        ReportSection.REFLECTIONS: translate(CONTEXT, "Reflections"),
        ReportSection.SESSIONS: translate(CONTEXT, "Sessions and after-effects"),
        ReportSection.SAFETY_FLAGS: translate(CONTEXT, "Flags"),
    }[section]


def _number(value: int | None, locale: QLocale | None = None) -> str:
    return "–" if value is None else (locale or QLocale()).toString(value)


def _signed(value: int, locale: QLocale | None = None) -> str:
    shown = (locale or QLocale()).toString(abs(value))
    return f"+{shown}" if value > 0 else (f"−{shown}" if value < 0 else shown)


# HTML helpers --------------------------------------------------------------------------------


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _writing(text: str, css_class: str = "writing") -> str:
    """The client's own words: escaped, paragraphs kept, line breaks kept."""
    chunks = [chunk for chunk in re.split(r"\n\s*\n", text.strip()) if chunk.strip()]
    return "".join(
        f'<p class="{css_class}">{_e(chunk.strip()).replace(chr(10), "<br>")}</p>'
        for chunk in chunks
    )


def _shortened(text: str) -> str:
    if len(text) <= INSIGHT_CHARACTERS:
        return text
    return text[: INSIGHT_CHARACTERS - 1].rstrip() + "…"


def _table(
    headers: Sequence[str], rows: Iterable[Sequence[str]], numeric: Sequence[int] = ()
) -> str:
    """A data table: a header row (repeated on each page) and rows of already-escaped cells."""

    def align(index: int) -> str:
        return ' align="right"' if index in numeric else ' align="left"'

    head = "".join(f"<th{align(i)}>{cell}</th>" for i, cell in enumerate(headers))
    body = "".join(
        "<tr>" + "".join(f"<td{align(i)}>{cell}</td>" for i, cell in enumerate(row)) + "</tr>"
        for row in rows
    )
    return (
        '<table class="data" width="100%" cellspacing="0">'
        f"<thead><tr>{head}</tr></thead>{body}</table>"
    )


def _chart(picture: ChartPicture) -> str:
    width = round(picture.width_inches * CSS_PIXELS_PER_INCH)
    height = round(picture.height_inches * CSS_PIXELS_PER_INCH)
    return (
        f'<p class="chart"><img src="{CHART_SCHEME}{picture.key}" '
        f'width="{width}" height="{height}"></p>'
    )


def stylesheet() -> str:
    colours = palette()
    return f"""
body {{ color: {colours["text"]}; }}
h1 {{ font-size: 15pt; font-weight: 600; margin-top: 20px; margin-bottom: 4px; }}
h2 {{ font-size: 11.5pt; font-weight: 600; margin-top: 14px; margin-bottom: 4px; }}
h3 {{ font-size: 10.5pt; font-weight: 600; margin-top: 16px; margin-bottom: 2px; }}
h4 {{ font-size: 9pt; font-weight: 600; color: {colours["muted_text"]};
      margin-top: 8px; margin-bottom: 2px; }}
p {{ margin-top: 0px; margin-bottom: 6px; }}
p.meta {{ color: {colours["muted_text"]}; font-size: 9pt; margin-bottom: 4px; }}
p.kicker {{ color: {colours["muted_text"]}; font-size: 9pt; margin-bottom: 0px; }}
p.writing {{ font-size: 10.5pt; margin-bottom: 6px; }}
p.insight {{ font-size: 10.5pt; margin-bottom: 2px; }}
p.chart {{ margin-top: 4px; margin-bottom: 8px; }}
p.empty {{ color: {colours["muted_text"]}; }}
table.data {{ border-collapse: collapse; margin-top: 4px; margin-bottom: 8px; }}
table.data th {{ font-size: 8.5pt; font-weight: 600; color: {colours["muted_text"]};
      background-color: {colours["window"]}; border-bottom: 1px solid {colours["border"]};
      padding: 3px 6px 3px 6px; }}
table.data td {{ font-size: 9.5pt; border-bottom: 1px solid {colours["border"]};
      padding: 3px 6px 3px 6px; }}
table.note {{ background-color: {colours["accent_soft"]}; margin-top: 8px; margin-bottom: 8px; }}
table.flags {{ background-color: {colours["attention_soft"]}; margin-top: 4px;
      margin-bottom: 8px; }}
li {{ margin-bottom: 3px; }}
p.flag {{ margin-bottom: 3px; }}
"""


# The document --------------------------------------------------------------------------------


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
    writer = _Writer(content, options, charts, locale, limits)
    return ReportDocument(
        html=writer.html(summary_only=summary_only),
        charts=charts,
        header_period=period_text(content, locale),
        header_name=options.client_name.strip(),
        footer_note=footer_note(),
    )


class _Writer:
    def __init__(
        self,
        content: ReportContent,
        options: ReportOptions,
        charts: dict[str, ChartPicture],
        locale: QLocale,
        limits: SummaryLimits,
    ) -> None:
        self.limits = limits
        self.content = content
        self.options = options
        self.charts = charts
        self.locale = locale

    def day(self, moment: datetime | date) -> str:
        return _e(day_text(moment, self.locale, short=True))

    def number(self, value: int | None) -> str:
        return _number(value, self.locale)

    def html(self, *, summary_only: bool = False) -> str:
        parts = [f"<html><head><style>{stylesheet()}</style></head><body>"]
        parts.append(self.title_block())
        if self.content.is_empty:
            parts.append(f'<p class="empty">{_e(translate(CONTEXT, EMPTY_REPORT))}</p>')
            return "".join(parts) + "</body></html>"
        builders = {
            ReportSection.SUMMARY: self.summary,
            ReportSection.DISTRESS_CHART: self.distress_section,
            ReportSection.THEME_MAP: self.theme_map_section,
            ReportSection.QUESTIONNAIRES: self.questionnaire_section,
            ReportSection.INSIGHTS: self.insight_section,
            ReportSection.REFLECTIONS: self.reflection_section,
            ReportSection.SESSIONS: self.session_section,
            ReportSection.SAFETY_FLAGS: self.flag_section,
        }
        first_detail = True
        for section, build in builders.items():
            if not self.options.includes(section):
                continue
            if section is ReportSection.SUMMARY:
                parts.append(build())
                continue
            if summary_only:
                break
            # The detail starts on a fresh page after the summary: page 1 stands alone.
            new_page = first_detail and self.options.includes(ReportSection.SUMMARY)
            style = ' style="page-break-before: always;"' if new_page else ""
            parts.append(f"<h1{style}>{_e(section_title(section))}</h1>")
            parts.append(build())
            first_detail = False
        return "".join(parts) + "</body></html>"

    # Page 1 ------------------------------------------------------------------------------

    def title_block(self) -> str:
        kicker = translate(CONTEXT, "KAP Companion · a report for the therapist")
        lines = [
            f'<p class="kicker">{_e(kicker)}</p>',
            f'<h1 style="margin-top: 0px;">{_e(section_title(ReportSection.SUMMARY))}</h1>'
            if self.options.includes(ReportSection.SUMMARY) or self.content.is_empty
            else "",
        ]
        about = [translate(CONTEXT, "Period: %1", period_text(self.content, self.locale))]
        if self.options.client_name.strip():
            about.append(translate(CONTEXT, "From: %1", self.options.client_name.strip()))
        lines.append(f'<p class="meta">{_e("   ·   ".join(about))}</p>')
        note = self.options.note_to_therapist.strip()
        if note:
            heading = _e(translate(CONTEXT, "A note for you"))
            lines.append(
                '<table class="note" width="100%" cellpadding="8" cellspacing="0"><tr><td>'
                f"<h4 style='margin-top: 0px;'>{heading}</h4>{_writing(note)}</td></tr></table>"
            )
        return "".join(lines)

    def summary(self) -> str:
        return "".join(
            [
                self.summary_sessions(),
                self.summary_scores(),
                self.summary_themes(),
                self.summary_flags(),
                self.summary_insights(),
            ]
        )

    def summary_sessions(self) -> str:
        dosing = self.content.dosing_sessions
        others = len(self.content.sessions) - len(dosing)
        parts = [f"<h2>{_e(translate(CONTEXT, 'Sessions'))}</h2>"]
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
        parts.append(f"<p>{_e(counts)}.</p>")
        if dosing:
            shown = dosing[-self.limits.sessions :]
            parts.append(self.session_table(shown, with_notes=False))
            if len(shown) < len(dosing):
                more = translate(
                    CONTEXT,
                    "The latest %1 of %2 are shown; every session is listed further on.",
                    len(shown),
                    len(dosing),
                )
                parts.append(f'<p class="meta">{_e(more)}</p>')
        return "".join(parts)

    def summary_scores(self) -> str:
        parts = [f"<h2>{_e(translate(CONTEXT, 'Questionnaires'))}</h2>"]
        if not self.content.scores:
            none = translate(CONTEXT, "No questionnaires were completed in this period.")
            return "".join(parts) + f'<p class="empty">{_e(none)}</p>'
        parts.append(self.score_table(self.content.scores))
        return "".join(parts)

    def summary_themes(self) -> str:
        parts = [f"<h2>{_e(translate(CONTEXT, 'Themes'))}</h2>"]
        frequent = self.content.frequent_themes[:SUMMARY_THEMES]
        if not frequent:
            none = translate(CONTEXT, "No themes in the reflections and insights chosen.")
            return "".join(parts) + f'<p class="empty">{_e(none)}</p>'
        listed = ", ".join(
            translate(CONTEXT, "%1 (%2)", count.theme.name, count.uses) for count in frequent
        )
        parts.append(f"<p><b>{_e(translate(CONTEXT, 'Most frequent:'))}</b> {_e(listed)}</p>")
        emerging = self.content.emerging_themes
        if emerging:
            names = ", ".join(theme.name for theme in emerging[:SUMMARY_THEMES])
            parts.append(
                f"<p><b>{_e(translate(CONTEXT, 'Coming up more lately:'))}</b> {_e(names)}</p>"
            )
        scope = translate(
            CONTEXT, "Counted from the reflections and insights chosen for this report."
        )
        parts.append(f'<p class="meta">{_e(scope)}</p>')
        return "".join(parts)

    def summary_flags(self) -> str:
        parts = [f"<h2>{_e(translate(CONTEXT, 'Worth asking about'))}</h2>"]
        flags = self.content.flags
        if not flags:
            none = translate(
                CONTEXT,
                "No distress of 8 or more, no safety item answered above 0 and no "
                "after-effects reported in this period.",
            )
            return "".join(parts) + f'<p class="empty">{_e(none)}</p>'
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
                self.flag_words(flag, short=True) for flag in of_kind[-self.limits.flags_per_kind :]
            ]
            text = "; ".join(_e(words) for words in shown)
            if len(of_kind) > len(shown):
                text += _e(translate(CONTEXT, "; and %n earlier", n=len(of_kind) - len(shown)))
            items.append(f'<p class="flag"><b>{_e(label)}</b> {text}</p>')
        parts.append(
            '<table class="flags" width="100%" cellpadding="8" cellspacing="0"><tr><td>'
            f"{''.join(items)}</td></tr></table>"
        )
        return "".join(parts)

    def summary_insights(self) -> str:
        parts = [f"<h2>{_e(translate(CONTEXT, 'Key insights'))}</h2>"]
        insights = self.content.insights
        if not insights:
            none = translate(CONTEXT, "No insights were chosen for this report.")
            return "".join(parts) + f'<p class="empty">{_e(none)}</p>'
        in_detail = self.options.includes(ReportSection.INSIGHTS)
        items = "".join(
            f"<li>{_e(_shortened(item.insight.text) if in_detail else item.insight.text)}</li>"
            for item in insights[: self.limits.insights]
        )
        parts.append(f"<ul style='-qt-list-indent: 1;'>{items}</ul>")
        rest = len(insights) - self.limits.insights
        if rest > 0 and in_detail:
            more = translate(CONTEXT, "%n more chosen insights follow.", n=rest)
            parts.append(f'<p class="meta">{_e(more)}</p>')
        return "".join(parts)

    # Tables shared by page 1 and the detail --------------------------------------------------

    def session_table(self, lines: Sequence[SessionLine], *, with_notes: bool) -> str:
        headers = [
            translate(CONTEXT, "Session"),
            translate(CONTEXT, "Date"),
            translate(CONTEXT, "Distress before"),
            translate(CONTEXT, "Distress after"),
            translate(CONTEXT, "After-effects"),
        ]
        rows = []
        for line in lines:
            session = line.session
            effects = _e(", ".join(line.after_effects)) or "–"
            if with_notes and session.after_effects_notes.strip():
                effects += f'<br><span style="color: {palette()["muted_text"]};">'
                effects += f"{_e(session.after_effects_notes.strip())}</span>"
            rows.append(
                [
                    _e(session_name(session)),
                    self.day(session.held_at),
                    self.number(session.distress_before),
                    self.number(session.distress_after),
                    effects,
                ]
            )
        return _table([_e(h) for h in headers], rows, numeric=(2, 3))

    def score_table(self, lines: Sequence[ScoreLine]) -> str:
        headers = [
            translate(CONTEXT, "Questionnaire"),
            translate(CONTEXT, "Latest"),
            translate(CONTEXT, "Score"),
            translate(CONTEXT, "Band"),
            translate(CONTEXT, "First score"),
            translate(CONTEXT, "Change"),
        ]
        rows = []
        for line in lines:
            questionnaire = line.questionnaire
            latest = translate(CONTEXT, "%1 of %2", line.latest.total, questionnaire.max_total)
            first = (
                translate(
                    CONTEXT,
                    "%1 on %2",
                    line.first.total,
                    day_text(line.first.taken_at, self.locale, short=True),
                )
                if line.first is not None
                else translate(CONTEXT, "this is the first")
            )
            change = "–" if line.change is None else _signed(line.change, self.locale)
            rows.append(
                [
                    _e(questionnaire.name),
                    self.day(line.latest.taken_at),
                    _e(latest),
                    _e(self.band_words(line)),
                    _e(first),
                    _e(change),
                ]
            )
        return _table([_e(h) for h in headers], rows, numeric=(2, 5))

    def band_words(self, line: ScoreLine) -> str:
        if line.latest.band:
            return line.latest.band
        window = line.questionnaire.reference_range
        position = line.reference_position
        if window is None or position is None:
            return "–"
        low, high = (self.number(value) for value in window)
        return {
            -1: translate(CONTEXT, "below the %1–%2 reference range", low, high),
            0: translate(CONTEXT, "within the %1–%2 reference range", low, high),
            1: translate(CONTEXT, "above the %1–%2 reference range", low, high),
        }[position]

    def flag_words(self, flag: Flag, *, short: bool) -> str:
        """One flag in a line ("before session 3 (8)", "PHQ-9 item 9 …")."""
        when = day_text(flag.when, self.locale)
        if flag.kind is FlagKind.SAFETY_ITEM and flag.questionnaire and flag.item_number:
            item = flag.questionnaire.items[flag.item_number - 1]
            answer = next(
                (o.label for o in flag.questionnaire.options if o.value == flag.rating),
                self.number(flag.rating),
            )
            if short:
                return translate(
                    CONTEXT,
                    "%1 item %2, “%3”, on %4",
                    flag.questionnaire.name,
                    flag.item_number,
                    answer,
                    when,
                )
            return translate(
                CONTEXT,
                "%1 item %2 (“%3”) answered “%4”",
                flag.questionnaire.name,
                flag.item_number,
                item.text,
                answer,
            )
        if flag.kind is FlagKind.AFTER_EFFECTS and flag.session is not None:
            effects = ", ".join(flag.after_effects)
            if short:
                return translate(CONTEXT, "%1 (%2)", session_name(flag.session), effects)
            return translate(CONTEXT, "After %1: %2", session_name(flag.session), effects)
        rating = self.number(flag.rating)
        if flag.session is not None:
            name = session_name(flag.session)
            words = {
                "before": translate(CONTEXT, "%1 before %2", rating, name),
                "after": translate(CONTEXT, "%1 after %2", rating, name),
            }[flag.moment]
            return words if short else translate(CONTEXT, "Distress %1", words)
        if flag.moment == CHECK_IN:
            words = translate(CONTEXT, "%1 at a quick distress check-in (%2)", rating, when)
            return words if short else translate(CONTEXT, "Distress %1", words)
        kind = phase_title(flag.reflection.phase) if flag.reflection else ""
        words = {
            "start": translate(
                CONTEXT, "%1 at the start of a reflection (%2, %3)", rating, kind, when
            ),
            "end": translate(CONTEXT, "%1 at the end of a reflection (%2, %3)", rating, kind, when),
        }[flag.moment]
        return words if short else translate(CONTEXT, "Distress %1", words)

    # Detail sections -----------------------------------------------------------------------

    def _empty(self, sentence: str) -> str:
        return f'<p class="empty">{_e(sentence)}</p>'

    def distress_section(self) -> str:
        picture = self.charts.get(DISTRESS_KEY)
        if picture is None:
            return self._empty(translate(CONTEXT, "No distress ratings in this period."))
        rated = [s.after for s in self.content.distress.sessions if s.after is not None]
        if len(rated) >= 2:
            lead = translate(
                CONTEXT,
                "Distress after sessions went from %1 to %2 across %n sessions.",
                rated[0],
                rated[-1],
                n=len(rated),
            )
        elif rated:
            lead = translate(
                CONTEXT, "Distress after the one rated session was %1 of 10.", rated[0]
            )
        else:
            lead = translate(CONTEXT, "No distress ratings after sessions in this period.")
        note = translate(
            CONTEXT,
            "Dosing sessions before and after (0–10); lighter points are ratings at the start "
            "and end of the reflections chosen for this report.",
        )
        return f"<p>{_e(lead)}</p><p class='meta'>{_e(note)}</p>{_chart(picture)}"

    def theme_map_section(self) -> str:
        picture = self.charts.get(THEME_MAP_KEY)
        if picture is None:
            return self._empty(
                translate(CONTEXT, "No themes in the reflections and insights chosen.")
            )
        theme_map = self.content.theme_map
        top = theme_map.themes[0]
        lead = translate(
            CONTEXT, "%1 came up most (%n times).", top.name, n=sum(theme_map.counts[0])
        )
        note = translate(
            CONTEXT,
            "How often each theme was confirmed in each session's reflections and insights, "
            "counted only from those chosen for this report.",
        )
        return f"<p>{_e(lead)}</p><p class='meta'>{_e(note)}</p>{_chart(picture)}"

    def questionnaire_section(self) -> str:
        parts = []
        for series in self.content.questionnaires:
            picture = self.charts.get(questionnaire_key(series.questionnaire.id))
            if picture is None:
                continue
            questionnaire = series.questionnaire
            parts.append(f"<h2>{_e(questionnaire.title)}</h2>")
            scores = "; ".join(
                translate(
                    CONTEXT,
                    "%1: %2",
                    day_text(point.taken_at, self.locale),
                    translate(CONTEXT, "%1 (%2)", point.total, point.band)
                    if point.band
                    else self.number(point.total),
                )
                for point in series.points
            )
            parts.append(f"<p class='meta'>{_e(scores)}</p>{_chart(picture)}")
        if not parts:
            return self._empty(
                translate(CONTEXT, "No questionnaires were completed in this period.")
            )
        return "".join(parts)

    def insight_section(self) -> str:
        if not self.content.insights:
            return self._empty(translate(CONTEXT, "No insights were chosen for this report."))
        return "".join(self.insight(item) for item in self.content.insights)

    def insight(self, item: InsightItem) -> str:
        meta = [day_text(item.insight.created_at, self.locale)]
        if item.session is not None:
            meta.append(session_name(item.session))
        if item.themes:
            meta.append(", ".join(theme.name for theme in item.themes))
        if item.insight.pinned:
            meta.append(translate(CONTEXT, "pinned"))
        parts = [
            f"<h3>{_e(item.insight.text)}</h3>",
            f"<p class='meta'>{_e(' · '.join(meta))}</p>",
        ]
        for line in item.commitments:
            commitment = line.commitment
            step = translate(
                CONTEXT,
                "Small step: %1 (%2)",
                commitment.text,
                commitment_status_text(commitment.status),
            )
            parts.append(f"<p>{_e(step)}</p>")
            for note in line.notes:
                dated = translate(
                    CONTEXT, "%1: %2", day_text(note.noted_at, self.locale), note.text
                )
                parts.append(f"<p class='meta' style='margin-left: 16px;'>{_e(dated)}</p>")
        return "".join(parts)

    def reflection_section(self) -> str:
        if not self.content.reflections:
            return self._empty(translate(CONTEXT, "No reflections were chosen for this report."))
        return "".join(self.reflection(item) for item in self.content.reflections)

    def reflection(self, item: ReflectionItem) -> str:
        reflection = item.reflection
        meta = [day_text(reflection.started_at, self.locale)]
        if item.session is not None:
            meta.append(session_name(item.session))
        if reflection.distress_start is not None or reflection.distress_end is not None:
            meta.append(
                translate(
                    CONTEXT,
                    "distress %1 → %2",
                    self.number(reflection.distress_start),
                    self.number(reflection.distress_end),
                )
            )
        if item.themes:
            meta.append(", ".join(theme.name for theme in item.themes))
        parts = [
            f"<h2>{_e(phase_title(reflection.phase))}</h2>",
            f"<p class='meta'>{_e(' · '.join(meta))}</p>",
        ]
        answers = item.answers
        if not answers:
            parts.append(self._empty(translate(CONTEXT, "Every prompt was skipped.")))
        for answer in answers:
            parts.append(f"<h4>{_e(answer.prompt_text)}</h4>{_writing(answer.text)}")
        return "".join(parts)

    def session_section(self) -> str:
        if not self.content.sessions:
            return self._empty(translate(CONTEXT, "No sessions in this period."))
        return self.session_table(self.content.sessions, with_notes=True)

    def flag_section(self) -> str:
        if not self.content.flags:
            return self._empty(
                translate(
                    CONTEXT,
                    "No distress of 8 or more, no safety item answered above 0 and no "
                    "after-effects reported in this period.",
                )
            )
        headers = [translate(CONTEXT, "Date"), translate(CONTEXT, "What")]
        rows = [
            [self.day(flag.when), _e(self.flag_words(flag, short=False))]
            for flag in self.content.flags
        ]
        note = translate(
            CONTEXT,
            "Distress ratings of 8 or more (sessions, quick distress check-ins and the "
            "reflections chosen), any questionnaire safety item answered above 0, and "
            "after-effects the client noted.",
        )
        return f"<p class='meta'>{_e(note)}</p>" + _table([_e(h) for h in headers], rows)
