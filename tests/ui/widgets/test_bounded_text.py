"""A writing area holds at most one entry's characters: a huge paste is cut before Qt takes
it (the window stays answering), typing into a full area adds nothing, and a quiet line says
so beside the area. The screens' writing areas are all this one."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kapcompanion.limits import MOST_CHARACTERS
from ui.widgets.bounded_text import BoundedTextEdit

FIFTY_MB = 50_000_000


def shown_editor(qtbot: QtBot, *, limit: int = MOST_CHARACTERS) -> BoundedTextEdit:
    editor = BoundedTextEdit(limit=limit, what="This answer")
    qtbot.addWidget(editor)
    qtbot.addWidget(editor.limit_note)
    editor.resize(700, 400)
    editor.show()
    editor.setFocus()
    return editor


def paste(editor: BoundedTextEdit, words: str) -> None:
    """Put `words` on the clipboard and paste them into `editor`."""
    clipboard = QApplication.clipboard()
    mime = QMimeData()
    mime.setText(words)
    clipboard.setMimeData(mime)
    editor.paste()


def test_a_50_mb_paste_keeps_what_fits_at_once_and_says_so(qtbot: QtBot) -> None:
    editor = shown_editor(qtbot)
    line = "I kept walking, and the path kept going, and I let it. Ünd so weiter.\n"
    words = line * (FIFTY_MB // len(line) + 1)
    paste(editor, words)
    assert editor.document().characterCount() - 1 == MOST_CHARACTERS
    assert editor.toPlainText() == words[:MOST_CHARACTERS]
    assert not editor.limit_note.isHidden()
    assert editor.limit_note.text() == (
        "This answer holds up to a million characters; the rest of what you pasted was not added."
    )


def test_a_paste_that_fits_is_whole_and_says_nothing(qtbot: QtBot) -> None:
    editor = shown_editor(qtbot, limit=40)
    paste(editor, "A small note.")
    assert editor.toPlainText() == "A small note."
    assert editor.limit_note.isHidden()


def test_a_paste_fills_only_the_room_left_and_replaces_the_selection(qtbot: QtBot) -> None:
    editor = shown_editor(qtbot, limit=20)
    editor.setPlainText("Hello there, friend")  # 19 characters
    editor.moveCursor(QTextCursor.MoveOperation.End)
    editor.moveCursor(QTextCursor.MoveOperation.PreviousWord, QTextCursor.MoveMode.KeepAnchor)
    paste(editor, "companions all")  # replaces "friend": room for 7
    assert editor.toPlainText() == "Hello there, compani"
    assert not editor.limit_note.isHidden()


def test_typing_into_a_full_area_adds_nothing_and_deleting_makes_room(qtbot: QtBot) -> None:
    editor = shown_editor(qtbot, limit=10)
    qtbot.keyClicks(editor, "abcdefghijkl")
    assert editor.toPlainText() == "abcdefghij"
    assert "it is full" in editor.limit_note.text()
    assert not editor.limit_note.isHidden()
    qtbot.keyClick(editor, "\b")  # Backspace
    assert editor.toPlainText() == "abcdefghi"
    assert editor.limit_note.isHidden()


def test_the_screens_long_writing_areas_are_bounded(qtbot: QtBot) -> None:
    from kapcompanion.data_files.prompt_sets import prompt_set_for
    from kapcompanion.domain import Answer, Phase
    from kapcompanion.ids import AnswerId, ReflectionId
    from ui.journal.detail import AnswerCard
    from ui.reflect.wizard import PromptPage
    from ui.sessions.form import SessionForm

    page = PromptPage(prompt_set_for(Phase.OPEN).prompts[0])
    answer = Answer(AnswerId(1), "u", ReflectionId(1), 1, "p", "Q?", "", False, datetime.now())
    card = AnswerCard(answer)
    form = SessionForm()
    for widget in (page, card, form):
        qtbot.addWidget(widget)
    editors = [page.editor, card.editor, form.intention_edit, form.notes_edit]
    editors.append(form.after_effects_notes_edit)
    for editor in editors:
        assert isinstance(editor, BoundedTextEdit)
        assert editor.limit == MOST_CHARACTERS
        assert editor.limit_note.parent() is not None  # placed beside its area
