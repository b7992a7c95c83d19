"""One question of a questionnaire on its own page: the published words and large answers.

The instructions and the item are shown exactly as the data file has them (a validated
questionnaire loses its validity if reworded). Each answer is a large radio button that also
names the number key choosing it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from kapcompanion.data_files.questionnaires import Option
from kapcompanion.wording.translation import fill
from ui.widgets.building_blocks import calm_scroll_area, text
from ui.widgets.style import space
from ui.widgets.wording import scaled_font


class OptionsPage(QWidget):
    """A question with one answer to choose; `chosen` carries the value the client picked."""

    chosen = Signal(int)

    def __init__(
        self,
        stem: str,
        question: str,
        options: tuple[Option, ...],
        *,
        note: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.question = question
        self._quiet = False
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        content = QWidget()
        content.setObjectName("page")
        self._layout = QVBoxLayout(content)
        self._layout.setContentsMargins(space(4), space(2), space(4), space(2))
        self._layout.setSpacing(space(1))
        if stem:
            self._layout.addWidget(text(stem, "muted"))
            self._layout.addSpacing(space(1))
        self.question_label = text(question, "heading")
        self._layout.addWidget(self.question_label)
        if note:
            self._layout.addWidget(text(note, "muted"))
        self._layout.addSpacing(space(1))

        self.group = QButtonGroup(self)
        self.buttons: dict[int, QRadioButton] = {}
        for option in options:
            button = QRadioButton(fill(self.tr("%1 · %2"), option.value, option.label))
            button.setFont(scaled_font(button.font(), "reading"))
            button.setMinimumHeight(space(5))
            button.setAccessibleName(option.label)
            button.setAccessibleDescription(
                fill(self.tr("Press %1 to choose this answer to: %2"), option.value, question)
            )
            self.group.addButton(button, option.value)
            self.buttons[option.value] = button
            self._layout.addWidget(button)
        self.group.idToggled.connect(self._toggled)
        highest = max(option.value for option in options)
        self._layout.addSpacing(space(1))
        self.hint = text(
            fill(
                self.tr("Press %1 to %2 to choose, then Enter to go on."),
                min(option.value for option in options),
                highest,
            ),
            "muted",
        )
        self._layout.addWidget(self.hint)
        self._below = QVBoxLayout()
        self._below.setContentsMargins(0, space(1), 0, 0)
        self._layout.addLayout(self._below)
        self._layout.addStretch(1)
        self.scroller = calm_scroll_area(content)
        outer.addWidget(self.scroller)

    def add_below(self, widget: QWidget) -> None:
        """Place `widget` under the answers (the safety note on PHQ-9 item 9)."""
        self._below.addWidget(widget)

    def bring_into_view(self, widget: QWidget) -> None:
        """Scroll so `widget` shows, in a small window too (once the layout has settled)."""
        QTimer.singleShot(0, lambda: self.scroller.ensureWidgetVisible(widget, 0, space(2)))

    def value(self) -> int | None:
        checked = self.group.checkedId()
        return None if checked < 0 else checked

    def set_value(self, value: int | None) -> None:
        """Show `value` as chosen (or nothing chosen) without announcing a choice."""
        self._quiet = True
        try:
            if value is None or value not in self.buttons:
                self.group.setExclusive(False)
                for button in self.buttons.values():
                    button.setChecked(False)
                self.group.setExclusive(True)
            else:
                self.buttons[value].setChecked(True)
        finally:
            self._quiet = False

    def choose(self, value: int) -> bool:
        """Choose `value` as the client would (a number key); False if it is not an answer."""
        button = self.buttons.get(value)
        if button is None:
            return False
        button.setFocus(Qt.FocusReason.OtherFocusReason)
        self.bring_into_view(button)
        if button.isChecked():
            self.chosen.emit(value)  # chosen again: still a choice, e.g. to show the note
        else:
            button.setChecked(True)
        return True

    def focus_answer(self) -> None:
        """Put the keyboard on the chosen answer, or on the first one."""
        value = self.value()
        target = self.buttons.get(value) if value is not None else None
        if target is None:
            target = next(iter(self.buttons.values()))
        target.setFocus(Qt.FocusReason.OtherFocusReason)
        self.bring_into_view(target)

    def _toggled(self, value: int, checked: bool) -> None:
        if checked:
            self.bring_into_view(self.buttons[value])  # arrow keys move the choice too
        if checked and not self._quiet:
            self.chosen.emit(value)
