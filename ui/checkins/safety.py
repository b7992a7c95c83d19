"""The calm note shown when PHQ-9 item 9 is answered above 0: the way to the safety plan.

It sits in the flow (and on the result), in the amber attention style, with the way to the
client's safety plan and crisis contacts and, in the flow, a way simply to go on. It never
blocks, never lectures, and stores nothing: the flag is derived from the answers.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from ui.widgets.building_blocks import text
from ui.widgets.style import space


class SafetyNote(QFrame):
    """A short, kind message with "See my safety plan and who to contact" (and "Continue")."""

    safety_plan_requested = Signal()
    continue_requested = Signal()

    def __init__(self, *, in_flow: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("offer")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(space(2), space(2), space(2), space(2))
        layout.setSpacing(space(1))
        if in_flow:
            words = self.tr(
                "Thank you for answering this honestly. Thoughts like these can be heavy to "
                "carry, and you do not have to carry them alone. If you like, you can look at "
                "your safety plan and the people you can contact now. You can also continue."
            )
        else:
            words = self.tr(
                "Some of your answers were about thoughts of being better off dead or of hurting "
                "yourself. If you like, your safety plan and the people you can contact are one "
                "click away. You might also bring this to your therapist."
            )
        self.message = text(words, "reading")
        layout.addWidget(self.message)
        layout.addSpacing(space(1))
        row = QHBoxLayout()
        row.setSpacing(space(1))
        self.safety_plan_button = QPushButton(self.tr("See my safety plan and who to contact"))
        self.safety_plan_button.setAccessibleName(self.tr("See my safety plan and who to contact"))
        self.safety_plan_button.setAccessibleDescription(words)
        self.safety_plan_button.clicked.connect(self.safety_plan_requested)
        row.addWidget(self.safety_plan_button)
        self.continue_button: QPushButton | None = None
        if in_flow:
            self.continue_button = QPushButton(self.tr("Continue"))
            self.continue_button.setAccessibleName(self.tr("Continue with the questions"))
            self.continue_button.clicked.connect(self.continue_requested)
            row.addWidget(self.continue_button)
        row.addStretch(1)
        layout.addLayout(row)
