"""The export format, version 2: its name, its tables and the fields of each record.

One description serves the JSON export, the CSV export and the import's validation, so the
three can never disagree. docs/export-format.md explains the same format for people; change
both together, and raise FORMAT_VERSION whenever a file written now would be read wrongly by
an older version (a new table or field, a changed meaning).

Version 2 added the practice log, the client's own practices and the medication list
(`TableSpec.since`); a version 1 file is still read, as holding none of them.

Records name each other by uuid (never by the local row id), so an export merges into a
profile that already holds other entries.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from kapcompanion.course.check_in_schedule import EVERY_DAYS_SETTING
from kapcompanion.course.own_crisis_lines import OWN_LINES_SETTING
from kapcompanion.course.practice_reminders import SETTING as PRACTICE_REMINDERS_SETTING
from kapcompanion.course.support import CONTACTS_SETTING, COUNTRY_SETTING, SAFETY_PLAN_SETTING
from kapcompanion.data_files.questionnaires import INSTRUMENTS
from kapcompanion.domain import CommitmentStatus, Phase, RatingMoment, ReflectionStatus, SessionKind
from kapcompanion.journal import GATE_DIFFICULT_SETTING
from kapcompanion.therapist_plan.applying import APPLIED_SETTING, PHASES_SETTING

FORMAT_NAME = "kap-companion-export"
FORMAT_VERSION = 2
OLDEST_FORMAT_VERSION = 1

# Settings that belong to the client's entries (not to one computer's window), exported and
# imported. Draft insights of a paused reflection live under this prefix + the reflection's
# uuid (docs/data-model.md); they travel with the draft they belong to.
EXCHANGED_SETTINGS = (
    SAFETY_PLAN_SETTING,
    CONTACTS_SETTING,
    COUNTRY_SETTING,
    EVERY_DAYS_SETTING,
    GATE_DIFFICULT_SETTING,
    # The therapist's plan the client agreed to, and the reflections it invites. (A version
    # that does not know them skips them, as it skips any setting it does not know.)
    APPLIED_SETTING,
    PHASES_SETTING,
    PRACTICE_REMINDERS_SETTING,
    OWN_LINES_SETTING,  # the client's own crisis lines (an older version skips it)
)
DRAFT_INSIGHTS_PREFIX = "draft_insights:"


def is_exchanged_setting(key: str) -> bool:
    return key in EXCHANGED_SETTINGS or key.startswith(DRAFT_INSIGHTS_PREFIX)


class Kind(Enum):
    """What a field holds in the export (JSON types; times are ISO 8601 text with an offset)."""

    TEXT = "text"
    INTEGER = "integer"
    BOOLEAN = "boolean"
    TIME = "time"
    UUID = "uuid"
    REFERENCE = "reference"  # the uuid of a record in `refers_to`
    TEXT_LIST = "list of text"
    JSON = "any JSON value"


@dataclass(frozen=True)
class Field:
    """One field of an exported record and the database column it comes from."""

    name: str
    kind: Kind
    optional: bool = False  # may be null
    column: str = ""  # the database column, when it is not called `name`
    refers_to: str = ""  # for references: the table whose uuid this is
    choices: tuple[str, ...] = ()
    minimum: int | None = None
    maximum: int | None = None
    pattern: str = ""  # a regular expression text must match in full

    @property
    def db_column(self) -> str:
        return self.column or self.name


@dataclass(frozen=True)
class TableSpec:
    """One list under "data": its records' fields, what makes a record unique, and its order.

    `since` is the format version that added the list; an older file has none of it.
    `owner` names the reference to the record a row belongs to (a reflection's answers and
    themes, a check-in's answers): such rows are imported only together with a newly added
    owner, so a record already in the profile is left exactly as it is.
    """

    name: str
    fields: tuple[Field, ...]
    unique: tuple[tuple[str, ...], ...]
    order: tuple[str, ...]
    owner: str = ""
    since: int = 1  # the format version that first carried this list

    @property
    def field_names(self) -> tuple[str, ...]:
        return tuple(field.name for field in self.fields)

    @property
    def has_uuid(self) -> bool:
        return "uuid" in self.field_names

    @property
    def owner_table(self) -> str:
        """The table of the record this one belongs to ("" for a record on its own)."""
        return next((field.refers_to for field in self.fields if field.name == self.owner), "")


def _text(name: str, *, pattern: str = "") -> Field:
    return Field(name, Kind.TEXT, pattern=pattern)


def _choice(name: str, values: type[Enum]) -> Field:
    return Field(name, Kind.TEXT, choices=tuple(str(member.value) for member in values))


def _distress(name: str) -> Field:
    return Field(name, Kind.INTEGER, optional=True, minimum=0, maximum=10)


def _time(name: str, *, optional: bool = False) -> Field:
    return Field(name, Kind.TIME, optional=optional)


def _reference(name: str, table: str, *, optional: bool = False) -> Field:
    return Field(name, Kind.REFERENCE, optional=optional, column=f"{name[:-5]}_id", refers_to=table)


UUID = Field("uuid", Kind.UUID)
DAY_PATTERN = r"\d{4}-\d{2}-\d{2}"
BY_UUID = (("uuid",),)

TABLES: tuple[TableSpec, ...] = (
    TableSpec(
        "themes",
        (
            UUID,
            _text("key", pattern=r"[a-z][a-z0-9_]*"),
            _text("name"),
            _text("colour", pattern=r"#[0-9A-Fa-f]{6}"),
            Field("builtin", Kind.BOOLEAN),
            _time("archived_at", optional=True),
        ),
        unique=(("uuid",), ("key",)),
        order=("key",),
    ),
    TableSpec(
        "sessions",
        (
            UUID,
            _choice("kind", SessionKind),
            _time("held_at"),
            Field("number_in_course", Kind.INTEGER, optional=True, minimum=1),
            _text("route"),
            _text("setting"),
            _text("intention"),
            _distress("distress_before"),
            _distress("distress_after"),
            Field("after_effects", Kind.TEXT_LIST),
            _text("after_effects_notes"),
            _text("notes"),
            _time("created_at"),
            _time("updated_at"),
            _time("deleted_at", optional=True),
        ),
        unique=BY_UUID,
        order=("held_at", "uuid"),
    ),
    TableSpec(
        "reflections",
        (
            UUID,
            _reference("session_uuid", "sessions", optional=True),
            _choice("phase", Phase),
            _text("prompt_set_id"),
            Field("prompt_set_version", Kind.INTEGER),
            _choice("status", ReflectionStatus),
            _distress("distress_start"),
            _distress("distress_end"),
            Field("current_position", Kind.INTEGER, minimum=0),
            Field("shareable", Kind.BOOLEAN),
            _time("started_at"),
            _time("completed_at", optional=True),
            _time("updated_at"),
            _time("deleted_at", optional=True),
        ),
        unique=BY_UUID,
        order=("started_at", "uuid"),
    ),
    TableSpec(
        "answers",
        (
            UUID,
            _reference("reflection_uuid", "reflections"),
            Field("position", Kind.INTEGER, minimum=0),
            _text("prompt_id"),
            _text("prompt_text"),
            _text("text"),
            Field("skipped", Kind.BOOLEAN),
            _time("updated_at"),
        ),
        unique=(("uuid",), ("reflection_uuid", "prompt_id")),
        order=("reflection_uuid", "position", "uuid"),
        owner="reflection_uuid",
    ),
    TableSpec(
        "reflection_themes",
        (
            _reference("reflection_uuid", "reflections"),
            _reference("theme_uuid", "themes"),
        ),
        unique=(("reflection_uuid", "theme_uuid"),),
        order=("reflection_uuid", "theme_uuid"),
        owner="reflection_uuid",
    ),
    TableSpec(
        "insights",
        (
            UUID,
            _text("text"),
            _reference("reflection_uuid", "reflections", optional=True),
            _reference("session_uuid", "sessions", optional=True),
            Field("pinned", Kind.BOOLEAN),
            Field("shareable", Kind.BOOLEAN),
            _time("created_at"),
            _time("updated_at"),
            _time("deleted_at", optional=True),
        ),
        unique=BY_UUID,
        order=("created_at", "uuid"),
    ),
    TableSpec(
        "insight_themes",
        (
            _reference("insight_uuid", "insights"),
            _reference("theme_uuid", "themes"),
        ),
        unique=(("insight_uuid", "theme_uuid"),),
        order=("insight_uuid", "theme_uuid"),
        owner="insight_uuid",
    ),
    TableSpec(
        "commitments",
        (
            UUID,
            _reference("insight_uuid", "insights"),
            _text("text"),
            _choice("status", CommitmentStatus),
            _time("created_at"),
            _time("updated_at"),
            _time("deleted_at", optional=True),
        ),
        unique=BY_UUID,
        order=("created_at", "uuid"),
    ),
    TableSpec(
        "commitment_notes",
        (
            UUID,
            _reference("commitment_uuid", "commitments"),
            _time("noted_at"),
            _text("text"),
            _time("created_at"),
            _time("updated_at"),
            _time("deleted_at", optional=True),
        ),
        unique=BY_UUID,
        order=("noted_at", "uuid"),
    ),
    TableSpec(
        "distress_ratings",
        (
            UUID,
            _time("rated_at"),
            Field("value", Kind.INTEGER, minimum=0, maximum=10),
            _choice("moment", RatingMoment),
            _text("note"),
            _time("created_at"),
            _time("updated_at"),
            _time("deleted_at", optional=True),
        ),
        unique=BY_UUID,
        order=("rated_at", "uuid"),
    ),
    TableSpec(
        "checkins",
        (
            UUID,
            Field("instrument", Kind.TEXT, choices=INSTRUMENTS),
            Field("instrument_version", Kind.INTEGER),
            _choice("status", ReflectionStatus),
            Field("extra_answer", Kind.INTEGER, optional=True),
            _time("started_at"),
            _time("completed_at", optional=True),
            _time("updated_at"),
            _time("deleted_at", optional=True),
        ),
        unique=BY_UUID,
        order=("started_at", "uuid"),
    ),
    TableSpec(
        "checkin_answers",
        (
            _reference("checkin_uuid", "checkins"),
            Field("item_number", Kind.INTEGER, minimum=1),
            Field("value", Kind.INTEGER, minimum=0),
            _time("updated_at"),
        ),
        unique=(("checkin_uuid", "item_number"),),
        order=("checkin_uuid", "item_number"),
        owner="checkin_uuid",
    ),
    TableSpec(
        "own_practices",
        (
            UUID,
            _text("name"),
            _time("created_at"),
            _time("updated_at"),
            _time("deleted_at", optional=True),
        ),
        unique=BY_UUID,
        order=("created_at", "uuid"),
        since=2,
    ),
    TableSpec(
        "practice_entries",
        (
            UUID,
            Field("builtin_key", Kind.TEXT, optional=True, pattern=r"[a-z][a-z0-9_]*"),
            _reference("own_practice_uuid", "own_practices", optional=True),
            _time("done_at"),
            Field("minutes", Kind.INTEGER, optional=True, minimum=1, maximum=24 * 60),
            _text("note"),
            _time("created_at"),
            _time("updated_at"),
            _time("deleted_at", optional=True),
        ),
        unique=BY_UUID,
        order=("done_at", "uuid"),
        since=2,
    ),
    TableSpec(
        "medications",
        (
            UUID,
            _text("name"),
            _text("dose"),
            Field("started_on", Kind.TEXT, optional=True, pattern=DAY_PATTERN),
            Field("stopped_on", Kind.TEXT, optional=True, pattern=DAY_PATTERN),
            _text("notes"),
            _time("created_at"),
            _time("updated_at"),
            _time("deleted_at", optional=True),
        ),
        unique=BY_UUID,
        order=("created_at", "uuid"),
        since=2,
    ),
    TableSpec(
        "settings",
        (_text("key"), Field("value", Kind.JSON), _time("updated_at")),
        unique=(("key",),),
        order=("key",),
    ),
)

TABLES_BY_NAME = {table.name: table for table in TABLES}


def tables_of_version(version: int) -> tuple[TableSpec, ...]:
    """The lists a file of format `version` holds."""
    return tuple(table for table in TABLES if table.since <= version)
