"""Report options: the period choices, what is offered, and what is chosen by default."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from kapcompanion.course.trends import Period
from kapcompanion.domain import DeletedKind, NewSession, SessionKind
from kapcompanion.report.content.options import (
    ALL_SECTIONS,
    PeriodChoice,
    ReportSection,
    default_options,
    period_for,
    preselected_options,
    report_candidates,
)
from kapcompanion.report.errors import ReportPeriodError
from kapcompanion.store import Store
from tests.core.report.test_report_content import TODAY, seed_course


def appointment(store: Store, kind: SessionKind, day: date) -> None:
    held = datetime(day.year, day.month, day.day, 12, tzinfo=UTC)
    store.sessions.add(NewSession(held_at=held, kind=kind))


def test_since_the_last_appointment_before_today(store: Store) -> None:
    assert period_for(store, PeriodChoice.SINCE_LAST_APPOINTMENT, TODAY) == Period()
    appointment(store, SessionKind.PREPARATION, date(2026, 10, 1))
    appointment(store, SessionKind.INTEGRATION, date(2026, 11, 10))
    appointment(store, SessionKind.INTEGRATION, TODAY)  # today's is the one ahead
    store.sessions.add(NewSession(held_at=datetime(2026, 11, 20, 12, tzinfo=UTC)))  # dosing
    period = period_for(store, PeriodChoice.SINCE_LAST_APPOINTMENT, TODAY)
    assert period == Period(date(2026, 11, 10), TODAY)


def test_other_period_choices(store: Store) -> None:
    assert period_for(store, PeriodChoice.LAST_30_DAYS, TODAY) == Period(
        TODAY - timedelta(days=29), TODAY
    )
    assert period_for(store, PeriodChoice.WHOLE_COURSE, TODAY) == Period()
    custom = Period(date(2026, 10, 1), date(2026, 10, 31))
    assert period_for(store, PeriodChoice.CUSTOM, TODAY, custom) == custom
    with pytest.raises(ValueError):
        period_for(store, PeriodChoice.CUSTOM, TODAY)
    with pytest.raises(ReportPeriodError) as raised:
        period_for(store, PeriodChoice.CUSTOM, TODAY, Period(date(2026, 11, 2), date(2026, 11, 1)))
    assert "ends before it starts" in raised.value.message


def test_candidates_are_finished_live_items_in_the_period_newest_first(store: Store) -> None:
    seeded = seed_course(store)
    candidates = report_candidates(store, Period())
    assert [r.id for r in candidates.reflections] == [
        seeded.private_reflection,
        seeded.shared_reflection,
    ]  # the draft is not offered
    assert [i.id for i in candidates.insights] == [seeded.private_insight, seeded.shared_insight]
    # With their answers, to show what they are: each reflection as the store gives it alone.
    assert candidates.reflections[0].answers
    for reflection in candidates.reflections:
        assert reflection == store.reflections.get(reflection.id)
    store.deleted.move(DeletedKind.REFLECTION, seeded.private_reflection)
    store.deleted.move(DeletedKind.INSIGHT, seeded.private_insight)
    later = report_candidates(store, Period())
    assert [r.id for r in later.reflections] == [seeded.shared_reflection]
    assert [i.id for i in later.insights] == [seeded.shared_insight]
    october = report_candidates(store, Period(date(2026, 10, 1), date(2026, 10, 11)))
    assert october.reflections == () and october.insights == ()


def test_default_options_choose_every_section_but_the_optional_and_only_shareable_items(
    store: Store,
) -> None:
    seeded = seed_course(store)
    options = default_options(store, Period())
    assert options.sections == frozenset(ALL_SECTIONS) - {ReportSection.MEDICATIONS}
    assert ALL_SECTIONS[0] is ReportSection.SUMMARY and len(ALL_SECTIONS) == 9
    assert options.reflection_ids == {seeded.shared_reflection}
    assert options.insight_ids == {seeded.shared_insight}
    assert options.client_name == "" and options.note_to_therapist == ""
    # The screen pre-selects from the candidates it already has: the same choice.
    candidates = report_candidates(store, Period())
    assert preselected_options(Period(), candidates) == options


def test_many_reflections_are_offered_with_their_own_answers(store: Store) -> None:
    """Answers read in bulk land on their own reflection, in prompt order; one with none
    is offered with none."""
    from kapcompanion.domain import Phase

    written = []
    for number in range(30):
        at = datetime(2026, 11, 1, 9, tzinfo=UTC) + timedelta(hours=number)
        reflection = store.reflections.start(Phase.OPEN, "open", 1, at=at)
        for position in reversed(range(number % 3)):  # saved out of order
            store.reflections.save_answer(
                reflection.id,
                position=position,
                prompt_id=f"p{position}",
                prompt_text=f"Prompt {position}",
                text=f"answer {position} of reflection {number}",
                at=at,
            )
        store.reflections.complete(reflection.id, at=at)
        written.append(reflection.id)
    offered = {r.id: r for r in report_candidates(store, Period()).reflections}
    assert set(offered) == set(written)
    for number, reflection_id in enumerate(written):
        texts = [answer.text for answer in offered[reflection_id].answers]
        assert texts == [f"answer {p} of reflection {number}" for p in range(number % 3)]
