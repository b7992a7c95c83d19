"""One reflection in full: each prompt as the client saw it, their answer, distress and themes.

From here the client can choose to share the reflection with their therapist, change the words
of an answer (inline, with Save and Cancel), or move the reflection to "recently deleted". The
page never writes to the store: it says what the client asked for through its signals, and the
journal turns each request into an undoable command. Esc saves any open edit, then goes back.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kapcompanion.domain import Answer, Reflection
from kapcompanion.ids import AnswerId, ReflectionId
from kapcompanion.wording.translation import fill
from ui.journal.entry_page import EntryPage
from ui.journal.model import ThemeLook
from ui.journal.wrapped_text import wrapped_text
from ui.widgets.bounded_text import BoundedTextEdit
from ui.widgets.building_blocks import card, clear_layout, text, theme_chip
from ui.widgets.flow_layout import FlowLayout
from ui.widgets.focus import chain_tab_order
from ui.widgets.style import space
from ui.widgets.while_idle import do_while_idle
from ui.widgets.wording import reading_font, when_text

EDITOR_LINES = 6
CARDS_MADE_AHEAD = 8  # as many as the longest set of prompts; a longer reflection makes more


class AnswerCard(QFrame):
    """A prompt and its answer; Edit turns the answer into a text field with Save and Cancel."""

    save_requested = Signal(int, str, str)  # answer id, words before, words after

    def __init__(self, answer: Answer | None = None, parent: QWidget | None = None) -> None:
        """A card showing `answer`; without one, a card made ahead, to be filled later."""
        super().__init__(parent)
        self.setObjectName("card")
        self.answer_id = AnswerId(0)
        self.prompt_text = ""
        self._words = ""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(space(3), space(2), space(3), space(3))
        layout.setSpacing(space(1))
        self.prompt_label = wrapped_text("", "heading")
        layout.addWidget(self.prompt_label)
        self.words_label = wrapped_text("", "reading", selectable=True)
        layout.addWidget(self.words_label)

        self.editor = BoundedTextEdit(what=self.tr("This answer"))
        self.editor.setObjectName("writing")
        self.editor.setTabChangesFocus(True)
        self.editor.setFont(reading_font())
        self.editor.setMinimumHeight(self.editor.fontMetrics().lineSpacing() * EDITOR_LINES)
        self.editor.hide()
        layout.addWidget(self.editor)
        layout.addWidget(self.editor.limit_note)
        save = QShortcut(
            QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Return),
            self.editor,
            context=Qt.ShortcutContext.WidgetShortcut,
        )
        save.activated.connect(self.save)

        buttons = QHBoxLayout()
        buttons.setSpacing(space(1))
        self.edit_button = QPushButton(self.tr("Edit"))
        self.edit_button.clicked.connect(lambda: self.start_editing())
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Cancel, keep the answer as it was"))
        self.cancel_button.clicked.connect(self.cancel)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("primary")
        self.save_button.setAccessibleName(self.tr("Save this answer"))
        self.save_button.clicked.connect(self.save)
        self.note = text("", "muted")
        self.note.setAccessibleName(self.tr("What just happened to this answer"))
        self.note.hide()
        buttons.addWidget(self.note, 1)
        buttons.addStretch(0)
        for button in (self.edit_button, self.cancel_button, self.save_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        if answer is not None:
            self.show_answer(answer)

    def controls(self) -> list[QWidget]:
        """What Tab visits on this card, top to bottom."""
        shown_in_order = (
            self.words_label,
            self.editor,
            self.edit_button,
            self.cancel_button,
            self.save_button,
        )
        return [w for w in shown_in_order if w.focusPolicy() & Qt.FocusPolicy.TabFocus]

    def show_answer(self, answer: Answer) -> None:
        """Show `answer`, not being edited (a card is filled again for the next reflection
        rather than built anew: opening an entry stays quick)."""
        self.answer_id = answer.id
        self.prompt_text = answer.prompt_text
        self.prompt_label.setText(answer.prompt_text)
        for field in (self.words_label, self.editor):
            field.setAccessibleName(fill(self.tr("Your answer to: %1"), answer.prompt_text))
        self.edit_button.setAccessibleName(
            fill(self.tr("Edit your answer to: %1"), answer.prompt_text)
        )
        self.note.hide()
        self.show_words(answer.text)
        self._set_editing(False)

    def words(self) -> str:
        return self._words

    def show_words(self, words: str) -> None:
        """Show `words` as the saved answer (empty reads as skipped); an open edit stays open."""
        self._words = words
        written = bool(words.strip())
        self.words_label.setText(words if written else self.tr("You skipped this one."))
        role = "reading" if written else "muted"
        if self.words_label.objectName() == role:
            return  # restyling would only lay the words out again
        self.words_label.setObjectName(role)
        style = self.words_label.style()
        if style is not None:  # the role changed: let the stylesheet apply the new one
            style.unpolish(self.words_label)
            style.polish(self.words_label)

    def is_editing(self) -> bool:
        return self.editor.isVisibleTo(self)

    def has_changes(self) -> bool:
        return self.is_editing() and self.editor.toPlainText() != self._words

    def start_editing(self, words: str | None = None) -> None:
        """Open the answer for editing (with `words` instead of the saved ones, if given)."""
        self.editor.setPlainText(self._words if words is None else words)
        self._set_editing(True)
        cursor = self.editor.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        self.editor.setTextCursor(cursor)
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def cancel(self) -> None:
        self._set_editing(False)
        self.edit_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def save(self) -> None:
        """Ask for the new words to be saved (nothing is asked when nothing changed)."""
        if not self.is_editing():
            return
        after = self.editor.toPlainText()
        before = self._words
        self._set_editing(False)
        self.edit_button.setFocus(Qt.FocusReason.OtherFocusReason)
        if after != before:
            self.save_requested.emit(int(self.answer_id), before, after)

    def _set_editing(self, editing: bool) -> None:
        self.words_label.setVisible(not editing)
        self.editor.setVisible(editing)
        self.edit_button.setVisible(not editing)
        self.cancel_button.setVisible(editing)
        self.save_button.setVisible(editing)


class JournalDetail(EntryPage):
    """Shows one reflection; `show_reflection` fills it, the signals carry what was asked."""

    share_requested = Signal(int, bool)  # reflection id, share it
    answer_save_requested = Signal(int, int, str, str)  # reflection, answer, before, after
    delete_requested = Signal(int)  # reflection id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Move this reflection to recently deleted"), parent)
        self.setAccessibleName(self.tr("Reflection"))
        self._reflection: Reflection | None = None
        self.answer_cards: list[AnswerCard] = []
        self._spare_cards: list[AnswerCard] = []  # filled again for the next reflection

        self.share_box = QCheckBox(self.tr("Share with my therapist"))
        self.share_box.setAccessibleName(self.tr("Share this reflection with my therapist"))
        self.share_box.toggled.connect(self._share_toggled)
        self.status = text("", "muted")
        self.status.setAccessibleName(self.tr("What just happened"))
        # The first reflection opened would otherwise build and style its cards there and then.
        do_while_idle(
            self,
            [self._make_spare_card] * CARDS_MADE_AHEAD,
            keep_going=lambda: len(self._spare_cards) + len(self.answer_cards) < CARDS_MADE_AHEAD,
        )

    def _make_spare_card(self) -> None:
        answer_card = self._new_card()
        answer_card.setParent(self.body.parentWidget())
        answer_card.hide()
        answer_card.ensurePolished()
        self._spare_cards.append(answer_card)

    def reflection(self) -> Reflection | None:
        return self._reflection

    def reflection_id(self) -> ReflectionId | None:
        return None if self._reflection is None else self._reflection.id

    # Filling ---------------------------------------------------------------------------------

    def show_reflection(
        self,
        reflection: Reflection,
        *,
        title: str,
        subtitle: str,
        themes: Sequence[ThemeLook],
        insights: Sequence[str],
    ) -> None:
        """Fill the page with `reflection`; answers being edited stay open with their words."""
        same = self._reflection is not None and self._reflection.id == reflection.id
        still_editing = self.open_edits() if same else {}
        self._reflection = reflection
        self.header.set_words(title, subtitle)
        # The status line, the share box and the answer cards live on between fillings; take
        # them out first.
        for kept in (self.status, self.share_box):
            kept.setParent(None)
        for answer_card in self.answer_cards:
            self.body.removeWidget(answer_card)
            answer_card.hide()
        self._spare_cards[:0] = self.answer_cards
        clear_layout(self.body)
        self.answer_cards = []
        self.body.addWidget(self.status)
        self.status.setVisible(bool(self.status.text()) and same)
        self.body.addWidget(self._about_card(reflection, themes))
        for answer in reflection.answers:
            answer_card = self._answer_card(answer)
            self.answer_cards.append(answer_card)
            self.body.addWidget(answer_card)
            if answer.id in still_editing:
                answer_card.start_editing(still_editing[answer.id])
        if not reflection.answers:
            frame, layout = card()
            layout.addWidget(text(self.tr("There are no answers in this reflection."), "muted"))
            self.body.addWidget(frame)
        if insights:
            self.body.addWidget(self._insights_card(insights))
        self.body.addStretch(1)
        # Cards are reused from earlier fillings, so Tab's order is restated: the share box at
        # the top, then each answer's controls, top to bottom.
        answers = (control for card in self.answer_cards for control in card.controls())
        chain_tab_order([self.share_box, *answers])
        if not same and self.scroller is not None:
            self.scroller.verticalScrollBar().setValue(0)

    def _answer_card(self, answer: Answer) -> AnswerCard:
        if self._spare_cards:
            answer_card = self._spare_cards.pop(0)
            answer_card.show_answer(answer)
            answer_card.setVisible(True)
            return answer_card
        answer_card = self._new_card()
        answer_card.show_answer(answer)
        return answer_card

    def _new_card(self) -> AnswerCard:
        answer_card = AnswerCard()
        answer_card.save_requested.connect(self._answer_save_requested)
        return answer_card

    def _about_card(self, reflection: Reflection, themes: Sequence[ThemeLook]) -> QWidget:
        frame, layout = card()
        layout.setSpacing(space(2))
        locale = QLocale()
        self._detail(layout, self.tr("Written"), when_text(reflection.started_at, locale))
        self._detail(
            layout,
            self.tr("Distress at the start and at the end"),
            fill(
                self.tr("%1 at the start, %2 at the end"),
                self._rating(reflection.distress_start, locale),
                self._rating(reflection.distress_end, locale),
            ),
        )
        pair = QVBoxLayout()
        pair.setSpacing(space(1) // 2)
        pair.addWidget(wrapped_text(self.tr("Themes"), "muted"))
        if themes:
            holder = QWidget()
            chips = FlowLayout(holder, spacing=space(1))
            for look in themes:
                chips.addWidget(
                    theme_chip(look.name, look.colour) if look.colour else text(look.name)
                )
            pair.addWidget(holder)
        else:
            pair.addWidget(wrapped_text(self.tr("No themes chosen")))
        layout.addLayout(pair)
        self.share_box.blockSignals(True)
        self.share_box.setChecked(reflection.shareable)
        self.share_box.blockSignals(False)
        layout.addWidget(self.share_box)
        layout.addWidget(
            wrapped_text(
                self.tr("Only what you choose to share goes into the summary for your therapist."),
                "muted",
            )
        )
        return frame

    @staticmethod
    def _detail(layout: QVBoxLayout, label: str, value: str) -> None:
        pair = QVBoxLayout()
        pair.setSpacing(space(1) // 2)
        pair.addWidget(wrapped_text(label, "muted"))
        pair.addWidget(wrapped_text(value))
        layout.addLayout(pair)

    def _rating(self, value: int | None, locale: QLocale) -> str:
        if value is None:
            return self.tr("not rated")
        return fill(self.tr("%1 of 10"), locale.toString(value))

    def _insights_card(self, insights: Sequence[str]) -> QWidget:
        frame, layout = card(self.tr("What you carried forward"))
        for insight in insights:
            line = wrapped_text(insight, "reading", selectable=True)
            line.setAccessibleName(insight)
            layout.addWidget(line)
        return frame

    # Changes shown in place ------------------------------------------------------------------

    def show_answer(self, answer_id: AnswerId, words: str) -> None:
        """Show the saved words of one answer (after an edit, an undo or a redo)."""
        for answer_card in self.answer_cards:
            if answer_card.answer_id == answer_id:
                answer_card.show_words(words)

    def show_shareable(self, shareable: bool) -> None:
        self.share_box.blockSignals(True)
        self.share_box.setChecked(shareable)
        self.share_box.blockSignals(False)

    def say(self, words: str, answer_id: AnswerId | None = None) -> None:
        """A quiet line about what just happened (empty: nothing): beside the answer it is
        about, if any, so it shows where the client is looking; otherwise at the top."""
        beside = next((c for c in self.answer_cards if c.answer_id == answer_id), None)
        for answer_card in self.answer_cards:
            answer_card.note.setText(words if answer_card is beside else "")
            answer_card.note.setVisible(bool(words) and answer_card is beside)
        at_top = "" if beside is not None else words
        self.status.setText(at_top)
        self.status.setVisible(bool(at_top))

    # Editing ---------------------------------------------------------------------------------

    def open_edits(self) -> dict[AnswerId, str]:
        """The words in each answer being edited right now."""
        return {c.answer_id: c.editor.toPlainText() for c in self.answer_cards if c.is_editing()}

    def has_unsaved_edits(self) -> bool:
        return any(answer_card.has_changes() for answer_card in self.answer_cards)

    def save_open_edits(self) -> None:
        for answer_card in self.answer_cards:
            if answer_card.is_editing():
                answer_card.save()

    def leave(self) -> None:
        """Save what is being edited, then go back (Esc does the same)."""
        self.save_open_edits()
        super().leave()

    def _answer_save_requested(self, answer_id: int, before: str, after: str) -> None:
        if self._reflection is not None:
            self.answer_save_requested.emit(int(self._reflection.id), answer_id, before, after)

    def _share_toggled(self, checked: bool) -> None:
        if self._reflection is not None:
            self.share_requested.emit(int(self._reflection.id), checked)

    def _delete(self) -> None:
        if self._reflection is not None:
            self.save_open_edits()
            self.delete_requested.emit(int(self._reflection.id))
