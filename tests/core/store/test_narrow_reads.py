"""Reads that take only what a screen shows (one reflection's insights, the first few, the last
check-in) give the same as the whole list they stand in for."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from kapcompanion.data_files.questionnaires import all_questionnaires
from kapcompanion.domain import DeletedKind, Phase
from kapcompanion.store import Store


def test_only_the_live_insights_of_that_reflection_pinned_then_newest_first(store: Store) -> None:
    first = store.reflections.start(Phase.SAME_DAY, "same-day", 1)
    other = store.reflections.start(Phase.NEXT_DAY, "next-day", 1)
    at = datetime(2026, 3, 1, 9, tzinfo=UTC)
    older = store.insights.add("Breathe first.", reflection_id=first.id, at=at)
    newer = store.insights.add("Rest is allowed.", reflection_id=first.id, at=at + timedelta(1))
    pinned = store.insights.add(
        "I am not alone.", reflection_id=first.id, pinned=True, at=at - timedelta(1)
    )
    store.insights.add("Elsewhere.", reflection_id=other.id, at=at)
    store.insights.add("From no reflection.", at=at)
    gone = store.insights.add("Deleted.", reflection_id=first.id, at=at)
    store.deleted.move(DeletedKind.INSIGHT, gone.id)

    found = store.insights.from_reflection(first.id)

    assert [insight.id for insight in found] == [pinned.id, newer.id, older.id]
    expected = [i for i in store.insights.list() if i.reflection_id == first.id]
    assert found == expected


def test_the_leading_insights_are_the_head_of_the_whole_list(store: Store) -> None:
    at = datetime(2026, 3, 1, 9, tzinfo=UTC)
    for day in range(8):
        store.insights.add(f"Insight {day}.", pinned=day in (2, 5), at=at + timedelta(day))

    assert store.insights.leading(3) == store.insights.list()[:3]
    assert [insight.text for insight in store.insights.leading(3)] == [
        "Insight 5.",
        "Insight 2.",
        "Insight 7.",
    ]
    assert store.insights.leading(20) == store.insights.list()


def test_the_latest_check_in_is_the_last_finished_one_of_that_questionnaire(store: Store) -> None:
    phq9, gad7 = all_questionnaires()[:2]
    assert store.check_ins.latest(phq9.id) is None
    at = datetime(2026, 3, 1, 9, tzinfo=UTC)
    for weeks, questionnaire in enumerate((phq9, phq9, gad7)):
        check_in = store.check_ins.start(questionnaire.id, questionnaire.version, at=at)
        for item in questionnaire.items:
            store.check_ins.save_answer(check_in.id, item.number, weeks % 2)
        store.check_ins.complete(check_in.id, at=at + timedelta(weeks=weeks))
    store.check_ins.start(phq9.id, phq9.version, at=at + timedelta(weeks=5))  # a draft

    latest = store.check_ins.latest(phq9.id)
    assert latest is not None
    assert latest == store.check_ins.completed(phq9.id)[-1]
    assert latest.completed_at == at + timedelta(weeks=1)
    assert set(latest.answers.values()) == {1}


def test_the_first_written_answer_skips_skipped_and_blank_ones(store: Store) -> None:
    written = store.reflections.start(Phase.SAME_DAY, "same-day", 1)
    texts = ["", "   ", "Skipped words.", "The first words.", "Later words."]
    for position, words in enumerate(texts):
        store.reflections.save_answer(
            written.id,
            position=position,
            prompt_id=f"p{position}",
            prompt_text="?",
            text=words,
            skipped=position == 2,
        )
    skipped = store.reflections.get(written.id).answers[2]
    silent = store.reflections.start(Phase.NEXT_DAY, "next-day", 1)
    store.reflections.save_answer(silent.id, position=0, prompt_id="p", prompt_text="?", text="")

    first = store.reflections.first_written_answers([written.id, silent.id])

    assert list(first) == [written.id]
    [answer] = first[written.id]
    assert answer.text == "The first words." and answer != skipped
    whole = store.reflections.answers_of([written.id])[written.id]
    assert answer in whole
