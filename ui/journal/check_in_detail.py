"""One quick check-in opened from the journal: when it was, the distress, and the word or note.

A check-in is a moment's rating, so there is nothing to edit here; the client can go back, or
move it to "recently deleted" (the journal makes that an undoable command and says so on the
timeline). Never writes to the store. Esc goes back.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, Signal
from PySide6.QtWidgets import QWidget

from kapcompanion.ids import DistressRatingId
from kapcompanion.journal import QuickCheckInEntry
from kapcompanion.wording.translation import fill
from ui.journal.entry_page import EntryPage
from ui.journal.wrapped_text import wrapped_text
from ui.widgets.building_blocks import card, text
from ui.widgets.distress_scale import distress_words
from ui.widgets.style import space
from ui.widgets.wording import when_text


class CheckInDetail(EntryPage):
    """A quick check-in in full; `show_check_in` fills it."""

    delete_requested = Signal(int)  # the rating's id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Move this quick check-in to recently deleted"), parent)
        self.setAccessibleName(self.tr("Quick check-in"))
        self._rating_id: DistressRatingId | None = None

        frame, layout = card()
        layout.setSpacing(space(1))
        self.distress_label = text("", "heading")
        layout.addWidget(self.distress_label)
        self.note_label = wrapped_text("", "reading", selectable=True)
        self.note_label.setAccessibleName(self.tr("Your note"))
        layout.addWidget(self.note_label)
        self.no_note_label = text(self.tr("No word or note with this one."), "muted")
        layout.addWidget(self.no_note_label)
        self.body.addWidget(frame)
        self.body.addStretch(1)

    def rating_id(self) -> DistressRatingId | None:
        return self._rating_id

    def show_check_in(self, check_in: QuickCheckInEntry) -> None:
        self._rating_id = check_in.rating_id
        self.header.set_words(self.tr("Quick check-in"), when_text(check_in.rated_at))
        self.distress_label.setText(
            fill(
                self.tr("Distress %1 of 10: %2"),
                QLocale().toString(check_in.distress),
                distress_words(check_in.distress),
            )
        )
        self.note_label.setText(check_in.note)
        self.note_label.setVisible(bool(check_in.note))
        self.no_note_label.setVisible(not check_in.note)

    def _delete(self) -> None:
        if self._rating_id is not None:
            self.delete_requested.emit(int(self._rating_id))
