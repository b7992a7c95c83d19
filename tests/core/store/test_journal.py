"""The journal's rows and filters, recently deleted with its 30-day purge, and commitments."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from kapcompanion.demo import fill_demo
from kapcompanion.domain import CommitmentStatus, DeletedKind, Phase
from kapcompanion.errors import NotFoundError
from kapcompanion.journal import JournalFilter, filter_entries
from kapcompanion.store import Store
from tests.raw_sql import connection_of


@pytest.fixture
def course(store: Store) -> Store:
    fill_demo(store, today=date(2026, 11, 25), zone=UTC)
    return store


def test_entries_are_newest_session_first_with_themes_and_first_lines(course: Store) -> None:
    entries = course.journal.entries()
    assert len(entries) == len(course.reflections.list())
    held = [e.session_held_at for e in entries if e.session_held_at]
    assert held == sorted(held, reverse=True)
    assert all(e.first_lines for e in entries)
    assert any(e.theme_keys for e in entries)
    assert any(e.is_difficult for e in entries)


def test_filters_combine(course: Store) -> None:
    entries = course.journal.entries()
    fear = JournalFilter(themes=frozenset({"fear"}))
    fear_same_day = JournalFilter(themes=frozenset({"fear"}), phases=frozenset({Phase.SAME_DAY}))
    assert filter_entries(entries, fear_same_day)
    assert set(map(id, filter_entries(entries, fear_same_day))) <= set(
        map(id, filter_entries(entries, fear))
    )
    assert all(
        e.phase is Phase.SAME_DAY and "fear" in e.theme_keys
        for e in filter_entries(entries, fear_same_day)
    )
    first_session = course.sessions.list()[1].id
    only = filter_entries(entries, JournalFilter(session_id=first_session))
    assert only and all(e.session_id == first_session for e in only)
    week = filter_entries(
        entries, JournalFilter(date_from=date(2026, 11, 1), date_to=date(2026, 11, 7))
    )
    assert week and all(date(2026, 11, 1) <= e.local_day <= date(2026, 11, 7) for e in week)
    assert filter_entries(entries, JournalFilter(shareable_only=True)) == []
    hits = frozenset(course.journal.matching_reflections("grandmother"))
    searched = filter_entries(entries, JournalFilter(search_hits=hits, phases=frozenset(Phase)))
    assert {e.reflection_id for e in searched} == set(hits)


def test_sharing_a_reflection_shows_up_in_shareable_only(course: Store) -> None:
    entry = course.journal.entries()[0]
    course.reflections.set_shareable(entry.reflection_id, True)
    shared = filter_entries(course.journal.entries(), JournalFilter(shareable_only=True))
    assert [e.reflection_id for e in shared] == [entry.reflection_id]


def test_recently_deleted_restores_and_purges_after_thirty_days(course: Store) -> None:
    now = datetime(2026, 11, 25, 12, tzinfo=UTC)
    [old, recent] = [e.reflection_id for e in course.journal.entries()[:2]]
    insight = course.insights.list()[0]
    course.deleted.move(DeletedKind.REFLECTION, old, at=now - timedelta(days=31))
    course.deleted.move(DeletedKind.REFLECTION, recent, at=now - timedelta(days=2))
    course.deleted.move(DeletedKind.INSIGHT, insight.id, at=now - timedelta(days=1))
    deleted = course.deleted.items()
    assert [(d.kind, d.id) for d in deleted] == [
        (DeletedKind.INSIGHT, insight.id),
        (DeletedKind.REFLECTION, recent),
        (DeletedKind.REFLECTION, old),
    ]
    assert old not in {e.reflection_id for e in course.journal.entries()}
    assert course.deleted.purge(now=now) == 1
    assert course.counts()["reflections"] == len(course.reflections.list()) + 1
    course.deleted.restore(DeletedKind.INSIGHT, insight.id)
    assert course.insights.get(insight.id).text == insight.text
    with pytest.raises(NotFoundError):
        course.deleted.restore(DeletedKind.REFLECTION, old)  # purged for good


def test_delete_forever_only_takes_what_is_in_recently_deleted(course: Store) -> None:
    entry = course.journal.entries()[0]
    with pytest.raises(NotFoundError):
        course.deleted.erase(DeletedKind.REFLECTION, entry.reflection_id)
    course.deleted.move(DeletedKind.REFLECTION, entry.reflection_id)
    course.deleted.erase(DeletedKind.REFLECTION, entry.reflection_id)
    assert course.deleted.items() == []
    assert (
        connection_of(course)
        .execute("SELECT COUNT(*) FROM answers WHERE reflection_id = ?", [entry.reflection_id])
        .fetchone()[0]
        == 0
    )


def test_editing_an_answer_records_when(course: Store) -> None:
    reflection = course.reflections.get(course.journal.entries()[0].reflection_id)
    answer = next(a for a in reflection.answers if a.text)
    edited = course.reflections.update_answer(answer.id, "Changed my mind, gently.")
    assert edited.text == "Changed my mind, gently."
    assert edited.updated_at >= answer.updated_at
    assert edited.uuid == answer.uuid
    assert edited.prompt_text == answer.prompt_text


def test_insights_pin_share_and_commitments_with_dated_notes(course: Store) -> None:
    insight = course.insights.list()[-1]
    updated = course.insights.update(insight.id, pinned=True, shareable=True)
    assert (updated.pinned, updated.shareable, updated.text) == (True, True, insight.text)
    assert course.insights.list()[0].pinned
    commitment = course.insights.add_commitment(insight.id, "Ten quiet minutes after work")
    course.insights.update_commitment(commitment.id, status=CommitmentStatus.TRYING)
    course.insights.add_commitment_note(
        commitment.id, "Did it twice.", at=datetime(2026, 11, 20, tzinfo=UTC)
    )
    course.insights.add_commitment_note(
        commitment.id, "Harder on Mondays.", at=datetime(2026, 11, 24, tzinfo=UTC)
    )
    [again] = course.insights.commitments_for(insight.id)
    assert again.status is CommitmentStatus.TRYING
    assert [n.text for n in course.insights.commitment_notes(commitment.id)] == [
        "Did it twice.",
        "Harder on Mondays.",
    ]
    with pytest.raises(ValueError):
        course.insights.update(insight.id, text="   ")


def test_paused_drafts_stay_out_of_the_journal(course: Store) -> None:
    before = len(course.journal.entries())
    draft = course.reflections.start(Phase.OPEN, "open", 1)
    course.reflections.save_answer(
        draft.id, position=0, prompt_id="p", prompt_text="?", text="unfinished"
    )
    assert len(course.journal.entries()) == before
    course.reflections.complete(draft.id)
    assert len(course.journal.entries()) == before + 1


def test_recently_deleted_describes_a_reflection_by_its_first_words(course: Store) -> None:
    entry = course.journal.entries()[0]
    course.deleted.move(DeletedKind.REFLECTION, entry.reflection_id)
    [item] = course.deleted.items()
    assert item.description == entry.first_lines[:120]
