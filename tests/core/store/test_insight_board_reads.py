"""The store's reads for the insight board: each insight with where it came from, and the
themes, small steps and notes of every insight or of a chosen few, as reading them one at a
time would give them."""

from __future__ import annotations

from datetime import UTC, datetime

from kapcompanion.data_files.prompt_sets import prompt_set_for
from kapcompanion.domain import DeletedKind, NewSession, Phase, SessionKind
from kapcompanion.store import Store
from kapcompanion.store.insights import InsightOrigin


def test_each_insight_says_where_it_came_from_in_the_store_order(store: Store) -> None:
    prompts = prompt_set_for(Phase.NEXT_DAY)
    held = datetime(2024, 5, 1, 10, tzinfo=UTC)
    first = store.sessions.add(NewSession(held, SessionKind.DOSING, 1))
    second = store.sessions.add(NewSession(held, SessionKind.DOSING, 2))
    kept = store.reflections.start(Phase.NEXT_DAY, prompts.id, prompts.version, session_id=first.id)
    gone = store.reflections.start(Phase.NEXT_DAY, prompts.id, prompts.version)
    from_kept = store.insights.add("From a reflection", reflection_id=kept.id, session_id=second.id)
    from_gone = store.insights.add("Reflection went", reflection_id=gone.id, session_id=second.id)
    own = store.insights.add("My own", pinned=True)
    store.deleted.move(DeletedKind.REFLECTION, gone.id)
    origins = dict(store.insights.with_origins())
    assert list(origins) == store.insights.list()
    by_text = {insight.text: origin for insight, origin in origins.items()}
    # The reflection's session wins over the one the insight was saved with.
    assert by_text[from_kept.text] == InsightOrigin(kept.id, Phase.NEXT_DAY, first.id)
    assert by_text[from_gone.text] == InsightOrigin(None, None, second.id)
    assert by_text[own.text] == InsightOrigin(None, None, None)
    [(only_one, _origin)] = store.insights.with_origins([from_kept.id])
    assert only_one.id == from_kept.id
    assert store.insights.with_origins([]) == []


def test_reads_for_a_few_insights_match_the_one_at_a_time_reads(store: Store) -> None:
    insights = [store.insights.add(f"Thought {number}") for number in range(5)]
    for number, insight in enumerate(insights):
        store.themes.set_for_insight(insight.id, ["safety", "grief"][: number % 3])
        for step_number in range(number % 3):
            step = store.insights.add_commitment(insight.id, f"Step {step_number}")
            for note in range(number):
                store.insights.add_commitment_note(step.id, f"Note {note}")
    chosen = [insights[1].id, insights[2].id]
    keys = store.themes.keys_by_insight(chosen)
    steps = store.insights.commitments_by_insight(chosen)
    notes = store.insights.notes_by_commitment(chosen)
    assert set(keys) == set(chosen) and set(steps) == set(chosen)
    for insight_id in chosen:
        assert keys[insight_id] == store.themes.keys_for_insight(insight_id)
        assert steps[insight_id] == store.insights.commitments_for(insight_id)
        for step in steps[insight_id]:
            assert notes[step.id] == store.insights.commitment_notes(step.id)
    assert {step.insight_id for step in store.insights.list_commitments()} == set(
        store.insights.commitments_by_insight()
    )
    every_note = store.insights.notes_by_commitment()
    assert set(notes) < set(every_note)
