"""The store: records round-trip, uuids stay put, and a failed change leaves nothing behind."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kapcompanion.domain import (
    CommitmentStatus,
    DeletedKind,
    NewSession,
    Phase,
    ReflectionStatus,
    SessionKind,
)
from kapcompanion.errors import DataConflictError, NotFoundError
from kapcompanion.profile import Profile
from kapcompanion.store import Store
from tests.raw_sql import connection_of

BERLIN_WINTER = timezone(timedelta(hours=1))


def a_session(**changes: object) -> NewSession:
    fields: dict[str, object] = {
        "held_at": datetime(2026, 10, 12, 10, 0, tzinfo=BERLIN_WINTER),
        "number_in_course": 1,
        "route": "intramuscular",
        "setting": "clinic, music, eye mask",
        "intention": "To meet the fear with kindness",
        "distress_before": 7,
        "distress_after": 4,
        "after_effects": ("nausea", "disorientation"),
        "notes": "Long quiet afterwards.",
    }
    fields.update(changes)
    return NewSession(**fields)  # type: ignore[arg-type]


def test_a_new_store_is_empty_but_knows_the_builtin_themes(store: Store) -> None:
    assert store.is_empty()
    keys = {theme.key for theme in store.themes.list()}
    assert {"safety", "grief", "self_compassion", "forgiveness", "identity"} <= keys


def test_session_round_trips_with_times_in_utc(store: Store) -> None:
    saved = store.sessions.add(a_session())
    again = store.sessions.get(saved.id)
    assert again == saved
    assert again.held_at == datetime(2026, 10, 12, 9, 0, tzinfo=UTC)
    assert again.after_effects == ("nausea", "disorientation")
    assert again.kind is SessionKind.DOSING
    assert not store.is_empty()


def test_uuid_and_creation_time_survive_an_edit(store: Store) -> None:
    saved = store.sessions.add(a_session())
    edited = store.sessions.update(saved.id, a_session(intention="Rest", distress_after=2))
    assert edited.uuid == saved.uuid
    assert edited.created_at == saved.created_at
    assert edited.intention == "Rest"
    assert edited.distress_after == 2


def test_every_record_gets_its_own_uuid(store: Store) -> None:
    uuids = {store.sessions.add(a_session(number_in_course=n)).uuid for n in range(1, 6)}
    assert len(uuids) == 5


def test_builtin_themes_have_the_same_uuid_in_every_profile(tmp_path) -> None:
    first, second = Profile(tmp_path / "a"), Profile(tmp_path / "b")
    for profile in (first, second):
        profile.ensure_exists()
    with Store.open(first.database_path) as one, Store.open(second.database_path) as two:
        assert {t.key: t.uuid for t in one.themes.list()} == {
            t.key: t.uuid for t in two.themes.list()
        }


def test_next_session_number_counts_dosing_sessions_only(store: Store) -> None:
    assert store.sessions.next_number() == 1
    store.sessions.add(a_session(number_in_course=1))
    store.sessions.add(a_session(number_in_course=None, kind=SessionKind.PREPARATION))
    assert store.sessions.next_number() == 2


def test_distress_outside_zero_to_ten_is_refused() -> None:
    with pytest.raises(ValueError, match="between 0 and 10"):
        a_session(distress_before=11)


def test_reflection_keeps_the_prompt_text_it_was_answered_with(store: Store) -> None:
    session = store.sessions.add(a_session())
    reflection = store.reflections.start(Phase.SAME_DAY, "same_day", 1, session_id=session.id)
    store.reflections.save_answer(
        reflection.id,
        position=0,
        prompt_id="what-happened",
        prompt_text="What stands out?",
        text="The music.",
    )
    store.reflections.save_answer(
        reflection.id, position=1, prompt_id="body", prompt_text="Your body?", text="", skipped=True
    )
    store.reflections.save_answer(
        reflection.id,
        position=0,
        prompt_id="what-happened",
        prompt_text="What stands out?",
        text="The music, and the quiet.",
    )
    loaded = store.reflections.get(reflection.id)
    assert [(a.prompt_id, a.prompt_text, a.text, a.skipped) for a in loaded.answers] == [
        ("what-happened", "What stands out?", "The music, and the quiet.", False),
        ("body", "Your body?", "", True),
    ]
    assert loaded.status is ReflectionStatus.DRAFT
    assert loaded.current_position == 0
    completed = store.reflections.complete(reflection.id)
    assert completed.status is ReflectionStatus.COMPLETE
    assert completed.completed_at is not None


def test_editing_an_answer_keeps_its_uuid(store: Store) -> None:
    reflection = store.reflections.start(Phase.OPEN, "open", 1)
    store.reflections.save_answer(
        reflection.id, position=0, prompt_id="p", prompt_text="?", text="one"
    )
    before = store.reflections.get(reflection.id).answers[0].uuid
    store.reflections.save_answer(
        reflection.id, position=0, prompt_id="p", prompt_text="?", text="two"
    )
    assert store.reflections.get(reflection.id).answers[0].uuid == before


@settings(max_examples=60, deadline=None)
@given(text=st.text(max_size=2000))
def test_any_unicode_text_comes_back_exactly(tmp_path_factory, text: str) -> None:
    folder = tmp_path_factory.mktemp("unicode")
    with Store.open(folder / "data.sqlite3") as store:
        reflection = store.reflections.start(Phase.OPEN, "open", 1)
        store.reflections.save_answer(
            reflection.id, position=0, prompt_id="p", prompt_text="?", text=text
        )
        assert store.reflections.get(reflection.id).answers[0].text == text
        if text.strip():
            assert store.insights.add(text).text == text.strip()


def test_a_very_long_answer_is_kept_whole(store: Store) -> None:
    reflection = store.reflections.start(Phase.OPEN, "open", 1)
    long_text = "Ich atme. مرحبا 🌿 " * 55_000  # about 1 MB, within the limit (kapcompanion.limits)
    store.reflections.save_answer(
        reflection.id, position=0, prompt_id="p", prompt_text="?", text=long_text
    )
    assert store.reflections.get(reflection.id).answers[0].text == long_text


def test_themes_link_to_reflections_and_insights_and_are_counted(store: Store) -> None:
    reflection = store.reflections.start(Phase.OPEN, "open", 1)
    store.themes.set_for_reflection(reflection.id, ["fear", "body", "fear"])
    insight = store.insights.add("Fear passes.", reflection_id=reflection.id)
    store.themes.set_for_insight(insight.id, ["fear"])
    assert store.themes.keys_for_reflection(reflection.id) == ["body", "fear"]
    counts = {theme.key: uses for theme, uses in store.themes.counts()}
    assert counts == {"fear": 2, "body": 1}


def test_an_unknown_theme_changes_nothing(store: Store) -> None:
    reflection = store.reflections.start(Phase.OPEN, "open", 1)
    store.themes.set_for_reflection(reflection.id, ["hope"])
    with pytest.raises(NotFoundError):
        store.themes.set_for_reflection(reflection.id, ["safety", "no-such-theme"])
    assert store.themes.keys_for_reflection(reflection.id) == ["hope"]


def test_a_transaction_that_fails_leaves_nothing_behind(store: Store) -> None:
    with pytest.raises(RuntimeError), store.transaction():
        session = store.sessions.add(a_session())
        store.reflections.start(Phase.SAME_DAY, "same_day", 1, session_id=session.id)
        raise RuntimeError("power cut")
    assert store.is_empty()
    assert store.sessions.list() == []


def test_a_constraint_failure_rolls_back_the_whole_group(store: Store) -> None:
    store.sessions.add(a_session())
    with pytest.raises(DataConflictError), store.transaction():
        store.check_ins.add_distress_rating(3)
        connection_of(store).execute("UPDATE sessions SET distress_after = 42")
    assert store.counts()["distress_ratings"] == 0
    assert store.sessions.list()[0].distress_after == 4


def test_insights_pinned_first_with_commitments(store: Store) -> None:
    older = store.insights.add("I can rest.", pinned=True, at=datetime(2026, 10, 1, tzinfo=UTC))
    store.insights.add("Anger is information.", at=datetime(2026, 10, 5, tzinfo=UTC))
    assert [i.text for i in store.insights.list()] == ["I can rest.", "Anger is information."]
    commitment = store.insights.add_commitment(
        older.id, "Lie down for ten minutes after work", CommitmentStatus.TRYING
    )
    assert store.insights.list_commitments() == [commitment]
    with pytest.raises(ValueError):
        store.insights.add("   ")


def test_settings_hold_any_json_value(store: Store) -> None:
    assert store.settings.get("reminders", default={"on": False}) == {"on": False}
    store.settings.set("reminders", {"on": True, "days": [1, 7]})
    store.settings.set("reminders", {"on": True, "days": [1, 7, 14]})
    assert store.settings.get("reminders") == {"on": True, "days": [1, 7, 14]}


def test_foreign_keys_are_enforced(store: Store) -> None:
    with pytest.raises(sqlite3.IntegrityError):
        connection_of(store).execute(
            "INSERT INTO answers (uuid, reflection_id, position, prompt_id, prompt_text, "
            "updated_at) VALUES ('x', 999, 0, 'p', '?', '2026-01-01T00:00:00+00:00')"
        )


def test_the_database_uses_wal_and_survives_reopening(profile: Profile) -> None:
    profile.ensure_exists()
    with Store.open(profile.database_path) as store:
        store.sessions.add(a_session())
        mode = connection_of(store).execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"
    with Store.open(profile.database_path) as store:
        assert len(store.sessions.list()) == 1


def test_store_accepts_an_already_open_connection(tmp_path) -> None:
    connection = sqlite3.connect(tmp_path / "handed-over.sqlite3")
    store = Store(connection)
    store.check_ins.add_distress_rating(5, note="after a long day")
    assert store.path == tmp_path / "handed-over.sqlite3"
    store.close()
    with Store.open(tmp_path / "handed-over.sqlite3") as reopened:
        assert reopened.counts()["distress_ratings"] == 1


def test_removing_a_session_for_good_keeps_the_writing_about_it(store: Store) -> None:
    session = store.sessions.add(a_session())
    reflection = store.reflections.start(Phase.SAME_DAY, "same_day", 1, session_id=session.id)
    store.reflections.save_answer(
        reflection.id, position=0, prompt_id="p", prompt_text="?", text="kept"
    )
    store.insights.add("Also kept.", reflection_id=reflection.id, session_id=session.id)
    connection_of(store).execute("DELETE FROM sessions WHERE id = ?", [session.id])
    kept = store.reflections.get(reflection.id)
    assert kept.session_id is None
    assert kept.answers[0].text == "kept"
    assert store.insights.list()[0].session_id is None


def test_a_paused_reflection_is_found_again_where_it_was_left(store: Store) -> None:
    session = store.sessions.add(a_session())
    draft = store.reflections.start(Phase.SAME_DAY, "same_day", 1, session_id=session.id)
    store.reflections.set_distress(draft.id, start=6)
    store.reflections.save_answer(
        draft.id, position=2, prompt_id="p3", prompt_text="?", text="half a tho"
    )
    store.reflections.set_position(draft.id, 3)
    [unfinished] = store.reflections.unfinished()
    assert unfinished.id == draft.id
    assert unfinished.current_position == 3
    assert unfinished.distress_start == 6
    assert store.reflections.get(draft.id).answers[0].text == "half a tho"


def test_finishing_a_reflection_stores_rating_insights_and_themes_together(store: Store) -> None:
    session = store.sessions.add(a_session())
    draft = store.reflections.start(Phase.SAME_DAY, "same_day", 1, session_id=session.id)
    store.reflections.set_distress(draft.id, start=7)
    finished = store.reflections.finish(
        draft.id,
        distress_end=4,
        insights=["Fear passes.", "  ", "I can rest."],
        theme_keys=["fear", "self_compassion"],
    )
    assert finished.status is ReflectionStatus.COMPLETE
    assert (finished.distress_start, finished.distress_end) == (7, 4)
    assert sorted(i.text for i in store.insights.list()) == ["Fear passes.", "I can rest."]
    assert all(i.session_id == session.id for i in store.insights.list())
    assert store.themes.keys_for_reflection(draft.id) == ["fear", "self_compassion"]
    assert store.reflections.unfinished() == []


def test_a_failed_finish_leaves_the_draft_as_it_was(store: Store) -> None:
    draft = store.reflections.start(Phase.OPEN, "open", 1)
    with pytest.raises(NotFoundError):
        store.reflections.finish(
            draft.id, distress_end=3, insights=["Kept?"], theme_keys=["no-such-theme"]
        )
    assert store.insights.list() == []
    assert store.reflections.get(draft.id).status is ReflectionStatus.DRAFT
    assert store.reflections.get(draft.id).distress_end is None


def test_a_discarded_draft_leaves_the_list_but_is_not_erased(store: Store) -> None:
    draft = store.reflections.start(Phase.OPEN, "open", 1)
    store.deleted.move(DeletedKind.REFLECTION, draft.id)
    assert store.reflections.unfinished() == []
    assert store.counts()["reflections"] == 1
    with pytest.raises(NotFoundError):
        store.reflections.get(draft.id)


def test_the_client_can_add_their_own_themes(store: Store) -> None:
    work = store.themes.add("  Work   stress ")
    music = store.themes.add("Música")
    assert (work.name, work.key, work.builtin) == ("Work stress", "own_work_stress", False)
    assert music.key == "own_musica"
    assert work.colour != music.colour
    with pytest.raises(ValueError, match="already a theme"):
        store.themes.add("work STRESS")
    with pytest.raises(ValueError):
        store.themes.add("   ")
    odd = store.themes.add("悲しみ")
    assert odd.key.startswith("own_theme")
    assert {"own_work_stress", "own_musica"} <= {t.key for t in store.themes.list()}


def test_the_course_begins_with_its_earliest_live_entry(store: Store) -> None:
    from datetime import UTC, datetime

    from kapcompanion.domain import NewSession, Phase

    assert store.first_moment() is None
    store.sessions.add(NewSession(held_at=datetime(2026, 3, 9, 10, tzinfo=UTC)))
    early = store.insights.add("Written before any session.", at=datetime(2026, 3, 1, tzinfo=UTC))
    store.reflections.start(Phase.OPEN, "open", 1, at=datetime(2026, 3, 5, tzinfo=UTC))
    assert store.first_moment() == datetime(2026, 3, 1, tzinfo=UTC)
    store.deleted.move(DeletedKind.INSIGHT, early.id)
    assert store.first_moment() == datetime(2026, 3, 5, tzinfo=UTC)
    check_in = store.check_ins.start("gad7", 1, at=datetime(2026, 2, 20, tzinfo=UTC))
    assert store.first_moment() == datetime(2026, 3, 5, tzinfo=UTC)  # not finished: not yet
    store.check_ins.complete(check_in.id, at=datetime(2026, 2, 21, tzinfo=UTC))
    assert store.first_moment() == datetime(2026, 2, 21, tzinfo=UTC)


def test_home_gets_the_quick_check_in_made_last_and_never_one_moved_away(store: Store) -> None:
    assert store.check_ins.latest_distress_rating() is None
    day = datetime(2026, 11, 20, 9, tzinfo=UTC)
    store.check_ins.add_distress_rating(5, at=day + timedelta(days=2))
    store.check_ins.add_distress_rating(3, at=day)  # written later, about an earlier moment
    latest = store.check_ins.add_distress_rating(7, note="late", at=day + timedelta(days=3))
    assert store.check_ins.latest_distress_rating() == latest
    store.deleted.move(DeletedKind.DISTRESS_RATING, latest.id)
    shown = store.check_ins.latest_distress_rating()
    assert shown is not None and shown.value == 5
