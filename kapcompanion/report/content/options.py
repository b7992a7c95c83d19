"""What goes into the printout: the period, the sections, and exactly which reflections and
insights the client chose.

Nothing the client has not chosen is ever printed: `ReportOptions.reflection_ids` and
`insight_ids` are the whole list. `default_options` pre-selects what the client already marked
as shareable. Pure reads from the store; no Qt.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from enum import StrEnum

from kapcompanion.course.trends import Period
from kapcompanion.domain import Insight, Reflection, ReflectionStatus, Session, SessionKind
from kapcompanion.ids import InsightId, ReflectionId
from kapcompanion.report.errors import ReportPeriodError
from kapcompanion.store import Store


class ReportSection(StrEnum):
    """The parts of the printout, each of which the client can leave out."""

    SUMMARY = "summary"  # page 1
    DISTRESS_CHART = "distress_chart"
    THEME_MAP = "theme_map"
    QUESTIONNAIRES = "questionnaires"
    INSIGHTS = "insights"  # insights and their commitments (+ how they are going)
    REFLECTIONS = "reflections"  # the chosen reflections, answers with prompt text
    SESSIONS = "sessions"  # sessions and after-effects
    MEDICATIONS = "medications"  # the client's own medication list, for the prescriber
    SAFETY_FLAGS = "safety_flags"


ALL_SECTIONS: tuple[ReportSection, ...] = tuple(ReportSection)  # in printed order
# The medication list goes in only when the client ticks it: it is theirs to share or not.
OPTIONAL_SECTIONS = frozenset({ReportSection.MEDICATIONS})
DEFAULT_SECTIONS = frozenset(ALL_SECTIONS) - OPTIONAL_SECTIONS


class PeriodChoice(StrEnum):
    """The periods offered for a report."""

    SINCE_LAST_APPOINTMENT = "since_last_appointment"
    LAST_30_DAYS = "last_30_days"
    WHOLE_COURSE = "whole_course"
    CUSTOM = "custom"


APPOINTMENT_KINDS = (SessionKind.PREPARATION, SessionKind.INTEGRATION)
NAME_CHARACTERS = 80  # the longest name or initials the printout's header takes


def shown_name(name: str) -> str:
    """The client's name as printed: runs of spaces, tabs and line breaks made one space,
    and no longer than NAME_CHARACTERS."""
    return " ".join(name.split())[:NAME_CHARACTERS].rstrip()


def period_for(
    store: Store,
    choice: PeriodChoice,
    today: date,
    custom: Period | None = None,
    *,
    sessions: Iterable[Session] | None = None,
) -> Period:
    """The days a period choice stands for, on `today`.

    - since the last appointment: from the day of the latest preparation or integration
      session before today, up to today (the whole course when there is none);
    - last 30 days: today and the 29 days before;
    - whole course: `Period()` (no bounds), as on the Trends screen;
    - custom: `custom` as given (raises ValueError without one, ReportPeriodError when it
      ends before it starts).

    `sessions`, when given, are the store's sessions already read (they are not read again).
    """
    if choice is PeriodChoice.SINCE_LAST_APPOINTMENT:
        days = [
            session.held_at.astimezone().date()
            for session in (store.sessions.list() if sessions is None else sessions)
            if session.kind in APPOINTMENT_KINDS
        ]
        earlier = [day for day in days if day < today]
        return Period(max(earlier), today) if earlier else Period()
    if choice is PeriodChoice.LAST_30_DAYS:
        return Period.last_days(30, today)
    if choice is PeriodChoice.WHOLE_COURSE:
        return Period()
    if custom is None:
        raise ValueError("A custom period needs its dates.")
    if custom.start is not None and custom.end is not None and custom.end < custom.start:
        raise ReportPeriodError()
    return custom


@dataclass(frozen=True)
class ReportOptions:
    """Everything the client chose for one printout."""

    period: Period = field(default_factory=Period)
    sections: frozenset[ReportSection] = DEFAULT_SECTIONS
    reflection_ids: frozenset[ReflectionId] = field(default_factory=frozenset)
    """Exactly these reflections are printed, nothing else."""
    insight_ids: frozenset[InsightId] = field(default_factory=frozenset)
    """Exactly these insights are printed, nothing else."""
    client_name: str = ""  # optional name or initials; default none
    note_to_therapist: str = ""

    def includes(self, section: ReportSection) -> bool:
        return section in self.sections


ALL_DAYS = Period()


@dataclass(frozen=True)
class ReportCandidates:
    """What the client can choose from in a period."""

    reflections: tuple[Reflection, ...]  # finished reflections in the period, newest first
    insights: tuple[Insight, ...]  # live insights in the period, newest first


def report_candidates(
    store: Store, period: Period, *, first_words_only: bool = False
) -> ReportCandidates:
    """Finished reflections (with their answers) and live insights written in `period`,
    newest first. Drafts are never offered. Three queries, however many there are. With
    `first_words_only`, each reflection holds only its first answer with words in it: what a
    list to choose from shows, read without years of writing."""
    reflections = candidate_reflections(store, period)
    read = (
        store.reflections.first_written_answers
        if first_words_only
        else store.reflections.answers_of
    )
    answers = read([r.id for r in reflections])
    return ReportCandidates(
        reflections=tuple(replace(r, answers=answers.get(r.id, ())) for r in reflections),
        insights=tuple(candidate_insights(store, period)),
    )


def candidate_reflections(store: Store, period: Period = ALL_DAYS) -> list[Reflection]:
    """The finished reflections written in `period`, newest first, without their answers."""
    reflections = [
        reflection
        for reflection in store.reflections.list()
        if reflection.status is ReflectionStatus.COMPLETE
        and (period == ALL_DAYS or period.contains(reflection.started_at))
    ]
    reflections.sort(key=lambda r: (r.started_at, r.id), reverse=True)
    return reflections


def candidate_insights(store: Store, period: Period = ALL_DAYS) -> list[Insight]:
    """The live insights noted in `period`, newest first."""
    insights = [
        insight
        for insight in store.insights.list()
        if period == ALL_DAYS or period.contains(insight.created_at)
    ]
    insights.sort(key=lambda i: (i.created_at, i.id), reverse=True)
    return insights


def preselected_options(period: Period, candidates: ReportCandidates) -> ReportOptions:
    """The default sections, and of `candidates` (the period's) the reflections and insights the
    client marked shareable, and nothing else."""
    return ReportOptions(
        period=period,
        reflection_ids=frozenset(r.id for r in candidates.reflections if r.shareable),
        insight_ids=frozenset(i.id for i in candidates.insights if i.shareable),
    )


def default_options(store: Store, period: Period) -> ReportOptions:
    """The default sections, and the reflections and insights in the period the client marked
    shareable (and nothing else)."""
    return preselected_options(period, report_candidates(store, period))
