"""The crisis lines of resources/support/crisis_lines.json: every entry says where it was checked
and when, every EU and EEA country is there, and a country the file does not list (or a locale
naming none) gets no number at all, only the advice to call the local emergency number."""

from __future__ import annotations

import json
from datetime import date

import pytest
from PySide6.QtCore import QLocale

from kapcompanion.course.support import (
    COUNTRY_SETTING,
    chosen_country,
    countries_in_order,
    country_from_locale,
)
from kapcompanion.data_files.crisis_lines import (
    CRISIS_LINES_FILE,
    OTHER_COUNTRY,
    crisis_lines,
    parse_crisis_lines,
)
from kapcompanion.data_files.resource_files import ResourceError, resource_path
from kapcompanion.store import Store

EU = [
    "AT",
    "BE",
    "BG",
    "HR",
    "CY",
    "CZ",
    "DK",
    "EE",
    "FI",
    "FR",
    "DE",
    "GR",
    "HU",
    "IE",
    "IT",
    "LV",
    "LT",
    "LU",
    "MT",
    "NL",
    "PL",
    "PT",
    "RO",
    "SK",
    "SI",
    "ES",
    "SE",
]
EEA_NOT_EU = ["IS", "LI", "NO"]
# The most populous countries and the others the project promised (issue 17).
PROMISED = [
    "CH",
    "GB",
    "US",
    "CA",
    "AU",
    "NZ",
    "IN",
    "CN",
    "JP",
    "BR",
    "MX",
    "ID",
    "PK",
    "NG",
    "BD",
    "RU",
    "PH",
    "EG",
    "VN",
    "TR",
    "IR",
    "TH",
    "ZA",
    "KR",
    "AR",
    "CO",
    "KE",
    "IL",
    "SG",
]


def test_every_eu_and_eea_country_and_every_promised_one_is_listed() -> None:
    listed = set(crisis_lines().countries)
    assert set(EU + EEA_NOT_EU + PROMISED) - listed == set()
    assert len(listed) >= 40


def test_every_entry_has_its_source_and_the_day_it_was_checked() -> None:
    lines = crisis_lines()
    for code, entries in lines.checked_lines.items():
        assert entries, code
        emergency = entries[-1]
        assert emergency.contact == lines.countries[code].emergency, code
        for entry in entries:
            assert entry.source.startswith(("https://", "http://")), (code, entry.name)
            assert date(2026, 1, 1) <= entry.checked <= date.today(), (code, entry.name)
    assert lines.directory.source.startswith("https://")


def test_every_eu_country_names_112() -> None:
    for code in EU:
        assert "112" in crisis_lines().countries[code].emergency, code


@pytest.mark.parametrize("locale", ["C", "POSIX", "en", "", "xx_QQ", "sw_ET", "C.UTF-8"])
def test_a_locale_naming_no_listed_country_gets_no_number(locale: str) -> None:
    code = country_from_locale(locale)
    assert code == OTHER_COUNTRY
    country = crisis_lines().for_country(code)
    assert not country.is_listed
    assert country.lines == ()
    assert country.emergency == ""


@pytest.mark.parametrize(
    ("locale", "code"), [("en_IN", "IN"), ("ja_JP", "JP"), ("de_CH", "CH"), ("pt-BR.UTF-8", "BR")]
)
def test_a_listed_country_comes_from_the_locale(locale: str, code: str) -> None:
    assert country_from_locale(locale) == code


def test_no_european_fallback_is_offered_to_the_rest_of_the_world() -> None:
    names = [country.name for country in countries_in_order()]
    assert not any("European Union" in name for name in names)
    assert countries_in_order()[-1].code == OTHER_COUNTRY
    assert crisis_lines().for_country("ET").code == OTHER_COUNTRY


def test_a_saved_choice_of_another_country_is_kept(store: Store) -> None:
    store.settings.set(COUNTRY_SETTING, OTHER_COUNTRY)
    assert chosen_country(store).code == OTHER_COUNTRY
    store.settings.set(COUNTRY_SETTING, "EU")  # the old catch-all, no longer a country
    assert chosen_country(store).code == country_from_locale(QLocale().name())


@pytest.mark.parametrize("missing", ["source", "checked"])
def test_an_entry_without_a_source_or_a_checked_day_is_refused(missing: str) -> None:
    data = json.loads(resource_path(*CRISIS_LINES_FILE).read_text(encoding="utf-8"))
    del data["countries"]["FR"]["lines"][0][missing]
    with pytest.raises(ResourceError, match="FR"):
        parse_crisis_lines(data, "crisis_lines.json")
    data = json.loads(resource_path(*CRISIS_LINES_FILE).read_text(encoding="utf-8"))
    del data["countries"]["DE"]["emergency"][missing]
    with pytest.raises(ResourceError, match="DE"):
        parse_crisis_lines(data, "crisis_lines.json")
