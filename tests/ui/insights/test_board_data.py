"""Loading the insight board asks the store a fixed number of questions, however long it is,
and shows what reading it insight by insight would; reloading one insight gives the same board
as reloading them all."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from kapcompanion.data_files.prompt_sets import prompt_set_for
from kapcompanion.domain import CommitmentStatus, DeletedKind, NewSession, Phase, SessionKind
from kapcompanion.ids import InsightId
from kapcompanion.store import Store
from tests.raw_sql import connection_of
from ui.insights.board_data import BoardData, load_board, with_insight_reloaded


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
        with store.transaction():
            fill(store, insights)
        statements: list[str] = []
        connection_of(store).set_trace_callback(statements.append)
        board = load_board(store)
        connection_of(store).set_trace_callback(None)
    assert len(board.cards) == insights
    assert all(len(card.notes) == 2 and len(card.themes) == 2 for card in board.cards)
    assert all(card.source.startswith("Session 1 · ") for card in board.cards)
    return len(statements)


def test_the_board_loads_with_as_many_queries_for_200_insights_as_for_10(
    tmp_path: Path,
) -> None:
    few = statements_to_load(tmp_path, 10)
    many = statements_to_load(tmp_path, 200)
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


def realistic(store: Store) -> None:
    """A course as it grows: sessions with reflections and their insights (some pinned or
    shared, with themes, small steps and notes), an insight of its own, a reflection and a
    session moved to recently deleted, and a moved insight."""
    same_day = prompt_set_for(Phase.SAME_DAY)
    next_day = prompt_set_for(Phase.NEXT_DAY)
    themes = ["safety", "grief", "anger", "body"]
    with store.transaction():
        for number in range(1, 7):
            held = datetime(2024, 1, number * 3, 10, tzinfo=UTC)
            kind = SessionKind.DOSING if number % 3 else SessionKind.INTEGRATION
            session = store.sessions.add(NewSession(held, kind, number), at=held)
            for phase, prompts in ((Phase.SAME_DAY, same_day), (Phase.NEXT_DAY, next_day)):
                reflection = store.reflections.start(
                    phase, prompts.id, prompts.version, session_id=session.id, at=held
                )
                for extra in range(2):
                    insight = store.insights.add(
                        f"Insight {number}-{phase.value}-{extra}",
                        reflection_id=reflection.id,
                        session_id=session.id,
                        pinned=(number + extra) % 4 == 0,
                        shareable=extra == 1,
                        at=held,
                    )
                    store.themes.set_for_insight(insight.id, themes[number % 4 : number % 4 + 2])
                    if (number + extra) % 2:
                        step = store.insights.add_commitment(insight.id, f"Step {number}")
                        for note in range(number % 3):
                            store.insights.add_commitment_note(step.id, f"Note {note}")
        store.insights.add("One of my own, from no reflection.")
    reflections = store.reflections.list()
    store.deleted.move(DeletedKind.REFLECTION, reflections[2].id)
    store.deleted.move(DeletedKind.SESSION, store.sessions.list()[4].id)
    store.deleted.move(DeletedKind.INSIGHT, store.insights.list()[3].id)


def one_at_a_time(store: Store) -> list[tuple[object, ...]]:
    """What each card should show, read insight by insight as the board once was."""
    sessions = {session.id: session for session in store.sessions.list()}
    reflections = {reflection.id: reflection for reflection in store.reflections.list()}
    cards: list[tuple[object, ...]] = []
    for insight in store.insights.list():
        reflection = reflections.get(insight.reflection_id) if insight.reflection_id else None
        session_id = reflection.session_id if reflection is not None else insight.session_id
        session = sessions.get(session_id) if session_id is not None else None
        steps = store.insights.commitments_for(insight.id)
        notes = tuple(store.insights.commitment_notes(steps[0].id)) if steps else ()
        cards.append(
            (
                insight,
                tuple(store.themes.keys_for_insight(insight.id)),
                session is not None,
                reflection.id if reflection is not None else None,
                steps[0] if steps else None,
                notes,
            )
        )
    return cards


def as_shown(board: BoardData) -> list[tuple[object, ...]]:
    return [
        (
            card.insight,
            card.theme_keys,
            card.source.startswith(("Session ", "Integration session")),
            card.reflection_id,
            card.commitment,
            card.notes,
        )
        for card in board.cards
    ]


def test_the_batched_board_shows_what_reading_insight_by_insight_shows(store: Store) -> None:
    realistic(store)
    board = load_board(store)
    assert as_shown(board) == one_at_a_time(store)
    sources = {card.insight.text: card.source for card in board.cards}
    assert sources["Insight 1-same_day-0"] == "Session 1 · Later the same day"
    assert sources["Insight 3-next_day-1"].startswith("Integration session · ")
    assert sources["One of my own, from no reflection."] == ""
    # The reflection they came from went: the session is named, with no link.
    orphan = next(card for card in board.cards if card.insight.text == "Insight 2-same_day-0")
    assert (orphan.source, orphan.reflection_id) == ("Session 2", None)
    assert len({card.commitment.id for card in board.cards if card.commitment}) == 12


def test_reloading_one_insight_gives_the_board_a_full_reload_gives(store: Store) -> None:
    realistic(store)
    board = load_board(store)
    insights = store.insights.list()
    last, first = insights[-2], insights[0]

    def changed(insight_id: InsightId) -> None:
        nonlocal board
        board = with_insight_reloaded(store, board, insight_id)
        assert board == load_board(store)

    store.insights.update(last.id, pinned=True)  # from the bottom to the top
    changed(last.id)
    store.insights.update(first.id, pinned=False, shareable=True, text="New words")
    changed(first.id)
    store.themes.set_for_insight(first.id, ["grief", "body", "safety"])
    changed(first.id)
    step = store.insights.add_commitment(first.id, "A walk")
    changed(first.id)
    store.insights.update_commitment(step.id, status=CommitmentStatus.TRYING)
    store.insights.add_commitment_note(step.id, "Went well.")
    changed(first.id)
    store.deleted.move(DeletedKind.INSIGHT, last.id)
    changed(last.id)
    store.deleted.restore(DeletedKind.INSIGHT, last.id)
    changed(last.id)


def test_reloading_one_insight_asks_as_many_queries_on_a_long_board_as_on_a_short_one(
    tmp_path: Path,
) -> None:
    counts = []
    for insights in (10, 200):
        with Store.open(tmp_path / f"one-{insights}.db") as store:
            with store.transaction():
                fill(store, insights)
            board = load_board(store)
            changed = store.insights.list()[insights // 2]
            store.insights.update(changed.id, pinned=True)
            statements: list[str] = []
            connection_of(store).set_trace_callback(statements.append)
            board = with_insight_reloaded(store, board, changed.id)
            connection_of(store).set_trace_callback(None)
            assert board.cards[0].id == changed.id
            counts.append(len(statements))
    assert counts[0] == counts[1] <= 6
