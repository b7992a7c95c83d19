"""Taking one questionnaire: a short introduction, then one question per page.

Number keys choose an answer and Enter goes on (Ctrl+Enter too); Back, "Skip this one" and
"Save and finish later" are always there, and Esc pauses. Every answer is written to the draft
the moment it is chosen, so a crash or a closed window loses nothing; the check-in only counts
once the client finishes it. The draft is made with the first answer, so merely opening a
questionnaire leaves nothing behind. PHQ-9 item 9 above 0 calmly shows the way to the safety
plan, in the flow, without stopping it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kapcompanion.data_files.questionnaires import Questionnaire, score
from kapcompanion.domain import DeletedKind
from kapcompanion.errors import KapError
from kapcompanion.ids import CheckInId
from kapcompanion.wording.translation import fill
from ui.changes import DataKind
from ui.checkins.options_page import OptionsPage
from ui.checkins.safety import SafetyNote
from ui.checkins.wording import length_text, number_list
from ui.widgets.building_blocks import calm_scroll_area, centred_column, step_shortcuts, text
from ui.widgets.error_messages import show_error
from ui.widgets.step_flow import step_buttons, step_header
from ui.widgets.style import space

if TYPE_CHECKING:
    from kapcompanion.domain import CheckIn
    from kapcompanion.store import Store


class CheckInFlow(QWidget):
    """Guides one questionnaire from its instructions to "Finish". Resumes a draft if given."""

    finished = Signal(int)  # the check-in's id, once it is complete
    paused = Signal()  # the answers are kept; the client may come back to them
    safety_plan_requested = Signal()
    data_changed = Signal(str)  # a DataKind

    def __init__(
        self,
        store: Store,
        questionnaire: Questionnaire,
        draft: CheckIn | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAccessibleName(fill(self.tr("Questionnaire: %1"), questionnaire.name))
        self._store = store
        self.questionnaire = questionnaire
        self.check_in_id: CheckInId | None = draft.id if draft is not None else None
        # Only answers that fit this version of the questionnaire are shown and scored.
        values = {option.value for option in questionnaire.options}
        numbers = {item.number for item in questionnaire.items}
        self.answers: dict[int, int] = {
            number: value
            for number, value in (draft.answers.items() if draft is not None else ())
            if number in numbers and value in values
        }
        extra = draft.extra_answer if draft is not None else None
        extra_values = {option.value for option in questionnaire.extra_options}
        self.extra_answer: int | None = extra if extra in extra_values else None

        # One centred column, about 70 characters of writing wide, whatever the window size.
        column_widget = QWidget()
        centred_column(column_widget, self, side_padding=space(4)).setContentsMargins(0, 0, 0, 0)
        column = QVBoxLayout(column_widget)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self._build_header())
        self.steps = QStackedWidget()
        column.addWidget(self.steps, 1)
        column.addWidget(self._build_navigation())

        self.intro_page = self._build_intro()
        self.steps.addWidget(self.intro_page)
        self.item_pages: list[OptionsPage] = []
        self.safety_notes: dict[int, SafetyNote] = {}
        for item in questionnaire.items:
            page = OptionsPage(questionnaire.instructions, item.text, questionnaire.options)
            page.set_value(self.answers.get(item.number))
            page.chosen.connect(lambda value, number=item.number: self._answered(number, value))
            if item.safety_flag_above is not None:
                note = SafetyNote(in_flow=True)
                note.safety_plan_requested.connect(self.safety_plan_requested)
                note.continue_requested.connect(self.next)
                page.add_below(note)
                self.safety_notes[item.number] = note
            self.item_pages.append(page)
            self.steps.addWidget(page)
        self.extra_page: OptionsPage | None = None
        if questionnaire.extra_question:
            self.extra_page = OptionsPage(
                "",
                questionnaire.extra_question,
                questionnaire.extra_options,
                note=self.tr("This question is not part of the score."),
            )
            self.extra_page.set_value(self.extra_answer)
            self.extra_page.chosen.connect(self._extra_answered)
            self.steps.addWidget(self.extra_page)
        self.review_page, self.review_words, self.go_to_missing_button = self._build_review()
        self.steps.addWidget(self.review_page)
        self._show_safety_notes()
        self._shortcuts()
        self.go_to(self._resume_position())

    # Building ------------------------------------------------------------------------------

    def _build_header(self) -> QWidget:
        header, self.progress = step_header(
            self.questionnaire.title, self.tr("Where you are in this questionnaire")
        )
        return header

    def _build_navigation(self) -> QWidget:
        buttons = step_buttons(
            pause=(self.tr("Save and finish later"), self.tr("Save your answers and finish later")),
            back=(self.tr("Back"), self.tr("Back to the previous question")),
            skip=(self.tr("Skip this one"), self.tr("Skip this question")),
            next_=(self.tr("Next"), self.tr("Next")),
        )
        self.pause_button, self.back_button = buttons.pause, buttons.back
        self.skip_button, self.next_button = buttons.skip, buttons.next
        buttons.connect_to(self)
        self._step_buttons = buttons
        return buttons.bar

    def _build_intro(self) -> QWidget:
        content = QWidget()
        content.setObjectName("page")
        layout = QVBoxLayout(content)
        layout.setContentsMargins(space(4), space(2), space(4), space(2))
        layout.setSpacing(space(2))
        layout.addWidget(text(self.questionnaire.instructions, "reading"))
        layout.addWidget(
            text(
                fill(
                    self.tr(
                        "%1, one at a time. There are no right or wrong answers. You can skip "
                        "any question, go back, or save and finish later: each answer is kept "
                        "as soon as you choose it."
                    ),
                    length_text(self.questionnaire),
                ),
                "muted",
            )
        )
        highest = max(option.value for option in self.questionnaire.options)
        layout.addWidget(
            text(
                fill(
                    self.tr(
                        "On each page, the number keys 0 to %1 choose an answer and Enter goes "
                        "on. Esc saves and steps away."
                    ),
                    highest,
                ),
                "muted",
            )
        )
        layout.addStretch(1)
        return calm_scroll_area(content)

    def _build_review(self) -> tuple[QWidget, QLabel, QPushButton]:
        content = QWidget()
        content.setObjectName("page")
        layout = QVBoxLayout(content)
        layout.setContentsMargins(space(4), space(2), space(4), space(2))
        layout.setSpacing(space(2))
        layout.addWidget(text(self.tr("Before you finish"), "heading"))
        words = text("", "reading")
        layout.addWidget(words)
        go_to_missing = QPushButton()
        go_to_missing.clicked.connect(self._go_to_first_missing)
        row = QHBoxLayout()
        row.addWidget(go_to_missing)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)
        return calm_scroll_area(content), words, go_to_missing

    def _shortcuts(self) -> None:
        step_shortcuts(self, self.next, self.pause)

    # Where the client is -------------------------------------------------------------------

    @property
    def position(self) -> int:
        return self.steps.currentIndex()

    @property
    def _last_question_position(self) -> int:
        return self.steps.indexOf(self.extra_page or self.item_pages[-1])

    def current_options_page(self) -> OptionsPage | None:
        """The question page shown now, if a question is shown."""
        current = self.steps.currentWidget()
        return current if isinstance(current, OptionsPage) else None

    def missing(self) -> tuple[int, ...]:
        return tuple(
            item.number for item in self.questionnaire.items if item.number not in self.answers
        )

    def _resume_position(self) -> int:
        """Where to pick up: the first unanswered question once something is answered."""
        if not self.answers and self.extra_answer is None:
            return 0
        missing = self.missing()
        if missing:
            return missing[0]
        if self.extra_page is not None and self.extra_answer is None:
            return self.steps.indexOf(self.extra_page)
        return self._last_question_position

    def go_to(self, position: int) -> None:
        if self.steps.widget(position) is self.review_page:
            self._fill_review()
        self.steps.setCurrentIndex(position)
        self._step_buttons.follow(self.steps.currentWidget())
        self._update_navigation()
        self._focus_current()

    def _focus_current(self) -> None:
        page = self.current_options_page()
        if page is not None:
            page.focus_answer()
        elif self.steps.currentWidget() is self.review_page and self.missing():
            self.go_to_missing_button.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.next_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _update_navigation(self) -> None:
        position = self.position
        locale = QLocale()
        page = self.current_options_page()
        current = self.steps.currentWidget()
        if position == 0:
            progress = self.tr("Before you begin")
        elif page is not None and page in self.item_pages:
            progress = fill(
                self.tr("%1 of %2"),
                locale.toString(position),
                locale.toString(len(self.item_pages)),
            )
        elif page is not None:
            progress = self.tr("One more question")
        else:
            progress = self.tr("Almost done")
        self.progress.setText(progress)
        self.back_button.setEnabled(position > 0)
        self.skip_button.setVisible(page is not None)
        finishing = position == self._last_question_position and not self.missing()
        if position == 0:
            self.next_button.setText(self.tr("Begin"))
            self.next_button.setAccessibleName(self.tr("Begin the questions"))
            self.next_button.setEnabled(True)
        elif current is self.review_page:
            self.next_button.setText(self.tr("Finish"))
            self.next_button.setAccessibleName(self.tr("Finish and see your result"))
            self.next_button.setEnabled(bool(self.answers))
        elif finishing:
            self.next_button.setText(self.tr("Finish"))
            self.next_button.setAccessibleName(self.tr("Finish and see your result"))
            self.next_button.setEnabled(page is not None and page.value() is not None)
        else:
            self.next_button.setText(self.tr("Next"))
            self.next_button.setAccessibleName(self.tr("Next question"))
            self.next_button.setEnabled(page is None or page.value() is not None)

    # Moving --------------------------------------------------------------------------------

    def next(self) -> None:
        """Go on: from the introduction, from an answered question, or finish at the end."""
        if not self.next_button.isEnabled():
            return  # nothing chosen yet; "Skip this one" is the way past a question
        if self.steps.currentWidget() is self.review_page:
            self.finish()
        else:
            self._advance()

    def back(self) -> None:
        if self.position > 0:
            self.go_to(self.position - 1)

    def skip(self) -> None:
        """Leave this question unanswered (taking back an answer chosen) and go on."""
        page = self.current_options_page()
        if page is None:
            return
        if page is self.extra_page:
            if self.extra_answer is not None:
                self._extra_answered(None)
        else:
            number = self.position
            if number in self.answers:
                self._answered(number, None)
        page.set_value(None)
        self._advance()

    def _advance(self) -> None:
        if self.position < self._last_question_position:
            self.go_to(self.position + 1)
        elif self.missing():
            self.go_to(self.steps.indexOf(self.review_page))
        else:
            self.finish()

    def _go_to_first_missing(self) -> None:
        missing = self.missing()
        if missing:
            self.go_to(missing[0])

    def _fill_review(self) -> None:
        missing = self.missing()
        locale = QLocale()
        if not self.answers:
            self.review_words.setText(
                self.tr(
                    "None of the questions has an answer yet, so there is nothing to finish. "
                    "You can go back to them now, or come back another time."
                )
            )
        elif len(missing) == 1:
            self.review_words.setText(
                fill(
                    self.tr(
                        "Item %1 has no answer. You can go back to it if you like. Without it "
                        "there is no total this time; the answers you gave are kept."
                    ),
                    locale.toString(missing[0]),
                )
            )
        else:
            self.review_words.setText(
                fill(
                    self.tr(
                        "Items %1 have no answer. You can go back to them if you like. Without "
                        "them there is no total this time; the answers you gave are kept."
                    ),
                    number_list(missing, locale),
                )
            )
        first = locale.toString(missing[0]) if missing else ""
        self.go_to_missing_button.setText(fill(self.tr("Go to item %1"), first))
        self.go_to_missing_button.setAccessibleName(
            fill(self.tr("Go to item %1, the first without an answer"), first)
        )
        self.go_to_missing_button.setVisible(bool(missing))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Number keys choose an answer; Enter goes on (or presses the focused button)."""
        key = event.key()
        plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        page = self.current_options_page()
        digit = Qt.Key.Key_0.value <= key <= Qt.Key.Key_9.value
        if plain and digit and page is not None and page.choose(key - Qt.Key.Key_0.value):
            event.accept()
            return
        if plain and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            focused = QApplication.focusWidget()
            if isinstance(focused, QPushButton) and self.isAncestorOf(focused):
                focused.click()
            else:
                self.next()
            event.accept()
            return
        super().keyPressEvent(event)

    # Answers -------------------------------------------------------------------------------

    def _draft_id(self) -> CheckInId:
        if self.check_in_id is None:
            started = self._store.check_ins.start(self.questionnaire.id, self.questionnaire.version)
            self.check_in_id = started.id
        return self.check_in_id

    def _answered(self, number: int, value: int | None) -> None:
        if value is None:
            self.answers.pop(number, None)
        else:
            self.answers[number] = value
        try:
            if value is not None or self.check_in_id is not None:
                self._store.check_ins.save_answer(self._draft_id(), number, value)
        except KapError as error:
            show_error(self, error)
        self._show_safety_notes()
        self._update_navigation()

    def _extra_answered(self, value: int | None) -> None:
        self.extra_answer = value
        try:
            if value is not None or self.check_in_id is not None:
                self._store.check_ins.set_extra_answer(self._draft_id(), value)
        except KapError as error:
            show_error(self, error)
        self._update_navigation()

    def _show_safety_notes(self) -> None:
        """Show the note under each item answered above its safety threshold (PHQ-9 item 9)."""
        flagged = set(score(self.questionnaire, self.answers).safety_flags)
        for number, note in self.safety_notes.items():
            appearing = number in flagged and note.isHidden()
            note.setVisible(number in flagged)
            if appearing:
                self.item_pages[number - 1].bring_into_view(note)

    def pause(self) -> None:
        """Step away; the answers chosen so far wait as a draft (an empty one is not kept)."""
        try:
            if self.check_in_id is not None and not self.answers and self.extra_answer is None:
                self._store.deleted.move(DeletedKind.CHECK_IN, self.check_in_id)
                self.check_in_id = None
        except KapError as error:
            show_error(self, error)
        if self.check_in_id is not None:
            self.data_changed.emit(DataKind.CHECK_INS)
        self.paused.emit()

    def finish(self) -> None:
        """Count the check-in: it is complete, scored as it stands (never filling gaps)."""
        if not self.answers:
            return
        try:
            self._store.check_ins.complete(self._draft_id())
        except KapError as error:
            show_error(self, error)
            return
        self.data_changed.emit(DataKind.CHECK_INS)
        assert self.check_in_id is not None
        self.finished.emit(int(self.check_in_id))
