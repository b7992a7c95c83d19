"""How the printout screen puts things into words: its sections, its periods, the days chosen,
each reflection and insight on offer, and how much will go in.

Every string goes through Qt's translation; numbers and dates through QLocale.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QCoreApplication, QLocale

from kapcompanion.course.trends import Period
from kapcompanion.domain import Insight, Reflection, Session
from kapcompanion.ids import SessionId
from kapcompanion.report.content.options import PeriodChoice, ReportSection
from kapcompanion.wording.translation import counted, fill, one_line
from ui.widgets.wording import day_of, phase_title, session_title

CONTEXT = "ReportWording"
SHOWN_CHARACTERS = 160  # of a reflection's first line or an insight, in its row


def _tr(source: str, n: int = -1) -> str:
    return QCoreApplication.translate(CONTEXT, source, None, n)


@dataclass(frozen=True)
class SectionWording:
    section: ReportSection
    label: str
    description: str


def section_wording() -> tuple[SectionWording, ...]:
    """Each part of the printout as a person chooses it, in printed order."""
    return (
        SectionWording(
            ReportSection.SUMMARY,
            _tr("Summary on the first page"),
            _tr("How your course is going, in a page your therapist can read in a minute"),
        ),
        SectionWording(
            ReportSection.DISTRESS_CHART,
            _tr("Distress chart"),
            _tr("Distress before and after each session, and at each reflection"),
        ),
        SectionWording(
            ReportSection.THEME_MAP,
            _tr("Theme map"),
            _tr("Which themes came up in which sessions"),
        ),
        SectionWording(
            ReportSection.QUESTIONNAIRES,
            _tr("Check-in scores"),
            _tr("Your PHQ-9, GAD-7, PCL-5 and WHO-5 scores over time"),
        ),
        SectionWording(
            ReportSection.INSIGHTS,
            _tr("Insights and small steps"),
            _tr("The insights you choose below, with their small steps and how they are going"),
        ),
        SectionWording(
            ReportSection.REFLECTIONS,
            _tr("Chosen reflections"),
            _tr("The reflections you choose below, with each prompt and your answer"),
        ),
        SectionWording(
            ReportSection.SESSIONS,
            _tr("Sessions and after-effects"),
            _tr("Each session in these days, the after-effects you noted and your notes on them"),
        ),
        SectionWording(
            ReportSection.MEDICATIONS,
            _tr("Medication list"),
            _tr(
                "Your own list, current and past, for the prescriber. Left out unless you tick it."
            ),
        ),
        SectionWording(
            ReportSection.SAFETY_FLAGS,
            _tr("Safety flags"),
            _tr(
                "High distress, after-effects and check-in answers your therapist would want "
                "to know about"
            ),
        ),
    )


def period_choices() -> tuple[tuple[PeriodChoice, str], ...]:
    """The periods offered, in the order the list shows them."""
    return (
        (PeriodChoice.SINCE_LAST_APPOINTMENT, _tr("Since your last appointment")),
        (PeriodChoice.LAST_30_DAYS, _tr("The last 30 days")),
        (PeriodChoice.WHOLE_COURSE, _tr("Your whole course")),
        (PeriodChoice.CUSTOM, _tr("Choose dates…")),
    )


def period_words(period: Period, today: date, locale: QLocale | None = None) -> str:
    """The days a period stands for, in one short sentence."""
    locale = locale or QLocale()
    start, end = period.start, period.end
    if start is None and (end is None or end >= today):
        return _tr("Everything from the start of your course until today.")
    if start is None:
        assert end is not None
        return fill(_tr("Everything from the start of your course until %1."), day_of(end, locale))
    if start == end:
        return fill(_tr("Just the one day, %1."), day_of(start, locale))
    if end is None or end >= today:
        return fill(_tr("From %1 until today."), day_of(start, locale))
    return fill(_tr("From %1 until %2."), day_of(start, locale), day_of(end, locale))


def first_line(reflection: Reflection) -> str:
    """The first line of the first answer the client wrote ("" if they wrote none)."""
    for answer in sorted(reflection.answers, key=lambda a: a.position):
        if not answer.skipped and answer.text.strip():
            return one_line(answer.text.strip().splitlines()[0], SHOWN_CHARACTERS)
    return ""


def reflection_heading(
    reflection: Reflection, sessions: dict[SessionId, Session], locale: QLocale | None = None
) -> str:
    """ "3 November 2026 · Session 3 · The next day": when, which session, which phase."""
    locale = locale or QLocale()
    session = sessions.get(reflection.session_id) if reflection.session_id is not None else None
    where = session_title(session, locale) if session is not None else _tr("Between sessions")
    return fill(
        _tr("%1 · %2 · %3"),
        day_of(reflection.started_at, locale),
        where,
        phase_title(reflection.phase),
    )


def reflection_words(
    reflection: Reflection, sessions: dict[SessionId, Session], locale: QLocale | None = None
) -> tuple[str, str, str]:
    """What a reflection's row shows (its first line), what a screen reader says for it, and
    the heading above it (when, which session, which phase)."""
    heading = reflection_heading(reflection, sessions, locale)
    line = first_line(reflection) or _tr("No words written")
    return line, fill(_tr("%1: %2"), heading, line), heading


def insight_words(insight: Insight, locale: QLocale | None = None) -> tuple[str, str]:
    """What an insight's row shows (its words, one line) and what a screen reader says."""
    words = one_line(insight.text, SHOWN_CHARACTERS)
    return words, fill(_tr("%1, noted %2"), words, day_of(insight.created_at, locale))


def summary_sentence(reflections: int, insights: int) -> str:
    """ "3 reflections and 2 insights will be included." (or that none will)."""
    if reflections == 0 and insights == 0:
        return _tr("None of your reflections or insights will be included.")
    return fill(
        _tr("%1 and %2 will be included."),
        counted(CONTEXT, "%Ln reflection(s)", reflections),
        counted(CONTEXT, "%Ln insight(s)", insights),
    )
