"""A paced-breathing exercise: a circle that grows as you breathe in and shrinks as you breathe
out. With "reduce motion" it shows a quiet count instead of moving. Never forced: the client
can continue or stop at any time.
"""

from __future__ import annotations

from PySide6.QtCore import (
    Property,
    QEasingCurve,
    QPointF,
    QRectF,
    QSequentialAnimationGroup,
    Qt,
    QTimer,
    QVariantAnimation,
    Signal,
)
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QShowEvent
from PySide6.QtWidgets import QDialog, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from kapcompanion.wording.translation import fill
from ui.widgets.building_blocks import text
from ui.widgets.style import space

BREATHE_IN_SECONDS = 4
BREATHE_OUT_SECONDS = 6


class PacerCircle(QWidget):
    """Draws the breathing circle at the current fraction (0 = out, 1 = full breath)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._fraction = 0.0
        self.setMinimumSize(160, 160)
        self.setAccessibleName(self.tr("Breathing circle"))

    def get_fraction(self) -> float:
        return self._fraction

    def set_fraction(self, value: float) -> None:
        self._fraction = value
        self.update()

    fraction = Property(float, get_fraction, set_fraction)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        side = min(self.width(), self.height())
        largest = side / 2 - 4
        radius = largest * (0.35 + 0.65 * self._fraction)
        centre = QPointF(self.width() / 2, self.height() / 2)
        accent = self.palette().color(QPalette.ColorRole.Accent)
        halo = QColor(accent)
        halo.setAlphaF(0.18)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(halo)
        painter.drawEllipse(
            QRectF(centre.x() - largest, centre.y() - largest, 2 * largest, 2 * largest)
        )
        painter.setBrush(accent)
        painter.drawEllipse(centre, radius, radius)


class BreathingPacer(QWidget):
    """The exercise itself: circle (or count), the instruction, and the rhythm."""

    def __init__(
        self,
        *,
        reduce_motion: bool,
        breathe_in_seconds: int = BREATHE_IN_SECONDS,
        breathe_out_seconds: int = BREATHE_OUT_SECONDS,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.reduce_motion = reduce_motion
        self.breathe_in_seconds = breathe_in_seconds
        self.breathe_out_seconds = breathe_out_seconds
        layout = QVBoxLayout(self)
        layout.setSpacing(space(2))
        self.circle = PacerCircle()
        self.instruction = text("", "heading")
        self.instruction.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.instruction.setAccessibleName(self.tr("Breathing instruction"))
        layout.addWidget(self.circle, 1)
        layout.addWidget(self.instruction)
        self.circle.setVisible(not reduce_motion)
        self._phase_seconds_left = 0
        self._breathing_in = True
        self._ticker = QTimer(self)
        self._ticker.setInterval(1000)
        self._ticker.timeout.connect(self._tick)
        self._animation = QSequentialAnimationGroup(self)
        self._steps: list[QVariantAnimation] = []
        for start, end in ((0.0, 1.0), (1.0, 0.0)):
            step = QVariantAnimation(self)
            step.setStartValue(start)
            step.setEndValue(end)
            step.setEasingCurve(QEasingCurve.Type.InOutSine)
            step.valueChanged.connect(self.circle.set_fraction)
            self._animation.addAnimation(step)
            self._steps.append(step)
        self._animation.setLoopCount(-1)
        self.set_rhythm(breathe_in_seconds, breathe_out_seconds)

    def set_rhythm(self, breathe_in_seconds: int, breathe_out_seconds: int) -> None:
        """Seconds to breathe in and out (e.g. 4 and 6)."""
        self.breathe_in_seconds = breathe_in_seconds
        self.breathe_out_seconds = breathe_out_seconds
        durations = (breathe_in_seconds, breathe_out_seconds)
        for step, seconds in zip(self._steps, durations, strict=True):
            step.setDuration(seconds * 1000)

    def is_running(self) -> bool:
        return self._ticker.isActive()

    def start(self) -> None:
        self._breathing_in = True
        self._phase_seconds_left = self.breathe_in_seconds
        self._show()
        self._ticker.start()
        if not self.reduce_motion:
            self._animation.start()

    def stop(self) -> None:
        self._ticker.stop()
        self._animation.stop()

    def _tick(self) -> None:
        self._phase_seconds_left -= 1
        if self._phase_seconds_left <= 0:
            self._breathing_in = not self._breathing_in
            self._phase_seconds_left = (
                self.breathe_in_seconds if self._breathing_in else self.breathe_out_seconds
            )
        self._show()

    def _show(self) -> None:
        words = self.tr("Breathe in") if self._breathing_in else self.tr("Breathe out")
        self.instruction.setText(fill(self.tr("%1 … %2"), words, self._phase_seconds_left))


class GroundingPause(QDialog):
    """Offered, never forced: a few slow breaths, then continue or stop for now."""

    stop_requested = Signal()

    def __init__(self, *, reduce_motion: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("A pause to breathe"))
        self.setAccessibleName(self.tr("A pause to breathe"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(space(3), space(3), space(3), space(3))
        layout.setSpacing(space(2))
        layout.addWidget(
            text(
                self.tr(
                    "Let your breath lead for a moment. Breathe in while the circle grows, and out "
                    "while it gets smaller. There is no right way to do this."
                ),
                "reading",
            )
        )
        self.pacer = BreathingPacer(reduce_motion=reduce_motion)
        layout.addWidget(self.pacer, 1)
        buttons = QHBoxLayout()
        stop = QPushButton(self.tr("Stop for now"))
        stop.setAccessibleName(self.tr("Stop for now; your words are saved"))
        stop.clicked.connect(self._stop)
        carry_on = QPushButton(self.tr("Continue when ready"))
        carry_on.setObjectName("primary")
        carry_on.setAccessibleName(self.tr("Continue when ready"))
        carry_on.setDefault(True)
        carry_on.clicked.connect(self.accept)
        buttons.addWidget(stop)
        buttons.addStretch(1)
        buttons.addWidget(carry_on)
        layout.addLayout(buttons)
        layout.addWidget(text(self.tr("Your words are saved either way."), "muted"))
        self.resize(460, 520)
        self.finished.connect(lambda _result: self.pacer.stop())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.pacer.start()

    def _stop(self) -> None:
        self.stop_requested.emit()
        self.reject()
