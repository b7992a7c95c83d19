"""The sample course: realistic, anchored to today, and only ever written into an empty profile."""

from __future__ import annotations

from datetime import UTC, date

import pytest

from kapcompanion.course.home_summary import summarise_course
from kapcompanion.course.support import SAFETY_PLAN_SECTIONS, contacts, safety_plan
from kapcompanion.course.whats_due import DueKind, whats_due
from kapcompanion.demo import DAYS_SINCE_LAST_SESSION, fill_demo
from kapcompanion.domain import Phase, SessionKind
from kapcompanion.errors import ProfileNotEmptyError
from kapcompanion.store import Store


def test_the_sample_course_has_six_dosing_sessions_over_about_five_weeks(store: Store) -> None:
    summary = fill_demo(store, today=date(2026, 11, 25), zone=UTC)
    dosing = [s for s in store.sessions.list() if s.kind is SessionKind.DOSING]
    assert len(dosing) == 6
    assert [s.number_in_course for s in dosing] == [1, 2, 3, 4, 5, 6]
    span = (dosing[-1].held_at - dosing[0].held_at).days
    assert 28 <= span <= 42
    assert dosing[-1].held_at.date() == date(2026, 11, 25 - DAYS_SINCE_LAST_SESSION)
    assert summary.dosing_sessions == 6
    assert summary.dosing_sessions + summary.other_sessions == len(store.sessions.list())


def test_each_session_has_its_follow_up_reflections_with_prompt_text(store: Store) -> None:
    fill_demo(store, today=date(2026, 11, 25), zone=UTC)
    dosing = [s for s in store.sessions.list() if s.kind is SessionKind.DOSING]
    for session in dosing[:-1]:
        phases = {r.phase for r in store.reflections.list(session.id)}
        assert {Phase.SAME_DAY, Phase.NEXT_DAY, Phase.WEEK_AFTER} <= phases
    reflection = store.reflections.get(store.reflections.list(dosing[0].id)[0].id)
    answered = [a for a in reflection.answers if not a.skipped]
    assert answered and all(a.prompt_text and a.text for a in answered)
    assert any(a.skipped for a in reflection.answers)


def test_the_sample_course_carries_insights_themes_and_distress(store: Store) -> None:
    fill_demo(store, today=date(2026, 11, 25), zone=UTC)
    summary = summarise_course(store)
    assert summary.insights >= 10
    assert summary.top_themes and summary.top_themes[0][1] >= 3
    assert summary.key_insights[0].pinned
    assert summary.first_distress_after is not None
    assert summary.latest_distress_after is not None
    assert summary.latest_distress_after < summary.first_distress_after
    assert store.insights.list_commitments()


def test_a_profile_with_entries_is_refused_and_unchanged(store: Store) -> None:
    fill_demo(store)
    before = store.counts()
    with pytest.raises(ProfileNotEmptyError):
        fill_demo(store)
    assert store.counts() == before


def test_the_sample_course_has_check_ins_that_improve_gently(store: Store) -> None:
    from kapcompanion.data_files.questionnaires import questionnaire, score

    fill_demo(store, today=date(2026, 11, 25), zone=UTC)
    phq9 = [score(questionnaire("phq9"), c.answers) for c in store.check_ins.completed("phq9")]
    assert len(phq9) == 3
    totals = [result.total or 0 for result in phq9]
    assert all(result.complete for result in phq9)
    assert totals == sorted(totals, reverse=True)
    assert all(result.safety_flags == () for result in phq9)
    assert len(store.check_ins.completed("pcl5")) == 2


def test_the_sample_course_has_weeks_of_practices_check_ins_and_a_short_medication_list(
    store: Store,
) -> None:
    today = date(2026, 11, 25)
    fill_demo(store, today=today, zone=UTC)
    weeks = store.practices.weekly_counts(zone=UTC)
    assert len(weeks) >= 3 and all(week.count for week in weeks[1:])
    entries = store.practices.entries(newest_first=False)
    assert entries[-1].done_at.date() < today  # nothing logged in the future
    assert {e.practice.builtin_key for e in entries} >= {"mindfulness", "movement", "sleep"}
    assert any(e.own_name for e in entries)
    ratings = store.check_ins.distress_ratings()
    assert len(ratings) >= 3 and all(0 <= r.value <= 10 for r in ratings)
    current = store.medications.current(today)
    assert "Sertraline" in [m.name for m in current]
    sertraline = next(m for m in current if m.name == "Sertraline")
    assert sertraline.started_on is not None and (today - sertraline.started_on).days > 90
    assert store.medications.past(today)  # one that was stopped
    assert 2 <= len(store.medications.list()) <= 5


def test_the_sample_course_shows_home_a_practice_it_asked_to_be_reminded_of(store: Store) -> None:
    today = date(2026, 11, 25)
    fill_demo(store, today=today, zone=UTC)
    due = [item for item in whats_due(store, today) if item.kind is DueKind.PRACTICE]
    assert [item.practice.builtin_key for item in due if item.practice] == ["time_outdoors"]


def test_the_sample_course_has_a_safety_plan_and_people_to_contact(store: Store) -> None:
    fill_demo(store, today=date(2026, 11, 25), zone=UTC)
    plan = safety_plan(store)
    assert all(plan[section] for section in SAFETY_PLAN_SECTIONS)  # no empty section
    people = contacts(store)
    assert all(people.values())  # therapist and clinic, names and numbers
