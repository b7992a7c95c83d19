"""The printout's words: its period, section names, scores' bands and flags in plain
sentences, each through Qt's translation lookup (context "report"), dates and numbers as the
locale writes them. Session titles, phase titles and long dates are the window's too, written
once in kapcompanion.wording.domain. No HTML here (see kapcompanion.report.paint.html_parts).
"""

from __future__ import annotations

from PySide6.QtCore import QLocale

from kapcompanion.course.trends import UnscoredPoint
from kapcompanion.data_files.questionnaires import Questionnaire
from kapcompanion.domain import CommitmentStatus
from kapcompanion.report.content.build import (
    CHECK_IN,
    Flag,
    FlagKind,
    ReportContent,
    ScoreLine,
)
from kapcompanion.report.content.options import ReportSection
from kapcompanion.wording.dates import day_of
from kapcompanion.wording.domain import phase_title, session_title
from kapcompanion.wording.translation import translate

CONTEXT = "report"
EMPTY_REPORT = "No sessions or reflections in this period yet."


def period_text(content: ReportContent, locale: QLocale | None = None) -> str:
    first, last = day_of(content.first_day, locale), day_of(content.last_day, locale)
    return first if first == last else translate(CONTEXT, "%1 – %2", first, last)


def footer_note() -> str:
    return translate(
        CONTEXT, "Written by the client in KAP Companion. Self-reported; not a clinical record."
    )


def page_number_text(page: int, pages: int) -> str:
    return translate(CONTEXT, "Page %1 of %2", page, pages)


def number_text(value: int | None, locale: QLocale | None = None) -> str:
    """A number as the locale writes it; a dash for none."""
    return "–" if value is None else (locale or QLocale()).toString(value)


def signed_text(value: int, locale: QLocale | None = None) -> str:
    """A change with its sign ("+3", "−7", "0")."""
    shown = (locale or QLocale()).toString(abs(value))
    return f"+{shown}" if value > 0 else (f"−{shown}" if value < 0 else shown)


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
        ReportSection.MEDICATIONS: translate(CONTEXT, "Medication list"),
        ReportSection.SAFETY_FLAGS: translate(CONTEXT, "Flags"),
    }[section]


def no_flags_text() -> str:
    """What page 1 and the flags section say when there is nothing to flag."""
    return translate(
        CONTEXT,
        "No distress of 8 or more, no safety item answered above 0 and no after-effects "
        "reported in this period.",
    )


def band_words(line: ScoreLine, locale: QLocale | None = None) -> str:
    """The latest score's band, or where it lies against the screening cut-point ("–":
    neither)."""
    if line.latest.band:
        return line.latest.band
    cut_point = line.questionnaire.screening_cut_point
    position = line.cut_point_position
    if cut_point is None or position is None:
        return "–"
    low, high = number_text(cut_point.low, locale), number_text(cut_point.high, locale)
    return {
        -1: translate(CONTEXT, "below the %1–%2 screening cut-point", low, high),
        0: translate(CONTEXT, "at the %1–%2 screening cut-point", low, high),
        1: translate(CONTEXT, "above the %1–%2 screening cut-point", low, high),
    }[position]


def change_words(line: ScoreLine, locale: QLocale | None = None) -> str:
    """The change since the first score and the published thresholds it passes, stated for
    the clinician: "−7: 5-point minimal clinically important difference; response (≥ 50 %
    drop)". "–" before there are two scores."""
    if line.change is None:
        return "–"
    signed = signed_text(line.change, locale)
    if not line.passed:
        return signed
    return translate(CONTEXT, "%1: %2", signed, "; ".join(t.label for t in line.passed))


def unscored_words(unscored: UnscoredPoint, questionnaire: Questionnaire) -> str:
    """A finished check-in with unanswered items, in the "Latest" cell: never a total."""
    return translate(
        CONTEXT,
        "no total: %n of %1 questions unanswered",
        len(questionnaire.items),
        n=len(unscored.missing),
    )


def flag_words(flag: Flag, locale: QLocale | None = None, *, short: bool) -> str:
    """One flag in a line: short for page 1 ("8 before Session 3"), else a whole phrase
    ("Distress 8 before Session 3")."""
    when = day_of(flag.when, locale)
    if flag.kind is FlagKind.SAFETY_ITEM and flag.questionnaire and flag.item_number:
        item = flag.questionnaire.items[flag.item_number - 1]
        answer = next(
            (o.label for o in flag.questionnaire.options if o.value == flag.rating),
            number_text(flag.rating, locale),
        )
        if short:
            return translate(
                CONTEXT,
                "%1 item %2, “%3”, on %4 (a check-in not finished yet)"
                if flag.unfinished
                else "%1 item %2, “%3”, on %4",
                flag.questionnaire.name,
                flag.item_number,
                answer,
                when,
            )
        return translate(
            CONTEXT,
            "%1 item %2 (“%3”) answered “%4”, in a check-in not finished yet"
            if flag.unfinished
            else "%1 item %2 (“%3”) answered “%4”",
            flag.questionnaire.name,
            flag.item_number,
            item.text,
            answer,
        )
    if flag.kind is FlagKind.AFTER_EFFECTS and flag.session is not None:
        effects = ", ".join(flag.after_effects)
        if short:
            return translate(CONTEXT, "%1 (%2)", session_title(flag.session), effects)
        return translate(CONTEXT, "After %1: %2", session_title(flag.session), effects)
    rating = number_text(flag.rating, locale)
    if flag.session is not None:
        name = session_title(flag.session)
        words = {
            "before": translate(CONTEXT, "%1 before %2", rating, name),
            "after": translate(CONTEXT, "%1 after %2", rating, name),
        }[flag.moment]
    elif flag.moment == CHECK_IN:
        words = translate(CONTEXT, "%1 at a quick distress check-in (%2)", rating, when)
    else:
        kind = phase_title(flag.reflection.phase) if flag.reflection else ""
        words = {
            "start": translate(
                CONTEXT, "%1 at the start of a reflection (%2, %3)", rating, kind, when
            ),
            "end": translate(CONTEXT, "%1 at the end of a reflection (%2, %3)", rating, kind, when),
        }[flag.moment]
    return words if short else translate(CONTEXT, "Distress %1", words)
