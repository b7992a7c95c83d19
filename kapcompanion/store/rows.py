"""Row → dataclass: turning what SQLite returns into the domain's frozen dataclasses.

Pure functions over plain dicts; they never run SQL and never write. Timestamps are read with
`kapcompanion.timestamps`, booleans from 0/1, lists from JSON text.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from kapcompanion.domain import (
    Answer,
    CheckIn,
    Commitment,
    CommitmentNote,
    CommitmentStatus,
    DistressRating,
    Insight,
    Medication,
    OwnPractice,
    Phase,
    PracticeEntry,
    PracticeRef,
    RatingMoment,
    Reflection,
    ReflectionStatus,
    Session,
    SessionKind,
    Theme,
)
from kapcompanion.ids import (
    AnswerId,
    CheckInId,
    CommitmentId,
    DistressRatingId,
    InsightId,
    MedicationId,
    OwnPracticeId,
    PracticeEntryId,
    ReflectionId,
    SessionId,
    ThemeId,
)
from kapcompanion.timestamps import from_db_time, from_db_time_or_none

Row = dict[str, Any]


def session(row: Row) -> Session:
    return Session(
        id=SessionId(row["id"]),
        uuid=row["uuid"],
        kind=SessionKind(row["kind"]),
        held_at=from_db_time(row["held_at"]),
        number_in_course=row["number_in_course"],
        route=row["route"],
        setting=row["setting"],
        intention=row["intention"],
        distress_before=row["distress_before"],
        distress_after=row["distress_after"],
        after_effects=tuple(json.loads(row["after_effects"])),
        after_effects_notes=row["after_effects_notes"],
        notes=row["notes"],
        created_at=from_db_time(row["created_at"]),
        updated_at=from_db_time(row["updated_at"]),
    )


def answer(row: Row) -> Answer:
    return Answer(
        id=AnswerId(row["id"]),
        uuid=row["uuid"],
        reflection_id=ReflectionId(row["reflection_id"]),
        position=row["position"],
        prompt_id=row["prompt_id"],
        prompt_text=row["prompt_text"],
        text=row["text"],
        skipped=bool(row["skipped"]),
        updated_at=from_db_time(row["updated_at"]),
    )


def reflection(row: Row, answers: tuple[Answer, ...]) -> Reflection:
    session_id = row["session_id"]
    return Reflection(
        id=ReflectionId(row["id"]),
        uuid=row["uuid"],
        session_id=None if session_id is None else SessionId(session_id),
        phase=Phase(row["phase"]),
        prompt_set_id=row["prompt_set_id"],
        prompt_set_version=row["prompt_set_version"],
        status=ReflectionStatus(row["status"]),
        distress_start=row["distress_start"],
        distress_end=row["distress_end"],
        current_position=row["current_position"],
        shareable=bool(row["shareable"]),
        started_at=from_db_time(row["started_at"]),
        completed_at=from_db_time_or_none(row["completed_at"]),
        updated_at=from_db_time(row["updated_at"]),
        answers=answers,
    )


def insight(row: Row) -> Insight:
    return Insight(
        id=InsightId(row["id"]),
        uuid=row["uuid"],
        text=row["text"],
        reflection_id=None if row["reflection_id"] is None else ReflectionId(row["reflection_id"]),
        session_id=None if row["session_id"] is None else SessionId(row["session_id"]),
        pinned=bool(row["pinned"]),
        shareable=bool(row["shareable"]),
        created_at=from_db_time(row["created_at"]),
        updated_at=from_db_time(row["updated_at"]),
    )


def commitment(row: Row) -> Commitment:
    return Commitment(
        id=CommitmentId(row["id"]),
        uuid=row["uuid"],
        insight_id=InsightId(row["insight_id"]),
        text=row["text"],
        status=CommitmentStatus(row["status"]),
        created_at=from_db_time(row["created_at"]),
        updated_at=from_db_time(row["updated_at"]),
    )


def commitment_note(row: Row) -> CommitmentNote:
    return CommitmentNote(
        id=row["id"],
        uuid=row["uuid"],
        commitment_id=CommitmentId(row["commitment_id"]),
        noted_at=from_db_time(row["noted_at"]),
        text=row["text"],
    )


def check_in(row: Row, answers: dict[int, int]) -> CheckIn:
    return CheckIn(
        id=CheckInId(row["id"]),
        uuid=row["uuid"],
        instrument=row["instrument"],
        instrument_version=row["instrument_version"],
        status=ReflectionStatus(row["status"]),
        answers=answers,
        extra_answer=row["extra_answer"],
        started_at=from_db_time(row["started_at"]),
        completed_at=from_db_time_or_none(row["completed_at"]),
    )


def theme(row: Row) -> Theme:
    return Theme(
        id=ThemeId(row["id"]),
        uuid=row["uuid"],
        key=row["key"],
        name=row["name"],
        colour=row["colour"],
        builtin=bool(row["builtin"]),
    )


def distress_rating(row: Row) -> DistressRating:
    return DistressRating(
        id=DistressRatingId(row["id"]),
        uuid=row["uuid"],
        rated_at=from_db_time(row["rated_at"]),
        value=row["value"],
        moment=RatingMoment(row["moment"]),
        note=row["note"],
    )


def own_practice(row: Row) -> OwnPractice:
    return OwnPractice(
        id=OwnPracticeId(row["id"]),
        uuid=row["uuid"],
        name=row["name"],
        removed=row["deleted_at"] is not None,
    )


def practice_entry(row: Row) -> PracticeEntry:
    """A row of practice_entries, with `own_name` joined in from own_practices."""
    own_id = row["own_practice_id"]
    return PracticeEntry(
        id=PracticeEntryId(row["id"]),
        uuid=row["uuid"],
        practice=PracticeRef(
            builtin_key=row["builtin_key"],
            own_id=None if own_id is None else OwnPracticeId(own_id),
        ),
        own_name=row["own_name"] or "",
        done_at=from_db_time(row["done_at"]),
        minutes=row["minutes"],
        note=row["note"],
        created_at=from_db_time(row["created_at"]),
        updated_at=from_db_time(row["updated_at"]),
    )


def medication(row: Row) -> Medication:
    return Medication(
        id=MedicationId(row["id"]),
        uuid=row["uuid"],
        name=row["name"],
        dose=row["dose"],
        started_on=_day_or_none(row["started_on"]),
        stopped_on=_day_or_none(row["stopped_on"]),
        notes=row["notes"],
        created_at=from_db_time(row["created_at"]),
        updated_at=from_db_time(row["updated_at"]),
    )


def _day_or_none(text: str | None) -> date | None:
    return None if text is None else date.fromisoformat(text)
