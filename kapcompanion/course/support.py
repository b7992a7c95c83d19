"""Support that is always one click away: the client's safety plan, their therapist's contact,
and crisis lines for their country (data in resources/support/crisis_lines.json).

KAP Companion is not an emergency service, and every screen that shows these says so.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale

from kapcompanion.data_files.crisis_lines import (
    OTHER_COUNTRY,
    Country,
    CrisisLine,
    CrisisLines,
    country_code_of_locale,
    crisis_lines,
)
from kapcompanion.store import Store

__all__ = ["OTHER_COUNTRY", "Country", "CrisisLine", "CrisisLines", "crisis_lines"]

SAFETY_PLAN_SETTING = "support.safety_plan"
CONTACTS_SETTING = "support.contacts"
COUNTRY_SETTING = "support.country"

# The widely used six-step safety plan, plus reasons for living. Keys are stored; the window
# gives each its wording.
SAFETY_PLAN_SECTIONS = (
    "warning_signs",
    "coping_on_my_own",
    "people_and_places",
    "people_to_ask",
    "professionals",
    "safer_surroundings",
    "reasons_for_living",
)


def country_from_locale(locale_name: str) -> str:
    """ "en_GB" → "GB"; a country the file does not list, or none ("C"), → `OTHER_COUNTRY`."""
    code = country_code_of_locale(locale_name)
    return code if crisis_lines().listed(code) else OTHER_COUNTRY


def safety_plan(store: Store) -> dict[str, list[str]]:
    """The client's safety plan: for each section, their own lines (empty until written).

    Never fails, whatever is stored: Support is the screen for a crisis. A section that is not
    a list is left empty, and a line that is not text is left out."""
    saved = store.settings.get(SAFETY_PLAN_SETTING, {})
    saved = saved if isinstance(saved, dict) else {}
    plan = {}
    for key in SAFETY_PLAN_SECTIONS:
        lines = saved.get(key)
        lines = lines if isinstance(lines, list) else []
        plan[key] = [line for line in lines if isinstance(line, str) and line.strip()]
    return plan


def save_safety_plan(store: Store, plan: dict[str, list[str]]) -> None:
    unknown = set(plan) - set(SAFETY_PLAN_SECTIONS)
    if unknown:
        raise ValueError(f"Unknown safety plan sections: {', '.join(sorted(unknown))}.")
    cleaned = {
        key: [line.strip() for line in plan.get(key, []) if line.strip()]
        for key in SAFETY_PLAN_SECTIONS
    }
    store.settings.set(SAFETY_PLAN_SETTING, cleaned)


def contacts(store: Store) -> dict[str, str]:
    """The therapist's and clinic's contact details, as the client wrote them (a detail that
    is not text, whatever is stored, reads as not written yet)."""
    saved = store.settings.get(CONTACTS_SETTING, {})
    saved = saved if isinstance(saved, dict) else {}
    keys = ("therapist_name", "therapist_phone", "clinic_name", "clinic_phone")
    return {key: value if isinstance(value := saved.get(key), str) else "" for key in keys}


def save_contacts(store: Store, values: dict[str, str]) -> None:
    store.settings.set(CONTACTS_SETTING, {key: value.strip() for key, value in values.items()})


def chosen_country_code(store: Store | None) -> str:
    """The client's chosen country, or the system locale's (`OTHER_COUNTRY` if not listed)."""
    saved = store.settings.get(COUNTRY_SETTING) if store is not None else None
    if isinstance(saved, str) and (crisis_lines().listed(saved) or saved == OTHER_COUNTRY):
        return saved
    return country_from_locale(QLocale().name())


def chosen_country(store: Store | None) -> Country:
    return crisis_lines().for_country(chosen_country_code(store))


def countries_in_order() -> list[Country]:
    """Countries by name, with "Another country" (no numbers of its own) last."""
    listed = sorted(crisis_lines().countries.values(), key=lambda country: country.name.casefold())
    return [*listed, crisis_lines().for_country(OTHER_COUNTRY)]
