"""Support that is always one click away: the client's safety plan, their therapist's contact,
and crisis lines for their country (data in resources/support/crisis_lines.json).

KAP Companion is not an emergency service, and every screen that shows these says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from PySide6.QtCore import QLocale

from kapcompanion.data_files.resource_files import ResourceError, load_json_resource, resource_path
from kapcompanion.store import Store

SAFETY_PLAN_SETTING = "support.safety_plan"
CONTACTS_SETTING = "support.contacts"
COUNTRY_SETTING = "support.country"
CRISIS_LINES_FILE = ("support", "crisis_lines.json")

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


@dataclass(frozen=True)
class CrisisLine:
    name: str
    contact: str


@dataclass(frozen=True)
class Country:
    code: str
    name: str
    lines: tuple[CrisisLine, ...]


@dataclass(frozen=True)
class CrisisLines:
    countries: dict[str, Country]
    fallback: str

    def for_country(self, code: str) -> Country:
        return self.countries.get(code.upper(), self.countries[self.fallback])


@cache
def crisis_lines() -> CrisisLines:
    data: Any = load_json_resource(*CRISIS_LINES_FILE)
    where = resource_path(*CRISIS_LINES_FILE)
    raw = data.get("countries") if isinstance(data, dict) else None
    if not isinstance(raw, dict) or not raw:
        raise ResourceError(f'{where}: "countries" must map country codes to their lines.')
    countries = {}
    for code, entry in raw.items():
        lines = entry.get("lines") if isinstance(entry, dict) else None
        if (
            not isinstance(lines, list)
            or not lines
            or not all(
                isinstance(line, dict) and line.get("name") and line.get("contact")
                for line in lines
            )
        ):
            raise ResourceError(f"{where}: country {code} needs lines with a name and a contact.")
        countries[code] = Country(
            code,
            str(entry.get("name", code)),
            tuple(CrisisLine(str(line["name"]), str(line["contact"])) for line in lines),
        )
    fallback = data.get("fallback")
    if fallback not in countries:
        raise ResourceError(f'{where}: "fallback" must be one of the countries.')
    return CrisisLines(countries, fallback)


def country_from_locale(locale_name: str) -> str:
    """ "en_GB" → "GB"; anything unknown falls back to the data file's default."""
    parts = locale_name.replace("-", "_").split("_")
    code = parts[1].upper() if len(parts) > 1 else ""
    lines = crisis_lines()
    return code if code in lines.countries else lines.fallback


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
    """The client's chosen country, or the system locale's (or the data file's default)."""
    saved = store.settings.get(COUNTRY_SETTING) if store is not None else None
    if isinstance(saved, str) and saved in crisis_lines().countries:
        return saved
    return country_from_locale(QLocale().name())


def chosen_country(store: Store | None) -> Country:
    return crisis_lines().for_country(chosen_country_code(store))


def countries_in_order() -> list[Country]:
    """Countries by name, with the catch-all entry last."""
    lines = crisis_lines()
    named = sorted(
        (country for code, country in lines.countries.items() if code != lines.fallback),
        key=lambda country: country.name.casefold(),
    )
    return [*named, lines.countries[lines.fallback]]
