"""Checks that a record of the right types also means something to this app.

`validation` checks each field's type; these checks go further where a wrong value would be
stored happily and break a screen later: a questionnaire answer that is not one of the
item's options, a setting that does not have the shape the app reads it in, or a text longer
than one entry may hold (kapcompanion.limits). Each problem
comes back as the record's place and a few words on what is wrong.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

from kapcompanion.course.check_in_schedule import EVERY_DAYS_SETTING
from kapcompanion.course.own_crisis_lines import OWN_LINES_SETTING
from kapcompanion.course.practice_reminders import MOST_EVERY_DAYS as MOST_REMINDER_DAYS
from kapcompanion.course.practice_reminders import SETTING as PRACTICE_REMINDERS_SETTING
from kapcompanion.course.support import CONTACTS_SETTING, COUNTRY_SETTING, SAFETY_PLAN_SETTING
from kapcompanion.data_files.questionnaires import Questionnaire, questionnaire
from kapcompanion.exchange.records import Record
from kapcompanion.exchange.schema import DRAFT_INSIGHTS_PREFIX
from kapcompanion.journal import GATE_DIFFICULT_SETTING
from kapcompanion.limits import MOST_CHARACTERS, MOST_NAME_CHARACTERS, too_long
from kapcompanion.therapist_plan.applying import APPLIED_SETTING, PHASES_SETTING
from kapcompanion.therapist_plan.reading import FOLLOW_UP_PHASES, PlanRefusedError, parse_plan

# Generous, and small enough that a date this many days ahead can always be worked out.
MOST_DAYS_BETWEEN_CHECK_INS = 3650

Problem = tuple[str, int, str]  # the table, the record's index in it, what is wrong


def place(table: str, index: int, record: Any) -> str:
    """Where a record is, in words: 'record 3 in "reflections" (uuid …)'."""
    where = f'record {index + 1} in "{table}"'
    if isinstance(record, dict) and isinstance(record.get("uuid"), str):
        where += f" (uuid {record['uuid'][:36]})"
    elif table == "settings" and isinstance(record, dict) and isinstance(record.get("key"), str):
        where += f' (the setting "{record["key"][:80]}")'
    return where


def _is_text(value: Any) -> bool:
    return isinstance(value, str)


def _is_text_list(value: Any) -> bool:
    return isinstance(value, list) and all(_is_text(item) for item in value)


def _is_days(value: Any) -> bool:
    whole = isinstance(value, int) and not isinstance(value, bool)
    return whole and 0 <= value <= MOST_DAYS_BETWEEN_CHECK_INS


def _is_applied_plan(value: Any) -> bool:
    if not isinstance(value, dict) or not isinstance(value.get("before"), dict):
        return False
    try:
        parse_plan(value.get("plan"))
    except PlanRefusedError:
        return False
    return isinstance(value.get("applied_on"), str)


def _is_phase_list(value: Any) -> bool:
    names = {phase.value for phase in FOLLOW_UP_PHASES}
    return isinstance(value, list) and all(item in names for item in value)


def _map_of(check: Callable[[Any], bool]) -> Callable[[Any], bool]:
    return lambda value: isinstance(value, dict) and all(check(item) for item in value.values())


# Each exchanged setting: what the app reads it as (support.py, check_in_schedule.py,
# journal_gate, the reflection wizard's draft insights) and how a message describes that.
SETTING_SHAPES: dict[str, tuple[Callable[[Any], bool], str]] = {
    SAFETY_PLAN_SETTING: (_map_of(_is_text_list), "a list of text for each part of the plan"),
    CONTACTS_SETTING: (_map_of(_is_text), "text for each contact detail"),
    COUNTRY_SETTING: (_is_text, "text"),
    EVERY_DAYS_SETTING: (
        _map_of(_is_days),
        f"a whole number of days (0 to {MOST_DAYS_BETWEEN_CHECK_INS}) for each questionnaire",
    ),
    GATE_DIFFICULT_SETTING: (lambda value: isinstance(value, bool), "true or false"),
    APPLIED_SETTING: (_is_applied_plan, "a therapist's plan as KAP Companion keeps it"),
    PHASES_SETTING: (_is_phase_list, "a list of follow-up reflection phases"),
    PRACTICE_REMINDERS_SETTING: (
        _map_of(lambda days: _is_days(days) and 1 <= days <= MOST_REMINDER_DAYS),
        f"a whole number of days (1 to {MOST_REMINDER_DAYS}) for each practice",
    ),
    OWN_LINES_SETTING: (
        lambda value: isinstance(value, list) and all(_map_of(_is_text)(line) for line in value),
        "a list of crisis lines, each with text for its name, contact and note",
    ),
}
DRAFT_INSIGHTS_SHAPE: tuple[Callable[[Any], bool], str] = (_is_text_list, "a list of text")


def meaning_problems(tables: dict[str, list[Record]]) -> Iterator[Problem]:
    """Every record whose values this app could not use, in the order of the file.

    `tables` has passed the type, uniqueness and reference checks already."""
    yield from _length_problems(tables)
    yield from _check_in_problems(tables["checkins"])
    instruments = {record["uuid"]: record["instrument"] for record in tables["checkins"]}
    yield from _answer_problems(tables["checkin_answers"], instruments)
    yield from _setting_problems(tables["settings"])
    yield from _name_problems("own_practices", tables["own_practices"])
    yield from _practice_entry_problems(tables["practice_entries"])
    yield from _name_problems("medications", tables["medications"])
    yield from _medication_day_problems(tables["medications"])


def _name_problems(table: str, records: list[Record]) -> Iterator[Problem]:
    for index, record in enumerate(records):
        name = " ".join(record["name"].split())
        if not name:
            yield table, index, 'has an empty "name"'
        elif len(name) > MOST_NAME_CHARACTERS:
            yield (
                table,
                index,
                f'has a "name" of {len(name):,} characters, more than the '
                f"{MOST_NAME_CHARACTERS} a name can hold",
            )


def _practice_entry_problems(records: list[Record]) -> Iterator[Problem]:
    for index, record in enumerate(records):
        if (record["builtin_key"] is None) == (record["own_practice_uuid"] is None):
            yield (
                "practice_entries",
                index,
                'has to name one practice: either "builtin_key" or "own_practice_uuid"',
            )


def _day(text: str | None) -> date | None:
    """The calendar day `text` names (already known to look like one), or None."""
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def _medication_day_problems(records: list[Record]) -> Iterator[Problem]:
    for index, record in enumerate(records):
        days = {}
        for name in ("started_on", "stopped_on"):
            days[name] = _day(record[name])
            if record[name] is not None and days[name] is None:
                yield "medications", index, f'has "{name}" that is not a day of the calendar'
        started, stopped = days["started_on"], days["stopped_on"]
        if started is not None and stopped is not None and stopped < started:
            yield "medications", index, 'has "stopped_on" before "started_on"'


def _length_problems(tables: dict[str, list[Record]]) -> Iterator[Problem]:
    for table, records in tables.items():
        for index, record in enumerate(records):
            for name, value in record.items():
                if isinstance(value, str) and too_long(value):
                    yield (
                        table,
                        index,
                        f'has "{name}" of {len(value):,} characters, more than the '
                        f"{MOST_CHARACTERS:,} one entry can hold",
                    )


def _values(options: Any) -> str:
    return ", ".join(str(option.value) for option in options)


def _check_in_problems(records: list[Record]) -> Iterator[Problem]:
    for index, record in enumerate(records):
        asked = questionnaire(record["instrument"])
        extra = record["extra_answer"]
        if extra is None:
            continue
        if not asked.extra_options:
            reason = f'has "extra_answer" but the {asked.name} has no extra question'
            yield "checkins", index, reason
        elif extra not in {option.value for option in asked.extra_options}:
            yield (
                "checkins",
                index,
                f'has "extra_answer" that is not one of {_values(asked.extra_options)}',
            )


def _answer_problems(records: list[Record], instruments: dict[str, str]) -> Iterator[Problem]:
    for index, record in enumerate(records):
        asked: Questionnaire = questionnaire(instruments[record["checkin_uuid"]])
        numbers = [item.number for item in asked.items]
        if record["item_number"] not in numbers:
            yield (
                "checkin_answers",
                index,
                f'has "item_number" that the {asked.name} does not have '
                f"(it has {min(numbers)} to {max(numbers)})",
            )
        elif record["value"] not in {option.value for option in asked.options}:
            yield (
                "checkin_answers",
                index,
                f'has "value" that is not one of the {asked.name}\'s answers '
                f"({_values(asked.options)})",
            )


def _setting_problems(records: list[Record]) -> Iterator[Problem]:
    for index, record in enumerate(records):
        key = record["key"]
        if key.startswith(DRAFT_INSIGHTS_PREFIX):
            fits, shape = DRAFT_INSIGHTS_SHAPE
        elif key in SETTING_SHAPES:
            fits, shape = SETTING_SHAPES[key]
        else:
            continue  # a setting this version does not know is skipped, never stored
        if not fits(record["value"]):
            yield "settings", index, f'has a "value" that is not {shape}'
