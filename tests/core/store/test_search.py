"""Full-text search: ranking, snippets, an index that never drifts, and queries that never fail."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kapcompanion.domain import DeletedKind, NewSession, Phase
from kapcompanion.search import (
    HIGHLIGHT_END,
    HIGHLIGHT_START,
    HitKind,
    match_expression,
)
from kapcompanion.store import Store
from tests.raw_sql import connection_of


def write(store: Store, *answers: str):
    reflection = store.reflections.start(Phase.OPEN, "open", 1)
    for position, text in enumerate(answers):
        store.reflections.save_answer(
            reflection.id, position=position, prompt_id=f"p{position}", prompt_text="?", text=text
        )
    return reflection


def found(store: Store, query: str) -> set[int]:
    return set(store.journal.matching_reflections(query))


def test_words_match_as_prefixes_and_ignore_accents(store: Store) -> None:
    calm = write(store, "I felt calmer after the walk with Zoë.")
    write(store, "Nothing to do with it.")
    assert found(store, "calm") == {calm.id}
    assert found(store, "zoe") == {calm.id}
    assert found(store, "CALMER walk") == {calm.id}


def test_quoted_phrases_match_as_phrases(store: Store) -> None:
    together = write(store, "the quiet room felt safe")
    apart = write(store, "the room was quiet and I felt safe")
    assert found(store, '"quiet room"') == {together.id}
    assert found(store, "quiet room") == {together.id, apart.id}


def test_snippets_highlight_the_match(store: Store) -> None:
    write(store, "A long day. Then the cello started and something in me softened.")
    [hit] = store.journal.search("cello")
    assert hit.kind is HitKind.ANSWER
    assert f"{HIGHLIGHT_START}cello{HIGHLIGHT_END}" in hit.snippet


def test_better_matches_rank_first(store: Store) -> None:
    once = write(store, "fear came and went, then many other things happened afterwards")
    often = write(store, "fear, fear and more fear")
    hits = [h.reflection_id for h in store.journal.search("fear")]
    assert hits.index(often.id) < hits.index(once.id)


def test_insights_and_session_notes_are_searched_too(store: Store) -> None:
    reflection = write(store, "plain words")
    store.insights.add("Boundaries protect tenderness", reflection_id=reflection.id)
    session = store.sessions.add(
        NewSession(
            held_at=datetime(2026, 11, 1, tzinfo=UTC), notes="The lighthouse image came back"
        )
    )
    kinds = {(h.kind, h.session_id) for h in store.journal.search("lighthouse")}
    assert kinds == {(HitKind.SESSION, session.id)}
    assert found(store, "tenderness") == {reflection.id}


def test_the_index_follows_edits_deletes_and_restores(store: Store) -> None:
    reflection = write(store, "the word is marmalade")
    answer = store.reflections.get(reflection.id).answers[0]
    assert found(store, "marmalade") == {reflection.id}
    store.reflections.update_answer(answer.id, "the word is now lantern")
    assert found(store, "marmalade") == set()
    assert found(store, "lantern") == {reflection.id}
    store.deleted.move(DeletedKind.REFLECTION, reflection.id)
    assert found(store, "lantern") == set()
    store.deleted.restore(DeletedKind.REFLECTION, reflection.id)
    assert found(store, "lantern") == {reflection.id}
    connection_of(store).execute("DELETE FROM reflections WHERE id = ?", [reflection.id])
    assert store.journal.search("lantern") == []
    for table in ("answers_fts", "insights_fts", "sessions_fts"):
        # FTS5 raises here if the index no longer matches its table.
        connection_of(store).execute(f"INSERT INTO {table}({table}) VALUES('integrity-check')")


@pytest.mark.parametrize(
    "query",
    [
        '"',
        '"unbalanced',
        "*",
        "NEAR(",
        "-",
        "a OR",
        "NOT",
        "AND AND",
        "'; DROP TABLE answers; --",
        "x" * 10_000,
        "🌿🫶",
        "(((",
        "col:value",
        "^start",
        "\x00",
        "",
        "   ",
    ],
)
def test_odd_queries_never_fail(store: Store, query: str) -> None:
    write(store, "DROP me a line, near the water")
    store.journal.search(query)
    assert store.counts()["answers"] == 1


def test_operators_are_treated_as_plain_words(store: Store) -> None:
    near = write(store, "we sat near the water")
    write(store, "a river")
    assert found(store, "NEAR") == {near.id}
    assert match_expression("NEAR(") == '"NEAR"*'
    assert match_expression('say "a b') == '"say"* "a"* "b"*'


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_any_query_at_all_is_safe(tmp_path_factory, query: str) -> None:
    folder = tmp_path_factory.mktemp("search")
    with Store.open(folder / "data.sqlite3") as store:
        write(store, "some words to find")
        store.journal.search(query)


def test_the_live_search_finds_what_was_written_since_the_last_search(store: Store) -> None:
    first = write(store, "a heron by the water")
    assert found(store, "heron") == {first.id}
    second = write(store, "another heron at dusk")  # written by this store
    third = store.reflections.start(Phase.OPEN, "open", 1)  # no answers yet
    assert found(store, "heron") == {first.id, second.id}
    moved = store.reflections.get(first.id).answers[0]
    with closing(sqlite3.connect(store.path)) as other, other:  # another connection writes
        other.execute(
            "UPDATE answers SET reflection_id = ? WHERE id = ?", [third.id, int(moved.id)]
        )
    assert found(store, "heron") == {second.id, third.id}
    with closing(sqlite3.connect(store.path)) as other, other:
        other.execute("DELETE FROM answers WHERE reflection_id = ?", [second.id])
    assert found(store, "heron") == {third.id}


@pytest.mark.parametrize("answer_id", [10**15, -7])
def test_answers_numbered_far_apart_are_found_too(store: Store, answer_id: int) -> None:
    """A profile written by another program may number its answers any way at all."""
    usual = write(store, "a wren at the feeder")
    odd = write(store, "a wren in the hedge")
    moved = store.reflections.get(odd.id).answers[0]
    connection_of(store).execute(
        "UPDATE answers SET id = ? WHERE id = ?", [answer_id, int(moved.id)]
    )
    assert found(store, "wren") == {usual.id, odd.id}
    assert found(store, "hedge") == {odd.id}


def test_many_matches_are_all_found_and_only_the_best_carry_snippets(store: Store) -> None:
    ids = [write(store, f"walk number {n} by the river").id for n in range(30)]
    matches = store.journal.matching_reflections("river", snippets_for=5)
    assert set(matches) == set(ids)
    assert sum(1 for snippet in matches.values() if snippet) == 5
