"""Recently deleted: one verb set for every kind, and the 30-day purge done at opening."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from kapcompanion.course.trends import Period, distress_series
from kapcompanion.domain import (
    DeletedKind,
    Insight,
    NewSession,
    Phase,
    Reflection,
    Session,
    SessionKind,
)
from kapcompanion.errors import NotFoundError
from kapcompanion.profile import Profile
from kapcompanion.report.content.build import build_content
from kapcompanion.report.content.options import default_options
from kapcompanion.store import Store


def test_opening_erases_what_waited_longer_than_30_days(tmp_path: Path) -> None:
    path = tmp_path / "kap-companion.sqlite3"
    now = datetime.now(UTC)
    with Store.open(path) as store:
        old = store.reflections.start(Phase.OPEN, "open", 1)
        recent = store.reflections.start(Phase.OPEN, "open", 1)
        insight = store.insights.add("Slow down.")
        store.deleted.move(DeletedKind.REFLECTION, old.id, at=now - timedelta(days=31))
        store.deleted.move(DeletedKind.REFLECTION, recent.id, at=now - timedelta(days=2))
        store.deleted.move(DeletedKind.INSIGHT, insight.id, at=now - timedelta(days=40))
        assert len(store.deleted.items()) == 3  # reading never purges
    with Store.open(path) as store:
        assert [(item.kind, item.id) for item in store.deleted.items()] == [
            (DeletedKind.REFLECTION, recent.id)
        ]
        with pytest.raises(NotFoundError):
            store.deleted.restore(DeletedKind.REFLECTION, old.id)


def test_a_discarded_check_in_is_moved_aside_but_not_listed(store: Store) -> None:
    draft = store.check_ins.start("phq9", 1)
    store.deleted.move(DeletedKind.CHECK_IN, draft.id)
    assert store.check_ins.unfinished("phq9") is None
    assert store.deleted.items() == []
    with pytest.raises(NotFoundError):
        store.deleted.move(DeletedKind.CHECK_IN, draft.id)  # already moved
    store.deleted.restore(DeletedKind.CHECK_IN, draft.id)
    assert store.check_ins.unfinished("phq9") == store.check_ins.get(draft.id)
    store.deleted.move(DeletedKind.CHECK_IN, draft.id)
    store.deleted.erase(DeletedKind.CHECK_IN, draft.id)
    with pytest.raises(NotFoundError):
        store.deleted.restore(DeletedKind.CHECK_IN, draft.id)


def test_purge_leaves_discarded_check_ins_as_they_always_were(store: Store) -> None:
    draft = store.check_ins.start("phq9", 1)
    long_ago = datetime.now(UTC) - timedelta(days=90)
    store.deleted.move(DeletedKind.CHECK_IN, draft.id, at=long_ago)
    assert store.deleted.purge() == 0
    store.deleted.restore(DeletedKind.CHECK_IN, draft.id)  # still there to bring back


def test_an_in_memory_store_opens_empty(tmp_path: Path) -> None:
    with Store.in_memory() as store:
        assert store.is_empty()
        assert store.deleted.items() == []
    assert list(tmp_path.iterdir()) == []


# Sessions, finished check-ins and quick ratings ---------------------------------------------


def a_session_with_a_reflection_and_an_insight(
    store: Store, intention: str = "To meet the fear gently."
) -> tuple[Session, Reflection, Insight]:
    session = store.sessions.add(
        NewSession(
            held_at=datetime(2026, 3, 12, 10, tzinfo=UTC), number_in_course=2, intention=intention
        )
    )
    reflection = store.reflections.start(Phase.SAME_DAY, "same_day", 1, session_id=session.id)
    store.reflections.save_answer(
        reflection.id, position=0, prompt_id="p1", prompt_text="What came up?", text="Warmth."
    )
    insight = store.insights.add("I can rest.", reflection_id=reflection.id, session_id=session.id)
    return session, reflection, insight


def test_a_session_goes_with_its_reflections_and_comes_back_with_them(store: Store) -> None:
    session, reflection, insight = a_session_with_a_reflection_and_an_insight(store)
    assert store.deleted.insights_from(DeletedKind.SESSION, session.id) == 1

    store.deleted.move(DeletedKind.SESSION, session.id)
    assert store.sessions.list() == []
    assert store.reflections.list() == []  # its reflection went with it
    assert [each.text for each in store.insights.list()] == ["I can rest."]  # kept on the board
    (item,) = store.deleted.items()  # one row: the reflection is counted on it, not listed
    assert (item.kind, item.id, item.description) == (
        DeletedKind.SESSION,
        session.id,
        "To meet the fear gently.",
    )
    assert item.record == session
    assert (item.reflections_with_it, item.insights_with_it) == (1, 0)

    store.deleted.restore(DeletedKind.SESSION, session.id)
    assert [each.id for each in store.sessions.list()] == [session.id]
    assert [each.id for each in store.reflections.list(session.id)] == [reflection.id]
    assert store.insights.get(insight.id).text == "I can rest."
    assert store.deleted.items() == []


def test_a_session_can_take_its_insights_too(store: Store) -> None:
    session, reflection, insight = a_session_with_a_reflection_and_an_insight(store)
    store.deleted.move(DeletedKind.SESSION, session.id, with_insights=True)
    assert store.insights.list() == []
    (item,) = store.deleted.items()
    assert (item.reflections_with_it, item.insights_with_it) == (1, 1)
    store.deleted.restore(DeletedKind.SESSION, session.id)
    assert store.insights.get(insight.id).reflection_id == reflection.id


def test_a_reflection_moved_aside_before_its_session_stays_listed_apart(store: Store) -> None:
    session, reflection, _insight = a_session_with_a_reflection_and_an_insight(store)
    earlier = datetime.now(UTC) - timedelta(days=1)
    store.deleted.move(DeletedKind.REFLECTION, reflection.id, at=earlier)
    store.deleted.move(DeletedKind.SESSION, session.id)
    kinds = [(item.kind, item.reflections_with_it) for item in store.deleted.items()]
    assert kinds == [(DeletedKind.SESSION, 0), (DeletedKind.REFLECTION, 0)]
    store.deleted.restore(DeletedKind.SESSION, session.id)
    assert store.reflections.list() == []  # it was not moved with the session
    assert len(store.deleted.items()) == 1


def test_erasing_a_session_erases_what_went_with_it(store: Store) -> None:
    session, reflection, insight = a_session_with_a_reflection_and_an_insight(store)
    kept = store.insights.add("Another, from elsewhere.", session_id=None)
    store.deleted.move(DeletedKind.SESSION, session.id, with_insights=True)
    store.deleted.erase(DeletedKind.SESSION, session.id)
    assert store.deleted.items() == []
    for kind, item_id in (
        (DeletedKind.SESSION, session.id),
        (DeletedKind.REFLECTION, reflection.id),
        (DeletedKind.INSIGHT, insight.id),
    ):
        with pytest.raises(NotFoundError):
            store.deleted.restore(kind, item_id)
    assert [each.id for each in store.insights.list()] == [kept.id]


def test_a_reflection_can_take_its_insights_and_bring_them_back(store: Store) -> None:
    _session, reflection, insight = a_session_with_a_reflection_and_an_insight(store)
    other = store.insights.add("Not from it.")
    assert store.deleted.insights_from(DeletedKind.REFLECTION, reflection.id) == 1
    store.deleted.move(DeletedKind.REFLECTION, reflection.id, with_insights=True)
    assert [each.id for each in store.insights.list()] == [other.id]
    (item,) = store.deleted.items()
    assert (item.kind, item.description, item.insights_with_it) == (
        DeletedKind.REFLECTION,
        "Warmth.",
        1,
    )
    store.deleted.restore(DeletedKind.REFLECTION, reflection.id)
    assert {each.id for each in store.insights.list()} == {insight.id, other.id}


def test_a_finished_check_in_is_listed_restored_and_erased(store: Store) -> None:
    check_in = store.check_ins.start("gad7", 1)
    for number in range(1, 8):
        store.check_ins.save_answer(check_in.id, number, 1)
    finished = store.check_ins.complete(check_in.id)
    store.deleted.move(DeletedKind.CHECK_IN, check_in.id)
    assert store.check_ins.completed("gad7") == []
    (item,) = store.deleted.items()
    assert (item.kind, item.id, item.description, item.record) == (
        DeletedKind.CHECK_IN,
        check_in.id,
        "gad7",
        finished,
    )
    store.deleted.restore(DeletedKind.CHECK_IN, check_in.id)
    assert store.check_ins.completed("gad7") == [finished]
    store.deleted.move(DeletedKind.CHECK_IN, check_in.id)
    store.deleted.erase(DeletedKind.CHECK_IN, check_in.id)
    assert store.deleted.items() == []
    with pytest.raises(NotFoundError):
        store.check_ins.get(check_in.id)


def test_a_quick_rating_is_listed_restored_and_erased(store: Store) -> None:
    rating = store.check_ins.add_distress_rating(6, note="After the call.")
    store.deleted.move(DeletedKind.DISTRESS_RATING, rating.id)
    assert store.check_ins.distress_ratings() == []
    (item,) = store.deleted.items()
    assert (item.kind, item.description, item.record) == (
        DeletedKind.DISTRESS_RATING,
        "After the call.",
        rating,
    )
    store.deleted.restore(DeletedKind.DISTRESS_RATING, rating.id)
    assert store.check_ins.distress_ratings() == [rating]
    store.deleted.move(DeletedKind.DISTRESS_RATING, rating.id)
    store.deleted.erase(DeletedKind.DISTRESS_RATING, rating.id)
    assert store.deleted.items() == []
    with pytest.raises(NotFoundError):
        store.deleted.restore(DeletedKind.DISTRESS_RATING, rating.id)


def test_purge_erases_old_sessions_check_ins_and_ratings_but_not_drafts(store: Store) -> None:
    long_ago = datetime.now(UTC) - timedelta(days=31)
    session, reflection, _insight = a_session_with_a_reflection_and_an_insight(store)
    finished = store.check_ins.complete(store.check_ins.start("phq9", 1).id)
    draft = store.check_ins.start("gad7", 1)
    rating = store.check_ins.add_distress_rating(3)
    store.deleted.move(DeletedKind.SESSION, session.id, at=long_ago, with_insights=True)
    store.deleted.move(DeletedKind.CHECK_IN, finished.id, at=long_ago)
    store.deleted.move(DeletedKind.CHECK_IN, draft.id, at=long_ago)
    store.deleted.move(DeletedKind.DISTRESS_RATING, rating.id, at=long_ago)
    # The session, its reflection and insight, the check-in and the rating.
    assert store.deleted.purge() == 5
    assert store.deleted.items() == []
    with pytest.raises(NotFoundError):
        store.deleted.restore(DeletedKind.REFLECTION, reflection.id)
    store.deleted.restore(DeletedKind.CHECK_IN, draft.id)  # the draft is kept as always


def test_a_deleted_session_leaves_the_journal_trends_and_printout_until_restored(
    demo_profile: Profile,
) -> None:
    today = date.today()
    with Store.open(demo_profile.database_path) as store:
        session = next(
            s
            for s in store.sessions.list()
            if s.kind is SessionKind.DOSING and store.reflections.list(s.id)
        )
        reflection_ids = {r.id for r in store.reflections.list(session.id)}

        def shown() -> tuple[bool, bool, bool, bool]:
            series = distress_series(store)
            content = build_content(store, default_options(store, Period()), today)
            return (
                any(entry.reflection_id in reflection_ids for entry in store.journal.entries()),
                any(each.session_id == session.id for each in series.sessions),
                any(each.reflection_id in reflection_ids for each in series.reflections),
                any(line.session.id == session.id for line in content.sessions),
            )

        assert shown() == (True, True, True, True)
        store.deleted.move(DeletedKind.SESSION, session.id)
        assert session.id not in [s.id for s in store.sessions.list()]
        assert shown() == (False, False, False, False)
        store.deleted.restore(DeletedKind.SESSION, session.id)
        assert shown() == (True, True, True, True)
