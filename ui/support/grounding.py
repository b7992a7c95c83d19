"""The 5-4-3-2-1 grounding exercise: one sense per step, at the client's own pace.

Never timed. Each step has a small optional field for jotting things down; what is typed there
stays on the screen only and is never saved. Enter moves on, Back goes back, and the end is a
kind closing line with a way to start again.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kapcompanion.wording.translation import fill
from ui.widgets.building_blocks import text
from ui.widgets.style import space

NOTE_MAX_LENGTH = 500


@dataclass(frozen=True)
class SenseStep:
    invitation: str
    hint: str
    field_name: str


class GroundingStep(QWidget):
    """One sense: the invitation, a gentle hint and an optional field."""

    def __init__(self, step: SenseStep, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(space(1))
        self.invitation = text(step.invitation, "heading")
        layout.addWidget(self.invitation)
        layout.addWidget(text(step.hint, "reading"))
        layout.addSpacing(space(1))
        self.note = QLineEdit()
        self.note.setMaxLength(NOTE_MAX_LENGTH)
        self.note.setPlaceholderText(self.tr("If you like, write a word or two here"))
        self.note.setAccessibleName(step.field_name)
        self.note.setAccessibleDescription(self.tr("Optional. This is not saved."))
        layout.addWidget(self.note)
        layout.addWidget(text(self.tr("Only for this moment; nothing here is saved."), "muted"))
        layout.addStretch(1)  # the words stay at the top whatever the height of the steps


class GroundingExercise(QWidget):
    """Five steps and a closing page. `done_requested` asks to go back to the overview."""

    done_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Grounding exercise, 5-4-3-2-1"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(space(2))
        self.progress = text("", "muted")
        self.progress.setAccessibleName(self.tr("Where you are in the exercise"))
        layout.addWidget(self.progress)
        self.steps = QStackedWidget()
        self.sense_steps = [GroundingStep(step) for step in self._senses()]
        for page in self.sense_steps:
            page.note.returnPressed.connect(self.next)
            self.steps.addWidget(page)
        self.closing = self._closing_page()
        self.steps.addWidget(self.closing)
        layout.addWidget(self.steps)
        layout.addWidget(self._navigation())
        layout.addStretch(1)
        self.restart()

    def _senses(self) -> list[SenseStep]:
        return [
            SenseStep(
                self.tr("Notice five things you can see."),
                self.tr(
                    "Let your eyes move slowly around you. Anything counts: a colour, a shape, "
                    "the light on a wall."
                ),
                self.tr("Five things you can see (optional)"),
            ),
            SenseStep(
                self.tr("Notice four things you can touch."),
                self.tr(
                    "The chair beneath you, your feet on the floor, the fabric of your clothes. "
                    "You might reach out and feel them."
                ),
                self.tr("Four things you can touch (optional)"),
            ),
            SenseStep(
                self.tr("Notice three things you can hear."),
                self.tr(
                    "Sounds near and far: a clock, traffic, your own breath. There is no need to "
                    "name them perfectly."
                ),
                self.tr("Three things you can hear (optional)"),
            ),
            SenseStep(
                self.tr("Notice two things you can smell."),
                self.tr(
                    "The air, your skin, a cup of tea. If nothing comes, you might remember a "
                    "smell you like."
                ),
                self.tr("Two things you can smell (optional)"),
            ),
            SenseStep(
                self.tr("Notice one thing you can taste."),
                self.tr(
                    "Perhaps coffee, toothpaste or just your own mouth. A sip of water helps too."
                ),
                self.tr("One thing you can taste (optional)"),
            ),
        ]

    def _closing_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(space(1))
        layout.addWidget(text(self.tr("Thank you for taking this moment."), "heading"))
        layout.addWidget(
            text(
                self.tr(
                    "You are here, in this moment. You can come back to this exercise whenever "
                    "you need it, as often as you like."
                ),
                "reading",
            )
        )
        layout.addStretch(1)
        return page

    def _navigation(self) -> QWidget:
        bar = QWidget()
        row = QHBoxLayout(bar)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(space(1))
        self.back_button = QPushButton(self.tr("Back"))
        self.back_button.setAccessibleName(self.tr("Back to the previous sense"))
        self.back_button.clicked.connect(self.back)
        self.again_button = QPushButton(self.tr("Start again"))
        self.again_button.setAccessibleName(self.tr("Start the exercise again"))
        self.again_button.clicked.connect(self.restart)
        self.next_button = QPushButton(self.tr("Next"))
        self.next_button.setObjectName("primary")
        self.next_button.clicked.connect(self.next)
        row.addWidget(self.back_button)
        row.addWidget(self.again_button)
        row.addStretch(1)
        row.addWidget(self.next_button)
        return bar

    # Moving through the steps ---------------------------------------------------------------

    @property
    def position(self) -> int:
        """0–4 for the senses, 5 for the closing page."""
        return self.steps.currentIndex()

    def is_finished(self) -> bool:
        return self.steps.currentWidget() is self.closing

    def restart(self) -> None:
        """Back to the first sense, with every field empty."""
        for page in self.sense_steps:
            page.note.clear()
        self._go_to(0)

    def next(self) -> None:
        if self.is_finished():
            self.done_requested.emit()
        else:
            self._go_to(self.position + 1)

    def back(self) -> None:
        if 0 < self.position < len(self.sense_steps):
            self._go_to(self.position - 1)

    def _go_to(self, position: int) -> None:
        self.steps.setCurrentIndex(position)
        count = len(self.sense_steps)
        finished = self.is_finished()
        self.progress.setText(
            self.tr("Done") if finished else fill(self.tr("Step %1 of %2"), position + 1, count)
        )
        # Hidden rather than greyed out where it cannot go anywhere.
        self.back_button.setVisible(position > 0 and not finished)
        self.again_button.setVisible(finished)
        if finished:
            self.next_button.setText(self.tr("Back to Support"))
            self.next_button.setAccessibleName(self.tr("Back to all the ways of support"))
        elif position == count - 1:
            self.next_button.setText(self.tr("Finish"))
            self.next_button.setAccessibleName(self.tr("Finish the exercise"))
        else:
            self.next_button.setText(self.tr("Next"))
            self.next_button.setAccessibleName(self.tr("Next sense"))
        self.focus_current()

    def focus_current(self) -> None:
        if self.is_finished():
            self.next_button.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.sense_steps[self.position].note.setFocus(Qt.FocusReason.OtherFocusReason)
