"""When the database refuses a save (disk full, another program holding the file), the words
stay on the screen, a calm note says why, and the save is tried again until it works.

Real SQLite files are made to refuse for real: a size limit (`PRAGMA max_page_count`) stands in
for a full disk, a second connection holding the write lock for a busy file, and a trigger
refuses one write to show that finishing is all or nothing.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kapcompanion.data_files.prompt_sets import prompt_set_for
from kapcompanion.domain import Phase, ReflectionStatus
from kapcompanion.errors import DiskIOError
from kapcompanion.ids import ReflectionId
from kapcompanion.profile import Profile
from kapcompanion.store import Store
from tests.raw_sql import connection_of
from tests.ui.conftest import WindowFactory
from tests.ui.helpers import answer_next_dialog, begin_reflection
from ui.reflect.wizard import ReflectionWizard, draft_insights_key
from ui.widgets.autosave import RETRY_MS, SaveNotice

WORDS = "The room was warm and I could breathe. " * 400  # more than the free pages hold


@pytest.fixture
def quick_store(tmp_path: Path) -> Iterator[Store]:
    """A store that gives up on a locked file at once, instead of after five seconds."""
    with Store.open(tmp_path / "profile.sqlite3", busy_timeout=0.05) as opened:
        yield opened


def open_wizard(qtbot: QtBot, store: Store) -> ReflectionWizard:
    prompts = prompt_set_for(Phase.OPEN)
    reflection = store.reflections.start(Phase.OPEN, prompts.id, prompts.version)
    wizard = ReflectionWizard(store, reflection.id)
    qtbot.addWidget(wizard)
    wizard.resize(900, 700)
    wizard.show()
    wizard.go_to(1, save=False)  # the first question
    return wizard


def saved_text(store: Store, reflection_id: ReflectionId) -> str:
    return "".join(answer.text for answer in store.reflections.get(reflection_id).answers)


def fill_the_disk(store: Store) -> None:
    connection = connection_of(store)
    pages = connection.execute("PRAGMA page_count").fetchone()[0]
    connection.execute(f"PRAGMA max_page_count = {pages}")


def make_room(store: Store) -> None:
    connection_of(store).execute("PRAGMA max_page_count = 1073741823")


def test_a_full_disk_keeps_every_word_says_why_and_saves_once_there_is_room(
    qtbot: QtBot, quick_store: Store
) -> None:
    wizard = open_wizard(qtbot, quick_store)
    fill_the_disk(quick_store)
    wizard.prompt_pages[0].editor.setPlainText(WORDS)

    assert wizard.save_now() is False
    assert wizard.save_notice.isVisible()
    assert wizard.save_notice.title.text() == "Your disk is full"
    assert wizard.save_notice.explanation.text().startswith(
        "What you typed is still here and will be saved as soon as there is room."
    )
    notice = f"{wizard.save_notice.title.text()} {wizard.save_notice.explanation.text()}"
    assert "Traceback" not in notice and "SQLITE" not in notice
    assert wizard.prompt_pages[0].editor.toPlainText() == WORDS
    assert saved_text(quick_store, wizard.reflection_id) == ""
    assert wizard.autosave.failing  # a retry is waiting

    make_room(quick_store)
    qtbot.waitUntil(lambda: not wizard.save_notice.isVisible(), timeout=RETRY_MS + 3000)
    assert saved_text(quick_store, wizard.reflection_id) == WORDS
    assert not wizard.autosave.failing


def test_words_typed_while_the_disk_is_full_all_land_once_there_is_room(
    qtbot: QtBot, quick_store: Store
) -> None:
    """Typing goes on while the disk is full: autosave fails, says so, keeps retrying by
    itself, and every word lands when room comes back, with no one pressing anything."""
    wizard = open_wizard(qtbot, quick_store)
    editor = wizard.prompt_pages[0].editor
    editor.setFocus()
    fill_the_disk(quick_store)
    editor.setPlainText(WORDS)
    qtbot.waitUntil(lambda: wizard.save_notice.isVisible(), timeout=RETRY_MS)
    assert "Your disk is full" in wizard.save_notice.title.text()
    editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(editor, " And then I rested.")
    assert wizard.autosave.failing or wizard.save_notice.isVisible()
    assert saved_text(quick_store, wizard.reflection_id) == ""

    make_room(quick_store)
    qtbot.waitUntil(
        lambda: saved_text(quick_store, wizard.reflection_id) == WORDS + " And then I rested.",
        timeout=RETRY_MS + 3000,
    )
    qtbot.waitUntil(lambda: not wizard.save_notice.isVisible())
    assert editor.toPlainText() == WORDS + " And then I rested."


def test_a_disk_that_does_not_answer_is_named_plainly(qtbot: QtBot, tmp_path: Path) -> None:
    notice = SaveNotice()
    qtbot.addWidget(notice)
    notice.show_error(DiskIOError(tmp_path / "kap-companion.sqlite3", "disk I/O error"))
    words = f"{notice.title.text()} {notice.explanation.text()}"
    assert "What you typed is still here and will be saved as soon as the disk answers" in words
    assert "I/O" not in words and "SQLITE" not in words


def test_a_file_another_program_holds_is_retried_without_a_dialog(
    qtbot: QtBot, quick_store: Store
) -> None:
    wizard = open_wizard(qtbot, quick_store)
    other = sqlite3.connect(quick_store.path, isolation_level=None)
    try:
        other.execute("BEGIN EXCLUSIVE")
        wizard.prompt_pages[0].editor.setPlainText("Still here.")
        assert wizard.save_now() is False
        assert QApplication.activeModalWidget() is None  # writing is never interrupted
        assert "busy just now" in wizard.save_notice.title.text()
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert wizard.save_now() is True
    assert not wizard.save_notice.isVisible()
    assert saved_text(quick_store, wizard.reflection_id) == "Still here."


def test_pausing_while_the_disk_is_full_keeps_the_writing_open(
    qtbot: QtBot, quick_store: Store
) -> None:
    wizard = open_wizard(qtbot, quick_store)
    fill_the_disk(quick_store)
    wizard.prompt_pages[0].editor.setPlainText(WORDS)
    with qtbot.assertNotEmitted(wizard.paused):
        wizard.pause()
    assert wizard.isVisible() and wizard.save_notice.isVisible()
    make_room(quick_store)
    with qtbot.waitSignal(wizard.paused):
        wizard.pause()
    assert saved_text(quick_store, wizard.reflection_id) == WORDS


def test_finishing_is_all_or_nothing_so_still_a_draft_is_true(
    qtbot: QtBot, quick_store: Store
) -> None:
    wizard = open_wizard(qtbot, quick_store)
    wizard.prompt_pages[0].editor.setPlainText("A slow morning.")
    wizard.insight_fields[0].setText("Rest is allowed.")
    assert wizard.save_now()
    # The last part of finishing (clearing the draft insights) is refused by the database.
    connection_of(quick_store).execute(
        "CREATE TRIGGER refuse_clearing BEFORE DELETE ON settings "
        "BEGIN SELECT RAISE(ABORT, 'refused for the test'); END"
    )
    seen: list[tuple[str, str]] = []
    answer_next_dialog(seen)
    with qtbot.assertNotEmitted(wizard.data_changed):
        wizard.finish()
    assert seen and seen[0][0] == "This reflection could not be finished yet"
    assert "still saved as a draft" in seen[0][1]
    reflection = quick_store.reflections.get(wizard.reflection_id)
    assert reflection.status is ReflectionStatus.DRAFT  # what the message says is true
    assert quick_store.insights.list() == []
    kept = quick_store.settings.get(draft_insights_key(reflection.uuid))
    assert kept[0] == "Rest is allowed."

    connection_of(quick_store).execute("DROP TRIGGER refuse_clearing")
    wizard.finish()
    assert quick_store.reflections.get(wizard.reflection_id).status is ReflectionStatus.COMPLETE
    assert [insight.text for insight in quick_store.insights.list()] == ["Rest is allowed."]
    assert quick_store.settings.get(draft_insights_key(reflection.uuid)) is None


def test_closing_the_window_with_unsaved_words_asks_and_keeping_it_open_is_the_default(
    open_window: WindowFactory, profile: Profile, qtbot: QtBot
) -> None:
    window = open_window(profile)
    wizard = begin_reflection(window, qtbot)
    assert window.store is not None
    wizard.go_to(1, save=False)
    fill_the_disk(window.store)
    wizard.prompt_pages[0].editor.setPlainText(WORDS)

    seen: list[tuple[str, str]] = []
    answer_next_dialog(seen, choose="Keep KAP Companion open")
    window.close()
    assert seen and seen[0][0] == "Your latest words are not saved yet"
    assert window.isVisible()
    assert wizard.prompt_pages[0].editor.toPlainText() == WORDS

    make_room(window.store)
    window.close()
    assert not window.isVisible()
    assert saved_text(window.store, wizard.reflection_id) == WORDS
