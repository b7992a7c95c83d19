"""A 0–10 distress rating with plain words for each range, and an honest "not rated" state."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QSlider, QVBoxLayout, QWidget

from ui.building_blocks import text
from ui.translation import fill


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
    """Slider from 0 to 10; it counts as rated only once the client moves it."""

    rated = Signal(int)

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
        layout.addWidget(self.slider)
        ends = QHBoxLayout()
        ends.addWidget(text(self.tr("0 · calm"), "muted", wrap=False))
        ends.addStretch(1)
        ends.addWidget(text(self.tr("10 · the most"), "muted", wrap=False))
        layout.addLayout(ends)
        self.reading = text("", "reading")
        self.reading.setAccessibleName(self.tr("Your rating"))
        layout.addWidget(self.reading)
        self._show()

    def value(self) -> int | None:
        return self._value

    def set_value(self, value: int | None) -> None:
        self._value = value
        self.slider.blockSignals(True)
        self.slider.setValue(value or 0)
        self.slider.blockSignals(False)
        self._show()

    def _moved(self, value: int) -> None:
        self._value = value
        self._show()
        self.rated.emit(value)

    def _show(self) -> None:
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
