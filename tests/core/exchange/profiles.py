"""Profiles for the export and import tests, and a raw dump to tell whether a file changed.

`fill_everything` adds to the sample course what it lacks: a draft reflection with its draft
insights, something in "recently deleted", a theme of the client's own, notes on a small step,
distress check-ins, a draft questionnaire, the settings that travel with an export, and of the
practice log and the medication list a removed practice of the client's own and a logged
practice and a medication in "recently deleted".
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from kapcompanion.course.check_in_schedule import set_every_days
from kapcompanion.course.own_crisis_lines import OwnLine, save_own_lines
from kapcompanion.course.support import COUNTRY_SETTING, save_contacts, save_safety_plan
from kapcompanion.demo import fill_demo
from kapcompanion.domain import (
    DeletedKind,
    NewMedication,
    NewPracticeEntry,
    Phase,
    PracticeRef,
)
from kapcompanion.journal import GATE_DIFFICULT_SETTING
from kapcompanion.store import Store
from kapcompanion.store.exchange import EXCHANGE_TABLES

DRAFT_ANSWER = "Halfway through: the kitchen, the smell of bread. Ich atme. مرحبا 🌿"
OWN_THEME = "Music & sound"


def fill_everything(store: Store) -> None:
    """The sample course plus one of everything else an export has to carry."""
    fill_demo(store, today=date(2026, 11, 25), zone=UTC)
    draft = store.reflections.start(Phase.OPEN, "open", 1)
    store.reflections.save_answer(
        draft.id, position=0, prompt_id="p1", prompt_text="What is here?", text=""
    )
    store.reflections.save_answer(
        draft.id, position=1, prompt_id="p2", prompt_text="And now?", text=DRAFT_ANSWER
    )
    store.settings.set(f"draft_insights:{draft.uuid}", ["Bread means safety", "", ""])
    own = store.themes.add(OWN_THEME)
    store.themes.set_for_reflection(draft.id, [own.key, "safety"])
    insights = store.insights.list()
    store.deleted.move(DeletedKind.INSIGHT, insights[-1].id)
    store.deleted.move(DeletedKind.REFLECTION, store.reflections.list()[0].id)
    commitment = store.insights.list_commitments()[0]
    store.insights.add_commitment_note(commitment.id, "- tried it twice\n- easier the second time")
    store.check_ins.add_distress_rating(
        4, note="=after the call", at=datetime(2026, 11, 20, 9, tzinfo=UTC)
    )
    store.check_ins.add_distress_rating(6, at=datetime(2026, 11, 21, 21, 30, tzinfo=UTC))
    store.check_ins.start("gad7", 1)
    save_safety_plan(store, {"warning_signs": ["Not sleeping"], "coping_on_my_own": ["Walk"]})
    save_contacts(store, {"therapist_name": "Dr Ana Müller", "therapist_phone": "+49 30 1234"})
    store.settings.set(COUNTRY_SETTING, "DE")
    save_own_lines(store, (OwnLine("Krisendienst Berlin", "+49 30 390 63 10", "nachts"),))
    store.settings.set(GATE_DIFFICULT_SETTING, False)
    set_every_days(store, "phq9", 7)
    store.settings.set("window.something_local", "not exported")
    removed = store.practices.add_own("Cold showers")
    store.practices.log(
        NewPracticeEntry(PracticeRef(own_id=removed.id), datetime(2026, 11, 22, 7, tzinfo=UTC), 3),
        now=datetime(2026, 11, 22, 8, tzinfo=UTC),
    )
    store.practices.remove_own(removed.id)
    moved = store.practices.log(
        NewPracticeEntry(
            PracticeRef(builtin_key="sleep"), datetime(2026, 11, 23, 22, tzinfo=UTC), 480, "=early"
        ),
        now=datetime(2026, 11, 24, 7, tzinfo=UTC),
    )
    store.deleted.move(DeletedKind.PRACTICE, moved.id)
    gone = store.medications.add(NewMedication("Lorazepam", "0.5 mg when needed", notes="- old"))
    store.deleted.move(DeletedKind.MEDICATION, gone.id)


def dump(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every exchanged table, read with plain sqlite3 (not with the code tested)."""
    connection = sqlite3.connect(path)
    try:
        return {
            table: connection.execute(f"SELECT * FROM {table} ORDER BY rowid").fetchall()
            for table in EXCHANGE_TABLES
        }
    finally:
        connection.close()
