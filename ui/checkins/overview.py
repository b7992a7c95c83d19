"""The check-ins overview: one card per questionnaire.

A card says what the questionnaire looks at in everyday words, the last result and how it
changed, when it is next suggested, how often the client wants it suggested, a way to take it
(or to continue a draft) and a short history. Cards are built once and updated in place, so a
refresh never takes the keyboard focus away from the client.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kapcompanion.data_files.questionnaires import Questionnaire
from kapcompanion.domain import CheckIn
from kapcompanion.wording.translation import fill
from ui.checkins.wording import (
    EVERY_DAYS_CHOICES,
    change_lines,
    every_days_text,
    latest_text,
    length_text,
    next_suggested_text,
    score_of,
    short_result,
    what_it_looks_at,
    when_words,
)
from ui.widgets.building_blocks import CARD_SIDE_PADDING, clear_layout, text
from ui.widgets.style import space
from ui.widgets.wording import day_of

HISTORY_SHOWN = 5


@dataclass(frozen=True)
class CardState:
    """What one card shows, read from the store by the view."""

    completed: list[CheckIn]  # oldest first
    draft: CheckIn | None
    every_days: int
    due_on: date | None  # None when the client chose never
    today: date


class QuestionnaireCard(QFrame):
    """One questionnaire on the overview. The signals carry its id (or a check-in's id)."""

    take_requested = Signal(str)
    start_again_requested = Signal(str)
    result_requested = Signal(int)
    every_days_chosen = Signal(str, int)

    def __init__(self, questionnaire: Questionnaire, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.questionnaire = questionnaire
        name = questionnaire.name
        layout = QVBoxLayout(self)
        layout.setContentsMargins(CARD_SIDE_PADDING, space(2), CARD_SIDE_PADDING, space(3))
        layout.setSpacing(space(1))
        layout.addWidget(text(name, "heading"))
        layout.addWidget(
            text(
                fill(
                    self.tr("%1 · %2"), what_it_looks_at(questionnaire), length_text(questionnaire)
                ),
                "muted",
            )
        )
        layout.addSpacing(space(1))
        self.last_result = text("", "reading")
        layout.addWidget(self.last_result)
        self.change = text("", "reading")
        layout.addWidget(self.change)
        self.next_suggested = text("", "muted")
        layout.addWidget(self.next_suggested)

        actions = QHBoxLayout()
        actions.setSpacing(space(1))
        actions.setContentsMargins(0, space(1), 0, 0)
        self.take_button = QPushButton(self.tr("Take it now"))
        self.take_button.clicked.connect(lambda: self.take_requested.emit(questionnaire.id))
        self.start_again_button = QPushButton(self.tr("Start again"))
        self.start_again_button.setAccessibleName(
            fill(self.tr("Start the %1 again, setting aside the answers so far"), name)
        )
        self.start_again_button.clicked.connect(
            lambda: self.start_again_requested.emit(questionnaire.id)
        )
        actions.addWidget(self.take_button)
        actions.addWidget(self.start_again_button)
        actions.addStretch(1)
        layout.addLayout(actions)

        often = QHBoxLayout()
        often.setSpacing(space(1))
        often_label = text(self.tr("How often to suggest it"), "muted", wrap=False)
        self.how_often = QComboBox()
        self.how_often.setAccessibleName(fill(self.tr("How often to suggest the %1"), name))
        for days in EVERY_DAYS_CHOICES:
            self.how_often.addItem(every_days_text(days), days)
        often_label.setBuddy(self.how_often)
        self.how_often.activated.connect(self._often_chosen)
        often.addWidget(often_label)
        often.addWidget(self.how_often)
        often.addStretch(1)
        layout.addLayout(often)

        layout.addSpacing(space(1))
        self.history_title = text(self.tr("History"), "muted")
        layout.addWidget(self.history_title)
        self.history = QVBoxLayout()
        self.history.setSpacing(space(1) // 2)
        layout.addLayout(self.history)
        self.history_buttons: list[QPushButton] = []

    def show_state(self, state: CardState) -> None:
        """Update every part of the card to `state`, keeping the widgets (and the focus)."""
        locale = QLocale()
        questionnaire = self.questionnaire
        name = questionnaire.name
        completed = state.completed
        if completed:
            last = completed[-1]
            assert last.completed_at is not None
            self.last_result.setText(latest_text(last, questionnaire, state.today, locale))
            lines = change_lines(
                score_of(last, questionnaire),
                completed[:-1],
                locale,
                last_time=self.tr("the time before"),
            )
            self.change.setText(lines[0] if lines else "")
        else:
            self.last_result.setText(
                self.tr("Your results will appear here, with how they change over time.")
            )
            self.change.setText("")
        self.change.setVisible(bool(self.change.text()))
        last_check_in = completed[-1] if completed else None
        if state.draft is not None:
            answered = len([n for n in state.draft.answers if n <= len(questionnaire.items)])
            self.next_suggested.setText(
                fill(
                    self.tr("You began one %1 and answered %2 of %3. Your answers are kept."),
                    when_words(state.draft.started_at, state.today, locale),
                    locale.toString(answered),
                    locale.toString(len(questionnaire.items)),
                )
            )
            self.take_button.setText(self.tr("Continue where you left off"))
            self.take_button.setAccessibleName(
                fill(self.tr("Continue the %1 where you left off"), name)
            )
        else:
            self.next_suggested.setText(
                next_suggested_text(last_check_in, state.due_on, state.today, locale)
            )
            self.take_button.setText(self.tr("Take it now"))
            self.take_button.setAccessibleName(fill(self.tr("Take the %1 now"), name))
        self.start_again_button.setVisible(state.draft is not None)
        self._show_how_often(state.every_days)
        self._show_history(completed, locale)

    def _show_how_often(self, days: int) -> None:
        index = self.how_often.findData(days)
        if index < 0:  # a choice made elsewhere, e.g. an imported profile
            self.how_often.addItem(every_days_text(days), days)
            index = self.how_often.count() - 1
        self.how_often.setCurrentIndex(index)

    def _often_chosen(self, index: int) -> None:
        days = self.how_often.itemData(index)
        if isinstance(days, int):
            self.every_days_chosen.emit(self.questionnaire.id, days)

    def _show_history(self, completed: list[CheckIn], locale: QLocale) -> None:
        clear_layout(self.history)
        self.history_buttons = []
        shown = list(reversed(completed))[:HISTORY_SHOWN]
        self.history_title.setVisible(bool(shown))
        for check_in in shown:
            assert check_in.completed_at is not None
            words = fill(
                self.tr("%1 · %2"),
                day_of(check_in.completed_at, locale),
                short_result(score_of(check_in, self.questionnaire), locale),
            )
            button = QPushButton(words)
            button.setObjectName("insightLink")
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.setAccessibleName(fill(self.tr("Open the result of %1"), words))
            button.clicked.connect(
                lambda _checked=False, chosen=int(check_in.id): self.result_requested.emit(chosen)
            )
            row = QHBoxLayout()
            row.addWidget(button)
            row.addStretch(1)
            self.history.addLayout(row)
            self.history_buttons.append(button)
        # Created after the rest of the card, so put them back in reading order for Tab.
        previous: QWidget = self.how_often
        for button in self.history_buttons:
            QWidget.setTabOrder(previous, button)
            previous = button
        hidden = len(completed) - len(shown)
        if hidden > 0:
            self.history.addWidget(
                text(fill(self.tr("and %1 earlier"), locale.toString(hidden)), "muted")
            )
