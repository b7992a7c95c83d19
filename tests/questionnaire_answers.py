"""Answer sets for questionnaire tests, shared so every test builds them alike."""

from __future__ import annotations

from kapcompanion.data_files.questionnaires import Questionnaire


def answers_totalling(q: Questionnaire, total: int) -> dict[int, int]:
    """A complete answer set whose items add up to `total` (filling items in order)."""
    top = max(option.value for option in q.options)
    result = {}
    for item in q.items:
        value = min(top, total)
        result[item.number] = value
        total -= value
    assert total == 0, "more than the questionnaire's top score"
    return result
