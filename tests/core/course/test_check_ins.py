"""Check-ins in the store (drafts that survive, finished ones scored), the schedule, and the
support data (safety plan, contacts, crisis lines)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from kapcompanion.course.check_in_schedule import due_check_ins, schedule, set_every_days
from kapcompanion.course.support import (
    contacts,
    country_from_locale,
    crisis_lines,
    safety_plan,
    save_contacts,
    save_safety_plan,
)
from kapcompanion.data_files.questionnaires import questionnaire, score
from kapcompanion.store import Store


def test_a_draft_check_in_keeps_its_answers_and_counts_only_when_finished(store: Store) -> None:
    draft = store.check_ins.start("gad7", 1)
    store.check_ins.save_answer(draft.id, 1, 2)
    store.check_ins.save_answer(draft.id, 2, 1)
    store.check_ins.save_answer(draft.id, 2, None)  # changed their mind: cleared again
    assert store.check_ins.unfinished("gad7") == store.check_ins.get(draft.id)
    assert store.check_ins.get(draft.id).answers == {1: 2}
    assert store.check_ins.completed("gad7") == []
    for item in range(2, 8):
        store.check_ins.save_answer(draft.id, item, 1)
    done = store.check_ins.complete(draft.id)
    assert store.check_ins.completed("gad7") == [done]
    assert score(questionnaire("gad7"), done.answers).total == 8
    assert store.check_ins.unfinished("gad7") is None


def test_the_schedule_suggests_each_questionnaire_every_two_weeks(store: Store) -> None:
    today = date(2026, 11, 25)
    assert {d.questionnaire.id for d in due_check_ins(store, today)} == {
        "phq9",
        "gad7",
        "pcl5",
        "who5",
    }
    taken = store.check_ins.start("phq9", 1)
    store.check_ins.complete(taken.id, at=datetime(2026, 11, 20, 12, tzinfo=UTC))
    by_id = {d.questionnaire.id: d for d in schedule(store, today)}
    assert by_id["phq9"].due_on == date(2026, 12, 4)
    assert not by_id["phq9"].is_due(today)
    set_every_days(store, "phq9", 7)
    assert {d.questionnaire.id: d for d in schedule(store, today)}["phq9"].due_on == date(
        2026, 11, 27
    )
    set_every_days(store, "pcl5", 0)  # never
    assert "pcl5" not in {d.questionnaire.id for d in schedule(store, today)}
    with pytest.raises(ValueError):
        set_every_days(store, "gad7", -1)


def test_the_safety_plan_and_contacts_are_kept(store: Store) -> None:
    assert all(lines == [] for lines in safety_plan(store).values())
    save_safety_plan(
        store,
        {"warning_signs": ["Not sleeping", "  "], "reasons_for_living": ["My sister", "The sea"]},
    )
    plan = safety_plan(store)
    assert plan["warning_signs"] == ["Not sleeping"]
    assert plan["reasons_for_living"] == ["My sister", "The sea"]
    with pytest.raises(ValueError):
        save_safety_plan(store, {"not_a_section": ["x"]})
    save_contacts(store, {"therapist_name": " Dr. R. ", "therapist_phone": "0123"})
    assert contacts(store)["therapist_name"] == "Dr. R."
    assert contacts(store)["clinic_phone"] == ""


@pytest.mark.parametrize(
    ("locale", "country", "number"),
    [
        ("en_US", "US", "988"),
        ("en_CA", "CA", "988"),
        ("en_GB", "GB", "116 123"),
        ("en_IE", "IE", "116 123"),
        ("en_AU", "AU", "13 11 14"),
        ("pt_BR", "BR", "188"),
        ("es_ES", "ES", "024"),
    ],
)
def test_crisis_lines_follow_the_country(locale: str, country: str, number: str) -> None:
    code = country_from_locale(locale)
    assert code == country
    assert any(number in line.contact for line in crisis_lines().for_country(code).lines)
