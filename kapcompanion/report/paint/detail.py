"""The detail after page 1, one section at a time: the distress chart, the theme map,
questionnaire charts, the chosen insights and reflections in full, every session, the client's
medication list (when chosen), and the flags. Each says so plainly when it has nothing to show."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QLocale

from kapcompanion.data_files.questionnaires import Questionnaire
from kapcompanion.domain import Medication
from kapcompanion.report.content.build import InsightItem, ReflectionItem, ReportContent
from kapcompanion.report.content.options import ReportSection
from kapcompanion.report.content.words import (
    CONTEXT,
    commitment_status_text,
    flag_words,
    no_flags_text,
    number_text,
)
from kapcompanion.report.paint.figures import (
    DISTRESS_KEY,
    THEME_MAP_KEY,
    ChartPicture,
    questionnaire_key,
)
from kapcompanion.report.paint.html_parts import (
    chart_html,
    empty_html,
    escaped,
    table_html,
    writing_html,
)
from kapcompanion.report.paint.tables import session_table
from kapcompanion.wording.dates import day_of
from kapcompanion.wording.domain import phase_title, session_title
from kapcompanion.wording.translation import translate

FLAG_WIDTHS = (18, 82)  # percent of the page: the day, then what happened
MEDICATION_WIDTHS = (20, 26, 13, 13, 28)  # name, dose, started, stopped, notes


def detail_html(
    section: ReportSection,
    content: ReportContent,
    charts: dict[str, ChartPicture],
    locale: QLocale,
) -> str:
    """The body of one detail section (its heading is the document's)."""
    detail = _Detail(content, charts, locale)
    build = {
        ReportSection.DISTRESS_CHART: detail.distress,
        ReportSection.THEME_MAP: detail.theme_map,
        ReportSection.QUESTIONNAIRES: detail.questionnaires,
        ReportSection.INSIGHTS: detail.insights,
        ReportSection.REFLECTIONS: detail.reflections,
        ReportSection.SESSIONS: detail.sessions,
        ReportSection.MEDICATIONS: detail.medications,
        ReportSection.SAFETY_FLAGS: detail.flags,
    }[section]
    return build()


def _lead_and_note(lead: str, note: str) -> str:
    return f"<p>{escaped(lead)}</p><p class='meta'>{escaped(note)}</p>"


@dataclass(frozen=True)
class _Detail:
    content: ReportContent
    charts: dict[str, ChartPicture]
    locale: QLocale

    def distress(self) -> str:
        picture = self.charts.get(DISTRESS_KEY)
        if picture is None:
            return empty_html(translate(CONTEXT, "No distress ratings in this period."))
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
        return _lead_and_note(lead, note) + chart_html(picture)

    def theme_map(self) -> str:
        # The map counts only what belongs to a dosing session in the period (page 1 counts
        # every chosen item), so each sentence here says so: the two never seem to disagree.
        picture = self.charts.get(THEME_MAP_KEY)
        if picture is None:
            return empty_html(
                translate(
                    CONTEXT,
                    "No themes in the chosen reflections and insights that belong to the dosing "
                    "sessions of this period.",
                )
            )
        theme_map = self.content.theme_map
        top = theme_map.themes[0]
        uses = sum(theme_map.counts[0])
        if uses == 1:
            lead = translate(
                CONTEXT, "In the dosing sessions of this period, %1 came up most (once).", top.name
            )
        else:
            lead = translate(
                CONTEXT,
                "In the dosing sessions of this period, %1 came up most (%n times).",
                top.name,
                n=uses,
            )
        note = translate(
            CONTEXT,
            "How often each theme was confirmed in each dosing session's reflections and "
            "insights, counted only from those chosen for this report.",
        )
        return _lead_and_note(lead, note) + chart_html(picture)

    def questionnaires(self) -> str:
        parts = []
        for series in self.content.questionnaires:
            picture = self.charts.get(questionnaire_key(series.questionnaire.id))
            if picture is None:
                continue
            parts.append(f"<h2>{escaped(series.questionnaire.title)}</h2>")
            scale = series.questionnaire.multiplier  # WHO-5's published score is out of 100
            scores = "; ".join(
                translate(
                    CONTEXT,
                    "%1: %2",
                    day_of(point.taken_at, self.locale),
                    translate(CONTEXT, "%1 (%2)", point.total * scale, point.band)
                    if point.band
                    else number_text(point.total * scale, self.locale),
                )
                for point in series.points
            )
            parts.append(f"<p class='meta'>{escaped(scores)}</p>")
            if series.questionnaire.higher_is_better:
                parts.append(f"<p class='meta'>{escaped(_which_way(series.questionnaire))}</p>")
            parts.append(chart_html(picture))
        if not parts:
            return empty_html(
                translate(CONTEXT, "No questionnaires were completed in this period.")
            )
        return "".join(parts)

    def insights(self) -> str:
        if not self.content.insights:
            return empty_html(translate(CONTEXT, "No insights were chosen for this report."))
        return "".join(self.insight(item) for item in self.content.insights)

    def insight(self, item: InsightItem) -> str:
        meta = [day_of(item.insight.created_at, self.locale)]
        if item.session is not None:
            meta.append(session_title(item.session))
        if item.themes:
            meta.append(", ".join(theme.name for theme in item.themes))
        if item.insight.pinned:
            meta.append(translate(CONTEXT, "pinned"))
        parts = [
            f"<h3>{escaped(item.insight.text)}</h3>",
            f"<p class='meta'>{escaped(' · '.join(meta))}</p>",
        ]
        for line in item.commitments:
            commitment = line.commitment
            step = translate(
                CONTEXT,
                "Small step: %1 (%2)",
                commitment.text,
                commitment_status_text(commitment.status),
            )
            parts.append(f"<p>{escaped(step)}</p>")
            for note in line.notes:
                dated = translate(CONTEXT, "%1: %2", day_of(note.noted_at, self.locale), note.text)
                parts.append(f"<p class='meta' style='margin-left: 16px;'>{escaped(dated)}</p>")
        return "".join(parts)

    def reflections(self) -> str:
        if not self.content.reflections:
            return empty_html(translate(CONTEXT, "No reflections were chosen for this report."))
        return "".join(self.reflection(item) for item in self.content.reflections)

    def reflection(self, item: ReflectionItem) -> str:
        reflection = item.reflection
        meta = [day_of(reflection.started_at, self.locale)]
        if item.session is not None:
            meta.append(session_title(item.session))
        if reflection.distress_start is not None or reflection.distress_end is not None:
            meta.append(
                translate(
                    CONTEXT,
                    "distress %1 → %2",
                    number_text(reflection.distress_start, self.locale),
                    number_text(reflection.distress_end, self.locale),
                )
            )
        if item.themes:
            meta.append(", ".join(theme.name for theme in item.themes))
        parts = [
            f"<h2>{escaped(phase_title(reflection.phase))}</h2>",
            f"<p class='meta'>{escaped(' · '.join(meta))}</p>",
        ]
        answers = item.answers
        if not answers:
            parts.append(empty_html(translate(CONTEXT, "Every prompt was skipped.")))
        for answer in answers:
            parts.append(f"<h4>{escaped(answer.prompt_text)}</h4>{writing_html(answer.text)}")
        return "".join(parts)

    def sessions(self) -> str:
        if not self.content.sessions:
            return empty_html(translate(CONTEXT, "No sessions in this period."))
        return session_table(self.content.sessions, self.locale, with_notes=True)

    def medications(self) -> str:
        note = translate(
            CONTEXT,
            "The client's own list, kept for the prescriber as they wrote it. KAP Companion "
            "gives no advice and checks no interactions: questions about interactions with "
            "ketamine belong with the prescriber.",
        )
        parts = [f"<p class='meta'>{escaped(note)}</p>"]
        current, past = self.content.medications, self.content.past_medications
        if not (current or past):
            return parts[0] + empty_html(translate(CONTEXT, "The medication list is empty."))
        for title, medications in (
            (translate(CONTEXT, "Current"), current),
            (translate(CONTEXT, "Past"), past),
        ):
            if medications:
                parts.append(f"<h2>{escaped(title)}</h2>")
                parts.append(self.medication_table(medications))
        return "".join(parts)

    def medication_table(self, medications: tuple[Medication, ...]) -> str:
        headers = [
            translate(CONTEXT, "Medication"),
            translate(CONTEXT, "Dose as written"),
            translate(CONTEXT, "Started"),
            translate(CONTEXT, "Stopped"),
            translate(CONTEXT, "Notes"),
        ]

        def day(value: date | None) -> str:
            return "–" if value is None else escaped(day_of(value, self.locale, short=True))

        rows = [
            [
                escaped(medication.name),
                escaped(medication.dose) or "–",
                day(medication.started_on),
                day(medication.stopped_on),
                escaped(medication.notes.strip()).replace("\n", "<br>") or "–",
            ]
            for medication in medications
        ]
        return table_html([escaped(h) for h in headers], rows, widths=MEDICATION_WIDTHS)

    def flags(self) -> str:
        if not self.content.flags:
            return empty_html(no_flags_text())
        headers = [translate(CONTEXT, "Date"), translate(CONTEXT, "What")]
        rows = [
            [
                escaped(day_of(flag.when, self.locale, short=True)),
                escaped(flag_words(flag, self.locale, short=False)),
            ]
            for flag in self.content.flags
        ]
        note = translate(
            CONTEXT,
            "Distress ratings of 8 or more (sessions, quick distress check-ins and the "
            "reflections chosen), any questionnaire safety item answered above 0, and "
            "after-effects the client noted.",
        )
        return f"<p class='meta'>{escaped(note)}</p>" + table_html(
            [escaped(h) for h in headers], rows, widths=FLAG_WIDTHS
        )


def _which_way(questionnaire: Questionnaire) -> str:
    """For a well-being measure (WHO-5): its range, that higher is better, its cut-points in
    the authors' words and the change they count as meaningful."""
    lowest_first = sorted(questionnaire.bands, key=lambda band: band.low)
    cut_points = "; ".join(band.words for band in lowest_first if band.suggestion)
    return translate(
        CONTEXT,
        "Scores run from 0 to %1, and a higher score means better well-being. Cut-points: %2. %3",
        questionnaire.max_scaled_total,
        cut_points,
        questionnaire.change_words,
    ).strip()
