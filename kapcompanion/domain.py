"""Domain types of KAP Companion: plain, immutable dataclasses that the store reads and writes.

No storage or display code here; these objects are what every other module passes around.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from enum import StrEnum

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

DISTRESS_MIN = 0
DISTRESS_MAX = 10


class SessionKind(StrEnum):
    DOSING = "dosing"
    PREPARATION = "preparation"
    INTEGRATION = "integration"


class Phase(StrEnum):
    """When a reflection is written, relative to its session."""

    PREPARATION = "preparation"
    SAME_DAY = "same_day"
    NEXT_DAY = "next_day"
    WEEK_AFTER = "week_after"
    OPEN = "open"


class ReflectionStatus(StrEnum):
    DRAFT = "draft"
    COMPLETE = "complete"


class CommitmentStatus(StrEnum):
    NOT_STARTED = "not_started"
    TRYING = "trying"
    PART_OF_LIFE = "part_of_life"


class RatingMoment(StrEnum):
    """A distress rating recorded outside a session or reflection: a quick check-in."""

    CHECK_IN = "check_in"


def new_uuid() -> str:
    """A fresh, stable identifier for a user record; it never changes once written."""
    import uuid  # here, not at the top: it is slow to import and unused at start-up

    return str(uuid.uuid4())


def utc_now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def check_distress(value: int | None) -> int | None:
    """Return `value` if it is a valid 0–10 rating (or None); raise ValueError otherwise."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"A distress rating is a whole number, not {value!r}.")
    if not DISTRESS_MIN <= value <= DISTRESS_MAX:
        raise ValueError(f"A distress rating is between 0 and 10, not {value}.")
    return value


@dataclass(frozen=True)
class Session:
    id: SessionId
    uuid: str
    kind: SessionKind
    held_at: datetime
    number_in_course: int | None
    route: str
    setting: str
    intention: str
    distress_before: int | None
    distress_after: int | None
    after_effects: tuple[str, ...]
    after_effects_notes: str
    notes: str
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class NewSession:
    """What the client enters for a session; the store adds ids and timestamps."""

    held_at: datetime
    kind: SessionKind = SessionKind.DOSING
    number_in_course: int | None = None
    route: str = ""
    setting: str = ""
    intention: str = ""
    distress_before: int | None = None
    distress_after: int | None = None
    after_effects: tuple[str, ...] = ()
    after_effects_notes: str = ""
    notes: str = ""

    def __post_init__(self) -> None:
        check_distress(self.distress_before)
        check_distress(self.distress_after)


@dataclass(frozen=True)
class Answer:
    id: AnswerId
    uuid: str
    reflection_id: ReflectionId
    position: int
    prompt_id: str
    prompt_text: str
    text: str
    skipped: bool
    updated_at: datetime


@dataclass(frozen=True)
class Reflection:
    id: ReflectionId
    uuid: str
    session_id: SessionId | None
    phase: Phase
    prompt_set_id: str
    prompt_set_version: int
    status: ReflectionStatus
    distress_start: int | None
    distress_end: int | None
    current_position: int
    shareable: bool
    started_at: datetime
    completed_at: datetime | None
    updated_at: datetime
    answers: tuple[Answer, ...] = field(default=())


@dataclass(frozen=True)
class Insight:
    id: InsightId
    uuid: str
    text: str
    reflection_id: ReflectionId | None
    session_id: SessionId | None
    pinned: bool
    shareable: bool
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class Commitment:
    id: CommitmentId
    uuid: str
    insight_id: InsightId
    text: str
    status: CommitmentStatus
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class CommitmentNote:
    id: int
    uuid: str
    commitment_id: CommitmentId
    noted_at: datetime
    text: str


class DeletedKind(StrEnum):
    """What can be moved to "recently deleted". A discarded check-in draft is moved aside like
    the others but is not listed there, nor purged: a half-answered questionnaire is not
    something to bring back, and it is kept as it always was. A finished check-in is listed and
    purged like the rest."""

    REFLECTION = "reflection"
    INSIGHT = "insight"
    CHECK_IN = "check_in"
    SESSION = "session"
    DISTRESS_RATING = "distress_rating"
    PRACTICE = "practice"
    MEDICATION = "medication"


@dataclass(frozen=True)
class DeletedItem:
    """Something in "recently deleted": restorable until it is purged after 30 days.

    `description` is a reflection's first words (or its phase when it has none), an insight's
    words, a session's intention, a check-in's questionnaire id, a rating's or a practice
    entry's note, a medication's name. `record` is the session, finished check-in, quick
    rating, practice entry or medication itself, for wording it. What was moved
    together with it (a session's reflections, a reflection's or session's insights) is
    counted here, not listed apart: it comes back, or is erased, together with it.
    """

    kind: DeletedKind
    id: int
    description: str
    deleted_at: datetime
    record: Session | CheckIn | DistressRating | PracticeEntry | Medication | None = None
    reflections_with_it: int = 0
    insights_with_it: int = 0


@dataclass(frozen=True)
class Theme:
    id: ThemeId
    uuid: str
    key: str
    name: str
    colour: str
    builtin: bool


@dataclass(frozen=True)
class DistressRating:
    id: DistressRatingId
    uuid: str
    rated_at: datetime
    value: int
    moment: RatingMoment
    note: str


@dataclass(frozen=True)
class CheckIn:
    """One questionnaire, taken once: a draft until the client finishes it."""

    id: CheckInId
    uuid: str
    instrument: str
    instrument_version: int
    status: ReflectionStatus
    answers: dict[int, int]
    extra_answer: int | None
    started_at: datetime
    completed_at: datetime | None


@dataclass(frozen=True)
class OwnPractice:
    """A practice the client named themselves (the built-in ones are data files)."""

    id: OwnPracticeId
    uuid: str
    name: str
    removed: bool


@dataclass(frozen=True)
class PracticeRef:
    """Which practice: a built-in one by its key, or one of the client's own by its id."""

    builtin_key: str | None = None
    own_id: OwnPracticeId | None = None

    def __post_init__(self) -> None:
        if (self.builtin_key is None) == (self.own_id is None):
            raise ValueError("A practice is either a built-in one or one of the client's own.")


@dataclass(frozen=True)
class NewPracticeEntry:
    """What the client logs; the store adds ids and timestamps and checks the values."""

    practice: PracticeRef
    done_at: datetime
    minutes: int | None = None
    note: str = ""


@dataclass(frozen=True)
class PracticeEntry:
    id: PracticeEntryId
    uuid: str
    practice: PracticeRef
    # The own practice's name (as it is now), or "" for a built-in one: its words are data.
    own_name: str
    done_at: datetime
    minutes: int | None
    note: str
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class NewMedication:
    """A medication as the client copies it from the prescription: no advice is attached."""

    name: str
    dose: str = ""
    started_on: date | None = None
    stopped_on: date | None = None
    notes: str = ""


@dataclass(frozen=True)
class Medication:
    id: MedicationId
    uuid: str
    name: str
    dose: str
    started_on: date | None
    stopped_on: date | None
    notes: str
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class WeekCount:
    """How many practices were logged in one ISO week (Monday to Sunday, local time)."""

    monday: date
    count: int

    @property
    def iso_week(self) -> tuple[int, int]:
        year, week, _weekday = self.monday.isocalendar()
        return year, week
