"""Pieces of the synthetic profiles the benchmarks build, shared so they stay alike."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from kapcompanion.data_files.questionnaires import all_questionnaires
from kapcompanion.store import Store


def add_fortnightly_check_ins(
    store: Store, start: datetime, fortnights: int, rng: random.Random
) -> None:
    """A PHQ-9, GAD-7 and PCL-5 every two weeks from `start`, answers scattered around the
    middle of each scale."""
    for fortnight in range(fortnights):
        taken = start + timedelta(weeks=2 * fortnight, days=3)
        for questionnaire in all_questionnaires():
            check_in = store.check_ins.start(questionnaire.id, questionnaire.version, at=taken)
            top = max(option.value for option in questionnaire.options)
            for item in questionnaire.items:
                value = min(max(round(rng.gauss(top * 0.45, top * 0.3)), 0), top)
                store.check_ins.save_answer(check_in.id, item.number, value)
            store.check_ins.complete(check_in.id, at=taken + timedelta(minutes=5))
