"""The domain's words, written once: the window and the printout name sessions, phases and days
the same way, as the locale writes them."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

from PySide6.QtCore import QLocale

from kapcompanion.domain import Phase, PracticeEntry, PracticeRef, Session, SessionKind
from kapcompanion.ids import OwnPracticeId, PracticeEntryId, SessionId
from kapcompanion.wording.dates import day_of
from kapcompanion.wording.domain import (
    kind_label,
    medication_list_note,
    phase_title,
    practice_name,
    session_title,
)

MOMENT = datetime(2026, 11, 25, 12, tzinfo=UTC)
BRITISH, AMERICAN, GERMAN = QLocale("en_GB"), QLocale("en_US"), QLocale("de_DE")


def a_session(kind: SessionKind, number: int | None) -> Session:
    return Session(
        id=SessionId(1),
        uuid="00000000-0000-4000-8000-000000000001",
        kind=kind,
        held_at=MOMENT,
        number_in_course=number,
        route="",
        setting="",
        intention="",
        distress_before=None,
        distress_after=None,
        after_effects=(),
        after_effects_notes="",
        notes="",
        created_at=MOMENT,
        updated_at=MOMENT,
    )


def test_a_numbered_dosing_session_is_called_by_its_number_others_by_their_kind() -> None:
    dosing = a_session(SessionKind.DOSING, 3)
    assert session_title(dosing) == "Session 3"
    assert session_title(replace(dosing, number_in_course=None)) == "Dosing session"
    assert session_title(a_session(SessionKind.PREPARATION, 2)) == "Preparation session"
    assert kind_label(SessionKind.INTEGRATION) == "Integration session"
    assert session_title(replace(dosing, number_in_course=1200), GERMAN) == "Session 1.200"


def test_a_phase_is_called_by_its_prompt_set_title() -> None:
    assert phase_title(Phase.NEXT_DAY) == "The next day"
    assert phase_title(Phase.WEEK_AFTER) == "A week after"


def test_long_dates_follow_the_locale_with_the_weekday_only_when_asked() -> None:
    assert day_of(MOMENT, BRITISH) == "25 November 2026"
    assert day_of(MOMENT, AMERICAN) == "November 25, 2026"
    assert day_of(MOMENT, BRITISH, short=True) == "25 Nov 2026"
    assert day_of(date(2026, 11, 25), BRITISH, weekday=True) == "Wednesday, 25 November 2026"
    assert day_of(MOMENT, AMERICAN, weekday=True) == "Wednesday, November 25, 2026"


def test_a_practice_is_named_from_its_data_file_or_as_the_client_named_it() -> None:
    def entry(practice: PracticeRef, own_name: str = "") -> PracticeEntry:
        return PracticeEntry(
            id=PracticeEntryId(1),
            uuid="00000000-0000-4000-8000-000000000002",
            practice=practice,
            own_name=own_name,
            done_at=MOMENT,
            minutes=None,
            note="",
            created_at=MOMENT,
            updated_at=MOMENT,
        )

    assert practice_name(entry(PracticeRef(builtin_key="time_outdoors"))) == "Time outdoors"
    own = PracticeRef(own_id=OwnPracticeId(3))
    assert practice_name(entry(own, "Playing the piano")) == "Playing the piano"
    assert practice_name(entry(PracticeRef(builtin_key="tai_chi"))) == "tai_chi"


def test_the_medication_list_says_it_gives_no_advice_and_who_to_ask() -> None:
    note = medication_list_note()
    assert "gives no advice" in note and "prescriber" in note and "ketamine" in note
