"""A 0–10 distress rating with plain words for each range, and an honest "not rated" state."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QSlider, QVBoxLayout, QWidget

from kapcompanion.wording.translation import fill
from ui.widgets.building_blocks import text


def _tr(source: str) -> str:
    return QCoreApplication.translate("DistressScale", source)


def distress_words(value: int) -> str:
    """Plain words for a rating, without judgement."""
    if value == 0:
        return _tr("calm, no distress")
    if value <= 3:
        return _tr("a little distress")
    if value <= 6:
        return _tr("a moderate amount")
    if value <= 8:
        return _tr("a lot of distress")
    return _tr("the most distress you can imagine")


class DistressScale(QWidget):
    """Slider from 0 to 10; it counts as rated only once the client uses it.

    Arrow keys, Home/End and the number keys 0–9 rate by keyboard; "Clear rating" goes back to
    not rated.
    """

    rated = Signal(int)
    cleared = Signal()

    def __init__(self, question: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._value: int | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.question = text(question, "heading")
        layout.addWidget(self.question)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(0, 10)
        self.slider.setPageStep(1)
        self.slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.slider.setTickInterval(1)
        self.slider.setAccessibleName(question)
        self.slider.setAccessibleDescription(self.tr("0 is calm, 10 is the most distress"))
        self.slider.valueChanged.connect(self._moved)
        self.slider.sliderPressed.connect(lambda: self._moved(self.slider.value()))
        # A key at the end of the scale (Left at 0) changes no value but is still a rating.
        self.slider.actionTriggered.connect(
            lambda _action: QTimer.singleShot(0, lambda: self._moved(self.slider.value()))
        )
        self.slider.installEventFilter(self)
        layout.addWidget(self.slider)
        ends = QHBoxLayout()
        ends.addWidget(text(self.tr("0 · calm"), "muted", wrap=False))
        ends.addStretch(1)
        ends.addWidget(text(self.tr("10 · the most"), "muted", wrap=False))
        layout.addLayout(ends)
        reading_row = QHBoxLayout()
        self.reading = text("", "reading")
        self.reading.setAccessibleName(self.tr("Your rating"))
        reading_row.addWidget(self.reading, 1)
        self.clear_button = QPushButton(self.tr("Clear rating"))
        self.clear_button.setAccessibleName(self.tr("Clear this rating"))
        self.clear_button.clicked.connect(self.clear)
        reading_row.addWidget(self.clear_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(reading_row)
        self._show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Number keys choose a rating directly."""
        if watched is self.slider and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if Qt.Key.Key_0.value <= event.key() <= Qt.Key.Key_9.value:
                value = event.key() - Qt.Key.Key_0.value
                self.slider.setValue(value)
                self._moved(value)
                return True
        return super().eventFilter(watched, event)

    def clear(self) -> None:
        self.set_value(None)
        self.cleared.emit()

    def value(self) -> int | None:
        return self._value

    def set_value(self, value: int | None) -> None:
        self._value = value
        self.slider.blockSignals(True)
        self.slider.setValue(value or 0)
        self.slider.blockSignals(False)
        self._show()

    def _moved(self, value: int) -> None:
        if self._value == value:
            return
        self._value = value
        self._show()
        self.rated.emit(value)

    def _show(self) -> None:
        self.clear_button.setVisible(self._value is not None)
        if self._value is None:
            self.reading.setText(
                self.tr(
                    "Not rated yet. Move the slider with the arrow keys or the mouse, "
                    "or skip this if you prefer."
                )
            )
        else:
            self.reading.setText(
                fill(self.tr("%1 out of 10: %2"), self._value, distress_words(self._value))
            )
