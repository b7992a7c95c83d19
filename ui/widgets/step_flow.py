"""The frame every step-by-step flow shares (a reflection, a questionnaire): a title with
"where you are" beside it, and a bar of Save-and-finish-later, Back, Skip and Next.

The flows give their own words; they connect the buttons themselves.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from ui.widgets.building_blocks import page_header, text
from ui.widgets.focus import chain_tab_order, last_focusable_in
from ui.widgets.style import space


def step_header(title: str, progress_name: str) -> tuple[QWidget, QLabel]:
    """The flow's title, and the label beside it that says where the client is."""
    header = QWidget()
    layout = QHBoxLayout(header)
    layout.setContentsMargins(space(4), space(3), space(4), 0)
    layout.addWidget(page_header(title), 1)
    progress = text("", "muted", wrap=False)
    progress.setAccessibleName(progress_name)
    layout.addWidget(progress, 0, Qt.AlignmentFlag.AlignTop)
    return header, progress


class StepFlow(Protocol):
    """What a step-by-step flow does when its buttons are pressed."""

    def pause(self) -> object: ...

    def back(self) -> object: ...

    def skip(self) -> object: ...

    def next(self) -> object: ...


@dataclass(frozen=True)
class StepButtons:
    """The step bar and its buttons: pause on the left, back, skip and the primary next on the
    right."""

    bar: QWidget
    pause: QPushButton
    back: QPushButton
    skip: QPushButton
    next: QPushButton

    def connect_to(self, flow: StepFlow) -> None:
        """Each button does what its name says in `flow`."""
        self.pause.clicked.connect(flow.pause)
        self.back.clicked.connect(flow.back)
        self.skip.clicked.connect(flow.skip)
        self.next.clicked.connect(flow.next)

    def follow(self, step: QWidget | None) -> None:
        """Tab goes from the last control on `step` to these buttons, in the order they are
        seen, before it leaves the flow for the sidebar. The steps are made after the bar, so
        Qt's chain (the order widgets were made) would visit the sidebar first."""
        if step is None:
            return
        last = last_focusable_in(step) or step
        chain_tab_order([last, self.pause, self.back, self.skip, self.next])


Words = tuple[str, str]  # a button's label and its accessible name


def step_buttons(*, pause: Words, back: Words, skip: Words, next_: Words) -> StepButtons:
    """The bar, with each button's (label, accessible name)."""
    buttons = StepButtons(
        QWidget(), _button(*pause), _button(*back), _button(*skip), _button(*next_)
    )
    buttons.next.setObjectName("primary")
    bar = buttons.bar
    layout = QHBoxLayout(bar)
    layout.setContentsMargins(space(4), space(2), space(4), space(3))
    layout.setSpacing(space(1))
    layout.addWidget(buttons.pause)
    layout.addStretch(1)
    for button in (buttons.back, buttons.skip, buttons.next):
        layout.addWidget(button)
    return buttons


def _button(label: str, name: str) -> QPushButton:
    button = QPushButton(label)
    button.setAccessibleName(name)
    return button
