"""Paced breathing on the Support screen: the shared breathing pacer with a choice of rhythm,
started and paused by the client. With "reduce motion" the pacer shows a count instead of the
moving circle.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kapcompanion.wording.translation import fill
from ui.widgets.breathing_pacer import BreathingPacer
from ui.widgets.building_blocks import text
from ui.widgets.style import space


@dataclass(frozen=True)
class Rhythm:
    breathe_in: int  # seconds
    breathe_out: int


RHYTHMS = (Rhythm(4, 6), Rhythm(4, 4), Rhythm(5, 5))


class RhythmicPacer(BreathingPacer):
    """The shared breathing pacer at one of the rhythms offered here."""

    def __init__(
        self, rhythm: Rhythm, *, reduce_motion: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            reduce_motion=reduce_motion,
            breathe_in_seconds=rhythm.breathe_in,
            breathe_out_seconds=rhythm.breathe_out,
            parent=parent,
        )
        self.rhythm = rhythm

    def use_rhythm(self, rhythm: Rhythm) -> None:
        self.rhythm = rhythm
        self.set_rhythm(rhythm.breathe_in, rhythm.breathe_out)


class BreathingPractice(QWidget):
    """A few words, the rhythm choice, the pacer, and Start / Pause."""

    def __init__(self, reduce_motion: Callable[[], bool], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Paced breathing"))
        self._reduce_motion = reduce_motion
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(space(2))
        self.explanation = text("", "reading")
        layout.addWidget(self.explanation)

        controls = QHBoxLayout()
        controls.setSpacing(space(1))
        self.rhythm_choice = QComboBox()
        self.rhythm_choice.setAccessibleName(self.tr("Breathing rhythm"))
        for rhythm in RHYTHMS:
            self.rhythm_choice.addItem(
                fill(self.tr("%1 seconds in, %2 out"), rhythm.breathe_in, rhythm.breathe_out)
            )
        self.rhythm_choice.currentIndexChanged.connect(self._rhythm_chosen)
        self.start_button = QPushButton()
        self.start_button.setObjectName("primary")
        self.start_button.clicked.connect(self.toggle)
        rhythm_label = text(self.tr("Rhythm"), "muted", wrap=False)
        rhythm_label.setBuddy(self.rhythm_choice)
        controls.addWidget(rhythm_label)
        controls.addWidget(self.rhythm_choice)
        controls.addStretch(1)
        controls.addWidget(self.start_button)
        layout.addLayout(controls)

        self.pacer = self._new_pacer()
        layout.addWidget(self.pacer, 1)
        self._show_idle()

    def _new_pacer(self) -> RhythmicPacer:
        pacer = RhythmicPacer(self.rhythm(), reduce_motion=self._reduce_motion())
        pacer.setAccessibleName(self.tr("Breathing pacer"))
        return pacer

    def rhythm(self) -> Rhythm:
        return RHYTHMS[max(self.rhythm_choice.currentIndex(), 0)]

    def prepare(self) -> None:
        """Get ready to be shown: follow the current reduce-motion choice, paused."""
        self.pause()
        if self.pacer.reduce_motion != self._reduce_motion():
            layout = self.layout()
            assert isinstance(layout, QVBoxLayout)
            old = self.pacer
            self.pacer = self._new_pacer()
            layout.replaceWidget(old, self.pacer)
            old.deleteLater()
        self._show_idle()

    def _show_idle(self) -> None:
        if self.pacer.reduce_motion:
            words = self.tr(
                "Breathe in and out with the words and the count. There is no right way; you "
                "can stop whenever you like."
            )
        else:
            words = self.tr(
                "Breathe in as the circle grows, and out as it gets smaller. There is no right "
                "way; you can stop whenever you like."
            )
        self.explanation.setText(words)
        self.pacer.instruction.setText(self.tr("Start when you are ready."))
        self._label_button()

    def _label_button(self) -> None:
        running = self.pacer.is_running()
        self.start_button.setText(self.tr("Pause") if running else self.tr("Start"))
        self.start_button.setAccessibleName(
            self.tr("Pause the breathing") if running else self.tr("Start breathing")
        )

    def is_running(self) -> bool:
        return self.pacer.is_running()

    def start(self) -> None:
        self.pacer.start()
        self._label_button()

    def pause(self) -> None:
        if self.pacer.is_running():
            self.pacer.stop()
            self.pacer.instruction.setText(self.tr("Paused. Start again whenever you like."))
        self._label_button()

    def toggle(self) -> None:
        if self.is_running():
            self.pause()
        else:
            self.start()

    def _rhythm_chosen(self, _index: int) -> None:
        running = self.is_running()
        self.pacer.stop()
        self.pacer.use_rhythm(self.rhythm())
        if running:
            self.pacer.start()

    def focus_first(self) -> None:
        self.start_button.setFocus(Qt.FocusReason.OtherFocusReason)
