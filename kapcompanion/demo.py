"""The sample course: a realistic, made-up course of six sessions to explore the app with, with
a few weeks of practices, quick distress check-ins, questionnaires (WHO-5 among them) and a short
medication list (as a client copies it from the prescriptions: no advice).

The course is data (resources/demo/sample_course.json, days relative to the first session);
this module anchors it so that the last session was a few days ago and writes it into an empty
store in one transaction. It refuses a store that already holds anything.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from typing import Any

from kapcompanion.course.practice_reminders import set_reminders
from kapcompanion.course.support import save_contacts, save_safety_plan
from kapcompanion.data_files.prompt_sets import prompt_set_for
from kapcompanion.data_files.questionnaires import questionnaire
from kapcompanion.data_files.resource_files import ResourceError, load_json_resource, resource_path
from kapcompanion.domain import (
    CommitmentStatus,
    NewMedication,
    NewPracticeEntry,
    NewSession,
    Phase,
    PracticeRef,
    SessionKind,
)
from kapcompanion.errors import ProfileNotEmptyError
from kapcompanion.ids import SessionId
from kapcompanion.store import Store

FILE = ("demo", "sample_course.json")
DAYS_SINCE_LAST_SESSION = 3


@dataclass(frozen=True)
class DemoSummary:
    dosing_sessions: int
    other_sessions: int
    reflections: int
    insights: int


def _local_moment(day: date, clock: str, zone: tzinfo) -> datetime:
    try:
        hours, minutes = (int(part) for part in clock.split(":"))
        return datetime.combine(day, time(hours, minutes), zone)
    except ValueError as error:
        raise ResourceError(f"{resource_path(*FILE)}: time {clock!r} is not HH:MM.") from error


def fill_demo(store: Store, today: date | None = None, zone: tzinfo | None = None) -> DemoSummary:
    """Write the sample course into `store`, which must be empty."""
    if not store.is_empty():
        raise ProfileNotEmptyError(store.path.parent)
    zone = zone or datetime.now().astimezone().tzinfo
    assert zone is not None
    course = load_json_resource(*FILE)
    sessions: list[dict[str, Any]] = course["sessions"]
    last_day = max(int(entry["day"]) for entry in sessions)
    first_day = (today or date.today()) - timedelta(days=last_day + DAYS_SINCE_LAST_SESSION)
    reflections = insights = dosing = 0
    with store.transaction():
        for entry in sessions:
            held_on = first_day + timedelta(days=int(entry["day"]))
            held_at = _local_moment(held_on, entry.get("time", "10:00"), zone)
            kind = SessionKind(entry.get("kind", "dosing"))
            dosing += kind is SessionKind.DOSING
            session = store.sessions.add(
                NewSession(
                    held_at=held_at,
                    kind=kind,
                    number_in_course=(
                        store.sessions.next_number() if kind is SessionKind.DOSING else None
                    ),
                    route=entry.get("route", ""),
                    setting=entry.get("setting", ""),
                    intention=entry.get("intention", ""),
                    distress_before=entry.get("distress_before"),
                    distress_after=entry.get("distress_after"),
                    after_effects=tuple(entry.get("after_effects", ())),
                    after_effects_notes=entry.get("after_effects_notes", ""),
                    notes=entry.get("notes", ""),
                ),
                at=held_at,
            )
            for reflection in entry.get("reflections", []):
                reflections += 1
                insights += _add_reflection(store, session.id, held_on, reflection, zone)
        for check_in in course.get("check_ins", []):
            _add_check_in(store, first_day, check_in, zone)
        _add_practices(store, first_day, course.get("practices", []), zone)
        save_contacts(store, course.get("contacts", {}))
        save_safety_plan(store, course.get("safety_plan", {}))
        reminded = course.get("practice_reminders", {})
        set_reminders(store, {PracticeRef(builtin_key=key): reminded[key] for key in reminded})
        for rating in course.get("distress_check_ins", []):
            rated_at = _local_moment(
                first_day + timedelta(days=int(rating["day"])), rating["time"], zone
            )
            store.check_ins.add_distress_rating(
                int(rating["value"]), note=rating.get("note", ""), at=rated_at
            )
        for medication in course.get("medications", []):
            store.medications.add(_medication(first_day, medication))
    return DemoSummary(dosing, len(sessions) - dosing, reflections, insights)


def _add_check_in(store: Store, first_day: date, entry: dict[str, Any], zone: tzinfo) -> None:
    instrument = questionnaire(entry["instrument"])
    taken = _local_moment(first_day + timedelta(days=int(entry["day"])), entry["time"], zone)
    check_in = store.check_ins.start(instrument.id, instrument.version, at=taken)
    for item, value in zip(instrument.items, entry["answers"], strict=True):
        store.check_ins.save_answer(check_in.id, item.number, value)
    if "extra_answer" in entry:
        store.check_ins.set_extra_answer(check_in.id, entry["extra_answer"])
    store.check_ins.complete(check_in.id, at=taken + timedelta(minutes=6))


def _add_practices(
    store: Store, first_day: date, entries: list[dict[str, Any]], zone: tzinfo
) -> None:
    names = dict.fromkeys(entry["own"] for entry in entries if "own" in entry)
    own = {name: store.practices.add_own(name).id for name in names}
    for entry in entries:
        done_at = _local_moment(first_day + timedelta(days=int(entry["day"])), entry["time"], zone)
        practice = (
            PracticeRef(own_id=own[entry["own"]])
            if "own" in entry
            else PracticeRef(builtin_key=entry["practice"])
        )
        store.practices.log(
            NewPracticeEntry(practice, done_at, entry.get("minutes"), entry.get("note", "")),
            now=done_at + timedelta(minutes=2),  # logged just after, whatever day "today" is
        )


def _medication(first_day: date, entry: dict[str, Any]) -> NewMedication:
    def day(key: str) -> date | None:
        return first_day + timedelta(days=int(entry[key])) if key in entry else None

    return NewMedication(
        name=entry["name"],
        dose=entry.get("dose", ""),
        started_on=day("started_day"),
        stopped_on=day("stopped_day"),
        notes=entry.get("notes", ""),
    )


def _add_reflection(
    store: Store, session_id: SessionId, held_on: date, entry: dict[str, Any], zone: tzinfo
) -> int:
    phase = Phase(entry["phase"])
    prompt_set = prompt_set_for(phase)
    written_on = held_on + timedelta(days=int(entry.get("day_offset", 0)))
    started = _local_moment(written_on, entry.get("time", "19:00"), zone)
    reflection = store.reflections.start(
        phase, prompt_set.id, prompt_set.version, session_id=session_id, at=started
    )
    answers: dict[str, str] = entry.get("answers", {})
    moment = started
    for position, prompt in enumerate(prompt_set.prompts):
        moment += timedelta(minutes=4)
        text = answers.get(prompt.id, "")
        store.reflections.save_answer(
            reflection.id,
            position=position,
            prompt_id=prompt.id,
            prompt_text=prompt.text,
            text=text,
            skipped=not text,
            at=moment,
        )
    store.reflections.set_distress(
        reflection.id, start=entry.get("distress_start"), end=entry.get("distress_end")
    )
    store.themes.set_for_reflection(reflection.id, entry.get("themes", []))
    store.reflections.complete(reflection.id, at=moment)
    for item in entry.get("insights", []):
        insight = store.insights.add(
            item["text"],
            reflection_id=reflection.id,
            session_id=session_id,
            pinned=item.get("pinned", False),
            shareable=item.get("shareable", False),
            at=moment,
        )
        store.themes.set_for_insight(insight.id, item.get("themes", []))
        commitment = item.get("commitment")
        if commitment:
            store.insights.add_commitment(
                insight.id,
                commitment["text"],
                CommitmentStatus(commitment.get("status", "not_started")),
                at=moment,
            )
    return len(entry.get("insights", []))
