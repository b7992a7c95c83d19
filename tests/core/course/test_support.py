"""The safety plan and contacts read back whatever is stored, so Support never fails."""

from __future__ import annotations

from kapcompanion.course.support import (
    CONTACTS_SETTING,
    SAFETY_PLAN_SECTIONS,
    SAFETY_PLAN_SETTING,
    contacts,
    safety_plan,
    save_contacts,
    save_safety_plan,
)
from kapcompanion.store import Store


def test_a_plan_saved_by_the_app_reads_back_as_written(store: Store) -> None:
    save_safety_plan(store, {"warning_signs": ["Not sleeping", " "], "professionals": ["Dr Ana"]})
    plan = safety_plan(store)
    assert list(plan) == list(SAFETY_PLAN_SECTIONS)
    assert plan["warning_signs"] == ["Not sleeping"]
    assert plan["professionals"] == ["Dr Ana"]
    assert plan["reasons_for_living"] == []


def test_plan_sections_that_are_not_lists_read_as_empty(store: Store) -> None:
    store.settings.set(
        SAFETY_PLAN_SETTING,
        {
            "warning_signs": "Not sleeping",
            "coping_on_my_own": ["Walk", 3, None, "  "],
            "people_to_ask": None,
            "professionals": {"name": "Dr Ana"},
        },
    )
    plan = safety_plan(store)
    assert plan["warning_signs"] == []
    assert plan["coping_on_my_own"] == ["Walk"]
    assert plan["people_to_ask"] == []
    assert plan["professionals"] == []


def test_a_plan_that_is_not_an_object_reads_as_empty(store: Store) -> None:
    store.settings.set(SAFETY_PLAN_SETTING, ["Not sleeping"])
    assert all(lines == [] for lines in safety_plan(store).values())


def test_contact_details_that_are_not_text_read_as_not_written(store: Store) -> None:
    save_contacts(store, {"clinic_name": "Riverside Clinic"})
    assert contacts(store)["clinic_name"] == "Riverside Clinic"
    store.settings.set(
        CONTACTS_SETTING, {"therapist_name": None, "therapist_phone": 5, "clinic_name": "Clinic"}
    )
    assert contacts(store) == {
        "therapist_name": "",
        "therapist_phone": "",
        "clinic_name": "Clinic",
        "clinic_phone": "",
    }
