"""Applying a plan the client agreed to, replacing it, and removing it: what it changes, and that
removing it puts the client's own settings back."""

from __future__ import annotations

from datetime import date, datetime

from kapcompanion.course.check_in_schedule import every_days, set_every_days
from kapcompanion.course.support import contacts, save_contacts
from kapcompanion.course.whats_due import whats_due
from kapcompanion.domain import NewSession, Phase
from kapcompanion.store import Store
from kapcompanion.therapist_plan.applying import (
    applied_on,
    apply_plan,
    current_plan,
    invited_phases,
    remove_plan,
)
from kapcompanion.therapist_plan.reading import read_plan
from tests.paths import REPOSITORY

EXAMPLE = REPOSITORY / "docs" / "examples" / "therapist-plan.json"
TODAY = date(2026, 12, 1)


def every_setting(store: Store) -> dict[str, object]:
    keys = store.settings.keys()
    return {key: store.settings.get(key) for key in keys}


def test_applying_sets_the_schedule_the_follow_ups_and_the_contacts(store: Store) -> None:
    save_contacts(store, {"therapist_name": "Sam", "therapist_phone": "0100 200"})
    set_every_days(store, "phq9", 7)
    plan = read_plan(EXAMPLE)
    apply_plan(store, plan, TODAY)
    assert current_plan(store) == plan
    assert applied_on(store) == TODAY
    chosen = {key: every_days(store, key) for key in ("phq9", "gad7", "pcl5", "who5")}
    assert chosen == {"phq9": 14, "gad7": 0, "pcl5": 14, "who5": 14}
    assert invited_phases(store) == (Phase.NEXT_DAY, Phase.WEEK_AFTER)
    assert contacts(store)["clinic_name"] == "Riverside Integration Clinic"
    assert contacts(store)["therapist_name"] == "Dr. Amara Okafor"


def test_home_invites_only_the_reflections_the_plan_names(store: Store) -> None:
    store.sessions.add(
        NewSession(held_at=datetime(2026, 11, 30, 10).astimezone(), number_in_course=1)
    )
    assert [item.phase for item in whats_due(store, TODAY) if item.phase] == [
        Phase.SAME_DAY,
        Phase.NEXT_DAY,
    ]
    apply_plan(store, read_plan(EXAMPLE), TODAY)
    assert [item.phase for item in whats_due(store, TODAY) if item.phase] == [Phase.NEXT_DAY]
    # WHO-5, which the example plan leaves out, keeps the client's own choice (every 14 days).
    assert {item.questionnaire.id for item in whats_due(store, TODAY) if item.questionnaire} == {
        "phq9",
        "pcl5",
        "who5",
    }


def test_removing_the_plan_puts_the_clients_own_settings_back(store: Store) -> None:
    save_contacts(store, {"therapist_name": "Sam", "therapist_phone": "0100 200"})
    set_every_days(store, "phq9", 7)
    before = every_setting(store)
    apply_plan(store, read_plan(EXAMPLE), TODAY)
    remove_plan(store)
    assert every_setting(store) == before
    assert current_plan(store) is None
    assert invited_phases(store) == (Phase.SAME_DAY, Phase.NEXT_DAY, Phase.WEEK_AFTER)
    assert every_days(store, "gad7") == 14  # as it was: never chosen, so the default


def test_a_second_plan_replaces_the_first_and_removing_it_still_restores(store: Store) -> None:
    from kapcompanion.therapist_plan.reading import parse_plan

    set_every_days(store, "gad7", 21)
    before = every_setting(store)
    apply_plan(store, read_plan(EXAMPLE), TODAY)
    second = parse_plan(
        {
            "format": "kap-companion/plan",
            "format_version": 1,
            "questionnaires": {"pcl5": {"every_days": 28}},
        }
    )
    apply_plan(store, second, TODAY)
    assert current_plan(store) == second
    # Nothing of the first plan is left: gad7 is the client's own again, pcl5 the new plan's.
    assert (every_days(store, "gad7"), every_days(store, "pcl5")) == (21, 28)
    assert invited_phases(store) == (Phase.SAME_DAY, Phase.NEXT_DAY, Phase.WEEK_AFTER)
    remove_plan(store)
    assert every_setting(store) == before


def test_removing_when_there_is_no_plan_changes_nothing(store: Store) -> None:
    set_every_days(store, "phq9", 7)
    before = every_setting(store)
    remove_plan(store)
    assert every_setting(store) == before
