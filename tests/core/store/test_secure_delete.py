"""Deletion that deletes: after an erase (or an edit) and close, the words are in no file.

Real files throughout: a unique word is written, deleted, the store closed, and then every
byte of every file in the profile folder is searched for it, as it was typed, as the search
index folds it (lower case), and in UTF-16 in case.
"""

from __future__ import annotations

import sqlite3
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

from kapcompanion.domain import DeletedKind, NewSession, Phase
from kapcompanion.ids import InsightId, ReflectionId
from kapcompanion.profile import Profile
from kapcompanion.store import Store
from kapcompanion.store.backup import backup_database
from tests.raw_sql import connection_of


def unique_word() -> str:
    return "Zyxwvutsrq" + uuid.uuid4().hex[:10]


def files_holding(folder: Path, word: str) -> list[str]:
    """The files under `folder` (the database, its -wal and -shm, backups, …) that hold `word`
    in any of the forms SQLite might have written it."""
    forms = [
        spelled.encode(encoding)
        for spelled in (word, word.lower())
        for encoding in ("utf-8", "utf-16-le")
    ]
    return sorted(
        str(path.relative_to(folder))
        for path in folder.rglob("*")
        if path.is_file() and any(form in path.read_bytes() for form in forms)
    )


def write_some(store: Store, words: str, count: int = 30) -> None:
    """Other writing around the word, so the search index has more than one entry."""
    for number in range(count):
        reflection = store.reflections.start(Phase.OPEN, "open", 1)
        answer(store, reflection.id, f"Entry {number}: {words} river breath window {number}")


def answer(store: Store, reflection_id: ReflectionId, text: str) -> None:
    store.reflections.save_answer(
        reflection_id, position=0, prompt_id="p1", prompt_text="What came up?", text=text
    )


def reflection_and_insight_with(store: Store, word: str) -> tuple[ReflectionId, InsightId]:
    reflection = store.reflections.start(Phase.OPEN, "open", 1)
    answer(store, reflection.id, f"I said {word} out loud and my hands shook.")
    insight = store.insights.add(f"{word} is a name I can say now.", reflection_id=reflection.id)
    return reflection.id, insight.id


def test_secure_delete_is_on_for_the_store_connection(store: Store) -> None:
    assert connection_of(store).execute("PRAGMA secure_delete").fetchone()[0] == 1
    with Store.in_memory() as in_memory:
        assert connection_of(in_memory).execute("PRAGMA secure_delete").fetchone()[0] == 1


def test_erased_forever_the_words_are_in_no_file_of_the_profile(profile: Profile) -> None:
    word = unique_word()
    profile.ensure_exists()
    with Store.open(profile.database_path) as store:
        write_some(store, "before")
        reflection_id, insight_id = reflection_and_insight_with(store, word)
        write_some(store, "after")
    assert files_holding(profile.folder, word) == ["kap-companion.sqlite3"]  # the control

    with Store.open(profile.database_path) as store:
        store.deleted.move(DeletedKind.REFLECTION, reflection_id)
        store.deleted.move(DeletedKind.INSIGHT, insight_id)
        store.deleted.erase(DeletedKind.REFLECTION, reflection_id)
        store.deleted.erase(DeletedKind.INSIGHT, insight_id)
        # Already out of the database and its -wal while the app is still open.
        assert files_holding(profile.folder, word) == []
        assert store.journal.search(word) == []
        backup_database(profile.database_path, profile.backups_folder / "after-erase.sqlite3")
    assert files_holding(profile.folder, word) == []
    with Store.open(profile.database_path) as store:
        assert store.integrity_problems() == []
        assert len(store.journal.search("river")) == 60  # the rest still found


def test_purged_after_31_days_the_words_are_in_no_file(profile: Profile) -> None:
    word = unique_word()
    long_ago = datetime.now(UTC) - timedelta(days=31)
    profile.ensure_exists()
    with Store.open(profile.database_path) as store:
        write_some(store, "around")
        reflection_id, insight_id = reflection_and_insight_with(store, word)
        store.deleted.move(DeletedKind.REFLECTION, reflection_id, at=long_ago)
        store.deleted.move(DeletedKind.INSIGHT, insight_id, at=long_ago)
    assert files_holding(profile.folder, word) == ["kap-companion.sqlite3"]  # the control

    with Store.open(profile.database_path) as store:  # opening purges
        assert store.deleted.items() == []
    assert files_holding(profile.folder, word) == []


def test_purge_called_directly_also_scrubs(store: Store) -> None:
    word = unique_word()
    write_some(store, "around")
    reflection_id, insight_id = reflection_and_insight_with(store, word)
    store.deleted.move(DeletedKind.REFLECTION, reflection_id)
    store.deleted.move(DeletedKind.INSIGHT, insight_id)
    assert files_holding(store.path.parent, word) != []  # the control
    assert store.deleted.purge(older_than_days=0, now=datetime.now(UTC) + timedelta(1)) == 2
    assert files_holding(store.path.parent, word) == []


def test_words_an_edit_replaced_are_in_no_file_after_close(profile: Profile) -> None:
    word = unique_word()
    profile.ensure_exists()
    with Store.open(profile.database_path) as store:
        write_some(store, "around")
        reflection_id, insight_id = reflection_and_insight_with(store, word)
        session = store.sessions.add(
            NewSession(held_at=datetime.now(UTC), notes=f"The clinic smelled of {word}.")
        )
    assert files_holding(profile.folder, word) == ["kap-companion.sqlite3"]  # the control

    with Store.open(profile.database_path) as store:
        answer(store, reflection_id, "I said it out loud and my hands shook.")
        (only,) = store.reflections.get(reflection_id).answers
        store.reflections.update_answer(only.id, "I said it out loud; my hands shook.")
        store.insights.update(insight_id, text="It is a name I can say now.")
        store.sessions.update(
            session.id, NewSession(held_at=session.held_at, notes="The clinic smelled of tea.")
        )
    assert files_holding(profile.folder, word) == []


def test_a_plain_delete_would_leave_the_word_in_the_search_index(profile: Profile) -> None:
    """Why the store rewrites the index: deleting the row alone is not enough, even with
    secure_delete on and the -wal checkpointed."""
    word = unique_word()
    profile.ensure_exists()
    with Store.open(profile.database_path) as store:
        write_some(store, "around")
        reflection = store.reflections.start(Phase.OPEN, "open", 1)
        answer(store, reflection.id, f"I said {word} out loud.")
        write_some(store, "after")
    plain = sqlite3.connect(profile.database_path, isolation_level=None)
    try:
        plain.execute("PRAGMA secure_delete = ON")
        plain.execute("PRAGMA foreign_keys = ON")
        plain.execute("DELETE FROM reflections WHERE id = ?", [reflection.id])
        plain.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        plain.close()
    assert files_holding(profile.folder, word) == ["kap-companion.sqlite3"]


def test_an_erased_session_leaves_no_word_of_its_notes_in_any_file(profile: Profile) -> None:
    word = unique_word()
    reflection_word = unique_word()
    profile.ensure_exists()
    with Store.open(profile.database_path) as store:
        write_some(store, "before")
        session = store.sessions.add(
            NewSession(
                held_at=datetime.now(UTC),
                intention=f"To hold {word} lightly.",
                notes=f"The room smelled of {word}.",
            )
        )
        reflection = store.reflections.start(Phase.SAME_DAY, "same_day", 1, session_id=session.id)
        answer(store, reflection.id, f"I thought of {reflection_word} all afternoon.")
        write_some(store, "after")
    assert files_holding(profile.folder, word) == ["kap-companion.sqlite3"]  # the control

    with Store.open(profile.database_path) as store:
        store.deleted.move(DeletedKind.SESSION, session.id)
        assert store.journal.search(word) == []  # set aside: no longer found
        store.deleted.erase(DeletedKind.SESSION, session.id)
        assert files_holding(profile.folder, word) == []
    # Neither the session's words nor those of the reflection that went with it remain.
    assert files_holding(profile.folder, word) == []
    assert files_holding(profile.folder, reflection_word) == []
    with Store.open(profile.database_path) as store:
        assert store.integrity_problems() == []
        assert len(store.journal.search("river")) == 60
