"""Reading a therapist's plan file (JSON or TOML) and checking it, field by field.

The format is documented in docs/therapist-plan.md, with a JSON Schema beside it
(docs/therapist-plan.schema.json); tests hold the two to each other. A plan that does not fit
is refused with a message naming the field and what is wrong, and nothing is changed. Reading
never writes anything: applying is `kapcompanion.therapist_plan.applying`, and only after the
client has agreed.
"""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from kapcompanion.course.follow_ups import FOLLOW_UP_DAYS
from kapcompanion.course.support import CrisisLine
from kapcompanion.data_files.questionnaires import INSTRUMENTS
from kapcompanion.domain import Phase
from kapcompanion.errors import KapError
from kapcompanion.wording.translation import translate

FORMAT = "kap-companion/plan"
FORMAT_VERSION = 1
MOST_BYTES = 64 * 1024  # a plan is a few lines; anything far larger is not one
MOST_EVERY_DAYS = 365
SHORT_TEXT = 200  # a name, a phone number, an address
LONG_TEXT = 2000  # the note to the client
FOLLOW_UP_PHASES = tuple(phase for phase, _days in FOLLOW_UP_DAYS)
CONTACT_FIELDS = ("therapist_name", "therapist_phone", "clinic_name", "clinic_phone")
KNOWN_FIELDS = (
    "format",
    "format_version",
    "written_on",
    "written_by",
    "note_to_client",
    "questionnaires",
    "reflections_after_each_session",
    "contact",
    "crisis_line",
)


class PlanRefusedError(KapError):
    """The file is not a plan this version can apply; `field` names where (or "" for the
    whole file). Nothing was changed."""

    def __init__(self, field: str, problem: str) -> None:
        where = (
            translate("TherapistPlan", "In the plan's “%1”: %2", field, problem)
            if field
            else problem
        )
        super().__init__(
            translate("TherapistPlan", "%1 Nothing was changed.", where.rstrip(".") + ".")
        )
        self.field = field
        self.problem = problem


@dataclass(frozen=True)
class TherapistPlan:
    """What a plan asks for; every part is optional."""

    written_on: date | None = None
    written_by: str = ""
    note_to_client: str = ""
    every_days: tuple[tuple[str, int], ...] = ()  # (questionnaire id, days; 0 = not suggested)
    phases: tuple[Phase, ...] | None = None  # follow-up reflections to invite; None: unchanged
    contact: tuple[tuple[str, str], ...] = ()  # (one of CONTACT_FIELDS, what to show)
    crisis_line: CrisisLine | None = None

    def to_json(self) -> dict[str, Any]:
        """The plan as its own file would say it (kept with the profile once applied)."""
        data: dict[str, Any] = {"format": FORMAT, "format_version": FORMAT_VERSION}
        if self.written_on is not None:
            data["written_on"] = self.written_on.isoformat()
        if self.written_by:
            data["written_by"] = self.written_by
        if self.note_to_client:
            data["note_to_client"] = self.note_to_client
        if self.every_days:
            data["questionnaires"] = {
                instrument: {"every_days": days} for instrument, days in self.every_days
            }
        if self.phases is not None:
            data["reflections_after_each_session"] = [phase.value for phase in self.phases]
        if self.contact:
            data["contact"] = dict(self.contact)
        if self.crisis_line is not None:
            data["crisis_line"] = {
                "name": self.crisis_line.name,
                "contact": self.crisis_line.contact,
            }
        return data


def read_plan(path: Path) -> TherapistPlan:
    """The plan in `path` (.toml, else JSON), checked; PlanRefusedError says what does not fit."""
    try:
        raw = path.read_bytes()[: MOST_BYTES + 1]
    except OSError as error:
        raise PlanRefusedError(
            "",
            translate(
                "TherapistPlan", "The file could not be read (%1).", error.strerror or str(error)
            ),
        ) from error
    if len(raw) > MOST_BYTES:
        raise PlanRefusedError(
            "", translate("TherapistPlan", "This file is far too large to be a plan.")
        )
    try:
        words = raw.decode("utf-8")
        data = tomllib.loads(words) if path.suffix.lower() == ".toml" else json.loads(words)
    except (UnicodeDecodeError, ValueError) as error:
        raise PlanRefusedError(
            "",
            translate(
                "TherapistPlan",
                "This file is not a plan KAP Companion can read: it is not whole, or not "
                "written as JSON or TOML (%1).",
                str(error),
            ),
        ) from error
    return parse_plan(data)


def parse_plan(data: object) -> TherapistPlan:
    """Check an already-decoded plan, field by field."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise PlanRefusedError(
            "format",
            translate(
                "TherapistPlan", "this is not a KAP Companion plan (it should say %1).", FORMAT
            ),
        )
    version = data.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise PlanRefusedError(
            "format_version", translate("TherapistPlan", "it should be a whole number.")
        )
    if version > FORMAT_VERSION:
        raise PlanRefusedError(
            "format_version",
            translate(
                "TherapistPlan",
                "the plan was written for a newer KAP Companion (version %1; this one reads up "
                "to %2). Updating KAP Companion will let it read this plan.",
                version,
                FORMAT_VERSION,
            ),
        )
    unknown = sorted(set(data) - set(KNOWN_FIELDS))
    if unknown:
        raise PlanRefusedError(
            unknown[0], translate("TherapistPlan", "this version does not know this field.")
        )
    return TherapistPlan(
        written_on=_day(data, "written_on"),
        written_by=_text(data, "written_by", SHORT_TEXT),
        note_to_client=_text(data, "note_to_client", LONG_TEXT),
        every_days=_questionnaires(data.get("questionnaires")),
        phases=_phases(data.get("reflections_after_each_session")),
        contact=_contact(data.get("contact")),
        crisis_line=_crisis_line(data.get("crisis_line")),
    )


def _text(data: dict[str, Any], field: str, most: int, *, where: str = "") -> str:
    value = data.get(field, "")
    name = f"{where}.{field}" if where else field
    if not isinstance(value, str):
        raise PlanRefusedError(name, translate("TherapistPlan", "it should be text."))
    if len(value) > most:
        raise PlanRefusedError(
            name,
            translate(
                "TherapistPlan", "it is longer than the %1 characters a plan may hold here.", most
            ),
        )
    return value.strip()


def _day(data: dict[str, Any], field: str) -> date | None:
    value = data.get(field)
    if value is None:
        return None
    if isinstance(value, date):  # TOML has dates of its own
        return value
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        pass
    raise PlanRefusedError(
        field, translate("TherapistPlan", "it should be a date written as 2026-11-30.")
    )


def _questionnaires(value: object) -> tuple[tuple[str, int], ...]:
    if value is None:
        return ()
    if not isinstance(value, dict):
        raise PlanRefusedError(
            "questionnaires",
            translate("TherapistPlan", "it should name each questionnaire with how often."),
        )
    chosen = []
    for instrument, entry in value.items():
        where = f"questionnaires.{instrument}"
        if instrument not in INSTRUMENTS:
            raise PlanRefusedError(
                where,
                translate(
                    "TherapistPlan",
                    "KAP Companion has no questionnaire called this (it has %1).",
                    ", ".join(INSTRUMENTS),
                ),
            )
        days = entry.get("every_days") if isinstance(entry, dict) else None
        if (
            not isinstance(days, int)
            or isinstance(days, bool)
            or not 0 <= days <= MOST_EVERY_DAYS
            or set(entry) != {"every_days"}
        ):
            raise PlanRefusedError(
                f"{where}.every_days",
                translate(
                    "TherapistPlan",
                    "it should say every how many days, a whole number from 0 (not suggested) "
                    "to %1.",
                    MOST_EVERY_DAYS,
                ),
            )
        chosen.append((instrument, days))
    return tuple(chosen)


def _phases(value: object) -> tuple[Phase, ...] | None:
    if value is None:
        return None
    names = [phase.value for phase in FOLLOW_UP_PHASES]
    if not isinstance(value, list) or not all(item in names for item in value):
        raise PlanRefusedError(
            "reflections_after_each_session",
            translate("TherapistPlan", "it should be a list of some of %1.", ", ".join(names)),
        )
    return tuple(phase for phase in FOLLOW_UP_PHASES if phase.value in value)


def _contact(value: object) -> tuple[tuple[str, str], ...]:
    if value is None:
        return ()
    if not isinstance(value, dict):
        raise PlanRefusedError(
            "contact", translate("TherapistPlan", "it should hold the contact's details.")
        )
    unknown = sorted(set(value) - set(CONTACT_FIELDS))
    if unknown:
        raise PlanRefusedError(
            f"contact.{unknown[0]}",
            translate(
                "TherapistPlan", "this version knows only %1 here.", ", ".join(CONTACT_FIELDS)
            ),
        )
    return tuple(
        (field, _text(value, field, SHORT_TEXT, where="contact"))
        for field in CONTACT_FIELDS
        if field in value
    )


def _crisis_line(value: object) -> CrisisLine | None:
    if value is None:
        return None
    if not isinstance(value, dict) or set(value) - {"name", "contact"}:
        raise PlanRefusedError(
            "crisis_line",
            translate("TherapistPlan", "it should hold a name and a contact, and nothing else."),
        )
    name = _text(value, "name", SHORT_TEXT, where="crisis_line")
    contact = _text(value, "contact", SHORT_TEXT, where="crisis_line")
    if not name or not contact:
        raise PlanRefusedError(
            "crisis_line", translate("TherapistPlan", "it needs both a name and a contact.")
        )
    return CrisisLine(name, contact)
