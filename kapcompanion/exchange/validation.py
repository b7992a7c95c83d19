"""Reading an export file and checking all of it before anything is written.

`parse_export` refuses, with a message that says where and why, anything that is not a
complete export in a format version this app knows: text that is not JSON or is cut short,
JSON from another program, a file from a newer version, a record with a missing, unknown or
wrong field, two records with the same identity, or a reference to a record the file lacks.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from kapcompanion.exchange.errors import (
    ForeignFileError,
    IncompleteExportError,
    InvalidExportError,
    NewerExportError,
)
from kapcompanion.exchange.meaning import meaning_problems, place
from kapcompanion.exchange.records import Record
from kapcompanion.exchange.schema import (
    FORMAT_NAME,
    FORMAT_VERSION,
    OLDEST_FORMAT_VERSION,
    TABLES,
    Field,
    Kind,
    tables_of_version,
)

HEADER_FIELDS = ("format", "version", "exported_at", "app_version", "data")
# SQLite stores whole numbers in 64 bits.
SMALLEST_INTEGER, LARGEST_INTEGER = -(2**63), 2**63 - 1
# Times outside these years are refused: far wider than any entry, and narrow enough that
# moving one to another time zone or some days on can never leave the calendar.
EARLIEST_YEAR, LATEST_YEAR = 1900, 2999


@dataclass(frozen=True)
class ExportDocument:
    """A complete, valid export: when and by which version it was made, and its records."""

    exported_at: str
    app_version: str
    tables: dict[str, list[Record]]

    @property
    def record_count(self) -> int:
        return sum(len(records) for records in self.tables.values())


def _refuse_constant(name: str) -> float:
    raise ValueError(f"{name} is not a number JSON allows")


def parse_export(content: bytes | str, source: str) -> ExportDocument:
    """Check a whole export (its bytes or text) and return it; `source` names it in messages."""
    try:
        # utf-8-sig: a byte-order mark (Windows Notepad writes one) is not part of the text.
        text = content.decode("utf-8-sig") if isinstance(content, bytes) else content
        text = text.removeprefix("\ufeff")
        document = json.loads(text, parse_constant=_refuse_constant)
    except (ValueError, RecursionError) as error:  # JSONDecodeError and UnicodeError included
        raise IncompleteExportError(source) from error
    if not isinstance(document, dict) or document.get("format") != FORMAT_NAME:
        raise ForeignFileError(source)
    version = document.get("version")
    if isinstance(version, int) and not isinstance(version, bool) and version > FORMAT_VERSION:
        raise NewerExportError(source, version)
    header = "its header"
    if (
        not isinstance(version, int)
        or isinstance(version, bool)
        or not OLDEST_FORMAT_VERSION <= version <= FORMAT_VERSION
    ):
        raise InvalidExportError(
            source, header, f"has no format version this app knows ({version!r})"
        )
    _check_names(source, header, "field", document, HEADER_FIELDS)
    for name, field in (
        ("exported_at", Field("exported_at", Kind.TIME)),
        ("app_version", Field("app_version", Kind.TEXT)),
    ):
        reason = _value_problem(field, document[name])
        if reason:
            raise InvalidExportError(source, header, reason)
    data = document["data"]
    if not isinstance(data, dict):
        raise InvalidExportError(source, header, 'has no "data" object')
    held = tables_of_version(version)
    _check_names(source, "its data", "list", data, [table.name for table in held])
    # An older file holds none of what later versions added.
    tables = {
        table.name: _check_table(source, table.name, data.get(table.name, [])) for table in TABLES
    }
    _check_unique_and_references(source, tables)
    for table, index, reason in meaning_problems(tables):
        raise InvalidExportError(source, place(table, index, tables[table][index]), reason)
    return ExportDocument(document["exported_at"], document["app_version"], tables)


def _check_names(
    source: str, where: str, what: str, given: dict[str, Any], expected: Sequence[str]
) -> None:
    missing = [name for name in expected if name not in given]
    if missing:
        raise InvalidExportError(source, where, f'has no "{missing[0]}" {what}')
    unknown = [name for name in given if name not in expected]
    if unknown:
        raise InvalidExportError(
            source, where, f'has a {what} this version does not know ("{unknown[0]}")'
        )


def _check_table(source: str, name: str, records: Any) -> list[Record]:
    if not isinstance(records, list):
        raise InvalidExportError(source, "its data", f'has "{name}" that is not a list')
    spec = next(table for table in TABLES if table.name == name)
    for index, record in enumerate(records):
        where = place(name, index, record)
        if not isinstance(record, dict):
            raise InvalidExportError(source, where, "is not an object with fields")
        _check_names(source, where, "field", record, spec.field_names)
        for field in spec.fields:
            reason = _value_problem(field, record[field.name])
            if reason:
                raise InvalidExportError(source, where, reason)
    return records


def _is_text(value: Any) -> bool:
    if not isinstance(value, str):
        return False
    try:
        value.encode("utf-8")  # a lone surrogate from a "\ud800" escape cannot be stored
    except UnicodeEncodeError:
        return False
    return True


def _is_integer(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_time(value: Any) -> bool:
    if not isinstance(value, str):
        return False
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return False
    return moment.tzinfo is not None


def _is_within_years(value: str) -> bool:
    """Whether a time (already known to parse, with its offset) falls in the years kept."""
    moment = datetime.fromisoformat(value)
    if not EARLIEST_YEAR <= moment.year <= LATEST_YEAR:
        return False  # checked first: moving a time in year 1 or 9999 to UTC can overflow
    return EARLIEST_YEAR <= moment.astimezone(UTC).year <= LATEST_YEAR


def _is_uuid(value: Any) -> bool:
    if not isinstance(value, str):
        return False
    try:
        return str(uuid.UUID(value)) == value
    except ValueError:
        return False


def _is_text_list(value: Any) -> bool:
    return isinstance(value, list) and all(_is_text(item) for item in value)


def _is_anything(value: Any) -> bool:
    return True


_TYPE_CHECKS: dict[Kind, tuple[Callable[[Any], bool], str]] = {
    Kind.TEXT: (_is_text, "text"),
    Kind.INTEGER: (_is_integer, "a whole number"),
    Kind.BOOLEAN: (lambda value: isinstance(value, bool), "true or false"),
    Kind.TIME: (_is_time, "a time with its offset (like 2026-10-12T08:00:00+00:00)"),
    Kind.UUID: (_is_uuid, "a uuid"),
    Kind.REFERENCE: (_is_uuid, "a uuid"),
    Kind.TEXT_LIST: (_is_text_list, "a list of text"),
    Kind.JSON: (_is_anything, "a JSON value"),
}


def _value_problem(field: Field, value: Any) -> str:
    """Why `value` does not fit `field`, in a few words; empty when it fits."""
    name = f'"{field.name}"'
    if value is None:
        return "" if field.optional else f"has no value for {name}"
    fits, description = _TYPE_CHECKS[field.kind]
    if not fits(value):
        return f"has {name} that is not {description}"
    if field.choices and value not in field.choices:
        return f"has {name} that is not one of {', '.join(field.choices)}"
    if field.pattern and not re.fullmatch(field.pattern, value):
        return f"has {name} that is not in the expected form"
    if field.kind is Kind.TIME and not _is_within_years(value):
        years = f"{EARLIEST_YEAR} to {LATEST_YEAR}"
        return f"has {name} outside the years KAP Companion keeps ({years})"
    if field.kind is Kind.INTEGER:
        low = SMALLEST_INTEGER if field.minimum is None else field.minimum
        high = LARGEST_INTEGER if field.maximum is None else field.maximum
        if not low <= value <= high:
            return f"has {name} outside the range it allows ({low} to {high})"
    return ""


def _check_unique_and_references(source: str, tables: dict[str, list[Record]]) -> None:
    uuids = {
        spec.name: {record["uuid"] for record in tables[spec.name]}
        for spec in TABLES
        if spec.has_uuid
    }
    for spec in TABLES:
        seen: dict[tuple[str, ...], dict[tuple[Any, ...], int]] = {key: {} for key in spec.unique}
        references = [field for field in spec.fields if field.kind is Kind.REFERENCE]
        for index, record in enumerate(tables[spec.name]):
            for key, earlier in seen.items():
                value = tuple(record[name] for name in key)
                if value in earlier:
                    what = " and ".join(f'"{name}"' for name in key)
                    raise InvalidExportError(
                        source,
                        place(spec.name, index, record),
                        f"has the same {what} as record {earlier[value] + 1}",
                    )
                earlier[value] = index
            for field in references:
                target = record[field.name]
                if target is not None and target not in uuids[field.refers_to]:
                    raise InvalidExportError(
                        source,
                        place(spec.name, index, record),
                        f'has "{field.name}" naming a record that is not in "{field.refers_to}"',
                    )
