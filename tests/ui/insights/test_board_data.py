"""Loading the insight board asks the store a fixed number of questions, however long it is."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from kapcompanion.data_files.prompt_sets import prompt_set_for
from kapcompanion.domain import DeletedKind, NewSession, Phase, SessionKind
from kapcompanion.store import Store
from tests.raw_sql import connection_of
from ui.insights.board_data import load_board


def fill(store: Store, insights: int) -> None:
    """`insights` insights, each from a reflection, with themes, a small step and two notes."""
    same_day = prompt_set_for(Phase.SAME_DAY)
    session = store.sessions.add(
        NewSession(datetime(2024, 5, 1, 10, tzinfo=UTC), SessionKind.DOSING, 1)
    )
    for number in range(insights):
        reflection = store.reflections.start(
            Phase.SAME_DAY, same_day.id, same_day.version, session_id=session.id
        )
        insight = store.insights.add(f"Thought {number}", reflection_id=reflection.id)
        store.themes.set_for_insight(insight.id, ["safety", "grief"])
        step = store.insights.add_commitment(insight.id, f"Step {number}")
        store.insights.add_commitment_note(step.id, "Went well.")
        store.insights.add_commitment_note(step.id, "Forgot once.")


def statements_to_load(tmp_path: Path, insights: int) -> int:
    with Store.open(tmp_path / f"board-{insights}.db") as store:
        fill(store, insights)
        statements: list[str] = []
        connection_of(store).set_trace_callback(statements.append)
        board = load_board(store)
        connection_of(store).set_trace_callback(None)
    assert len(board.cards) == insights
    assert all(len(card.notes) == 2 and len(card.themes) == 2 for card in board.cards)
    assert all(card.source.startswith("Session 1 · ") for card in board.cards)
    return len(statements)


def test_the_board_loads_with_as_many_queries_for_50_insights_as_for_5(
    tmp_path: Path,
) -> None:
    few = statements_to_load(tmp_path, 5)
    many = statements_to_load(tmp_path, 50)
    assert few == many
    assert many <= 10


def test_bulk_reads_match_the_one_at_a_time_reads(store: Store) -> None:
    fill(store, 3)
    gone = store.insights.list()[0]
    store.deleted.move(DeletedKind.INSIGHT, gone.id)
    keys = store.themes.keys_by_insight()
    assert gone.id not in keys
    for insight in store.insights.list():
        assert keys[insight.id] == store.themes.keys_for_insight(insight.id)
    notes = store.insights.notes_by_commitment()
    for step in store.insights.list_commitments():
        assert notes.get(step.id, []) == store.insights.commitment_notes(step.id)
