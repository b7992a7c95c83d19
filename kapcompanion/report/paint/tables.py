"""The printout's tables of sessions and of questionnaire scores, shared by page 1 and the
detail that follows it."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QLocale

from kapcompanion.report.content.build import ScoreLine, SessionLine
from kapcompanion.report.content.words import (
    CONTEXT,
    band_words,
    change_words,
    number_text,
    unscored_words,
)
from kapcompanion.report.paint.html_parts import escaped, palette, table_html
from kapcompanion.wording.dates import day_of
from kapcompanion.wording.domain import session_title
from kapcompanion.wording.translation import translate


def session_table(lines: Sequence[SessionLine], locale: QLocale, *, with_notes: bool) -> str:
    """One row per session: its name, day, distress before and after, and after-effects
    (with the client's notes on them when `with_notes`)."""
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
        effects = escaped(", ".join(line.after_effects)) or "–"
        if with_notes and session.after_effects_notes.strip():
            effects += f'<br><span style="color: {palette()["muted_text"]};">'
            effects += f"{escaped(session.after_effects_notes.strip())}</span>"
        rows.append(
            [
                escaped(session_title(session)),
                escaped(day_of(session.held_at, locale, short=True)),
                number_text(session.distress_before, locale),
                number_text(session.distress_after, locale),
                effects,
            ]
        )
    # The after-effects and their notes get the room; the short columns only what they need.
    widths = (15, 16, 11, 11, 47) if with_notes else ()
    return table_html([escaped(h) for h in headers], rows, numeric=(2, 3), widths=widths)


def score_table(lines: Sequence[ScoreLine], locale: QLocale) -> str:
    """One row per questionnaire: the latest score and its band, against the first, as the
    authors publish them (WHO-5 out of 100, said to be higher-is-better), with the published
    change thresholds the change passes. A latest check-in without a total says so."""
    headers = [
        translate(CONTEXT, "Questionnaire"),
        translate(CONTEXT, "Latest"),
        translate(CONTEXT, "Score"),
        translate(CONTEXT, "Band"),
        translate(CONTEXT, "First score"),
        translate(CONTEXT, "Change · thresholds passed"),
    ]
    rows = []
    for line in lines:
        questionnaire = line.questionnaire
        scale = questionnaire.multiplier
        latest = translate(
            CONTEXT, "%1 of %2", line.latest.total * scale, questionnaire.max_scaled_total
        )
        name = questionnaire.name
        if questionnaire.higher_is_better:
            name = translate(CONTEXT, "%1 (higher is better)", name)
        first = (
            translate(
                CONTEXT,
                "%1 on %2",
                line.first.total * scale,
                day_of(line.first.taken_at, locale, short=True),
            )
            if line.first is not None
            else translate(CONTEXT, "this is the first")
        )
        when = day_of(line.latest.taken_at, locale, short=True)
        unscored = line.unscored_latest
        if unscored is not None:
            # The latest check-in has no total; the last total is named with its own day, so
            # an older score is never read as the latest.
            when = day_of(unscored.taken_at, locale, short=True)
            latest = translate(
                CONTEXT,
                "%1; last total %2 on %3",
                unscored_words(unscored, questionnaire),
                latest,
                day_of(line.latest.taken_at, locale, short=True),
            )
        rows.append(
            [
                escaped(name),
                escaped(when),
                escaped(latest),
                escaped(band_words(line, locale)),
                escaped(first),
                escaped(change_words(line, locale)),
            ]
        )
    # The change column holds the thresholds' names, so it gets the room.
    widths = (16, 13, 12, 14, 13, 32)
    return table_html([escaped(h) for h in headers], rows, numeric=(2,), widths=widths)
