"""The crisis lines of resources/support/crisis_lines.json: for each listed country its emergency
number and, where one was verified, a national suicide or crisis line, each with the page it was
checked against and the day it was checked.

A country that is not listed (or a locale that names none, such as C or POSIX) gets no numbers
at all: the window says to call the local emergency number and names an international directory
of helplines instead, because a number shown for the wrong country is worse than none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from kapcompanion.data_files.resource_files import ResourceError, load_json_resource, resource_path
from kapcompanion.wording.translation import translate

CRISIS_LINES_FILE = ("support", "crisis_lines.json")
FORMAT_NAME = "kap-companion/crisis-lines"
FORMAT_VERSION = 2
# ISO 3166 keeps ZZ for "unknown or unspecified": any country the file does not list.
OTHER_COUNTRY = "ZZ"
EMERGENCY_LINE_NAME = "Emergency services"
_COUNTRY_CODE = re.compile(r"[A-Z]{2}")


@dataclass(frozen=True)
class CrisisLine:
    name: str
    contact: str


@dataclass(frozen=True)
class CheckedLine:
    """A line as the data file keeps it: what to call, where that was checked, and when."""

    name: str
    contact: str
    source: str
    checked: date


@dataclass(frozen=True)
class Country:
    """A country's lines to show: its crisis lines, then its emergency number (as a line named
    "Emergency services"). The catch-all country (`OTHER_COUNTRY`) has none."""

    code: str
    name: str
    lines: tuple[CrisisLine, ...]
    emergency: str = ""

    @property
    def is_listed(self) -> bool:
        return self.code != OTHER_COUNTRY


@dataclass(frozen=True)
class Directory:
    """An international directory of helplines, named for any country the file does not list."""

    name: str
    address: str
    source: str
    checked: date


@dataclass(frozen=True)
class CrisisLines:
    countries: dict[str, Country]
    checked_lines: dict[str, tuple[CheckedLine, ...]]  # every entry, the emergency one last
    directory: Directory

    def for_country(self, code: str) -> Country:
        return self.countries.get(code.upper()) or other_country()

    def listed(self, code: str) -> bool:
        return code.upper() in self.countries


def other_country() -> Country:
    return Country(OTHER_COUNTRY, translate("CrisisLines", "Another country"), ())


@cache
def crisis_lines() -> CrisisLines:
    return parse_crisis_lines(
        load_json_resource(*CRISIS_LINES_FILE), str(resource_path(*CRISIS_LINES_FILE))
    )


def parse_crisis_lines(data: Any, where: str) -> CrisisLines:
    """The lines of a crisis-lines file's `data`, or ResourceError naming `where` and what is
    wrong: every line needs its name, contact, source and the day it was checked."""
    if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
        raise ResourceError(f'{where}: "format" must be "{FORMAT_NAME}".')
    if data.get("format_version") != FORMAT_VERSION:
        raise ResourceError(f'{where}: "format_version" must be {FORMAT_VERSION}.')
    raw = data.get("countries")
    if not isinstance(raw, dict) or not raw:
        raise ResourceError(f'{where}: "countries" must map country codes to their lines.')
    countries: dict[str, Country] = {}
    checked_lines: dict[str, tuple[CheckedLine, ...]] = {}
    for code, entry in raw.items():
        if not isinstance(code, str) or not _COUNTRY_CODE.fullmatch(code) or code == OTHER_COUNTRY:
            raise ResourceError(f"{where}: {code!r} is not a two-letter country code.")
        country, lines = _country(where, code, entry)
        countries[code] = country
        checked_lines[code] = lines
    directory = _directory(where, data.get("directory"))
    return CrisisLines(countries, checked_lines, directory)


def _country(where: str, code: str, entry: object) -> tuple[Country, tuple[CheckedLine, ...]]:
    if not isinstance(entry, dict) or not _text(entry.get("name")):
        raise ResourceError(f"{where}: country {code} needs a name.")
    emergency = _checked_line(
        where, code, {"name": EMERGENCY_LINE_NAME, **_mapping(entry.get("emergency"))}
    )
    raw_lines = entry.get("lines", [])
    if not isinstance(raw_lines, list):
        raise ResourceError(f'{where}: country {code}: "lines" must be a list.')
    lines = tuple(_checked_line(where, code, line) for line in raw_lines)
    shown = tuple(CrisisLine(line.name, line.contact) for line in (*lines, emergency))
    return (
        Country(code, str(entry["name"]), shown, emergency.contact),
        (*lines, emergency),
    )


def _checked_line(where: str, code: str, raw: object) -> CheckedLine:
    line = _mapping(raw)
    name, contact, source = (line.get(key) for key in ("name", "contact", "source"))
    if not (_text(name) and _text(contact)):
        raise ResourceError(f"{where}: country {code} has a line without a name and a contact.")
    if not (_text(source) and str(source).startswith(("https://", "http://"))):
        raise ResourceError(f"{where}: {code} {name}: the source must be a web address.")
    return CheckedLine(str(name), str(contact), str(source), _checked_day(where, code, line))


def _directory(where: str, raw: object) -> Directory:
    directory = _mapping(raw)
    name, address, source = (directory.get(key) for key in ("name", "address", "source"))
    if not (_text(name) and _text(address) and _text(source)):
        raise ResourceError(f'{where}: "directory" needs a name, an address and a source.')
    return Directory(
        str(name), str(address), str(source), _checked_day(where, "directory", directory)
    )


def _checked_day(where: str, what: str, entry: dict[str, Any]) -> date:
    try:
        checked = date.fromisoformat(str(entry.get("checked")))
    except ValueError:
        checked = None
    if checked is None:
        raise ResourceError(f'{where}: {what}: "checked" must be the day checked (YYYY-MM-DD).')
    return checked


def _mapping(value: object) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _text(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())


def country_code_of_locale(locale_name: str) -> str:
    """ "en_GB" → "GB", "pt-BR.UTF-8" → "BR"; "" when the name gives no country ("C", "de")."""
    base = locale_name.split(".")[0].split("@")[0].replace("-", "_")
    parts = base.split("_")[1:]
    codes = [part.upper() for part in parts if len(part) == 2 and part.isalpha()]
    return codes[-1] if codes else ""
