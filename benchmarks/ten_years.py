"""The ten-year profile the clicks benchmark runs on, built through the store.

500 weekly sessions, each with a same-day, next-day and week-after reflection of eight written
answers (1,500 reflections, 12,000 answers), distress before and after, one to three themes; two
insights a session (1,000), every fourth with a commitment; a PHQ-9, GAD-7, PCL-5 and WHO-5
every two weeks (1,040 check-ins); four practices and two quick check-ins a week between
sessions (2,000 and 1,000); a medication list of ten. Random but seeded, so every build is the
same profile.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

from benchmarks.synthetic import add_fortnightly_check_ins
from kapcompanion.data_files.prompt_sets import prompt_set_for
from kapcompanion.domain import (
    CommitmentStatus,
    NewMedication,
    NewPracticeEntry,
    NewSession,
    Phase,
    PracticeRef,
    SessionKind,
)
from kapcompanion.profile import Profile
from kapcompanion.store import Store

SESSIONS = 500
ANSWERS_PER_REFLECTION = 8
INSIGHTS_PER_SESSION = 2
PRACTICES_PER_WEEK = 4
QUICK_CHECK_INS_PER_WEEK = 2
MEDICATIONS = 10
PRACTICE_KEYS = ("mindfulness", "breathwork", "movement", "time_outdoors", "sleep", "connection")
# Bump when the profile changes, so a kept copy of an older one is built again.
VERSION = 2
COMPLETE_MARK = f"ten-years-v{VERSION}.complete"
PHRASES = (
    "I noticed the old tightness in my chest again",
    "this time I could stay with it and breathe",
    "the memory felt further away, like watching it through a window",
    "afterwards I walked by the river",
    "I let myself cry a little and it felt like relief",
    "my mother's voice came back, softer than I remember",
    "I am learning that rest is not the same as giving up",
    "there was music and a sense of being held",
    "my body felt heavy and then very light",
    "I want to be kinder to the younger part of me",
    "sleep was easier last night",
    "I told my partner about the garden image",
)


def sentence(rng: random.Random, low: int = 150, high: int = 400) -> str:
    """Between `low` and `high` characters of plausible writing."""
    target = rng.randint(low, high)
    parts: list[str] = []
    while sum(len(part) + 2 for part in parts) < target:
        parts.append(rng.choice(PHRASES))
    return (", ".join(parts) + ".").capitalize()


def is_built(folder: Path) -> bool:
    return (folder / COMPLETE_MARK).exists() and Profile(folder).database_path.exists()


def build(folder: Path, *, sessions: int = SESSIONS, seed: int = 10) -> None:
    """Fill an empty profile folder with `sessions` weekly sessions ending last week."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    phases = (Phase.SAME_DAY, Phase.NEXT_DAY, Phase.WEEK_AFTER)
    offsets = {Phase.SAME_DAY: 0, Phase.NEXT_DAY: 1, Phase.WEEK_AFTER: 6}
    prompt_sets = {phase: prompt_set_for(phase) for phase in phases}
    start = (datetime.now(UTC) - timedelta(weeks=sessions + 1)).replace(
        hour=10, minute=0, second=0, microsecond=0
    )
    with Store.open(Profile(folder).database_path) as store, store.transaction():
        keys = [theme.key for theme in store.themes.list()]
        weights = [1 / (rank + 1) for rank in range(len(keys))]
        level = 7.0
        for number in range(1, sessions + 1):
            held = start + timedelta(weeks=number - 1)
            level += 0.15 * (7.0 - 3.0 * number / sessions - level) + rng.gauss(0, 0.6)
            level = min(max(level, 1.0), 9.0)
            session = store.sessions.add(
                NewSession(
                    held_at=held,
                    kind=SessionKind.DOSING,
                    number_in_course=number,
                    route="intramuscular",
                    setting="Clinic, with my therapist",
                    intention=sentence(rng, 40, 120),
                    distress_before=round(min(level + rng.uniform(0, 2), 10)),
                    distress_after=round(max(level - rng.uniform(0, 3), 0)),
                    notes=sentence(rng, 100, 300),
                ),
                at=held,
            )
            for index, phase in enumerate(phases):
                prompt_set = prompt_sets[phase]
                written = held + timedelta(days=offsets[phase], hours=8)
                reflection = store.reflections.start(
                    phase, prompt_set.id, prompt_set.version, session_id=session.id, at=written
                )
                for position, prompt in enumerate(prompt_set.prompts[:ANSWERS_PER_REFLECTION]):
                    store.reflections.save_answer(
                        reflection.id,
                        position=position,
                        prompt_id=prompt.id,
                        prompt_text=prompt.text,
                        text=sentence(rng),
                        at=written + timedelta(minutes=4 * position),
                    )
                store.reflections.set_distress(
                    reflection.id,
                    start=round(min(max(level + rng.uniform(-2, 2), 0), 10)),
                    end=round(min(max(level + rng.uniform(-3, 1), 0), 10)),
                )
                themes = sorted(set(rng.choices(keys, weights, k=rng.randint(1, 3))))
                store.themes.set_for_reflection(reflection.id, themes)
                store.reflections.complete(reflection.id, at=written + timedelta(minutes=40))
                if index < INSIGHTS_PER_SESSION:
                    insight = store.insights.add(
                        sentence(rng, 30, 90),
                        reflection_id=reflection.id,
                        session_id=session.id,
                        at=written,
                    )
                    store.themes.set_for_insight(insight.id, themes[:1])
                    if number % 2 == 0 and index == 0:
                        store.insights.add_commitment(
                            insight.id,
                            sentence(rng, 20, 60),
                            CommitmentStatus.TRYING,
                            at=written,
                        )
            _between_sessions(store, held, rng, level)
        for number in range(MEDICATIONS):
            store.medications.add(
                NewMedication(f"Medication {number + 1}", sentence(rng, 10, 40), notes="")
            )
        # 260 of each questionnaire at 500 sessions: they began a few months before the first.
        fortnights = sessions * 52 // 100
        began = start - timedelta(weeks=2 * fortnights - sessions + 4)
        add_fortnightly_check_ins(store, began, fortnights, rng)
    (folder / COMPLETE_MARK).write_text("", encoding="utf-8")


def _between_sessions(store: Store, held: datetime, rng: random.Random, level: float) -> None:
    """The week after a session: a few practices and a couple of quick check-ins."""
    for _ in range(PRACTICES_PER_WEEK):
        done = held + timedelta(days=rng.randint(1, 6), hours=rng.randint(0, 10))
        practice = PracticeRef(builtin_key=rng.choice(PRACTICE_KEYS))
        store.practices.log(
            NewPracticeEntry(practice, done, rng.choice((None, 10, 20, 45)), _maybe_note(rng)),
            now=done,
        )
    for _ in range(QUICK_CHECK_INS_PER_WEEK):
        rated = held + timedelta(days=rng.randint(1, 6), hours=rng.randint(0, 10))
        value = round(min(max(level + rng.uniform(-2, 2), 0), 10))
        store.check_ins.add_distress_rating(value, note=_maybe_note(rng), at=rated)


def _maybe_note(rng: random.Random) -> str:
    """Half the time a short note, otherwise none."""
    return sentence(rng, 20, 60) if rng.random() < 0.5 else ""
