"""An insight's small step, inside its card: "What I'll try", how far along it is, and dated
notes on how it is going.

With no step yet the card offers "Add a small step". Notes are kept tidy: only the latest shows
until the client asks for all of them. The editor only says what the client asked for (its
signals); the board makes the change and hands the editor the new state with `set_data`.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kapcompanion.domain import Commitment, CommitmentNote, CommitmentStatus
from kapcompanion.wording.translation import fill
from ui.insights.panel import leave_on_escape, save_and_cancel_row, well
from ui.insights.style import ACTION, LINK, SECTION
from ui.widgets.building_blocks import clear_layout, text
from ui.widgets.style import space
from ui.widgets.wording import day_text

CONTEXT = "CommitmentEditor"
STEP_MAX_LENGTH = 300
NOTE_MAX_LENGTH = 1000


def status_label(status: CommitmentStatus) -> str:
    """How a step's status reads on screen."""
    labels = {
        CommitmentStatus.NOT_STARTED: QCoreApplication.translate(CONTEXT, "Not started yet"),
        CommitmentStatus.TRYING: QCoreApplication.translate(CONTEXT, "Trying it"),
        CommitmentStatus.PART_OF_LIFE: QCoreApplication.translate(CONTEXT, "Part of my life now"),
    }
    return labels[CommitmentStatus(status)]


class CommitmentEditor(QWidget):
    """The small step of one insight (or the offer to add one)."""

    commitment_added = Signal(str)  # the step's words
    status_chosen = Signal(int, str)  # commitment id, CommitmentStatus value
    note_added = Signal(int, str)  # commitment id, the note's words

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._commitment: Commitment | None = None
        self._notes: tuple[CommitmentNote, ...] = ()
        self._notes_shown: tuple[CommitmentNote, ...] | None = None  # what the list now shows
        self._about = ""
        self._all_notes_shown = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(space(1))

        offer_row = QHBoxLayout()
        self.add_step_button = QPushButton(self.tr("Add a small step"))
        self.add_step_button.setObjectName(ACTION)
        self.add_step_button.clicked.connect(self.start_adding)
        offer_row.addWidget(self.add_step_button)
        offer_row.addStretch(1)
        layout.addLayout(offer_row)

        self.composer = self._build_composer()
        layout.addWidget(self.composer)
        self.step_well = self._build_step_well()
        layout.addWidget(self.step_well)
        self.composer.hide()
        self.step_well.hide()

    # Building -------------------------------------------------------------------------------

    def _build_composer(self) -> QFrame:
        frame, layout = well()
        layout.addWidget(text(self.tr("What I'll try"), SECTION))
        layout.addWidget(
            text(self.tr("Something small you might try in daily life, if you like."), "muted")
        )
        self.step_edit = QLineEdit()
        self.step_edit.setMaxLength(STEP_MAX_LENGTH)
        self.step_edit.setPlaceholderText(self.tr("For example: a short walk after lunch"))
        self.step_edit.returnPressed.connect(self._save_step)
        self.step_edit.textChanged.connect(self._step_text_changed)
        layout.addWidget(self.step_edit)
        self.save_step_button = QPushButton(self.tr("Save step"))
        self.save_step_button.setEnabled(False)
        self.save_step_button.setObjectName(ACTION)
        self.save_step_button.clicked.connect(self._save_step)
        self.cancel_step_button = QPushButton(self.tr("Cancel"))
        self.cancel_step_button.setObjectName(ACTION)
        self.cancel_step_button.clicked.connect(self.stop_adding)
        layout.addLayout(save_and_cancel_row(self.save_step_button, self.cancel_step_button))
        leave_on_escape(frame, self._leave_composer)
        return frame

    def _build_step_well(self) -> QFrame:
        frame, layout = well()
        layout.addWidget(text(self.tr("What I'll try"), SECTION))
        self.step_text = text("", selectable=True)
        layout.addWidget(self.step_text)
        status_row = QHBoxLayout()
        self.status_box = QComboBox()
        for status in CommitmentStatus:
            self.status_box.addItem(status_label(status), status.value)
        self.status_box.currentIndexChanged.connect(self._status_changed)
        status_row.addWidget(self.status_box)
        status_row.addStretch(1)
        layout.addLayout(status_row)

        layout.addSpacing(space(1))
        layout.addWidget(text(self.tr("How it's going"), SECTION))
        self._notes_layout = QVBoxLayout()
        self._notes_layout.setSpacing(space(1))
        layout.addLayout(self._notes_layout)
        more_row = QHBoxLayout()
        self.show_all_button = QPushButton()
        self.show_all_button.setObjectName(LINK)
        self.show_all_button.clicked.connect(self._toggle_all_notes)
        more_row.addWidget(self.show_all_button)
        more_row.addStretch(1)
        layout.addLayout(more_row)

        note_row = QHBoxLayout()
        note_row.setSpacing(space(1))
        self.note_edit = QLineEdit()
        self.note_edit.setMaxLength(NOTE_MAX_LENGTH)
        self.note_edit.setPlaceholderText(self.tr("How did it go? A few words, if you like"))
        self.note_edit.returnPressed.connect(self._add_note)
        self.note_edit.textChanged.connect(self._note_text_changed)
        self.add_note_button = QPushButton(self.tr("Add a note"))
        self.add_note_button.setEnabled(False)
        self.add_note_button.setObjectName(ACTION)
        self.add_note_button.clicked.connect(self._add_note)
        note_row.addWidget(self.note_edit, 1)
        note_row.addWidget(self.add_note_button)
        layout.addLayout(note_row)
        return frame

    # State ----------------------------------------------------------------------------------

    def commitment(self) -> Commitment | None:
        return self._commitment

    def set_data(
        self, about: str, commitment: Commitment | None, notes: Sequence[CommitmentNote]
    ) -> None:
        """Show `commitment` (or the offer to add one) for the insight whose words are `about`."""
        composing = self.composer.isVisibleTo(self)
        was_composing_with_focus = composing and self.composer.isAncestorOf(self.focusWidget())
        self._about = about
        self._commitment = commitment
        self._notes = tuple(notes)
        self._name_controls()
        if commitment is None:
            self.step_well.hide()
            self.add_step_button.setVisible(not composing)
            return
        self.composer.hide()
        self.add_step_button.hide()
        self.step_well.show()
        self.step_text.setText(commitment.text)
        self.status_box.blockSignals(True)
        self.status_box.setCurrentIndex(self.status_box.findData(commitment.status.value))
        self.status_box.blockSignals(False)
        if self._notes != self._notes_shown:
            self._show_notes()
        if was_composing_with_focus:
            self.status_box.setFocus(Qt.FocusReason.OtherFocusReason)

    def _name_controls(self) -> None:
        about = self._about
        step = self._commitment.text if self._commitment is not None else ""
        self.add_step_button.setAccessibleName(fill(self.tr("Add a small step for: %1"), about))
        self.step_edit.setAccessibleName(fill(self.tr("A small step to try, for: %1"), about))
        self.save_step_button.setAccessibleName(fill(self.tr("Save the small step for: %1"), about))
        self.cancel_step_button.setAccessibleName(
            fill(self.tr("Cancel adding a small step for: %1"), about)
        )
        self.status_box.setAccessibleName(fill(self.tr("How far along: %1"), step))
        self.note_edit.setAccessibleName(fill(self.tr("A note on how it's going: %1"), step))
        self.add_note_button.setAccessibleName(fill(self.tr("Add this note to: %1"), step))

    def _show_notes(self) -> None:
        self._notes_shown = self._notes
        clear_layout(self._notes_layout)
        newest_first = list(reversed(self._notes))
        if not newest_first:
            self._notes_layout.addWidget(
                text(
                    self.tr("No notes yet. You might jot down how it went, now and then."), "muted"
                )
            )
        shown = newest_first if self._all_notes_shown else newest_first[:1]
        locale = QLocale()
        for note in shown:
            self._notes_layout.addWidget(self._note_widget(note, locale))
        many = len(newest_first) > 1
        self.show_all_button.setVisible(many)
        if self._all_notes_shown:
            label = self.tr("Show only the latest note")
        else:
            label = fill(self.tr("Show all %1 notes"), locale.toString(len(newest_first)))
        self.show_all_button.setText(label)
        step = self._commitment.text if self._commitment is not None else ""
        self.show_all_button.setAccessibleName(fill(self.tr("%1, for: %2"), label, step))

    def _note_widget(self, note: CommitmentNote, locale: QLocale) -> QWidget:
        holder = QWidget()
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(text(day_text(note.noted_at, locale), "muted"))
        layout.addWidget(text(note.text, selectable=True))
        return holder

    def focus_chain(self) -> list[QWidget]:
        return [
            self.add_step_button,
            self.step_edit,
            self.save_step_button,
            self.cancel_step_button,
            self.status_box,
            self.show_all_button,
            self.note_edit,
            self.add_note_button,
        ]

    # Actions --------------------------------------------------------------------------------

    def start_adding(self) -> None:
        """Open the field for a new small step."""
        self.add_step_button.hide()
        self.step_edit.clear()
        self.composer.show()
        self.step_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def stop_adding(self) -> None:
        had_focus = self.composer.isAncestorOf(self.focusWidget())
        self.composer.hide()
        if self._commitment is None:
            self.add_step_button.show()
            if had_focus:
                self.add_step_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _leave_composer(self) -> None:
        # Esc keeps what was written, as everywhere; with nothing written it only leaves.
        if self.step_edit.text().strip():
            self._save_step()
        else:
            self.stop_adding()

    def keep_typed_note(self) -> None:
        """Add the note typed but not yet added, before the card closes."""
        self._add_note()

    def _step_text_changed(self, words: str) -> None:
        self.save_step_button.setEnabled(bool(words.strip()))

    def _save_step(self) -> None:
        words = self.step_edit.text().strip()
        if words:
            self.commitment_added.emit(words)

    def _status_changed(self, index: int) -> None:
        if self._commitment is None or index < 0:
            return
        self.status_chosen.emit(int(self._commitment.id), str(self.status_box.itemData(index)))

    def _toggle_all_notes(self) -> None:
        self._all_notes_shown = not self._all_notes_shown
        self._show_notes()

    def _note_text_changed(self, words: str) -> None:
        self.add_note_button.setEnabled(bool(words.strip()))

    def _add_note(self) -> None:
        words = self.note_edit.text().strip()
        if self._commitment is None or not words:
            return
        self.note_added.emit(int(self._commitment.id), words)

    def note_saved(self) -> None:
        """The board kept the note: clear the field for the next one."""
        self.note_edit.clear()
